// Small helpers the spreadsheet cells share: numbers written and read exactly,
// values compared whatever their keys' order, and text shown in a message.

export type ProblemParams = Record<string, string | number>;

/** What was wrong: in English, and as a catalogue key (namespace studio-msel) with its parameters. */
export interface Fail {
  ok: false;
  message: string;
  key: string;
  params: ProblemParams;
}

/** A result of reading a cell: the value, or what was wrong in the designer's words. */
export type Read<T> = { ok: true; value: T } | Fail;

export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const bad = (key: string, params: ProblemParams, message: string): Fail => ({ ok: false, message, key, params });

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number as text, exactly as written ("3", "-0.25", "1e-7"), or null. */
export function readNumber(text: string): number | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A change, always with its sign: +5, -30, +0.2 (String keeps every digit a double has). */
export function signed(n: number): string {
  return n >= 0 && !Object.is(n, -0) ? `+${String(n)}` : String(n);
}

/** Shows a designer's text inside a message. */
export function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
/** An id as the scenario format writes them. */
export function isId(text: string): boolean {
  return ID.test(text);
}

/** Deep equality of JSON values, whatever the order of an object's keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

/** A plain object (not an array, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** What a JSON cell holds, in the English message (the catalogue words each through a select). */
export const JSON_WHAT = {
  incident: "an incident",
  perception: "a perception",
  other: "the other fields",
  effects: "a list of effects",
  condition: "a condition",
} as const;
export type JsonWhat = keyof typeof JSON_WHAT;

/** Reads a cell written as JSON; the message says what kind of value was expected. */
export function readJson(text: string, what: JsonWhat): Read<unknown> {
  const expected = JSON_WHAT[what];
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (err) {
    const detail = (err as Error).message;
    return bad(
      "studio-msel.problem.json",
      { what, got: quoted(text), detail },
      `expected ${expected} written as JSON, got ${quoted(text)} (${detail})`,
    );
  }
}
