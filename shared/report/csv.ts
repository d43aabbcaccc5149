// The timeline as CSV (RFC 4180: CRLF line ends, quoted fields), one row per
// log entry, with a UTF-8 byte order mark so spreadsheets read the accents.
// English keeps its column ids; another language names the columns in its words.
import type { Analysis } from "./types.ts";
import { csvCell } from "./escape.ts";
import { iso } from "./format.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";

export const CSV_HEADER = ["seq", "time", "turn", "phase", "kind", "audience", "text"] as const;

/** The columns' names, by catalogue key (literal, so the catalogue check finds them). */
const HEADER_KEYS: Record<(typeof CSV_HEADER)[number], string> = {
  seq: "report.csv.seq",
  time: "report.csv.time",
  turn: "report.csv.turn",
  phase: "report.csv.phase",
  kind: "report.csv.kind",
  audience: "report.csv.audience",
  text: "report.csv.text",
};

/** The timeline as CSV, in the language given (analyze with the same language's words). */
export function renderCsv(a: Analysis, rl: ReportLanguage = reportLanguage()): string {
  const header = rl.english ? [...CSV_HEADER] : CSV_HEADER.map((c) => csvCell(rl.tr.t(HEADER_KEYS[c])));
  const rows = [
    header.join(","),
    ...a.timeline.map((e) =>
      [e.seq, iso(e.at), e.turn, e.phaseName, rl.ids.category(e.kind), e.audienceText, e.text].map(csvCell).join(","),
    ),
  ];
  return `\uFEFF${rows.join("\r\n")}\r\n`;
}
