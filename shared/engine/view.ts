// view(state, viewer): what a viewer may see. Live play, replay and the recording a
// participant downloads all go through here, so "what did a team know at turn 3"
// has one answer. Whatever a viewer may not see is left out, not masked. Who
// reads an event, and which of its fields, is audience.ts's rule.
import type { Action, Cbm, Condition, Phase } from "../scenario/schema.ts";
import type {
  Audience,
  ChatLine,
  Commitment,
  GameState,
  HotlineMessage,
  Incident,
  InjectState,
  Note,
  Outcome,
  Proposal,
  SectorState,
  Status,
  TeamOrders,
  Viewer,
} from "./types.ts";
import type { EventView, StoredEvent } from "./events.ts";
import type { PolicyName } from "../bots/policy.ts";
import { currentPhase } from "./context.ts";
import { partyOf } from "../protocol/identity.ts";
import { canSee, redact, seesAll } from "./audience.ts";
import { canSeeIncident, sharedWithKnownTo } from "./incidents.ts";
import { rungIndex } from "./escalation.ts";
import { ordersOpen, talksOpen } from "./phase-rules.ts";
import { actionsFor } from "./orders.ts";
import { proposalAudience } from "./agreements.ts";

export interface TeamPublic {
  id: string;
  name: string;
  color: string;
  standing: number;
  pressure: number;
  sectors: SectorState[];
}

/**
 * An incident as a participant sees it: the truth (culprit, what caused it,
 * whether blame was right) is control's; `sharedWith` holds only the viewer
 * itself and the parties it gave the evidence to, and `told` is control's.
 */
export type IncidentView = Omit<Incident, "culprit" | "source" | "attributions" | "told"> & {
  culprit?: string | null;
  source?: Incident["source"];
  told?: Incident["told"];
  attributions: (Omit<Incident["attributions"][number], "correct"> & { correct?: boolean })[];
};

/**
 * `seq` numbers every command of the exercise, seen or not: only control (and
 * observers who see everything) gets it, so nobody else can count what it did not see.
 */
type WithoutSeq<T extends { seq: number }> = Omit<T, "seq"> & { seq?: number };

export { canSee };
export type MessageView = WithoutSeq<HotlineMessage>;
export type ChatLineView = WithoutSeq<ChatLine>;
export type NoteView = WithoutSeq<Note>;

/** When the scenario releases an inject: as a turn's phase begins, or when a condition first holds. */
export type InjectSchedule = { kind: "turn"; turn: number; phase: string } | { kind: "condition"; when: Condition };

export interface InjectView extends InjectState {
  /** control only: when the scenario schedules or triggers it (one or both, either releases it); scheduleWords words it */
  schedule?: InjectSchedule[];
}

export interface ParticipantView {
  viewer: Viewer;
  /** control only (and observers who see everything): commands accepted so far, and the time of the last one */
  seq?: number;
  now?: number;
  exercise: {
    title: string;
    scenarioId: string;
    scenarioTitle: string;
    summary: string;
    background: string;
    status: Status;
    outcome: Outcome | null;
    turn: number;
    turns: number;
    phaseIndex: number;
    phase: Phase | null;
    phases: Phase[];
    clock: GameState["clock"];
    talksOpen: boolean;
    ordersOpen: boolean;
    observersSeeAll: boolean;
  };
  objectives: { id: string; text: string }[];
  ladder: GameState["scenario"]["ladder"] & { value: number; rung: number; peak: number };
  teams: TeamPublic[];
  trust: { a: string; b: string; value: number }[];
  hotlines: string[];
  mediator: { name: string; actionsPerTurn: number } | null;
  cbms: Cbm[];
  /** the viewer's own seat: briefing, catalogue, current orders */
  me: MyTeam | MyMediator | MyControl | null;
  injects: InjectView[];
  messages: MessageView[];
  chat: ChatLineView[];
  incidents: IncidentView[];
  proposals: Proposal[];
  commitments: Commitment[];
  history: { turn: number; escalationBefore: number; escalationAfter: number; orders: TeamOrders[] }[];
  notes: NoteView[];
  /** the events the viewer may read, as it may know them (audience.ts) */
  log: EventView[];
  /**
   * The names of the actions those events name, and of the viewer's own
   * catalogue: enough to put its log in words, without the catalogue of
   * actions reserved to other teams.
   */
  actionNames: Record<string, string>;
}

