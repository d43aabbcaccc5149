// One sheet's rows applied onto the scenario's list (injects or actions): the new list,
// what changed by id and column, and each row's problems by row number and column.
import { COLUMNS, OTHER_COLUMN, type Column, type MselSheet } from "./msel-columns.ts";
import type { ReadContext } from "./msel-cells.ts";
import { jsonCell } from "./msel-cells.ts";
import { unguardCell } from "./msel-guard.ts";
import { bad, isRecord, sameValue, type Fail, type ProblemParams } from "./msel-words.ts";

/** A sheet as read from the file: its header and its rows, each with the spreadsheet's row number. */
export interface SheetTable {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export interface MselProblem {
  sheet: MselSheet;
  row: number;
  column: string;
  /** in English */
  message: string;
  /** the same in the catalogue (namespace studio-msel), for the studio to word in the designer's language */
  key: string;
  params: ProblemParams;
}

export interface MselDiff {
  added: string[];
  changed: { id: string; fields: string[] }[];
  removed: string[];
}

/** A file the import cannot read as this sheet: a missing column, too many rows. */
export class MselFileError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  constructor(code: string, message: string, params: Record<string, string | number>) {
    super(message);
    this.code = code;
    this.params = params;
  }
}

/** At most this many rows in one sheet. */
export const MAX_ROWS = 2000;

type Item = Record<string, unknown>;

export function getPath(item: unknown, path: string[]): unknown {
  let v: unknown = item;
  for (const k of path) v = isRecord(v) ? v[k] : undefined;
  return v;
}

function setPath(item: Item, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (!rest.length) {
    if (value === undefined) delete item[head];
    else item[head] = value;
    return;
  }
  const inner = isRecord(item[head]) ? { ...item[head] } : {};
  setPath(inner, rest, value);
  if (Object.keys(inner).length) item[head] = inner;
  else delete item[head];
}

/** The fields no column stands for (an inject's attachments, a future field): kept whole in "other". */
export function otherFields(item: Item, sheet: MselSheet): Item | undefined {
  const own = new Set(COLUMNS[sheet].map((c) => c.path[0]));
  const rest = Object.fromEntries(Object.entries(item).filter(([k, v]) => !own.has(k) && v !== undefined));
  return Object.keys(rest).length ? rest : undefined;
}

const same = (a: unknown, b: unknown, c: Column) => sameValue(a ?? c.fallback, b ?? c.fallback);
const otherCell = jsonCell("other");

/** Applies the rows: unchanged rows keep their item exactly, changed ones only their changed fields. */
export function applySheet(sheet: MselSheet, items: unknown[], table: SheetTable, ctx: ReadContext) {
  if (table.rows.length > MAX_ROWS)
    throw new MselFileError("too-many-rows", `The ${sheet} sheet has ${table.rows.length} rows; at most ${MAX_ROWS}`, {
      sheet,
      rows: table.rows.length,
      limit: MAX_ROWS,
    });
  const index = new Map(table.header.map((h, i) => [h.trim().toLowerCase(), i] as const).reverse());
  const columns = COLUMNS[sheet].map((c) => ({ c, at: index.get(c.name.toLowerCase()) }));
  for (const { c, at } of columns)
    if (c.required && at === undefined)
      throw new MselFileError("missing-column", `The ${sheet} sheet has no "${c.name}" column in its header (row 1)`, {
        sheet,
        column: c.name,
      });
  const otherAt = index.get(OTHER_COLUMN);
  const originals = new Map<string, Item>();
  for (const item of items) if (isRecord(item) && typeof item.id === "string") originals.set(item.id, item);

  const problems: MselProblem[] = [];
  const diff: MselDiff = { added: [], changed: [], removed: [] };
  const next: Item[] = [];
  const rowOf: number[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const text = (i: number | undefined) => (i === undefined ? undefined : unguardCell(cells[i] ?? ""));
    if (cells.every((x) => x.trim() === "")) continue;
    const before = problems.length;
    const problem = (column: string, f: Fail) =>
      problems.push({ sheet, row, column, message: f.message, key: f.key, params: f.params });
    const values = new Map<Column, unknown>();
    for (const { c, at } of columns) {
      const cell = text(at);
      if (cell === undefined) continue;
      const read = c.cell.read(cell, ctx);
      if (read.ok) values.set(c, read.value);
      else problem(c.name, read);
    }
    const id = values.get(COLUMNS[sheet][0]!);
    if (typeof id !== "string") continue;
    const twin = seen.get(id);
    if (twin !== undefined)
      problem("id", bad("studio-msel.problem.duplicate", { id, row: twin }, `the id "${id}" is also on row ${twin}`));
    seen.set(id, row);
    let other: Item | undefined;
    const otherText = text(otherAt);
    if (otherText !== undefined) {
      const read = otherCell.read(otherText, ctx);
      if (!read.ok) problem(OTHER_COLUMN, read);
      else other = read.value as Item | undefined;
      const taken = Object.keys(other ?? {}).filter((k) => COLUMNS[sheet].some((c) => c.path[0] === k));
      if (taken[0] !== undefined) {
        const message = `"${taken[0]}" has a column of its own: write it there`;
        problem(OTHER_COLUMN, bad("studio-msel.problem.other-taken", { field: taken[0] }, message));
      }
    }
    const original = originals.get(id);
    const fields = [...values].filter(([c, v]) => !original || !same(v, getPath(original, c.path), c));
    const otherChanged = otherText !== undefined && !sameValue(other, original && otherFields(original, sheet));
    let item: Item;
    if (original && !fields.length && !otherChanged) item = original;
    else {
      item = original ? structuredClone(original) : {};
      for (const [c, v] of fields) setPath(item, c.path, v);
      if (otherChanged) {
        for (const k of Object.keys(original ? (otherFields(original, sheet) ?? {}) : {})) delete item[k];
        Object.assign(item, other);
      }
      const names = fields.map(([c]) => c.name).concat(otherChanged ? [OTHER_COLUMN] : []);
      if (original) diff.changed.push({ id, fields: names });
      else diff.added.push(id);
    }
    if (sheet === "injects" && problems.length === before) checkSchedule(item, problem);
    next.push(item);
    rowOf.push(row);
  }
  for (const id of originals.keys()) if (!seen.has(id)) diff.removed.push(id);
  return { items: next, rowOf, diff, problems };
}

/** An inject is scheduled (turn and phase together) or triggered, or both. */
function checkSchedule(item: Item, problem: (column: string, f: Fail) => void): void {
  const at = isRecord(item.at) ? item.at : {};
  if (at.turn !== undefined && at.phase === undefined)
    problem("phase", bad("studio-msel.problem.phase-missing", {}, "a row with a turn needs its phase too"));
  else if (at.phase !== undefined && at.turn === undefined)
    problem("turn", bad("studio-msel.problem.turn-missing", {}, "a row with a phase needs its turn too"));
  else if (at.turn === undefined && item.when === undefined)
    problem(
      "turn",
      bad("studio-msel.problem.schedule-missing", {}, "a row needs a turn and a phase (scheduled), or a trigger"),
    );
}
