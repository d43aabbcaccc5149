// The after-action report's data: everything the renderers (HTML, Markdown,
// CSV) and a client need, computed once from a verified recording. Plain,
// serialisable values only; times are ms since the epoch, durations in ms.
import type { HotlineKind, OutcomeKind, Status } from "../engine/types.ts";
import type { BreachReason, EventCategory, EventType } from "../engine/events.ts";
import type { Integrity } from "../protocol/integrity.ts";
import type { InjectAttachment } from "../scenario/attachments.ts";
import type { ReportMedia } from "./attachments.ts";
import type { EscalationDriver, TeamSummary } from "./team-summary.ts";

export type { EscalationDriver, TeamSummary };

export interface PartyRef {
  /** team id, "mediator", or null for a non-state actor */
  id: string | null;
  name: string;
}

export interface Participants {
  role: "facilitator" | "team" | "mediator" | "observer";
  /** the team for role "team" */
  team: PartyRef | null;
  /** "Control", a team's name, the mediator's name, "Observers" */
  label: string;
  /** distinct names of the people who acted, in order of first appearance */
  names: string[];
  /** the policies of the bots that played the seat, in order of first appearance */
  bots: string[];
}

export interface Overview {
  exerciseTitle: string;
  exerciseId: string;
  scenario: { id: string; title: string; summary: string; turns: number; teams: number; mediator: string | null };
  seed: string;
  engineVersion: string;
  /** set when the recording was made by another engine version than the one that replayed it */
  engineNote: string | null;
  createdAt: number;
  /** time of the first and last recorded command (null: no command) */
  startedAt: number | null;
  endedAt: number | null;
  durationMs: number;
  commandCount: number;
  /** the turn the exercise reached, and how many turns were adjudicated */
  turnsPlayed: number;
  turnsAdjudicated: number;
  status: Status;
  /** how it ended (or where the recording stops), worded by shared/words' outcomeWords */
  outcome: { kind: OutcomeKind | "unfinished"; text: string; turn: number; at: number | null };
  participants: Participants[];
  objectives: { id: string; text: string }[];
  integrity: Integrity;
}

export interface LadderInfo {
  start: number;
  rungs: { id: string; name: string; from: number; description: string }[];
  redLines: { id: string; name: string; rung: string; rungName: string; from: number; description: string }[];
}

export interface CurvePoint {
  seq: number;
  at: number;
  turn: number;
  phase: string;
  value: number;
}

export type AnnotationKind = "inject" | "decision" | "hotline";
export interface Annotation {
  kind: AnnotationKind;
  seq: number;
  at: number;
  turn: number;
  label: string;
  /** escalation after that command */
  value: number;
}

/** One event of the exercise, as control read it. */
export interface TimelineEntry {
  seq: number;
  at: number;
  turn: number;
  phase: string;
  phaseName: string;
  /** the event's kind, and its group (the log's filter) */
  type: EventType;
  kind: EventCategory;
  /** who could read it when it happened (audience.ts) */
  audience: string[];
  /** the audience in words: "everyone", "Control", team names… */
  audienceText: string;
  /** the event in control's words (shared/words) */
  text: string;
  escalation: number | null;
}

export interface OrderLine {
  actionId: string;
  actionName: string;
  category: string;
  severity: number;
  target: string | null;
  sector: string | null;
  incident: string | null;
  by: string;
  note: string;
}

export interface TeamDecision {
  team: PartyRef;
  submitted: boolean;
  submittedBy: string | null;
  submittedAt: number | null;
  items: OrderLine[];
}

export interface TurnDecisions {
  turn: number;
  /** the command that entered adjudication */
  seq: number;
  at: number;
  /** as the engine resolved the turn (its "turn.resolved" event: from → to) */
  escalationBefore: number;
  escalationAfter: number;
  /** after the whole adjudication command, including injects its outcome triggered */
  escalationAfterCommand: number;
  rungAfter: string;
  teams: TeamDecision[];
  /** the adjudication's events of categories outcome, perception, attribution, commitment, incident */
  outcomes: TimelineEntry[];
  /** the escalation moves of the adjudication, with their causes */
  escalationMoves: TimelineEntry[];
}

export type MessageStatus = "answered" | "lapsed" | "open" | "reply" | "relay";
export interface TranscriptLine {
  id: string;
  seq: number;
  at: number;
  turn: number;
  phase: string;
  from: PartyRef;
  to: PartyRef;
  kind: HotlineKind;
  text: string;
  author: string;
  relayed: boolean;
  /** for a relay: the original message's id */
  relayOf: string | null;
  replyTo: string | null;
  incident: string | null;
  status: MessageStatus;
  answeredAfterMs: number | null;
  timely: boolean | null;
}

export interface HotlineStats {
  messages: number;
  /** messages that open an exchange (not replies, not relays) */
  opened: number;
  answered: number;
  timely: number;
  timelySeconds: number;
  medianMs: number | null;
  meanMs: number | null;
  slowestMs: number | null;
  lapsed: number;
  /** still open when the recording ends */
  open: number;
  relayed: number;
}

