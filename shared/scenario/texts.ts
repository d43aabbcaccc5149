// Every text of a scenario a participant reads, named by a path of ids (never
// array indexes, so a path survives reordering): "injects.blackout.body".
import type { Action, Scenario } from "./schema.ts";

/** One text in a scenario object: its path, and how to read and replace it in that object. */
export interface TextSlot {
  path: string;
  get(): string;
  set(text: string): void;
}

type Holder = Record<string, unknown>;

/** A slot for `holder[field]` when it holds a non-empty text. */
function slot(out: TextSlot[], path: string, holder: object | undefined | null, field: string): void {
  const h = holder as Holder | undefined | null;
  if (!h || typeof h[field] !== "string" || h[field] === "") return;
  out.push({ path, get: () => h[field] as string, set: (v) => (h[field] = v) });
}

/** Slots for a list of texts without ids (a team's objectives): named by position, from 1. */
function listSlots(out: TextSlot[], base: string, list: string[] | undefined): void {
  list?.forEach((text, i) => {
    if (text !== "") out.push({ path: `${base}.${i + 1}`, get: () => list[i]!, set: (v) => (list[i] = v) });
  });
}

/** The slots of an action definition's texts. */
export function actionSlots(out: TextSlot[], a: Action): void {
  const base = `actions.${a.id}`;
  slot(out, `${base}.name`, a, "name");
  slot(out, `${base}.description`, a, "description");
  slot(out, `${base}.perception.perceivedAs`, a.perception, "perceivedAs");
  slot(out, `${base}.incident.title`, a.incident, "title");
}

/** The slots of a team's private texts: briefing and objectives. */
export function teamPrivateSlots(
  out: TextSlot[],
  teamId: string,
  holder: object,
  field: string,
  objectives?: string[],
) {
  slot(out, `teams.${teamId}.briefing`, holder, field);
  listSlots(out, `teams.${teamId}.objectives`, objectives);
}

/** Every participant-facing text of `s`, in the order of the file. */
export function scenarioTextSlots(s: Scenario): TextSlot[] {
  const out: TextSlot[] = [];
  slot(out, "title", s, "title");
  slot(out, "summary", s, "summary");
  slot(out, "background", s, "background");
  for (const o of s.objectives) slot(out, `objectives.${o.id}`, o, "text");
  for (const p of s.phases) slot(out, `phases.${p.id}.name`, p, "name");
  for (const r of s.ladder.rungs) {
    slot(out, `ladder.rungs.${r.id}.name`, r, "name");
    slot(out, `ladder.rungs.${r.id}.description`, r, "description");
  }
  for (const r of s.ladder.redLines) {
    slot(out, `ladder.redLines.${r.id}.name`, r, "name");
    slot(out, `ladder.redLines.${r.id}.description`, r, "description");
  }
  for (const t of s.teams) {
    slot(out, `teams.${t.id}.name`, t, "name");
    teamPrivateSlots(out, t.id, t, "briefing", t.objectives);
    for (const x of t.sectors) slot(out, `teams.${t.id}.sectors.${x.kind}.name`, x, "name");
  }
  slot(out, "mediator.name", s.mediator, "name");
  slot(out, "mediator.briefing", s.mediator, "briefing");
  for (const a of s.actions) actionSlots(out, a);
  for (const c of s.cbms) {
    slot(out, `cbms.${c.id}.name`, c, "name");
    slot(out, `cbms.${c.id}.description`, c, "description");
  }
  for (const i of s.injects) {
    slot(out, `injects.${i.id}.title`, i, "title");
    slot(out, `injects.${i.id}.body`, i, "body");
    slot(out, `injects.${i.id}.incident.title`, i.incident, "title");
  }
  return out;
}

/** The scenario's texts by path, in the language it is written in. */
export function scenarioTexts(s: Scenario): Map<string, string> {
  return new Map(scenarioTextSlots(s).map((x) => [x.path, x.get()]));
}
