// The scenario's texts inside one participant's view, each named by a key and,
// where the view says, by its path in the scenario (shared/scenario/texts.ts).
// A translation is given for a text only when the view holds that very text,
// so a viewer learns the words of nothing it could not already read.
import type { ParticipantView } from "../engine/view.ts";
import type { Scenario } from "./schema.ts";
import { actionSlots, scenarioTexts, teamPrivateSlots, type TextSlot } from "./texts.ts";

/** A text in a view: `key` names it in the view, `path` in the scenario (null: found by its text among incident titles). */
export interface ViewTextSlot extends TextSlot {
  key: string;
  scenarioPath: string | null;
}

/** The room's reply to "texts": the scenario's languages (none listed: English alone), the view's texts in the one asked. */
export interface TextsReply {
  languages: string[];
  texts: Record<string, string>;
}

type Holder = Record<string, unknown>;

function at(out: ViewTextSlot[], path: string, holder: object | null | undefined, field: string, key = path): void {
  const h = holder as Holder | null | undefined;
  if (!h || typeof h[field] !== "string" || h[field] === "") return;
  out.push({ key, path, scenarioPath: path, get: () => h[field] as string, set: (v) => (h[field] = v) });
}

function fromSlots(out: ViewTextSlot[], fill: (slots: TextSlot[]) => void, prefix: string): void {
  const slots: TextSlot[] = [];
  fill(slots);
  for (const x of slots) out.push({ ...x, key: prefix + x.path, scenarioPath: x.path });
}

/** Every scenario text in `v` (the view is read, not changed; `set` changes it in place). */
export function viewTextSlots(v: ParticipantView): ViewTextSlot[] {
  const out: ViewTextSlot[] = [];
  const e = v.exercise;
  at(out, "title", e, "scenarioTitle");
  // the exercise's own title, when control kept the scenario's
  at(out, "title", e, "title", "exercise.title");
  at(out, "summary", e, "summary");
  at(out, "background", e, "background");
  if (e.phase) at(out, `phases.${e.phase.id}.name`, e.phase, "name", `exercise.phase.${e.phase.id}.name`);
  for (const p of e.phases) at(out, `phases.${p.id}.name`, p, "name");
  for (const o of v.objectives) at(out, `objectives.${o.id}`, o, "text");
  for (const r of v.ladder.rungs) {
    at(out, `ladder.rungs.${r.id}.name`, r, "name");
    at(out, `ladder.rungs.${r.id}.description`, r, "description");
  }
  for (const r of v.ladder.redLines) {
    at(out, `ladder.redLines.${r.id}.name`, r, "name");
    at(out, `ladder.redLines.${r.id}.description`, r, "description");
  }
  for (const t of v.teams) {
    at(out, `teams.${t.id}.name`, t, "name");
    for (const x of t.sectors) at(out, `teams.${t.id}.sectors.${x.kind}.name`, x, "name");
  }
  at(out, "mediator.name", v.mediator, "name");
  for (const c of v.cbms) {
    at(out, `cbms.${c.id}.name`, c, "name");
    at(out, `cbms.${c.id}.description`, c, "description");
  }
  meSlots(out, v);
  for (const i of v.injects) {
    if (i.adhoc) continue;
    at(out, `injects.${i.id}.title`, i, "title");
    at(out, `injects.${i.id}.body`, i, "body");
  }
  const incidentPaths = new Map<string, string | null>();
  for (const inc of v.incidents) {
    const src = inc.source;
    const path = !src ? null : src.kind === "inject" ? `injects.${src.injectId}` : `actions.${src.actionId}`;
    incidentPaths.set(inc.id, path && `${path}.incident.title`);
    titleSlot(out, `incidents.${inc.id}.title`, incidentPaths.get(inc.id)!, inc);
  }
  logSlots(out, v, incidentPaths);
  for (const id of Object.keys(v.actionNames)) at(out, `actions.${id}.name`, v.actionNames, id, `actionNames.${id}`);
  return out;
}

