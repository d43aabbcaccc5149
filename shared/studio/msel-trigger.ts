// The trigger cell: an inject's condition in words, e.g.
// "turn >= 3 and action disrupt by austral against borealis and not measure-adopted pre-notification"
// (docs/scenario-format.md, "Spreadsheets").
import { bad, isRecord, ok, quoted, readJson, readNumber, sameValue, type Read } from "./msel-words.ts";

type Condition = Record<string, unknown>;

/** Each simple condition's optional "keyword value" pairs, in the order they are written. */
const OPTIONS: Record<string, string[]> = {
  action: ["by", "against"],
  "sector-down": ["team", "sector"],
  attribution: ["by", "accused", "correct"],
};
const EXAMPLES = [
  "escalation >= crisis",
  "turn >= 3",
  "pressure austral >= 80",
  "action disrupt by austral against borealis",
  "sector-down team borealis sector energy",
  "misattribution",
  "attribution by borealis accused austral correct false",
  "commitment-broken no-target",
  "measure-adopted hotline",
];

function printOptions(c: Condition, keys: string[]): string[] | null {
  const out: string[] = [];
  for (const k of keys) {
    const v = c[k];
    if (v === undefined) continue;
    if (typeof v !== "string" && typeof v !== "boolean") return null;
    out.push(k, String(v));
  }
  return out;
}

function printSimple(c: Condition): string | null {
  const t = c.type;
  const opt = (keys: string[]) => printOptions(c, keys);
  if (t === "escalation" && typeof c.atLeastRung === "string") return `escalation >= ${c.atLeastRung}`;
  if (t === "turn" && typeof c.atLeast === "number") return `turn >= ${c.atLeast}`;
  if (t === "pressure" && typeof c.atLeast === "number")
    return typeof c.team === "string" ? `pressure ${c.team} >= ${c.atLeast}` : `pressure >= ${c.atLeast}`;
  if (t === "misattribution") return "misattribution";
  if ((t === "commitment-broken" || t === "measure-adopted") && (c.cbm === undefined || typeof c.cbm === "string"))
    return c.cbm === undefined ? t : `${t} ${c.cbm}`;
  if (t === "action" && typeof c.action === "string") {
    const o = opt(OPTIONS.action!);
    return o && ["action", c.action, ...o].join(" ");
  }
  if (t === "sector-down" || t === "attribution") {
    const o = opt(OPTIONS[t]!);
    return o && [t, ...o].join(" ");
  }
  return null;
}

function printAny(c: unknown, nested: boolean): string | null {
  if (!isRecord(c)) return null;
  const list = Array.isArray(c.all) ? c.all : Array.isArray(c.some) ? c.some : null;
  if (list) {
    const word = Array.isArray(c.all) ? " and " : " or ";
    const parts = list.map((x) => printAny(x, true));
    if (!parts.every((p): p is string => p !== null)) return null;
    return nested ? `(${parts.join(word)})` : parts.join(word);
  }
  if ("not" in c) {
    const inner = printAny(c.not, true);
    return inner && `not ${inner}`;
  }
  return printSimple(c);
}

/** The cell for a condition: the words when they read back the same, else compact JSON. */
export function printTrigger(when: unknown): string {
  if (when === undefined) return "";
  const text = printAny(when, false);
  if (text !== null) {
    const back = parseTrigger(text);
    if (back.ok && sameValue(back.value, when)) return text;
  }
  return JSON.stringify(when);
}

const KEYWORDS = new Set(["and", "or", "not", "(", ")"]);

