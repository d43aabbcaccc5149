// Calls to the HTTP API; an error carries the server's message for display.
import { HttpError } from "../../shared/protocol/http.ts";

export type * from "../../shared/protocol/http.ts";

/** Where the server is: the page's own origin; under `npm run dev`, the backend's port (VITE_SERVER_PORT). */
export function serverUrl(): string {
  const port = import.meta.env.VITE_SERVER_PORT as string | undefined;
  return port ? `${location.protocol}//${location.hostname}:${port}` : location.origin;
}

export async function call<T>(method: string, path: string, body?: unknown, bearer?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${serverUrl()}/api${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new HttpError(
      0,
      "offline",
      "The Deconflict server cannot be reached. Is it running, and is this the right address?",
    );
  }
  const data = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string; params?: Record<string, string | number> };
  } | null;
  if (!res.ok)
    throw new HttpError(
      res.status,
      data?.error?.code ?? "error",
      data?.error?.message ?? `The server answered ${res.status}`,
      data?.error?.params,
    );
  return data as T;
}

/** The organiser code this browser was given (the lobby, the lab, the studio keep it for the session), if any. */
export function organiserCode(): string | undefined {
  return sessionStorage.getItem("deconflict:organiser") || undefined;
}

/** The lobby's scenario list; the studio's saved scenarios are in it only for a caller with the organiser code. */
export function scenarioList<T>(lang?: string): Promise<T[]> {
  return call<T[]>("GET", `/scenarios${lang ? `?lang=${lang}` : ""}`, undefined, organiserCode());
}
