// The game state: plain, serialisable data. Everything the engine knows lives
// here, including the random generator's state, so a state plus a command
// always gives the same next state.
import type { Scenario, SectorKind, Audience } from "../scenario/schema.ts";
import type { InjectAttachment } from "../scenario/attachments.ts";
import type { Command } from "../protocol/commands.ts";
import type { Actor, Viewer } from "../protocol/identity.ts";
import type { IdScheme } from "./ids.ts";
import type { PolicyName } from "../bots/policy.ts";
import type { BreachReason, StoredEvent } from "./events.ts";

/** Who is looking (decides what `view` shows) and who acts: see protocol/identity.ts. */
export type { Scenario, SectorKind, Audience, Command, Actor, Viewer, IdScheme };

export type Status = "setup" | "running" | "paused" | "ended";
export type OutcomeKind = "agreement" | "failure" | "time" | "facilitator";

/** How an exercise ended, as data: its words come from outcomeWords(kind, reason, …) in shared/words. */
export interface Outcome {
  kind: OutcomeKind;
  /** control's reason, when control ended it */
  reason: string | null;
  at: number;
  turn: number;
}

export interface Clock {
  /** ms of the current phase already run, excluding pauses, up to `runningSince` */
  elapsedMs: number;
  /** command time at which the clock last started running; null while stopped */
  runningSince: number | null;
}

export interface SectorState {
  kind: SectorKind;
  name: string;
  health: number;
  resilience: number;
}

export interface TeamState {
  id: string;
  standing: number;
  pressure: number;
  sectors: SectorState[];
}

export interface HotlineMessage {
  id: string;
  seq: number;
  at: number;
  turn: number;
  phase: string;
  /** team id or "mediator" */
  from: string;
  to: string;
  kind: HotlineKind;
  text: string;
  author: string;
  replyTo: string | null;
  incidentId: string | null;
  /** for a relayed message: the original, and who sent it to the mediator */
  relayOf: string | null;
  relayedFrom: string | null;
  answeredBy: string | null;
  answeredAfterMs: number | null;
  /** unanswered at the end of the turn it was sent in */
  lapsed: boolean;
}
export type HotlineKind = "confirm" | "assess" | "notify" | "deconflict" | "convene" | "text";

export interface ChatLine {
  id: string;
  seq: number;
  at: number;
  teamId: string;
  author: string;
  text: string;
}

export interface OrderItem {
  actionId: string;
  /** the team member who drafted this item */
  by: string;
  target: string | null;
  sector: SectorKind | null;
  incidentId: string | null;
  note: string;
}

export interface TeamOrders {
  teamId: string;
  turn: number;
  items: OrderItem[];
  submittedBy: string;
  at: number;
}

export interface Evidence {
  suspect: string | null;
  confidence: number;
}

export interface Incident {
  id: string;
  title: string;
  turn: number;
  at: number;
  victim: string;
  sector: SectorKind;
  severity: number;
  /** the truth: only control ever sees it */
  culprit: string | null;
  evidence: Evidence;
  public: boolean;
  /** teams other than the victim (and the culprit) who were given the evidence, plus "mediator" */
  sharedWith: string[];
  /**
   * who gave the evidence to whom, each pair once: a hotline message carrying
   * it, or the victim's incident-reporting commitment. Decides which entries of
   * `sharedWith` a party may see (those it gave itself); control's alone.
   */
  told: { by: string; to: string }[];
  source: { kind: "inject"; injectId: string } | { kind: "order"; actionId: string };
  attributions: Attribution[];
  verifications: number;
  /** rules 3.0: the victim answered it in public view (attributed it, or had it verified itself or through the mediator) */
  answered?: boolean;
}

export interface Attribution {
  by: string;
  accused: string;
  turn: number;
  /** the evidence as it stood when the accusation was made: whom it pointed at, how firmly */
  suspect: string | null;
  confidence: number;
  correct: boolean;
}

/** "dropped": a chance inject the seed did not draw (control alone sees it) */
export type InjectStatus = "pending" | "held" | "released" | "skipped" | "dropped";

