// Kinds of spreadsheet cell (text, id, whole number, choice, list, JSON ...): how each writes
// a field and reads it back, with the problem worded for the designer.
import { bad, isId, isRecord, JSON_WHAT, ok, quoted, readJson, readNumber } from "./msel-words.ts";
import type { JsonWhat, Read } from "./msel-words.ts";

/** What a row is checked against: the scenario the rows are applied to. */
export interface ReadContext {
  turns: number;
  phases: string[];
  teams: string[];
}

export interface Cell {
  write(value: unknown): string | number;
  /** undefined: the cell is empty, the field is left out */
  read(cell: string, ctx: ReadContext): Read<unknown>;
}

const asText = (v: unknown): string => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));

/** Free text; `required` refuses an empty cell. The text is kept exactly as typed. */
export function textCell(required: boolean): Cell {
  return {
    write: asText,
    read: (cell) => {
      if (cell.trim() !== "" || !required) return ok(cell.trim() === "" ? undefined : cell);
      return bad("studio-msel.problem.text-empty", {}, "expected a text; the cell is empty");
    },
  };
}

const ID_HINT = 'an id of lowercase letters, digits and dashes, e.g. "grid-intrusion"';

export function idCell(required: boolean): Cell {
  return {
    write: asText,
    read: (cell) => {
      const t = cell.trim();
      if (t === "" && !required) return ok(undefined);
      if (t === "") return bad("studio-msel.problem.id-empty", {}, `expected ${ID_HINT}; the cell is empty`);
      return isId(t)
        ? ok(t)
        : bad("studio-msel.problem.id", { got: quoted(t) }, `expected ${ID_HINT}, got ${quoted(t)}`);
    },
  };
}

/** A number from `min` to `max` (the top may depend on the scenario, e.g. its turns). */
export function numberCell(opts: { whole: boolean; min: number; max: (ctx: ReadContext) => number }): Cell {
  return {
    write: (v) => (typeof v === "number" ? v : asText(v)),
    read: (cell, ctx) => {
      const t = cell.trim();
      if (t === "") return ok(undefined);
      const n = readNumber(t);
      const max = opts.max(ctx);
      if (n !== null && n >= opts.min && n <= max && (!opts.whole || Number.isInteger(n))) return ok(n);
      const kind = opts.whole ? "a whole number" : "a number";
      const got = quoted(t);
      if (max === Infinity)
        return bad(
          "studio-msel.problem.number-min",
          { min: opts.min, got },
          `expected ${kind} of at least ${opts.min}, got ${got}`,
        );
      const params = { whole: opts.whole ? "yes" : "no", min: opts.min, max, got };
      return bad("studio-msel.problem.number", params, `expected ${kind} from ${opts.min} to ${max}, got ${got}`);
    },
  };
}

/** What a choice column offers, in the English message (the catalogue words each through a select). */
const CHOICE_WHAT = {
  phase: "one of the phases",
  channel: "one of the channels",
  category: "one of the categories",
  choice: "one of",
};

/** One of a fixed list of words (the list may come from the scenario, e.g. its phases). */
export function choiceCell(what: keyof typeof CHOICE_WHAT, options: (ctx: ReadContext) => readonly string[]): Cell {
  return {
    write: asText,
    read: (cell, ctx) => {
      const t = cell.trim();
      if (t === "") return ok(undefined);
      const list = options(ctx);
      if (list.length === 0 || list.includes(t)) return ok(t);
      const params = { what, options: list.join(", "), got: quoted(t) };
      return bad(
        "studio-msel.problem.choice",
        params,
        `expected ${CHOICE_WHAT[what]}: ${params.options}; got ${params.got}`,
      );
    },
  };
}

const ROLE_WORDS = ["all", "mediator", "observers", "facilitator"];

/** A list of team ids separated by commas; the audience also takes all, mediator, observers, facilitator. */
export function teamListCell(audience: boolean): Cell {
  const words = audience ? ROLE_WORDS : [];
  return {
    write: (v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? v.join(", ") : asText(v)),
    read: (cell, ctx) => {
      const t = cell.trim();
      const options = [...words, ...ctx.teams].join(", ");
      if (t === "" && !audience) return ok(undefined);
      if (t === "")
        return bad(
          "studio-msel.problem.audience-empty",
          { options },
          `expected who receives it: ${options}, separated by commas`,
        );
      const list = t.split(",").map((x) => x.trim());
      const unknown = list.find((x) => !(words.includes(x) || (ctx.teams.length ? ctx.teams.includes(x) : isId(x))));
      if (unknown === undefined) return ok(list);
      const params = { got: quoted(unknown), options };
      const tail = `expected ${options}, separated by commas`;
      return audience
        ? bad("studio-msel.problem.audience", params, `${params.got} is not an audience: ${tail}`)
        : bad("studio-msel.problem.team", params, `${params.got} is not a team: ${tail}`);
    },
  };
}

/** A JSON object (an incident, a perception, the fields without a column of their own). */
export function jsonCell(what: JsonWhat): Cell {
  return {
    write: (v) => (v === undefined ? "" : JSON.stringify(v)),
    read: (cell) => {
      const t = cell.trim();
      if (t === "") return ok(undefined);
      const json = readJson(t, what);
      if (!json.ok || isRecord(json.value)) return json;
      return bad("studio-msel.problem.json-object", { what }, `expected ${JSON_WHAT[what]} written as a JSON object`);
    },
  };
}
