// The engine's account of an exercise, as data. Every thing that happens is one
// event: a kind (`type`) and the typed fields a report, a card or a sentence
// needs — ids, numbers, never words. Who may read an event, and which of its
// fields, is decided in audience.ts; the words come from shared/words.
//
// To add an event kind:
//   1. add a line to `EventFields` below (name: dotted, "family.what-happened");
//      mark a field some readers may not know in `SecretFields`;
//   2. add its category to `EVENT_CATEGORY` (the compiler asks for it);
//   3. say who reads it: its class in `EVENT_AUDIENCE` (the compiler asks for
//      it) — everyone, its `team`, its `from`/`to` pair, its `target`, control,
//      or control and the observers. Only if its readers depend on the state
//      (an action's visibility, an incident, an inject) is it "rule": then add
//      its case to `ruleAudience` in audience.ts (the compiler asks for it).
//      If it has secret fields, remove them in audience.ts's `redact`;
//   4. give it words: a template in shared/words/en.ts and a case in
//      shared/words/describe.ts (the compiler asks for the case);
//   5. emit it where it happens: `ctx.emit({ type: "family.what-happened", ...fields })`;
//   6. test it; test/engine/visibility.property.test.ts restates who reads
//      each kind and fails on a kind it does not know that is not for all.
// A command that changes an incident, message, proposal, commitment or inject
// already in the state (in place: see step) emits an event naming it in a field
// of that name: that is how the server learns what to send (view-feed.ts).
import type { Audience, SectorKind } from "../scenario/schema.ts";
import type { HotlineKind, OutcomeKind } from "./types.ts";
import type { AdjudicationMode, Tell, ValueKind } from "../protocol/control-changes.ts";
import type {
  BreachReason,
  EscalationCause,
  RestraintResult,
  SectorStatusKind,
  VerificationResult,
} from "./event-causes.ts";

export type * from "./event-causes.ts";
export { EVENT_CATEGORY, categoryOf, type EventCategory } from "./event-category.ts";
export { EVENT_AUDIENCE, type AudienceClass, type KindOfClass } from "./event-audience.ts";

/** What every event carries: an opaque id, the command that caused it (seq), when, and where in the exercise. */
export interface EventBase {
  id: string;
  /** the number of the command that caused it: control's to know (see view.ts) */
  seq: number;
  at: number;
  turn: number;
  /** the phase's id ("" before the exercise starts) */
  phase: string;
}

/**
 * Every kind of event and its fields. A party is a team id or "mediator";
 * `action`, `cbm`, `line`, `rung` are ids from the scenario; `incident`,
 * `message`, `proposal`, `commitment`, `inject` are ids from the state.
 */
export interface EventFields {
  // the exercise and its flow
  "exercise.started": { title: string };
  "exercise.paused": { reason: string | null };
  "exercise.resumed": Record<never, never>;
  /** `reason`: control's, when control ended it */
  "exercise.ended": { outcome: OutcomeKind; reason: string | null };
  /** a phase (of the event's turn) begins */
  "phase.began": Record<never, never>;
  /** adjudication starts: how many teams had submitted orders */
  "turn.adjudicated": { submitted: number; teams: number };
  /** adjudication is done: escalation across it, and the rung it ended on */
  "turn.resolved": { from: number; to: number; rung: string };

  // the escalation meter (public)
  "escalation.changed": { from: number; to: number; cause: EscalationCause };
  "redline.crossed": { line: string; value: number };

  // orders (the team's own)
  "orders.submitted": { team: string; by: string; actions: number; cost: number };
  "orders.withdrawn": { team: string; by: string };
  "orders.carried-out": { team: string };