export interface RedLineMetric {
  id: string;
  name: string;
  rungName: string;
  from: number;
  /** adjudicated turns that ended (after adjudication) at or above the red line */
  turnsAtEnd: number;
  /** turns in which escalation stood at or above the red line at some moment */
  turnsAtAnyPoint: number;
  turnsAtAnyPointList: number[];
  crossings: number;
  firstCrossed: { seq: number; at: number; turn: number } | null;
  aboveAtEnd: boolean;
}

export interface CommitmentLine {
  id: string;
  cbmId: string;
  name: string;
  kind: string;
  parties: PartyRef[];
  adoptedTurn: number;
  adoptedAt: number;
  status: "active" | "broken" | "fulfilled";
  /** `reason` in words; `why` as the engine recorded it */
  breaches: { breaker: PartyRef; turn: number; reason: string; why: BreachReason }[];
}

export interface Misattribution {
  incidentId: string;
  incident: string;
  by: PartyRef;
  accused: PartyRef;
  culprit: PartyRef;
  /** whom the incident's evidence pointed at (a non-state actor when it named no state) */
  pointedAt: PartyRef;
  turn: number;
  confidence: number;
  seq: number | null;
}

/** A "misperception" event: the target read an action as something worse. */
export interface Misperception {
  seq: number;
  at: number;
  turn: number;
  actor: PartyRef;
  target: PartyRef;
  /** the action's name, and what the target took it for */
  action: string;
  perceivedAs: string;
  /** the actor had sent a notify message to the target that turn */
  notified: boolean;
  /** the target knew who acted (not covert, or notified) */
  identified: boolean;
  /** the misread chance after notification, and the roll under it */
  chance: number;
  roll: number;
  /** what happened, in control's words */
  text: string;
  /** what the target was told, in its words (audience.ts decides what it may know) */
  targetText: string;
}

export interface InjectFollowUp {
  team: PartyRef;
  hotlineSeq: number | null;
  ordersSeq: number | null;
  followedUp: boolean;
}

export interface InjectLine {
  id: string;
  title: string;
  channel: string;
  audienceText: string;
  adhoc: boolean;
  releasedBy: string;
  seq: number;
  at: number;
  turn: number;
  phase: string;
  /** window for the follow-up heuristic: (release, windowEndSeq) — the next adjudication */
  windowEndSeq: number | null;
  /** teams in the audience and whether each followed up; empty for injects not aimed at teams */
  followUps: InjectFollowUp[];
  /** the inject's images, documents and links (shared/report/attachments.ts shows them) */
  attachments?: InjectAttachment[];
}

export interface NoteLine {
  seq: number;
  at: number;
  turn: number;
  phase: string;
  role: "facilitator" | "observer";
  author: string;
  text: string;
}

export interface NoteGroup {
  objective: { id: string; text: string } | null;
  notes: NoteLine[];
}

export interface Metrics {
  start: { value: number; rung: string };
  peak: { value: number; rung: string; seq: number | null; turn: number | null };
  final: { value: number; rung: string };
  /** the largest single escalation increases */
  drivers: EscalationDriver[];
  redLines: RedLineMetric[];
  teams: TeamSummary[];
  firstContact: { ms: number; seq: number; from: PartyRef; to: PartyRef; turn: number } | null;
  commitments: { adopted: number; kept: number; broken: number; lines: CommitmentLine[] };
  incidents: number;
  /** public attributions; weakCorrect: right but on evidence under 50%; verifications by the mediator or investigators */
  attributions: { total: number; correct: number; weakCorrect: number; verifications: number };
  misattributions: Misattribution[];
  misperceptions: Misperception[];
  notifyMessages: number;
  injects: InjectLine[];
  notes: NoteGroup[];
}

/** The capability a finding belongs to (the report groups findings by it). */
export type Theme = "outcome" | "escalation" | "hotline" | "attribution" | "commitments" | "perception" | "injects";

export interface Finding {
  id: string;
  kind: "strength" | "improvement";
  theme: Theme;
  title: string;
  /** the numbers behind the finding */
  evidence: string[];
  /** improvement-plan style corrective action, or how to sustain a strength */
  recommendation: string;
  /** objectives this finding bears on (their notes are further evidence) */
  objectiveIds: string[];
  /** the rule that produced it, in words */
  rule: string;
}

export interface Analysis {
  overview: Overview;
  ladder: LadderInfo;
  curve: {
    points: CurvePoint[];
    annotations: Annotation[];
    turnStarts: { turn: number; seq: number }[];
    lastSeq: number;
  };
  timeline: TimelineEntry[];
  turns: TurnDecisions[];
  hotline: { lines: TranscriptLine[]; stats: HotlineStats };
  metrics: Metrics;
  findings: Finding[];
  /** the server's attachment files, to embed images (absent: they are listed) */
  media?: ReportMedia;
}
