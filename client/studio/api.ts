// The studio's calls to /api/studio, with the organiser code this browser holds (sessionStorage, as the lobby).
import { call, serverUrl } from "../net/api.ts";
import { saveAnswer } from "../net/download.ts";
import type { ScenarioIssue } from "../../shared/scenario/cross-check.ts";

const KEY = "deconflict:organiser";

export function organiserCode(): string | undefined {
  return sessionStorage.getItem(KEY)?.trim() || undefined;
}

export function setOrganiserCode(code: string): void {
  if (code.trim()) sessionStorage.setItem(KEY, code.trim());
  else sessionStorage.removeItem(KEY);
}

/** The Authorization header the side panels send (StudioPanelContext.headers). */
export function organiserHeaders(): Record<string, string> {
  const code = organiserCode();
  return code ? { authorization: `Bearer ${code}` } : {};
}

export interface LibraryEntry {
  id: string;
  title: string;
  builtIn: boolean;
  version: number | null;
  savedAt: number | null;
  turns: number;
  teams: number;
}

export interface VersionEntry {
  version: number;
  savedAt: number;
  note: string;
}

export interface Opened {
  id: string;
  builtIn: boolean;
  version: number | null;
  savedAt: number | null;
  scenario: Record<string, unknown>;
  versions: VersionEntry[];
}

export interface Saved {
  id: string;
  version: number;
  savedAt: number;
}

export type Imported =
  | { ok: true; scenario: Record<string, unknown> }
  // the file's value when it was read (not valid as a scenario), so the studio can word its issues
  | { ok: false; issues: ScenarioIssue[]; scenario?: unknown };

const studio = <T>(method: string, path: string, body?: unknown) =>
  call<T>(method, `/studio${path}`, body, organiserCode());

export const studioApi = {
  /** whether this server asks organisers for a code */
  health: () => call<{ createCodeRequired?: boolean }>("GET", "/health"),
  list: () => studio<{ scenarios: LibraryEntry[] }>("GET", "/scenarios"),
  open: (id: string, version?: number) =>
    studio<Opened>("GET", `/scenarios/${encodeURIComponent(id)}${version ? `?version=${version}` : ""}`),
  save: (id: string, scenario: unknown, note?: string) =>
    studio<Saved>("POST", `/scenarios/${encodeURIComponent(id)}/versions`, { scenario, note: note || undefined }),
  restore: (id: string, version: number) =>
    studio<Saved>("POST", `/scenarios/${encodeURIComponent(id)}/restore`, { version }),
  import: (text: string, name?: string) => studio<Imported>("POST", "/import", { text, name }),
};

/** Downloads a saved scenario's file (JSON or YAML) under the name the server gives it. */
export async function downloadFile(id: string, format: "json" | "yaml", version?: number): Promise<void> {
  const query = `format=${format}${version ? `&version=${version}` : ""}`;
  const res = await fetch(`${serverUrl()}/api/studio/scenarios/${encodeURIComponent(id)}/file?${query}`, {
    headers: organiserHeaders(),
  });
  await saveAnswer(res, `${id}.${format}`);
}
