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
  if (!res.ok) {
    const data = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
    throw new Error(data?.error?.message ?? `The server answered ${res.status}`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `report.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  if (format === "html") window.open(url, "_blank", "noopener");
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
