// The lab's data: one line per game (what the workers send back), and the
// aggregates, lesson checks and method the report shows. Plain JSON throughout.
import type { LabWords } from "./check-kit.ts";

/** A part of the crisis model the lab can switch off (the engine's ablation), to measure what it changes. */
export type Ablation = "trust" | "standing";

/** How a lab game ended; "none" only if the engine's guard stopped a game that would not end. */
export type LabOutcome = "agreement" | "time" | "failure" | "none";

/** One game, reduced to what the aggregates need. */
export interface GameSummary {
  profile: string;
  /** the game's number within its profile; its seed is `${base}:${index}` in every profile */
  index: number;
  /** set when the game was played with a part of the model switched off (the ablation) */
  ablate?: Ablation;
  outcome: LabOutcome;
  /** the turn the game ended in */
  endTurn: number;
  /** escalation at the start (0) and at the end of each turn 1..turns, the last value carried after the end */
  byTurn: number[];
  peak: number;
  final: number;
  /** escalation moved by each cause kind: [total up, total down (≤ 0)] */
  causes: Record<string, [number, number]>;
  /** indexes (in the scenario's events list) of the injects released */
  released: number[];
  /** indexes of the injects the seed dropped (a `chance` or `group` draw): never due in this game */
  dropped: number[];
  /** perception rolls on actions a target may misread, misreadings, and those of them after a notify */
  perceptions: number;
  misperceptions: number;
  notifiedPerceptions: number;
  notifiedMisperceptions: number;
  attributions: number;
  misattributions: number;
  commitmentsAdopted: number;
  commitmentsBroken: number;
  botCommands: number;
  refusals: number;
}

/** A share with its Wilson 95% interval. */
export interface Rate {
  count: number;
  n: number;
  share: number;
  low: number;
  high: number;
}

/** A distribution's summary. */
export interface Spread {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

/** Percentiles at one turn, for the fan chart. */
export interface FanPoint {
  turn: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
}

export interface CauseLine {
  kind: string;
  /** mean escalation added and removed per game by this cause */
  up: number;
  down: number;
  /** share of games in which it moved escalation at all */
  games: number;
}

export interface ProfileStats {
  id: string;
  label: string;
  short: string;
  about: string;
  games: number;
  outcomes: Record<Exclude<LabOutcome, "none">, Rate>;
  /** the game's score: agreement +1, time 0, failure −1; mean and its standard error */
  score: { mean: number; se: number };
  fan: FanPoint[];
  peak: Spread;
  final: Spread;
  causes: CauseLine[];
  /** per inject of the events list, the share of games that released it */
  injectRelease: number[];
  /** in games that ended in agreement: the mean share of the events list released, and the mean end turn */
  settled: { games: number; releasedShare: number; endTurn: number };
  /** per game, the share of the scheduled events list (injects with `at`, less those the seed dropped) released; mean */
  scheduledRelease: number;
  /** the earliest turn a game ended in agreement (null: none did), and how many did before the scenario's midpoint */
  earliestAgreement: number | null;
  earlyAgreements: number;
  /** games that ended at or above the starting escalation, or in failure */
  notCalmer: Rate;
  /** the sample variance of final escalation over this profile's seeds */
  finalVariance: number;
  /**
   * the seed's share of final escalation's variance: this profile's variance over the variance of every
   * deliberate game (all profiles but random) pooled; null for random
   */
  seedShare: number | null;
  perception: { rolls: number; misreadings: number; rate: number; notifiedRolls: number; notifiedMisreadings: number };
  /** per game */
  misperceptions: number;
  attributions: number;
  misattributions: number;
  commitments: { adopted: number; kept: number; broken: number };
  refusals: number;
  botCommands: number;
}

/** The share of the score's variance due to chance (the seed) and to choices (the profile). */
export interface VarianceSplit {
  measure: "score" | "final escalation";
  total: number;
  /** between profiles: what the players chose */
  choices: number;
  /** within profiles: what the dice did, split into the seed's effect alike on every profile and the rest */
  chance: number;
  seed: number;
  interaction: number;
}

export type CheckStatus = "pass" | "fail" | "unmeasured";

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  /** what was measured, in a sentence with the numbers */
  measured: string;
  /** the same as data, for other languages (shared/lab/check-words.ts) */
  words?: LabWords;
  /** the threshold, in words */
  threshold: string;
  why: string;
}

/** One profile played with a part of the model switched off, against the same profile and seeds with it on. */
export interface AblationLine {
  profile: string;
  label: string;
  off: Ablation;
  games: number;
  outcomes: Record<Exclude<LabOutcome, "none">, Rate>;
  score: number;
  finalMean: number;
  /** the share switched off minus the share with the whole model (signed) */
  shift: { agreement: number; failure: number };
}

export interface LabReport {
  format: 2;
  engineVersion: string;
  scenario: {
    id: string;
    title: string;
    turns: number;
    teams: string[];
    mediator: boolean;
    start: number;
    rungs: { name: string; from: number }[];
    redLines: { name: string; from: number }[];
    injects: { id: string; title: string }[];
    /** indexes of the scheduled injects (with `at`) in the events list */
    scheduled: number[];
    /** the first turn an agreement may end the game in without being early: ceil((turns + 1) / 2) */
    midpoint: number;
  };
  seed: string;
  gamesPerProfile: number;
  profiles: ProfileStats[];
  variance: VarianceSplit[];
  /** the variance of final escalation over every deliberate game pooled (all profiles but random) */
  deliberateVariance: number;
  /** the profiles also played with trust off and with standing off, each against itself with the whole model */
  ablation: AblationLine[];
  checks: CheckResult[];
}

/** A lab run as the server's lab route tells it (GET /api/lab/runs/:id); its report is fetched apart. */
export interface LabRunStatus {
  id: string;
  scenarioId: string;
  games: number;
  seed: string;
  status: "running" | "done" | "failed";
  done: number;
  total: number;
  error: string | null;
}