export interface MyTeam {
  kind: "team";
  teamId: string;
  briefing: string;
  objectives: string[];
  actionPoints: number;
  actions: Action[];
  orders: TeamOrders | null;
}
export interface MyMediator {
  kind: "mediator";
  briefing: string;
  actionsUsed: number;
}
export interface MyControl {
  kind: "control";
  briefings: Record<string, string>;
  mediatorBriefing: string | null;
  teamObjectives: Record<string, string[]>;
  actions: Action[];
  orders: Record<string, TeamOrders>;
  mediatorActionsUsed: number;
  /** seats played by a bot (team id or "mediator" → policy) and whether the server paces the exercise: control's alone */
  bots?: Readonly<Record<string, PolicyName>>;
  autopilot?: boolean;
}

/** Everything the viewer may see, and nothing else. */
export function view(s: GameState, viewer: Viewer): ParticipantView {
  const all = seesAll(s, viewer);
  const party = partyOf(viewer);
  const sc = s.scenario;
  const between = (p: { from: string; to: string }) => all || (party !== null && (p.from === party || p.to === party));
  const log: EventView[] = all ? s.log : logView(s, viewer);
  const me = mySeat(s, viewer);
  const myActions = me?.kind === "team" ? me.actions.map((a) => a.id) : [];
  // nothing a participant receives counts what it did not see: no command counter, no time of others' last command
  const strip = <T extends { seq: number }>(list: readonly T[]): WithoutSeq<T>[] => list.map((x) => withoutSeq(x));
  // a message changes in place (answered, lapsed): its copy without seq is made afresh
  const stripNow = <T extends { seq: number }>({ seq: _s, ...rest }: T): WithoutSeq<T> => rest;
  return {
    viewer,
    ...(all ? { seq: s.seq, now: s.now } : {}),
    exercise: {
      title: s.title,
      scenarioId: sc.id,
      scenarioTitle: sc.title,
      summary: sc.summary,
      background: sc.background,
      status: s.status,
      outcome: s.outcome,
      turn: s.turn,
      turns: sc.turns,
      phaseIndex: s.phaseIndex,
      phase: currentPhase(s) ?? null,
      phases: sc.phases,
      clock: s.clock,
      talksOpen: talksOpen(s),
      ordersOpen: ordersOpen(s),
      observersSeeAll: s.observersSeeAll,
    },
    objectives: sc.objectives,
    ladder: { ...sc.ladder, value: s.escalation, rung: rungIndex(sc.ladder, s.escalation), peak: s.peakEscalation },
    teams: sc.teams.map((t) => {
      const st = s.teams[t.id]!;
      return {
        id: t.id,
        name: t.name,
        color: t.color,
        standing: st.standing,
        pressure: st.pressure,
        sectors: st.sectors,
      };
    }),
    // trust between two other states is not something a state can observe
    trust: Object.entries(s.trust).flatMap(([key, value]) => {
      const [a, b] = key.split("|") as [string, string];
      return viewer.role !== "team" || a === viewer.teamId || b === viewer.teamId ? [{ a, b, value }] : [];
    }),
    hotlines: s.hotlines,
    mediator: sc.mediator ? { name: sc.mediator.name, actionsPerTurn: sc.mediator.actionsPerTurn } : null,
    cbms: sc.cbms,
    me,
    injects: s.injects
      .filter((i) => (all ? true : i.status === "released" && canSee(s, viewer, i.audience)))
      .map((i) => injectView(s, i, viewer)),
    messages: all ? s.messages : s.messages.filter(between).map(stripNow),
    chat: all ? s.chat : viewer.role === "team" ? strip(s.chat.filter((c) => c.teamId === viewer.teamId)) : [],
    incidents: s.incidents
      .filter((i) => canSeeIncident(s, i, viewer))
      .map((i) => (all ? i : incidentView(i, viewer, party))),
    proposals: s.proposals.filter((p) => all || (party !== null && proposalAudience(p).includes(party))),
    commitments: s.commitments,
    history: s.history.map((h) => ({
      turn: h.turn,
      escalationBefore: h.escalationBefore,
      escalationAfter: h.escalationAfter,
      orders: all ? h.orders : h.orders.filter((o) => viewer.role === "team" && o.teamId === viewer.teamId),
    })),
    notes: all ? s.notes : viewer.role === "observer" ? strip(s.notes.filter((n) => n.role === "observer")) : [],
    log,
    actionNames: actionNames(s, log, all ? sc.actions.map((a) => a.id) : myActions),
  };
}

