// What every lesson check reads and how it answers: shared by checks.ts and
// checks-crisis.ts.
import type { AblationLine, CheckStatus, GameSummary, ProfileStats, VarianceSplit } from "./types.ts";

/** What the checks read: every profile's statistics and games (whole model), the variance split, the ablation. */
export interface CheckInputs {
  stats: ProfileStats[];
  /** every game with the whole model, sorted by profile then game number */
  games: GameSummary[];
  variance: VarianceSplit[];
  start: number;
  /** the first turn an agreement is not early in */
  midpoint: number;
  ablation: AblationLine[];
}

export type Measure = { status: CheckStatus; measured: string };

/** A check: reads the inputs and a profile's statistics by id (only the profiles its lesson needs). */
export type Check = (x: CheckInputs, p: (id: string) => ProfileStats) => Measure;

export const n2 = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
export const pc = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function verdict(ok: boolean, measured: string): Measure {
  return { status: ok ? "pass" : "fail", measured };
}

// shares are differences of rounded fractions: compare with a hair of slack, so 0.3 − 0.2 counts as 0.1
const SLACK = 1e-9;
/** a ≥ b, up to floating point */
export const atLeast = (a: number, b: number) => a >= b - SLACK;
/** a ≤ b, up to floating point */
export const atMost = (a: number, b: number) => a <= b + SLACK;
