// The lists of a view (injects, messages, chat, incidents, proposals,
// commitments, history, notes, log), item by item: whether a viewer sees an
// item of the state's list, and as what. `view` builds whole lists from these
// functions; the server's incremental feed (view-feed.ts) asks them about the
// items a command added or changed. One rule, two uses.
import type { GameState, Incident, InjectState, Viewer } from "./types.ts";
import type { EventView, StoredEvent } from "./events.ts";
import type { IncidentView, InjectSchedule, InjectView, ParticipantView } from "./view.ts";
import { partyOf } from "../protocol/identity.ts";
import { canSee, mayRead, redact, seesAll } from "./audience.ts";
import { canSeeIncident, sharedWithKnownTo } from "./incidents.ts";
import { proposalAudience } from "./agreements.ts";

/** The lists of a view; each shows the state's list of the same name. */
export const LIST_KEYS = [
  "injects",
  "messages",
  "chat",
  "incidents",
  "proposals",
  "commitments",
  "history",
  "notes",
  "log",
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

/**
 * Lists whose items `step` changes in place after adding them (an inject
 * released, a message answered, …). Items of the others never change once added.
 */
export const CHANGING: Readonly<Record<ListKey, boolean>> = {
  injects: true,
  messages: true,
  chat: false,
  incidents: true,
  proposals: true,
  commitments: true,
  history: false,
  notes: false,
  log: false,
};

/** Who is looking, with what the rule asks of them worked out once. */
export interface Seer {
  viewer: Viewer;
  /** control, or observers while they see everything: whole items */
  all: boolean;
  /** the team id or "mediator", null for control and observers */
  party: string | null;
  /** one key per kind of viewer (caches of redacted copies) */
  key: string;
}

export function seerOf(s: Pick<GameState, "observersSeeAll">, viewer: Viewer): Seer {
  const key = viewer.role === "team" ? `team:${viewer.teamId}` : viewer.role;
  return { viewer, all: seesAll(s, viewer), party: partyOf(viewer), key };
}

type StateItem<K extends ListKey> = GameState[K][number];
export type ViewItem<K extends ListKey> = ParticipantView[K][number];

/** How an item of the state's list `key` shows to the viewer; undefined if the viewer does not see it. */
export function itemView<K extends ListKey>(
  s: GameState,
  seer: Seer,
  key: K,
  item: StateItem<K>,
): ViewItem<K> | undefined {
  return (ITEMS[key] as (s: GameState, seer: Seer, x: StateItem<K>) => ViewItem<K> | undefined)(s, seer, item);
}

/** The whole list `key` as the viewer sees it. */
export function listView<K extends ListKey>(s: GameState, seer: Seer, key: K): ViewItem<K>[] {
  // those who see everything get these lists whole
  // (the log whole to control only: observers who see everything still miss control's private notes)
  if (seer.all && WHOLE_TO_ALL.has(key) && (key !== "log" || seer.viewer.role === "facilitator"))
    return (s[key] as ViewItem<K>[]).slice();
  const out: ViewItem<K>[] = [];
  for (const x of s[key] as StateItem<K>[]) {
    const v = itemView(s, seer, key, x);
    if (v !== undefined) out.push(v);
  }
  return out;
}

const WHOLE_TO_ALL: ReadonlySet<ListKey> = new Set([
  "messages",
  "chat",
  "incidents",
  "proposals",
  "commitments",
  "notes",
  "log",
]);

const ITEMS: { [K in ListKey]: (s: GameState, seer: Seer, x: StateItem<K>) => ViewItem<K> | undefined } = {
  injects: (s, seer, i) =>
    seer.all || (i.status === "released" && canSee(s, seer.viewer, i.audience)) ? injectView(s, i, seer) : undefined,
  // nothing a participant receives counts what it did not see: no command counter, no time of others' last command
  messages: (_s, { all, party }, m) => {
    if (all) return m;
    if (party === null || (m.from !== party && m.to !== party)) return undefined;
    // a message changes in place (answered, lapsed): its copy without seq is made afresh
    const { seq: _seq, ...rest } = m;
    return rest;
  },
  chat: (_s, { all, viewer }, c) =>
    all ? c : viewer.role === "team" && c.teamId === viewer.teamId ? withoutSeq(c) : undefined,
  incidents: (s, seer, i) =>
    canSeeIncident(s, i, seer.viewer) ? (seer.all ? i : incidentView(i, seer.viewer, seer.party)) : undefined,
  proposals: (_s, { all, party }, p) =>
    all || (party !== null && proposalAudience(p).includes(party)) ? p : undefined,
  commitments: (_s, _seer, c) => c,
  history: (_s, { all, viewer }, h) => ({
    turn: h.turn,
    escalationBefore: h.escalationBefore,
    escalationAfter: h.escalationAfter,
    orders: all ? h.orders : h.orders.filter((o) => viewer.role === "team" && o.teamId === viewer.teamId),
  }),
  notes: (_s, { all, viewer }, n) =>
    all ? n : viewer.role === "observer" && n.role === "observer" ? withoutSeq(n) : undefined,
  log: (s, seer, e) => (mayRead(s, seer.viewer, e) ? eventView(s, seer, e) : undefined),
};

/** One schedule per scenario inject, so successive views share it. */
const schedules = new WeakMap<object, InjectSchedule[]>();

function injectView(s: GameState, i: InjectState, seer: Seer): InjectView {
  if (!seer.all) return i;
  const def = s.scenario.injects.find((d) => d.id === i.id);
  if (!def) return i;
  let schedule = schedules.get(def);
  if (!schedule) {
    schedule = [];
    if (def.at) schedule.push({ kind: "turn", turn: def.at.turn, phase: def.at.phase });
    if (def.when) schedule.push({ kind: "condition", when: def.when });
    if (def.chance !== undefined || def.group !== undefined)
      schedule.push({ kind: "draw", chance: def.chance ?? null, group: def.group ?? null });
    schedules.set(def, schedule);
  }
  return { ...i, schedule };
}

// Copies of what never changes once recorded (events, chat lines, notes) are
// cached per original, so successive views share them.
const redactedEvents = new WeakMap<StoredEvent, Map<string, EventView>>();
const strippedItems = new WeakMap<object, object>();

/** An event the viewer may read, redacted for it (one copy per event and kind of viewer). */
function eventView(s: GameState, seer: Seer, e: StoredEvent): EventView {
  if (seer.all) return e;
  let byViewer = redactedEvents.get(e);
  if (!byViewer) redactedEvents.set(e, (byViewer = new Map()));
  let v = byViewer.get(seer.key);
  if (!v) byViewer.set(seer.key, (v = redact(e, seer.viewer, s)));
  return v;
}

function withoutSeq<T extends { seq: number }>(item: T): Omit<T, "seq"> {
  let v = strippedItems.get(item) as Omit<T, "seq"> | undefined;
  if (!v) {
    const { seq: _s, ...rest } = item;
    v = rest;
    strippedItems.set(item, v);
  }
  return v;
}

/**
 * The truth about who did it is control's alone; a culprit knows its own deed.
 * Of those given the evidence, a party sees itself and those it told: seeing
 * who else was told would reveal hotline traffic it was not part of.
 */
function incidentView(i: Incident, viewer: Viewer, party: string | null): IncidentView {
  const { culprit, source, attributions, told: _t, ...rest } = i;
  const sharedWith = party === null ? [] : sharedWithKnownTo(i, party);
  if (viewer.role === "team" && culprit === viewer.teamId)
    return { ...rest, sharedWith, culprit, source, attributions };
  return { ...rest, sharedWith, attributions: attributions.map(({ correct: _c, ...a }) => a) };
}

/** The scenario actions an event names (so its words can name them). */
export function actionsNamed(e: EventView): string[] {
  if ((e.type === "action.resolved" || e.type === "action.disproportionate") && e.action) return [e.action];
  if ((e.type === "misperception" || e.type === "perception.correct") && e.action) return [e.action];
  if (e.type === "escalation.changed" && (e.cause.kind === "action" || e.cause.kind === "disproportionate"))
    return [e.cause.action];
  return [];
}