function mySeat(s: GameState, viewer: Viewer): ParticipantView["me"] {
  const sc = s.scenario;
  if (viewer.role === "team") {
    const t = sc.teams.find((x) => x.id === viewer.teamId);
    if (!t) return null;
    return {
      kind: "team",
      teamId: t.id,
      briefing: t.briefing,
      objectives: t.objectives,
      actionPoints: t.actionPoints,
      actions: actionsFor(s, t.id),
      orders: s.orders[t.id] ?? null,
    };
  }
  if (viewer.role === "mediator")
    return sc.mediator
      ? { kind: "mediator", briefing: sc.mediator.briefing, actionsUsed: s.mediatorActionsThisTurn }
      : null;
  if (viewer.role === "facilitator" || (viewer.role === "observer" && s.observersSeeAll))
    return {
      kind: "control",
      briefings: Object.fromEntries(sc.teams.map((t) => [t.id, t.briefing])),
      mediatorBriefing: sc.mediator?.briefing ?? null,
      teamObjectives: Object.fromEntries(sc.teams.map((t) => [t.id, t.objectives])),
      actions: sc.actions,
      orders: s.orders,
      mediatorActionsUsed: s.mediatorActionsThisTurn,
      // who is a bot is control's: observers who see every channel still read a bot's words as a person's
      ...(viewer.role === "facilitator" ? { bots: s.bots ?? {}, autopilot: s.autopilot ?? false } : {}),
    };
  return null;
}

function injectView(s: GameState, i: InjectState, viewer: Viewer): InjectView {
  if (viewer.role !== "facilitator" && !(viewer.role === "observer" && s.observersSeeAll)) return i;
  const def = s.scenario.injects.find((d) => d.id === i.id);
  if (!def) return i;
  let schedule = schedules.get(def);
  if (!schedule) {
    schedule = [];
    if (def.at) schedule.push({ kind: "turn", turn: def.at.turn, phase: def.at.phase });
    if (def.when) schedule.push({ kind: "condition", when: def.when });
    schedules.set(def, schedule);
  }
  return { ...i, schedule };
}

/** One schedule per scenario inject, so successive views share it. */
const schedules = new WeakMap<object, InjectSchedule[]>();

// Stripped copies are cached per (frozen, never changing) original, so successive
// views share them and the server's patches stay small.
const redactedEvents = new WeakMap<StoredEvent, Map<string, EventView>>();
const strippedItems = new WeakMap<object, object>();

/** The names of the actions the events name, and of those given. */
function actionNames(s: GameState, log: readonly EventView[], own: readonly string[]): Record<string, string> {
  const ids = new Set(own);
  for (const e of log) {
    if ((e.type === "action.resolved" || e.type === "action.disproportionate") && e.action) ids.add(e.action);
    if ((e.type === "misperception" || e.type === "perception.correct") && e.action) ids.add(e.action);
    if (e.type === "escalation.changed" && (e.cause.kind === "action" || e.cause.kind === "disproportionate"))
      ids.add(e.cause.action);
  }
  const names: Record<string, string> = {};
  for (const a of s.scenario.actions) if (ids.has(a.id)) names[a.id] = a.name;
  return names;
}

/** The events a participant may read, redacted for it (one copy per event and viewer). */
function logView(s: GameState, viewer: Viewer): EventView[] {
  const key = viewer.role === "team" ? `team:${viewer.teamId}` : viewer.role;
  const out: EventView[] = [];
  for (const e of s.log) {
    if (!canSee(s, viewer, e.audience)) continue;
    let byViewer = redactedEvents.get(e);
    if (!byViewer) redactedEvents.set(e, (byViewer = new Map()));
    let v = byViewer.get(key);
    if (!v) byViewer.set(key, (v = redact(e, viewer, s)));
    out.push(v);
  }
  return out;
}

function withoutSeq<T extends { seq: number }>(item: T): WithoutSeq<T> {
  let v = strippedItems.get(item) as WithoutSeq<T> | undefined;
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
