// view(state, viewer): what a viewer may see. Live play, replay and the recording a
// participant downloads all go through here, so "what did a team know at turn 3"
// has one answer. Whatever a viewer may not see is left out, not masked. Who
// reads an event, and which of its fields, is audience.ts's rule.
import type { Action, Cbm, Condition, Phase } from "../scenario/schema.ts";
import type {
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
import type { EventView } from "./events.ts";
import type { PolicyName } from "../bots/policy.ts";
import { currentPhase } from "./context.ts";
import { canSee } from "./audience.ts";
import { rungIndex } from "./escalation.ts";
import { ordersOpen, talksOpen } from "./phase-rules.ts";
import { actionsFor } from "./orders.ts";
import { LIST_KEYS, actionsNamed, listView, seerOf, type ListKey, type Seer } from "./view-lists.ts";
import { underReview } from "./review.ts";
import { proposeOutcome, type ProposedOutcome } from "./review-proposal.ts";
import type { AdjudicationMode } from "../protocol/control-changes.ts";

export interface TeamPublic {
  id: string;
  name: string;
  color: string;
  /** "neutral" or "non-state" when the scenario says so (public: docs/scenario-format.md); absent for a state */
  role?: "neutral" | "non-state";
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
export type InjectSchedule =
  | { kind: "turn"; turn: number; phase: string }
  | { kind: "condition"; when: Condition }
  /** not a release of its own: the seed's draw decides whether the one above releases it */
  | { kind: "draw"; chance: number | null; group: string | null };

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
    /** present (true) while the turn's adjudication waits for control's review: nothing of what is in it */
    underReview?: true;
    /** the scenario's agreement (public): whether it was concluded or declared, and whether it ends the exercise */
    agreement?: AgreementView;
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
  /** control's alone, once control chose: whether adjudication waits for its review */
  adjudication?: AdjudicationMode;
  /** control's alone, while a review waits: what approving it unchanged would do */
  review?: ProposedOutcome;
}

/** The parts of a view that are not its lists: small, whatever the length of the exercise. */
export type ViewHead = Omit<ParticipantView, ListKey | "actionNames">;

/**
 * Everything the viewer may see, and nothing else. The view shares objects
 * with the state: whoever keeps it past the state's next step keeps a copy.
 */
export function view(s: GameState, viewer: Viewer): ParticipantView {
  const seer = seerOf(s, viewer);
  const head = viewHead(s, seer);
  const lists = {} as { [K in ListKey]: ParticipantView[K] };
  for (const key of LIST_KEYS) (lists as Record<ListKey, unknown[]>)[key] = listView(s, seer, key);
  const names: Record<string, string> = {};
  addActionNames(s, names, ownActions(s, head), lists.log);
  return { ...head, ...lists, actionNames: names };
}

/** The viewer's view without its lists. */
export function viewHead(s: GameState, seer: Seer): ViewHead {
  const { all, viewer } = seer;
  const sc = s.scenario;
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
      ...(underReview(s) ? { underReview: true as const } : {}),
      ...(sc.end.agreement && !s.model.legacy ? { agreement: agreementView(s) } : {}),
    },
    objectives: sc.objectives,
    ladder: { ...sc.ladder, value: s.escalation, rung: rungIndex(sc.ladder, s.escalation), peak: s.peakEscalation },
    teams: sc.teams.map((t) => {
      const st = s.teams[t.id]!;
      return {
        id: t.id,
        name: t.name,
        color: t.color,
        ...(t.role && t.role !== "state" ? { role: t.role } : {}),
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
    me: mySeat(s, viewer),
  };
}

/** The actions whose names a viewer always has: the whole catalogue for control, a team's own. */
export function ownActions(s: GameState, head: ViewHead): readonly { id: string }[] {
  const me = head.me;
  return me?.kind === "control" ? s.scenario.actions : me?.kind === "team" ? me.actions : [];
}

/**
 * Adds to `names` the names of the given actions and of those the events name:
 * enough to put the viewer's log in words, without the catalogue of actions
 * reserved to other teams. Returns the ids it added.
 */
export function addActionNames(
  s: GameState,
  names: Record<string, string>,
  own: readonly { id: string }[],
  log: readonly EventView[],
): string[] {
  const ids = new Set(own.map((a) => a.id));
  for (const e of log) for (const id of actionsNamed(e)) ids.add(id);
  const added: string[] = [];
  for (const a of s.scenario.actions)
    if (ids.has(a.id) && !(a.id in names)) {
      names[a.id] = a.name;
      added.push(a.id);
    }
  return added;
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
      ...(viewer.role === "facilitator"
        ? { bots: s.bots ?? {}, autopilot: s.autopilot ?? false, ...controlReview(s) }
        : {}),
    };
  return null;
}

/** Control's part of the review: the mode once chosen, and the proposed outcome while one waits. */
function controlReview(s: GameState): Pick<MyControl, "adjudication" | "review"> {
  const review = proposeOutcome(s);
  return { ...(s.adjudicationMode ? { adjudication: s.adjudicationMode } : {}), ...(review ? { review } : {}) };
}

/** The scenario's agreement as everyone may know it (its events are public). */
export interface AgreementView {
  status: "none" | "holding" | "declared";
  concludedTurn: number | null;
  holdTurns: number;
  /** whether a declared agreement ends the exercise (control's choice) */
  ends: boolean;
}

function agreementView(s: GameState): AgreementView {
  return {
    status: s.agreement?.status ?? "none",
    concludedTurn: s.agreement?.concludedTurn ?? null,
    holdTurns: s.scenario.end.agreement!.holdTurns,
    ends: s.agreementEnds,
  };
}
