// Spreadsheets run a cell that starts with = + - @ as a formula (CSV and formula injection):
// such a text is written behind an apostrophe, and the apostrophe is taken off when read back.

const RISKY = /^[=+\-@\t\r']/;

/** The text as written into a cell: behind an apostrophe when a spreadsheet would run it. */
export function guardCell(text: string): string {
  return RISKY.test(text) ? `'${text}` : text;
}

/** The text a guarded cell stands for: one leading apostrophe before a risky start is dropped. */
export function unguardCell(text: string): string {
  return text.startsWith("'") && RISKY.test(text.slice(1)) ? text.slice(1) : text;
}
