// How much of the outcome is chance and how much is choice. Every profile plays
// the same seeds, so the games form a table: profiles (the choices) by seeds
// (the dice). The total sum of squares splits exactly into
//   between profiles (choices) + within profiles (chance);
// within profiles, the seed's main effect (a seed that is lucky or unlucky for
// every profile alike) and the rest (the seed × profile interaction: dice that
// help one way of playing and hurt another) are shown apart. This is the
// two-way analysis of variance without replication; the shares are η².
import type { GameSummary, VarianceSplit } from "./types.ts";
import { round } from "./stats.ts";

/** The split for one measure over a full profiles × seeds table (games sorted by profile, then game number). */
export function splitVariance(
  games: GameSummary[],
  profiles: readonly string[],
  perProfile: number,
  measure: VarianceSplit["measure"],
  value: (g: GameSummary) => number,
): VarianceSplit {
  const P = profiles.length;
  const S = perProfile;
  const cell = (p: number, s: number) => value(games[p * S + s]!);
  let grand = 0;
  const rowMean = new Array<number>(P).fill(0);
  const colMean = new Array<number>(S).fill(0);
  for (let p = 0; p < P; p++)
    for (let s = 0; s < S; s++) {
      const v = cell(p, s);
      grand += v;
      rowMean[p]! += v / S;
      colMean[s]! += v / P;
    }
  grand /= P * S;
  let total = 0;
  let seedSS = 0;
  let profileSS = 0;
  for (let p = 0; p < P; p++) profileSS += S * (rowMean[p]! - grand) ** 2;
  for (let s = 0; s < S; s++) seedSS += P * (colMean[s]! - grand) ** 2;
  for (let p = 0; p < P; p++) for (let s = 0; s < S; s++) total += (cell(p, s) - grand) ** 2;
  const share = (x: number) => (total > 0 ? round(x / total) : 0);
  const within = total - profileSS;
  return {
    measure,
    total: round(total / Math.max(1, P * S - 1)),
    choices: share(profileSS),
    chance: share(within),
    seed: share(seedSS),
    interaction: share(Math.max(0, within - seedSS)),
  };
}
