// From game summaries to each profile's statistics. The summaries are first
// put in one order (profile, then game number), so the same games give the
// same numbers however many workers played them.
import type { Scenario } from "../engine/index.ts";
import type { Profile } from "./profiles.ts";
import type { CauseLine, FanPoint, GameSummary, LabOutcome, ProfileStats, Rate } from "./types.ts";
import { mean, quantile, round, spread, variance, wilson } from "./stats.ts";

/** A game's score: agreement +1, running out of time 0, failure −1. */
export function score(outcome: LabOutcome): number {
  return outcome === "agreement" ? 1 : outcome === "failure" ? -1 : 0;
}

/** The canonical order of summaries: by profile (in `profiles` order), then by game number. */
export function sortSummaries(games: GameSummary[], profiles: readonly string[]): GameSummary[] {
  const rank = new Map(profiles.map((p, i) => [p, i]));
  return [...games].sort((a, b) => rank.get(a.profile)! - rank.get(b.profile)! || a.index - b.index);
}

function rate(count: number, n: number): Rate {
  const w = wilson(count, n);
  return { count, n, share: round(w.share), low: round(w.low), high: round(w.high) };
}

const r2 = (x: number) => round(x, 2);
const roundSpread = (xs: number[]) => {
  const s = spread(xs);
  return { mean: r2(s.mean), p10: r2(s.p10), p50: r2(s.p50), p90: r2(s.p90) };
};

/** The statistics of one profile's games. */
export function profileStats(scenario: Scenario, profile: Profile, games: GameSummary[]): ProfileStats {
  const n = games.length;
  const count = (o: LabOutcome) => games.filter((g) => g.outcome === o).length;
  const scores = games.map((g) => score(g.outcome));
  const fan: FanPoint[] = [];
  for (let t = 0; t <= scenario.turns; t++) {
    const xs = games.map((g) => g.byTurn[t]!);
    fan.push({
      turn: t,
      p10: r2(quantile(xs, 0.1)),
      p25: r2(quantile(xs, 0.25)),
      p50: r2(quantile(xs, 0.5)),
      p75: r2(quantile(xs, 0.75)),
      p90: r2(quantile(xs, 0.9)),
    });
  }
  const kinds = [...new Set(games.flatMap((g) => Object.keys(g.causes)))].sort();
  const causes: CauseLine[] = kinds.map((kind) => ({
    kind,
    up: r2(mean(games.map((g) => g.causes[kind]?.[0] ?? 0))),
    down: r2(mean(games.map((g) => g.causes[kind]?.[1] ?? 0))),
    games: round(games.filter((g) => g.causes[kind]).length / Math.max(1, n)),
  }));
  causes.sort((a, b) => b.up - b.down - (a.up - a.down) || a.kind.localeCompare(b.kind));
  const injects = scenario.injects.length;
  const released = new Array<number>(injects).fill(0);
  for (const g of games) for (const i of g.released) released[i]! += 1;
  const settled = games.filter((g) => g.outcome === "agreement");
  const sum = (f: (g: GameSummary) => number) => games.reduce((a, g) => a + f(g), 0);
  const perGame = (f: (g: GameSummary) => number) => round(sum(f) / Math.max(1, n), 3);
  const rolls = sum((g) => g.perceptions);
  const adopted = perGame((g) => g.commitmentsAdopted);
  const broken = perGame((g) => g.commitmentsBroken);
  return {
    id: profile.id,
    label: profile.label,
    short: profile.short,
    about: profile.about,
    games: n,
    outcomes: {
      agreement: rate(count("agreement"), n),
      time: rate(count("time"), n),
      failure: rate(count("failure"), n),
    },
    score: { mean: round(mean(scores)), se: round(Math.sqrt(variance(scores) / Math.max(1, n))) },
    fan,
    peak: roundSpread(games.map((g) => g.peak)),
    final: roundSpread(games.map((g) => g.final)),
    causes,
    injectRelease: released.map((c) => round(c / Math.max(1, n))),
    settled: {
      games: settled.length,
      releasedShare: round(mean(settled.map((g) => g.released.length / Math.max(1, injects)))),
      endTurn: r2(mean(settled.map((g) => g.endTurn))),
    },
    perception: {
      rolls,
      misreadings: sum((g) => g.misperceptions),
      rate: round(sum((g) => g.misperceptions) / Math.max(1, rolls)),
      notifiedRolls: sum((g) => g.notifiedPerceptions),
      notifiedMisreadings: sum((g) => g.notifiedMisperceptions),
    },
    misperceptions: perGame((g) => g.misperceptions),
    attributions: perGame((g) => g.attributions),
    misattributions: perGame((g) => g.misattributions),
    commitments: { adopted, kept: round(adopted - broken, 3), broken },
    refusals: sum((g) => g.refusals),
    botCommands: sum((g) => g.botCommands),
  };
}