/** A slot for the `title` of an object that has one (null path: found by its text among incident titles). */
function titleSlot(out: ViewTextSlot[], key: string, scenarioPath: string | null, holder: { title?: unknown }): void {
  if (typeof holder.title !== "string" || holder.title === "") return;
  const h = holder as Holder;
  out.push({ key, path: key, scenarioPath, get: () => h.title as string, set: (x) => (h.title = x) });
}

/** The titles events carry: an inject's, an incident's, the exercise's (the log's other words are the engine's). */
function logSlots(out: ViewTextSlot[], v: ParticipantView, incidentPaths: Map<string, string | null>): void {
  for (const e of v.log) {
    if (!("title" in e)) continue;
    if ("inject" in e) titleSlot(out, `injects.${e.inject}.title`, `injects.${e.inject}.title`, e);
    else if ("incident" in e && typeof e.incident === "string")
      titleSlot(out, `incidents.${e.incident}.title`, incidentPaths.get(e.incident) ?? null, e);
    else if (e.type === "exercise.started") titleSlot(out, "exercise.title", "title", e);
  }
}

/** The viewer's own seat: briefings, objectives and action catalogue. */
function meSlots(out: ViewTextSlot[], v: ParticipantView): void {
  const me = v.me;
  if (!me) return;
  if (me.kind === "team") {
    fromSlots(out, (s) => teamPrivateSlots(s, me.teamId, me, "briefing", me.objectives), "me.");
    me.actions.forEach((a) => fromSlots(out, (s) => actionSlots(s, a), "me."));
  } else if (me.kind === "mediator") at(out, "mediator.briefing", me, "briefing", "me.mediator.briefing");
  else {
    for (const id of Object.keys(me.briefings))
      fromSlots(out, (s) => teamPrivateSlots(s, id, me.briefings, id, me.teamObjectives[id]), "me.");
    at(out, "mediator.briefing", me, "mediatorBriefing", "me.mediator.briefing");
    me.actions.forEach((a) => fromSlots(out, (s) => actionSlots(s, a), "me."));
  }
}

const known = new WeakMap<Scenario, Map<string, string>>();

/** The scenario's texts by path, worked out once per scenario object (a replay asks at every step). */
function textsOf(s: Scenario): Map<string, string> {
  let texts = known.get(s);
  if (!texts) known.set(s, (texts = scenarioTexts(s)));
  return texts;
}

/**
 * The texts of `v` in `lang`, by view key: only where the view holds exactly
 * the scenario's text at that path, so nothing reaches a viewer it could not read.
 */
export function viewTranslations(s: Scenario, v: ParticipantView, lang: string): Record<string, string> {
  const table = s.translations?.[lang];
  const out: Record<string, string> = {};
  if (!table) return out;
  const texts = textsOf(s);
  const incidentPaths = [...texts.keys()].filter((p) => p.endsWith(".incident.title"));
  for (const slot of viewTextSlots(v)) {
    const text = slot.get();
    const path = slot.scenarioPath ?? incidentPaths.find((p) => texts.get(p) === text);
    const translated = path === undefined ? undefined : table[path];
    if (path !== undefined && translated !== undefined && texts.get(path) === text) out[slot.key] = translated;
  }
  return out;
}

const TEXT_PARTS = [
  "exercise",
  "objectives",
  "ladder",
  "teams",
  "mediator",
  "cbms",
  "me",
  "injects",
  "incidents",
  "actionNames",
] as const satisfies (keyof ParticipantView)[];

/** A copy of `v` with its scenario texts replaced by `translations` (by view key); texts without one stay. */
export function localizeView(v: ParticipantView, translations: Readonly<Record<string, string>>): ParticipantView {
  if (Object.keys(translations).length === 0) return v;
  // only the parts that hold scenario texts are copied: the log, chat and history stay shared
  const copy: ParticipantView = { ...v };
  const parts = copy as unknown as Record<string, unknown>;
  for (const k of TEXT_PARTS) parts[k] = structuredClone(v[k]);
  // of the log, only the events that carry a title are copied
  copy.log = v.log.map((e) => ("title" in e ? { ...e } : e));
  for (const slot of viewTextSlots(copy)) {
    const text = translations[slot.key];
    if (text !== undefined) slot.set(text);
  }
  return copy;
}
