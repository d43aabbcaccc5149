// Measures across profiles: the seed's share of each deliberate profile's
// spread in final escalation, and what switching trust or standing off did to
// each ablated profile's outcomes (against itself with the whole model, on the
// same seeds).
import type { Arm } from "./run.ts";
import type { AblationLine, GameSummary, ProfileStats } from "./types.ts";
import { outcomeRates, score } from "./aggregate.ts";
import { mean, round, variance } from "./stats.ts";

/** Deliberate play: every profile but random moves. */
export function isDeliberate(profile: string): boolean {
  return profile !== "random";
}

/** The sample variance of final escalation over every deliberate game pooled. */
export function deliberateVarianceOf(games: readonly GameSummary[]): number {
  return round(variance(games.filter((g) => isDeliberate(g.profile)).map((g) => g.final)), 2);
}

/**
 * Each deliberate profile's seed share: its own variance of final escalation over the seeds, divided by the
 * variance of final escalation over every deliberate game pooled. Within one profile only the seed changes, so
 * its variance is the part the seed explains; the pooled variance is the whole to explain. Random gets null, and
 * so does every profile when the pooled games do not vary at all.
 */
export function applySeedShares(stats: ProfileStats[], games: readonly GameSummary[]): ProfileStats[] {
  const pooled = variance(games.filter((g) => isDeliberate(g.profile)).map((g) => g.final));
  return stats.map((s) => {
    if (!isDeliberate(s.id) || pooled === 0) return s;
    const own = variance(games.filter((g) => g.profile === s.id).map((g) => g.final));
    return { ...s, seedShare: round(own / pooled) };
  });
}

/** The ablation's lines: each arm with a part switched off, against the same profile with the whole model. */
export function ablationLines(
  games: readonly GameSummary[],
  arms: readonly Arm[],
  perArm: number,
  stats: readonly ProfileStats[],
): AblationLine[] {
  return arms.flatMap((arm, i) => {
    if (!arm.ablate) return [];
    const mine = games.slice(i * perArm, (i + 1) * perArm);
    const full = stats.find((s) => s.id === arm.profile)!;
    const outcomes = outcomeRates(mine);
    return [
      {
        profile: arm.profile,
        label: full.label,
        off: arm.ablate,
        games: mine.length,
        outcomes,
        score: round(mean(mine.map((g) => score(g.outcome)))),
        finalMean: round(mean(mine.map((g) => g.final)), 2),
        shift: {
          agreement: round(outcomes.agreement.share - full.outcomes.agreement.share),
          failure: round(outcomes.failure.share - full.outcomes.failure.share),
        },
      },
    ];
  });
}
