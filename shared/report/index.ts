// renderReport(recordingJson, format): the after-action report of a recording
// file, or the reason it cannot be made. The recording is verified first
// (loadRecording), so a tampered or truncated file is refused by name, and so
// is one recorded under rules this engine does not play (checkRules).
import { loadRecording, type Integrity } from "../protocol/integrity.ts";
import { checkRules, type RulesMode } from "../engine/rules.ts";
import { analyze } from "./analyze.ts";
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { renderCsv } from "./csv.ts";
import { slug } from "./format.ts";
import { reportLanguage } from "./language.ts";
import type { Locale } from "../i18n/index.ts";
import type { ReportMedia } from "./attachments.ts";

export { analyze, ReportError } from "./analyze.ts";
export { renderHtml } from "./html.ts";
export { renderMarkdown } from "./markdown.ts";
export { renderCsv } from "./csv.ts";
export { reportLanguage, type ReportLanguage } from "./language.ts";
export type * from "./types.ts";

export const REPORT_FORMATS = ["html", "md", "csv", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** integrity: what the chain and seal check found; rules: which rules replayed it, for whoever shows the report. */
export type RenderResult =
  | { ok: true; body: string; contentType: string; filename: string; integrity: Integrity; rules: RulesMode }
  | { ok: false; error: string };

const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};
const SUFFIX: Record<ReportFormat, string> = {
  html: "after-action-report.html",
  md: "after-action-report.md",
  csv: "timeline.csv",
  json: "recording.json",
};

export function isReportFormat(f: unknown): f is ReportFormat {
  return typeof f === "string" && (REPORT_FORMATS as readonly string[]).includes(f);
}

/**
 * sealKey: the recording server's key, to check the seal as well as the chain; locale: the language the
 * report is written in (HTML: its own words and the events'; Markdown and CSV: the events'), English unless asked;
 * media: the server's attachment files, embedded in the HTML as images.
 */
export function renderReport(
  recordingJson: unknown,
  format: ReportFormat,
  sealKey?: string,
  locale: Locale = "en",
  media?: ReportMedia,
): RenderResult {
  if (!isReportFormat(format))
    return {
      ok: false,
      error: `Unknown report format ${JSON.stringify(format)}: use one of ${REPORT_FORMATS.join(", ")}`,
    };
  const loaded = loadRecording(recordingJson, sealKey);
  if (!loaded.ok) return { ok: false, error: loaded.error };
  const { recording, integrity } = loaded;
  // never a report of a replay under rules the exercise was not played with
  const checked = checkRules(recording.engineVersion);
  if (!checked.ok) return { ok: false, error: checked.message };
  const rules = checked.mode;
  const filename = `${slug(recording.title)}-${slug(recording.exerciseId)}-${SUFFIX[format]}`;
  if (format === "json")
    return {
      ok: true,
      body: `${JSON.stringify(recording, null, 2)}\n`,
      contentType: CONTENT_TYPES.json,
      filename,
      integrity,
      rules,
    };
  let body: string;
  try {
    const rl = reportLanguage(locale);
    const a = { ...analyze(recording, integrity, rl), media };
    body = format === "html" ? renderHtml(a, rl) : format === "md" ? renderMarkdown(a, rl) : renderCsv(a, rl);
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  return { ok: true, body, contentType: CONTENT_TYPES[format], filename, integrity, rules };
}
