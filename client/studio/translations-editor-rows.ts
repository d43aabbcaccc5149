// The translation editor's rows: every text of the draft by its path (the texts the validator checks,
// shared/scenario/texts.ts), in the language it is written in, and which of them a language lacks.
import { scenario, type Scenario } from "../../shared/scenario/schema.ts";
import { scenarioTexts } from "../../shared/scenario/texts.ts";

/** One translatable text: its path ("injects.blackout.body") and its words in the scenario's own language. */
export interface TextRow {
  path: string;
  text: string;
}

/** The language the scenario is written in, and the languages it is translated into. */
/** Whether a designer's text runs over several lines (a briefing) rather than one (a name, a title). */
export function manyLines(...texts: string[]): boolean {
  return texts.some((text) => text.split("\n").length > 1);
}

export interface DraftLanguages {
  source: string;
  targets: string[];
}

/** The language a draft without a `languages` list is taken to be written in. */
export const DEFAULT_SOURCE = "en";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const named = (v: unknown, id = "id"): Obj[] => objects(v).filter((x) => typeof x[id] === "string" && x[id] !== "");
const maybe = (v: unknown): Obj | undefined => (isObj(v) ? v : undefined);

/** The draft's `languages` as written (strings only). */
export function listedLanguages(draft: Obj): string[] {
  return Array.isArray(draft.languages) ? draft.languages.filter((l): l is string => typeof l === "string") : [];
}

/** Source and target languages; a code listed twice is one column. */
export function languagesOf(draft: Obj): DraftLanguages {
  const list = listedLanguages(draft);
  const source = list[0] ?? DEFAULT_SOURCE;
  const targets = [...new Set(list.slice(1))].filter((l) => l !== source);
  return { source, targets };
}

/** The draft's translations of one language (an empty table when it has none). */
export function tableOf(draft: Obj, lang: string): Obj {
  const all = maybe(draft.translations);
  return maybe(all?.[lang]) ?? {};
}

/** A draft that does not validate yet, shaped enough for the text walk: items without ids are left out. */
function lenient(d: Obj): Scenario {
  const ladder = maybe(d.ladder) ?? {};
  const texts = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined);
  const shaped = {
    ...d,
    objectives: named(d.objectives),
    phases: named(d.phases),
    ladder: { ...ladder, rungs: named(ladder.rungs), redLines: named(ladder.redLines) },
    teams: named(d.teams).map((t) => ({ ...t, objectives: texts(t.objectives), sectors: named(t.sectors, "kind") })),
    mediator: maybe(d.mediator),
    actions: named(d.actions).map((a) => ({ ...a, perception: maybe(a.perception), incident: maybe(a.incident) })),
    cbms: named(d.cbms),
    injects: named(d.injects).map((i) => ({ ...i, incident: maybe(i.incident) })),
  };
  return shaped as unknown as Scenario;
}

/** Every text of the draft, once, in the order of the file (the draft as the schema reads it when it can). */
export function textRows(draft: Obj): TextRow[] {
  const parsed = scenario.safeParse(draft);
  const s = parsed.success ? parsed.data : lenient(draft);
  return [...scenarioTexts(s)].map(([path, text]) => ({ path, text }));
}

/** The paths of `rows` that `lang` has no text for. */
export function missingPaths(draft: Obj, lang: string, rows: readonly TextRow[]): Set<string> {
  const table = tableOf(draft, lang);
  return new Set(rows.filter((r) => typeof table[r.path] !== "string" || table[r.path] === "").map((r) => r.path));
}

/** Paths translated in `lang` that name no text of the draft (an id renamed since, a typo). */
export function unknownPaths(draft: Obj, lang: string, rows: readonly TextRow[]): string[] {
  const known = new Set(rows.map((r) => r.path));
  return Object.keys(tableOf(draft, lang)).filter((p) => !known.has(p));
}

/** What the editor was drawn from: when it changes (a text or a language edited elsewhere), it is drawn again. */
export function signatureOf(draft: Obj, rows: readonly TextRow[]): string {
  return JSON.stringify([listedLanguages(draft), rows.map((r) => [r.path, r.text])]);
}