  // adjudication of one ordered action
  "action.resolved": {
    actor: string;
    action: string;
    target: string | null;
    sector: SectorKind | null;
    covert: boolean;
  };
  /** hostility beyond what the actor itself suffered from the target (`provocation` 0: unprovoked) */
  "action.disproportionate": {
    actor: string;
    action: string;
    target: string;
    severity: number;
    provocation: number;
  };
  /**
   * The target read an action as something worse. `identified`: whether the
   * target knows who did it (not covert, or pre-notified); if not, `actor` and
   * `action` are hidden from it. `chance` and `roll` are control's.
   */
  misperception: {
    actor: string;
    target: string;
    action: string;
    perceivedAs: string;
    identified: boolean;
    notified: boolean;
    chance: number;
    roll: number;
  };
  /** rules 3.0: the order failed and did nothing; `deterred`: the target had answered the actor in proportion */
  "action.failed": {
    team: string;
    action: string;
    target: string | null;
    deterred: boolean;
    chance: number;
    roll: number;
  };
  /** rules 3.0: the target caught the author of a covert operation in the act */
  "action.caught": { from: string; to: string; action: string };
  /** the target observed an action (not public) and read it as it was; `actor` hidden unless identified */
  "perception.correct": {
    actor: string;
    target: string;
    action: string;
    identified: boolean;
    notified: boolean;
  };

  // incidents, evidence and attribution
  /** `culprit` (null: a non-state actor) is control's, and the culprit's own */
  "incident.occurred": {
    incident: string;
    title: string;
    victim: string;
    sector: SectorKind;
    severity: number;
    suspect: string | null;
    confidence: number;
    public: boolean;
    culprit: string | null;
  };
  /** `by`: the mediator, or the team whose investigators looked */
  "incident.verified": {
    incident: string;
    title: string;
    by: string;
    result: VerificationResult;
    suspect: string | null;
    confidence: number;
  };
  "evidence.shared": { incident: string; title: string; from: string; to: string };
  /** an inject's effect changed an incident's evidence (a leak, a new trace): told to those who know the incident */
  "evidence.changed": { incident: string; title: string; suspect: string | null; confidence: number; delta: number };
  /**
   * A public accusation. `correct` is known to control, the accused and the
   * culprit; `culprit` (null: a non-state actor) to control and the culprit.
   */
  "attribution.made": {
    accuser: string;
    accused: string;
    incident: string;
    title: string;
    /** whom the evidence pointed at when the accusation was made (null: no state), with its confidence */
    suspect: string | null;
    confidence: number;
    correct: boolean;
    culprit: string | null;
  };
  "attribution.denied": { accused: string; incident: string };
  /** an accusation on weak evidence draws criticism, right or wrong */
  "attribution.questioned": { accuser: string; incident: string; confidence: number };

  // the hotline
  "hotline.sent": { message: string; from: string; to: string; kind: HotlineKind; relay: boolean };
  /** `message` (from → to) was answered after `answeredAfterMs`; `timely` if in time to build trust */
  "hotline.answered": {
    message: string;
    from: string;
    to: string;
    kind: HotlineKind;
    answeredAfterMs: number;
    timely: boolean;
  };
  /** `message` lapsed at the end of its turn: `to` left it unanswered */
  "hotline.unanswered": { message: string; from: string; to: string; kind: HotlineKind };

  // proposals, statements and commitments
  "proposal.made": {
    proposal: string;
    proposer: string;
    parties: string[];
    kind: "cbm" | "statement";
    cbm: string | null;
    text: string;
  };
  "proposal.accepted": { proposal: string; proposer: string; parties: string[]; by: string; text: string };
  "proposal.rejected": { proposal: string; proposer: string; parties: string[]; by: string; text: string };
  "proposal.withdrawn": { proposal: string; proposer: string; parties: string[]; text: string };
  "statement.joint": { proposal: string; parties: string[]; text: string };
  /** rules 3.0: the scenario's agreement is concluded; success is declared once it has held `holdTurns` turns */
  "agreement.concluded": { holdTurns: number; ends: boolean };
  /** the concluded agreement no longer holds (a measure broken, trust lost) */
  "agreement.collapsed": { turn: number };
  /** the agreement held long enough: success (the exercise ends unless control chose to play on) */
  "agreement.declared": { ends: boolean };
  /** control decided whether a concluded agreement ends the exercise */
  "agreement.ending": { ends: boolean };
  /** rules 3.0: unanswered public incidents weigh on a government (`incidents`: how many) */
  "pressure.mounting": { team: string; incidents: number; pressure: number };
  "commitment.adopted": { commitment: string; cbm: string; parties: string[] };
  "commitment.broken": { commitment: string; cbm: string; team: string; reason: BreachReason };
  /** a timeline commitment fell due with escalation at or below its rung */
  "commitment.fulfilled": { commitment: string; cbm: string };
  /** a timeline commitment fell due with escalation still above `rung` */
  "commitment.missed": { commitment: string; cbm: string; rung: string };