function parseSimple(words: string[]): Read<Condition> {
  const [type = "", ...rest] = words;
  const got = quoted(words.join(" "));
  const examples = EXAMPLES.map((e) => `"${e}"`).join(", ");
  const usage = () =>
    bad("studio-msel.problem.condition", { examples, got }, `expected a condition such as ${examples}; got ${got}`);
  const atLeast = (w: string[]) => (w.length === 2 && w[0] === ">=" ? w[1]! : null);
  if (type === "escalation") {
    const rung = atLeast(rest);
    return rung ? ok({ type, atLeastRung: rung }) : usage();
  }
  if (type === "turn" || type === "pressure") {
    const team = type === "pressure" && rest.length === 3 ? rest[0] : undefined;
    const value = atLeast(team ? rest.slice(1) : rest);
    const n = value === null ? null : readNumber(value);
    if (n === null) return usage();
    return ok(team ? { type, team, atLeast: n } : { type, atLeast: n });
  }
  if (type === "misattribution") return rest.length ? usage() : ok({ type });
  if (type === "commitment-broken" || type === "measure-adopted") {
    if (rest.length > 1) return usage();
    return ok(rest[0] ? { type, cbm: rest[0] } : { type });
  }
  const keys = OPTIONS[type];
  if (!keys) return usage();
  const c: Condition = { type };
  let opts = rest;
  if (type === "action") {
    if (!rest[0] || keys.includes(rest[0])) return usage();
    c.action = rest[0];
    opts = rest.slice(1);
  }
  for (let i = 0; i < opts.length; i += 2) {
    const k = opts[i]!;
    const v = opts[i + 1];
    if (!keys.includes(k) || v === undefined || k in c) return usage();
    if (k === "correct" && v !== "true" && v !== "false")
      return bad("studio-msel.problem.correct", { got: quoted(v) }, `"correct" is true or false, got ${quoted(v)}`);
    c[k] = k === "correct" ? v === "true" : v;
  }
  return ok(c);
}

class Reader {
  private i = 0;
  private readonly tokens: string[];
  constructor(tokens: string[]) {
    this.tokens = tokens;
  }

  peek(): string | undefined {
    return this.tokens[this.i];
  }

  expr(): Read<Condition> {
    const first = this.unary();
    if (!first.ok) return first;
    const list = [first.value];
    let joiner: string | null = null;
    while (this.peek() === "and" || this.peek() === "or") {
      const word = this.tokens[this.i++]!;
      if (joiner && joiner !== word)
        return bad("studio-msel.problem.mixed", {}, `put parentheses around the parts when mixing "and" and "or"`);
      joiner = word;
      const next = this.unary();
      if (!next.ok) return next;
      list.push(next.value);
    }
    if (!joiner) return first;
    return ok(joiner === "and" ? { all: list } : { some: list });
  }

  unary(): Read<Condition> {
    const t = this.peek();
    if (t === "not") {
      this.i++;
      const inner = this.unary();
      return inner.ok ? ok({ not: inner.value }) : inner;
    }
    if (t === "(") {
      this.i++;
      const inner = this.expr();
      if (!inner.ok) return inner;
      if (this.tokens[this.i++] !== ")") return bad("studio-msel.problem.not-closed", {}, `a "(" is not closed by ")"`);
      return inner;
    }
    const words: string[] = [];
    while (this.peek() !== undefined && !KEYWORDS.has(this.peek()!)) words.push(this.tokens[this.i++]!);
    if (!words.length && t)
      return bad(
        "studio-msel.problem.condition-before",
        { got: quoted(t) },
        `expected a condition before ${quoted(t)}`,
      );
    if (!words.length) return bad("studio-msel.problem.condition-end", {}, "expected a condition at the end");
    return parseSimple(words);
  }

  done(): boolean {
    return this.i >= this.tokens.length;
  }
}

/** Reads a trigger cell: the words, or a JSON object; empty means no trigger. */
export function parseTrigger(text: string): Read<Condition | undefined> {
  const t = text.trim();
  if (t === "") return ok(undefined);
  if (t.startsWith("{")) {
    const json = readJson(t, "condition");
    if (!json.ok) return json;
    if (isRecord(json.value)) return ok(json.value);
    return bad("studio-msel.problem.trigger-json", {}, "expected a JSON object for the condition");
  }
  const tokens = t
    .replace(/([()])/g, " $1 ")
    .split(/\s+/)
    .filter(Boolean);
  const reader = new Reader(tokens);
  const result = reader.expr();
  if (!result.ok) return result;
  const extra = quoted(reader.peek() ?? "");
  if (!reader.done())
    return bad("studio-msel.problem.unexpected", { got: extra }, `unexpected ${extra} (a ")" without its "("?)`);
  return result;
}