export interface InjectState {
  id: string;
  status: InjectStatus;
  adhoc: boolean;
  title: string;
  body: string;
  channel: string;
  audience: Audience;
  releasedAt: number | null;
  releasedTurn: number | null;
  releasedPhase: string | null;
  releasedBy: "schedule" | "trigger" | "facilitator" | null;
  /** the scenario's images, documents and links for it (absent when it has none): seen with the inject */
  attachments?: InjectAttachment[];
}

export interface Proposal {
  id: string;
  kind: "cbm" | "statement";
  cbmId: string | null;
  text: string;
  proposer: string;
  parties: string[];
  accepted: string[];
  status: "open" | "adopted" | "rejected" | "withdrawn";
  turn: number;
  at: number;
  decidedAt: number | null;
}

export interface Commitment {
  id: string;
  cbmId: string;
  parties: string[];
  adoptedTurn: number;
  adoptedAt: number;
  status: "active" | "broken" | "fulfilled";
  breaches: { teamId: string; turn: number; reason: BreachReason }[];
}

export interface Note {
  id: string;
  seq: number;
  at: number;
  turn: number;
  phase: string;
  role: "facilitator" | "observer";
  author: string;
  objectiveId: string | null;
  text: string;
}

export interface TurnRecord {
  turn: number;
  orders: TeamOrders[];
  escalationBefore: number;
  escalationAfter: number;
  /** rules 3.0: the orders that failed and did nothing, as "team|index of the item" */
  failed?: string[];
}

import type { ModelParams } from "./model.ts";

export interface GameState {
  engineVersion: string;
  scenario: Scenario;
  title: string;
  seed: string;
  rng: RngState;
  /** commands accepted so far */
  seq: number;
  /** time of the last accepted command (ms since the epoch) */
  now: number;
  status: Status;
  outcome: Outcome | null;
  turn: number;
  phaseIndex: number;
  clock: Clock;
  escalation: number;
  peakEscalation: number;
  teams: Record<string, TeamState>;
  /** pair key "a|b" (sorted) → 0..100 */
  trust: Record<string, number>;
  /** pair keys with an established hotline */
  hotlines: string[];
  messages: HotlineMessage[];
  chat: ChatLine[];
  /** orders drafted for the current turn, secret until adjudication */
  orders: Record<string, TeamOrders>;
  history: TurnRecord[];
  incidents: Incident[];
  injects: InjectState[];
  proposals: Proposal[];
  commitments: Commitment[];
  notes: Note[];
  /** the exercise's story as events, in order, each with the audience it had (events.ts, audience.ts) */
  log: StoredEvent[];
  /** max perceived hostility each team felt from each other team, by turn: key "victim|from" */
  grievances: Record<string, { severity: number; turn: number }>;
  mediatorActionsThisTurn: number;
  observersSeeAll: boolean;
  /** seats played by a bot (team id or "mediator" → policy), control's to know; absent until control puts one */
  bots?: Readonly<Record<string, PolicyName>>;
  /** the server plays control (self-paced play): absent or false until control hands it over */
  autopilot?: boolean;
  /** counters for ids, so ids are deterministic */
  counters: Record<string, number>;
  /** how ids are made from the counters: keyed hashes, or sequential in recordings of engines before 1.2.0 */
  idScheme: IdScheme;
  /** the crisis model's numbers for this exercise (model.ts); never changed once the exercise begins */
  model: ModelParams;
  /** how often each repeatable move was used (model.ts `repeated`): key "<move>|<who>" or "<move>|<who>|<turn>" */
  uses: Record<string, number>;
  /** the scenario's agreement once concluded: it must hold `holdTurns` turns before success is declared */
  agreement: AgreementState | null;
  /** whether a concluded agreement ends the exercise (control's choice; play may continue) */
  agreementEnds: boolean;
  /** "actor|target" → the turn `target` answered `actor` in proportion: deterrence for the turn after */
  deterred: Record<string, number>;
}

export interface AgreementState {
  /** the turn in which its conditions were first met */
  concludedTurn: number;
  /** "holding" while its conditions stay met; "declared" once it held long enough */
  status: "holding" | "declared";
}

export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}
