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

/**
 * What was measured, as data a reader's language words (shared/lab/check-words.ts): a lab-report key, its
 * numbers, the profiles it names (by id: its label or short name, lower-cased like the English) and a list of
 * parts (`items`, joined by the language's separator, into the message's {items}).
 */
export interface LabWords {
  key: string;
  params?: Record<string, string | number>;
  profile?: { id: string; form: "label" | "short"; lower: boolean };
  items?: LabWords[];
  sep?: "comma" | "semicolon";
}

export type Measure = { status: CheckStatus; measured: string; words?: LabWords };

/** A check: reads the inputs and a profile's statistics by id (only the profiles its lesson needs). */
export type Check = (x: CheckInputs, p: (id: string) => ProfileStats) => Measure;

export const n2 = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
export const pc = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function verdict(ok: boolean, measured: string, words?: LabWords): Measure {
  return { status: ok ? "pass" : "fail", measured, ...(words ? { words } : {}) };
}

/** A check that could not be measured, with its reason in words. */
export function unmeasured(measured: string, key: string, params?: LabWords["params"]): Measure {
  return { status: "unmeasured", measured, words: { key, ...(params ? { params } : {}) } };
}

// shares are differences of rounded fractions: compare with a hair of slack, so 0.3 − 0.2 counts as 0.1
const SLACK = 1e-9;
/** a ≥ b, up to floating point */
export const atLeast = (a: number, b: number) => a >= b - SLACK;
/** a ≤ b, up to floating point */
export const atMost = (a: number, b: number) => a <= b + SLACK;
