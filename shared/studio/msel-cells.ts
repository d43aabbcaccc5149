// Kinds of spreadsheet cell (text, id, whole number, choice, list, JSON ...): how each writes
// a field and reads it back, with the problem worded for the designer.
import { bad, isId, isRecord, ok, quoted, readJson, readNumber, type Read } from "./msel-words.ts";

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
      if (cell.trim() !== "") return ok(cell);
      return required ? bad("expected a text, the cell is empty") : ok(undefined);
    },
  };
}

const ID_HINT = 'an id of lowercase letters, digits and dashes, e.g. "grid-intrusion"';

export function idCell(required: boolean): Cell {
  return {
    write: asText,
    read: (cell) => {
      const t = cell.trim();
      if (t === "") return required ? bad(`expected ${ID_HINT}, the cell is empty`) : ok(undefined);
      return isId(t) ? ok(t) : bad(`expected ${ID_HINT}, got ${quoted(t)}`);
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
      if (n === null || n < opts.min || n > max || (opts.whole && !Number.isInteger(n))) {
        const kind = opts.whole ? "a whole number" : "a number";
        const range = max === Infinity ? `of at least ${opts.min}` : `from ${opts.min} to ${max}`;
        return bad(`expected ${kind} ${range}, got ${quoted(t)}`);
      }
      return ok(n);
    },
  };
}

/** One of a fixed list of words (the list may come from the scenario, e.g. its phases). */
export function choiceCell(what: string, options: (ctx: ReadContext) => readonly string[]): Cell {
  return {
    write: asText,
    read: (cell, ctx) => {
      const t = cell.trim();
      if (t === "") return ok(undefined);
      const list = options(ctx);
      if (list.length === 0 || list.includes(t)) return ok(t);
      return bad(`expected ${what}: ${list.join(", ")}; got ${quoted(t)}`);
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
      if (t === "")
        return audience ? bad(`expected who receives it (${ROLE_WORDS.join(", ")} or team ids)`) : ok(undefined);
      const list = t.split(",").map((x) => x.trim());
      for (const x of list) {
        const known = words.includes(x) || (ctx.teams.length ? ctx.teams.includes(x) : isId(x));
        if (!known) {
          const allowed = [...words, ...ctx.teams].join(", ");
          return bad(
            `${quoted(x)} is not ${audience ? "an audience" : "a team"}: expected ${allowed}, separated by commas`,
          );
        }
      }
      return ok(list);
    },
  };
}

/** A JSON object (an incident, a perception, the fields without a column of their own). */
export function jsonCell(what: string): Cell {
  return {
    write: (v) => (v === undefined ? "" : JSON.stringify(v)),
    read: (cell) => {
      const t = cell.trim();
      if (t === "") return ok(undefined);
      const json = readJson(t, what);
      if (!json.ok) return json;
      return isRecord(json.value) ? ok(json.value) : bad(`expected ${what} written as a JSON object {...}`);
    },
  };
}