  // public diplomacy
  /** `caller` publicly called on `target` for restraint; what it did: see RestraintResult */
  "restraint.called": { caller: string; target: string; result: RestraintResult };

  // the board
  "sector.changed": { team: string; sector: SectorKind; status: SectorStatusKind; health: number };

  // injects (released to their audience; the rest is control's)
  "inject.released": {
    inject: string;
    title: string;
    channel: string;
    by: "schedule" | "trigger" | "facilitator";
  };
  "inject.held": { inject: string; title: string };
  "inject.skipped": { inject: string; title: string };
  "inject.unskipped": { inject: string; title: string };
  "inject.unheld": { inject: string; title: string };
  /**
   * The seed's draw went against a chance inject (`roll` not under `chance`), or another member of its
   * group was drawn (`chance` 1 / members; `roll` null when control had already released one): control's.
   */
  "inject.dropped": { inject: string; title: string; draw: "chance" | "group"; chance: number; roll: number | null };

  // the mediator and control
  "mediator.convened": { parties: string[]; text: string };
  "observers.visibility": { seeAll: boolean };
  /** control's private note on an adjustment of escalation (the reason the players read is in escalation.changed) */
  "escalation.noted": { note: string };

  // control's review of adjudication, and values control sets (review.ts, control-set.ts)
  "adjudication.mode": { mode: AdjudicationMode };
  /** the turn's adjudication waits for control's review: nothing of what is in it */
  "adjudication.under-review": Record<never, never>;
  /** control approved the turn's adjudication: its results follow */
  "adjudication.approved": Record<never, never>;
  /** control struck one of `team`'s order items before the turn was resolved */
  "order.struck": { team: string; action: string; reason: string };
  /**
   * Control set a value by hand: which (`what` and the fields that name it, null
   * when they do not apply), from and to, and why. `tell`, whom control told, is control's.
   */
  "value.set": {
    what: ValueKind;
    team: string | null;
    other: string | null;
    sector: SectorKind | null;
    incident: string | null;
    title: string | null;
    from: number;
    to: number;
    suspect: string | null;
    reason: string;
    tell: Tell;
  };
}

export type EventType = keyof EventFields;

/** One event of a kind, as the engine stores it (before visibility). */
export type EventOf<K extends EventType> = EventBase & { type: K } & EventFields[K];

/** Any event: a discriminated union on `type`. */
export type GameEvent = { [K in EventType]: EventOf<K> }[EventType];

/** What an emit site gives: the kind and its fields (the base is filled in). */
export type EventInput = { [K in EventType]: { type: K } & EventFields[K] }[EventType];

/**
 * An event as kept in the state: with the audience it had when it happened
 * (an incident's readers change later; what was said then was said to them).
 * The audience is control's to know; `view` strips it.
 */
export type StoredEvent = GameEvent & { audience: Audience };

/** The fields of each kind that some of its readers may not know (audience.ts removes them). */
export interface SecretFields {
  misperception: "actor" | "action" | "chance" | "roll";
  "action.failed": "chance" | "roll";
  "perception.correct": "actor";
  "incident.occurred": "culprit";
  "attribution.made": "correct" | "culprit";
  "value.set": "tell";
}

/** An event as a viewer receives it: secret fields possibly removed; seq and audience for control only. */
export type EventView = {
  [K in EventType]: Omit<EventOf<K>, "seq" | (K extends keyof SecretFields ? SecretFields[K] : never)> & {
    seq?: number;
    audience?: Audience;
  } & (K extends keyof SecretFields ? Partial<Pick<EventOf<K>, SecretFields[K] & keyof EventOf<K>>> : unknown);
}[EventType];

/** The escalation after an event that moved or marked the meter, else undefined. */
export function escalationAfter(e: GameEvent | EventView): number | undefined {
  if (e.type === "escalation.changed") return e.to;
  if (e.type === "redline.crossed") return e.value;
  return undefined;
}
