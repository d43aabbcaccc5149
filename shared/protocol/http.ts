// The HTTP API's bodies, shared by the server that sends them and the clients
// that read them, and the one error type both sides use.
import type { FlatSeat } from "./identity.ts";

/** An HTTP failure: status, a stable code, a message a person can read, and the parameters clients word it with. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: Record<string, string | number> | undefined;
  constructor(status: number, code: string, message: string, params?: Record<string, string | number>) {
    super(message);
    this.status = status;
    this.code = code;
    this.params = params;
  }
}

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  teams: { id: string; name: string; color: string }[];
  mediator: boolean;
  turns: number;
  phases: string[];
  objectives: number;
  injects: number;
}

export interface Codes {
  facilitator: string;
  observer: string;
  /** the projector display's code: opens the public picture only (control's alone to hand out) */
  display?: string;
  mediator?: string;
  teams: Record<string, string>;
}

export interface CreatedExercise {
  exerciseId: string;
  roomId: string;
  title: string;
  scenarioId: string;
  seed: string;
  codes: Codes;
}

export type JoinAnswer = JoinTarget | { course: string; title: string; role: "course" };

/** What a join code opens: the seat (flat, as on the wire) in an exercise. */
export interface JoinTarget extends FlatSeat {
  exerciseId: string;
  roomId: string;
  title: string;
  seatName: string;
  status: string;
}

export interface CreatedCourse {
  groupId: string;
  title: string;
  scenarioId: string;
  scenarioTitle: string;
  code: string;
  cells: CreatedExercise[];
}

/** How a cell ended, as data: pages word it with shared/words' outcomeWords(kind, reason, cell). */
export interface CellOutcome {
  kind: "agreement" | "failure" | "time" | "facilitator";
  /** control's reason, when control ended it */
  reason: string | null;
  turn: number;
}

export interface CellSummary extends CreatedExercise {
  createdAt: number;
  status: string;
  outcome: CellOutcome | null;
  turn: number;
  turns: number;
  /** the scenario's rungs, bottom to top (an ending's words name the top one) */
  ladder: { rungs: { name: string; from: number }[] };
  phase: string | null;
  escalation: number;
  rung: string;
  commands: number;
  connected: number;
  /** seats a bot plays (team id or "mediator" → policy), and whether the server paces it: control's to know */
  bots?: Record<string, string>;
  autopilot?: boolean;
}

export interface CourseSummary {
  groupId: string;
  title: string;
  scenarioId: string;
  scenarioTitle: string;
  createdAt: number;
  cells: CellSummary[];
}

/** One cell of a course, set beside the others (GET /api/groups/:id/comparison). */
export interface CellComparison {
  exerciseId: string;
  title: string;
  seed: string;
  status: string;
  outcome: CellOutcome | null;
  turnsPlayed: number;
  /** the scenario's number of turns */
  turns: number;
  curve: { seq: number; turn: number; phase: string; value: number }[];
  turnStarts: { turn: number; seq: number }[];
  lastSeq: number;
  ladder: { rungs: { name: string; from: number }[]; redLines: { name: string; from: number }[] };
  metrics: {
    peak: { value: number; rung: string };
    final: { value: number; rung: string };
    redLines: { name: string; turnsAtAnyPoint: number; crossings: number }[];
    firstContactMs: number | null;
    hotline: { opened: number; answered: number; timely: number; medianMs: number | null; lapsed: number };
    commitments: { adopted: number; kept: number; broken: number };
    misattributions: number;
    misperceptions: number;
  };
  /** per turn, per team: the names of the actions ordered */
  decisions: { turn: number; teams: { team: string; actions: string[] }[] }[];
  /** id: the report rule's (shared/report/rules.ts); params: what its title names (shared/report/comparison.ts) */
  findings: { id: string; kind: string; title: string; params: Record<string, number | string> }[];
}
