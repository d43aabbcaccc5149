// Escaping for each output: every piece of text from a recording is
// participants' input and may contain markup or formulas.

/** HTML text and attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/**
 * Markdown text: backslash-escapes the punctuation that would format, link or
 * open raw HTML, and keeps a value on one line (tables).
 */
export function md(text: string | number): string {
  return String(text)
    .replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, " ")
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): quoted when needed, formulas neutralised with a leading quote. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
