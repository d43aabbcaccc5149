// The effects cell: a list of effects in a short notation a designer reads and types,
// e.g. "escalation +5; sector target energy -30; trust actor target -5" (docs/scenario-format.md, "Spreadsheets").
import { bad, isRecord, ok, quoted, readJson, readNumber, sameValue, signed, type Read } from "./msel-words.ts";

type Effect = Record<string, unknown>;

/** How each effect is written: its words after the type, and the fields they fill. */
const FORMS: Record<string, { words: string[]; example: string }> = {
  escalation: { words: ["delta"], example: "escalation +5" },
  sector: { words: ["team", "sector", "delta"], example: "sector target energy -30" },
  resilience: { words: ["team", "sector", "delta"], example: "resilience actor all +15" },
  trust: { words: ["a", "b", "delta"], example: "trust actor target -5" },
  standing: { words: ["team", "delta"], example: "standing actor +3" },
  pressure: { words: ["team", "delta"], example: "pressure actor -10" },
  evidence: { words: ["incident", "confidence"], example: "evidence blackout +0.2 suspect austral" },
};

const NUMERIC = new Set(["delta", "confidence"]);

function printOne(e: unknown): string | null {
  if (!isRecord(e) || typeof e.type !== "string") return null;
  const form = FORMS[e.type];
  if (!form) return null;
  const parts = [e.type];
  for (const w of form.words) {
    const v = e[w];
    if (NUMERIC.has(w) ? typeof v !== "number" : typeof v !== "string") return null;
    parts.push(typeof v === "number" ? signed(v) : String(v));
  }
  if (e.type === "evidence" && e.suspect !== undefined) {
    if (e.suspect === null) parts.push("no", "suspect");
    else if (typeof e.suspect === "string") parts.push("suspect", e.suspect);
    else return null;
  }
  return parts.join(" ");
}

/** The cell for an effects list: the notation when it reads back the same, else compact JSON. */
export function printEffects(effects: unknown): string {
  // an empty list and no list mean the same: no effects
  if (effects === undefined || (Array.isArray(effects) && effects.length === 0)) return "";
  if (Array.isArray(effects)) {
    const parts = effects.map(printOne);
    if (parts.every((p): p is string => p !== null)) {
      const text = parts.join("; ");
      const back = parseEffects(text);
      if (back.ok && sameValue(back.value, effects)) return text;
    }
  }
  return JSON.stringify(effects);
}

function parseOne(text: string, n: number): Read<Effect> {
  const words = text.trim().split(/\s+/);
  const type = words[0] ?? "";
  const form = FORMS[type];
  if (!form) {
    const params = { n, types: Object.keys(FORMS).join(", "), got: quoted(text.trim()) };
    return bad(
      "studio-msel.problem.effect-type",
      params,
      `effect ${n}: expected an effect (${params.types}), got ${params.got}`,
    );
  }
  const usage = `effect ${n}: expected "${form.example}"`;
  const effect: Effect = { type };
  let i = 1;
  for (const w of form.words) {
    const word = words[i++];
    if (word === undefined) {
      const params = { n, example: form.example, got: quoted(text.trim()) };
      return bad("studio-msel.problem.effect-form", params, `${usage}, got ${params.got}`);
    }
    if (NUMERIC.has(w)) {
      const num = readNumber(word);
      const params = { n, example: form.example, got: quoted(word) };
      if (num === null)
        return bad("studio-msel.problem.effect-number", params, `${usage}: ${params.got} is not a number`);
      effect[w] = num;
    } else effect[w] = word;
  }
  const rest = words.slice(i);
  if (type === "evidence" && rest.length === 2 && rest[0] === "suspect") effect.suspect = rest[1];
  else if (type === "evidence" && rest.join(" ") === "no suspect") effect.suspect = null;
  else if (rest.length) {
    const params = { n, example: form.example, got: quoted(rest.join(" ")) };
    return bad("studio-msel.problem.effect-extra", params, `${usage} with nothing after it; got ${params.got} too`);
  }
  return ok(effect);
}

/** Reads an effects cell: the notation, or a JSON list; empty means no effects. */
export function parseEffects(text: string): Read<Effect[] | undefined> {
  const t = text.trim();
  if (t === "") return ok(undefined);
  if (t.startsWith("[")) {
    const json = readJson(t, "effects");
    if (!json.ok) return json;
    if (!Array.isArray(json.value) || !json.value.every(isRecord))
      return bad("studio-msel.problem.effects-json", {}, "expected a JSON list of effects");
    return ok(json.value);
  }
  const parts = t.split(";").filter((p) => p.trim() !== "");
  const out: Effect[] = [];
  for (const [i, p] of parts.entries()) {
    const one = parseOne(p, i + 1);
    if (!one.ok) return one;
    out.push(one.value);
  }
  return ok(out);
}
