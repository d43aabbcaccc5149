// The timeline as CSV (RFC 4180: CRLF line ends, quoted fields), one row per
// log entry, with a UTF-8 byte order mark so spreadsheets read the accents.
import type { Analysis } from "./types.ts";
import { csvCell } from "./escape.ts";
import { iso } from "./format.ts";

export const CSV_HEADER = ["seq", "time", "turn", "phase", "kind", "audience", "text"] as const;

export function renderCsv(a: Analysis): string {
  const rows = [
    CSV_HEADER.join(","),
    ...a.timeline.map((e) =>
      [e.seq, iso(e.at), e.turn, e.phaseName, e.kind, e.audienceText, e.text].map(csvCell).join(","),
    ),
  ];
  return `\uFEFF${rows.join("\r\n")}\r\n`;
}
