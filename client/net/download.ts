// Fetches a facilitator-only file (report, recording) and hands it to the browser.
import { serverUrl } from "./api.ts";
import { i18n } from "../i18n/index.ts";

export type ReportFormat = "html" | "md" | "csv" | "json";

/** Downloads the after-action report (or the recording, as "json"); opens the HTML one in a new tab too. */
export async function downloadReport(exerciseId: string, code: string, format: ReportFormat): Promise<void> {
  // the report is written in the participant's language
  const query = `format=${format}&lang=${i18n().lang}&download`;
  const res = await fetch(`${serverUrl()}/api/exercises/${exerciseId}/report?${query}`, {
    headers: { authorization: `Bearer ${code}` },
  });
  const url = await saveAnswer(res, `report.${format}`);
  if (format === "html") window.open(url, "_blank", "noopener");
}

/**
 * Saves a file the server answered with, under the name it gives (else `fallback`); returns its blob URL,
 * kept for a minute. Throws the server's own message when it refused.
 */
export async function saveAnswer(res: Response, fallback: string): Promise<string> {
  if (!res.ok) {
    const data = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
    throw new Error(data?.error?.message ?? `The server answered ${res.status}`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallback;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return url;
}
