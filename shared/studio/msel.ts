// The events list (MSEL) and the action catalogue as spreadsheet rows, and rows back onto
// a scenario: the diff, each row's problems, and the merged scenario's validation.
// Pure: the server reads and writes the files (server/studio/msel-files.ts).
import { parseScenario } from "../scenario/parse.ts";
import { COLUMNS, headerOf, OTHER_COLUMN, type MselSheet } from "./msel-columns.ts";
import type { ReadContext } from "./msel-cells.ts";
import { guardCell } from "./msel-guard.ts";
import { applySheet, getPath, otherFields, type MselDiff, type MselProblem, type SheetTable } from "./msel-sheet.ts";
import { isRecord } from "./msel-words.ts";

export type { MselSheet } from "./msel-columns.ts";
export type { MselDiff, MselProblem, SheetTable } from "./msel-sheet.ts";
export { MselFileError, MAX_ROWS } from "./msel-sheet.ts";
export const MSEL_SHEETS: readonly MselSheet[] = ["injects", "actions"];

/** A validation issue of the merged scenario, with its row and column when it is about one. */
export interface MselIssue {
  path: string;
  message: string;
  sheet?: MselSheet;
  row?: number;
  column?: string;
}

export interface MselImport {
  /** the injects' diff; the actions' one beside it */
  diff: MselDiff & { actions: MselDiff };
  problems: MselProblem[];
  /** the scenario with the rows applied, or null when a row has a problem */
  scenario: unknown;
  issues: MselIssue[];
}

const listOf = (scenario: unknown, sheet: MselSheet): unknown[] => {
  const v = isRecord(scenario) ? scenario[sheet] : undefined;
  return Array.isArray(v) ? v : [];
};

/** A sheet as cells, header first: strings behind an apostrophe where a spreadsheet would run them. */
export function sheetRows(scenario: unknown, sheet: MselSheet): (string | number)[][] {
  const rows: (string | number)[][] = [headerOf(sheet)];
  for (const item of listOf(scenario, sheet)) {
    if (!isRecord(item)) continue;
    const cells = COLUMNS[sheet].map((c) => c.cell.write(getPath(item, c.path)));
    const other = otherFields(item, sheet);
    cells.push(other ? JSON.stringify(other) : "");
    rows.push(cells.map((x) => (typeof x === "string" ? guardCell(x) : x)));
  }
  return rows;
}

function contextOf(scenario: unknown): ReadContext {
  const s = isRecord(scenario) ? scenario : {};
  const ids = (v: unknown) =>
    Array.isArray(v) ? v.flatMap((x) => (isRecord(x) && typeof x.id === "string" ? [x.id] : [])) : [];
  const turns = typeof s.turns === "number" && Number.isInteger(s.turns) && s.turns >= 1 ? s.turns : 50;
  return { turns, phases: ids(s.phases), teams: ids(s.teams) };
}

const emptyDiff = (): MselDiff => ({ added: [], changed: [], removed: [] });

/** Applies the sheets read from a file (either may be missing) onto the scenario; nothing is saved. */
export function applyMsel(scenario: unknown, tables: Partial<Record<MselSheet, SheetTable>>): MselImport {
  const ctx = contextOf(scenario);
  const merged: Record<string, unknown> = isRecord(scenario) ? { ...scenario } : {};
  const diff = { ...emptyDiff(), actions: emptyDiff() };
  const problems: MselProblem[] = [];
  const rows: Partial<Record<MselSheet, number[]>> = {};
  for (const sheet of MSEL_SHEETS) {
    const table = tables[sheet];
    if (!table) continue;
    const done = applySheet(sheet, listOf(scenario, sheet), table, ctx);
    merged[sheet] = done.items;
    rows[sheet] = done.rowOf;
    problems.push(...done.problems);
    if (sheet === "injects") Object.assign(diff, done.diff);
    else diff.actions = done.diff;
  }
  if (problems.length) return { diff, problems, scenario: null, issues: [] };
  const parsed = parseScenario(merged);
  const issues = parsed.ok ? [] : parsed.issues.map((i) => locate(i, rows));
  return { diff, problems, scenario: merged, issues };
}

const FIELD_COLUMN: Record<MselSheet, Record<string, string>> = {
  injects: { at: "turn", body: "text", when: "trigger" },
  actions: {},
};

/** "injects[3].audience[1]" is about the fourth inject's row, column audience. */
function locate(issue: { path: string; message: string }, rows: Partial<Record<MselSheet, number[]>>): MselIssue {
  const m = /^(injects|actions)\[(\d+)\](?:\.(\w+))?(?:\.(\w+))?/.exec(issue.path);
  if (!m) return issue;
  const sheet = m[1] as MselSheet;
  const row = rows[sheet]?.[Number(m[2])];
  if (row === undefined) return issue;
  const field = m[3] ?? "id";
  let column = FIELD_COLUMN[sheet][field] ?? field;
  if (field === "at" && m[4] === "phase") column = "phase";
  if (!COLUMNS[sheet].some((c) => c.name === column)) column = OTHER_COLUMN;
  return { ...issue, sheet, row, column };
}
