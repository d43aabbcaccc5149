// From game summaries to each profile's statistics. The summaries are first
// put in one order (profile, then game number), so the same games give the
// same numbers however many workers played them.
import type { Scenario } from "../engine/index.ts";
import type { Profile } from "./profiles.ts";
import type { Arm } from "./run.ts";
import type { CauseLine, FanPoint, GameSummary, LabOutcome, ProfileStats, Rate } from "./types.ts";
import { mean, quantile, round, spread, variance, wilson } from "./stats.ts";

/** A game's score: agreement +1, running out of time 0, failure −1. */
export function score(outcome: LabOutcome): number {
  return outcome === "agreement" ? 1 : outcome === "failure" ? -1 : 0;
}

const armKey = (profile: string, ablate: string | null | undefined) => (ablate ? `${profile}/${ablate}` : profile);

/** The canonical order of summaries: by arm (in `arms` order), then by game number. */
export function sortSummaries(games: GameSummary[], arms: readonly Arm[]): GameSummary[] {
  const rank = new Map(arms.map((a, i) => [armKey(a.profile, a.ablate), i]));
  const of = (g: GameSummary) => rank.get(armKey(g.profile, g.ablate))!;
  return [...games].sort((a, b) => of(a) - of(b) || a.index - b.index);
}

/** A share with its Wilson interval, rounded for the JSON. */
export function rate(count: number, n: number): Rate {
  const w = wilson(count, n);
  return { count, n, share: round(w.share), low: round(w.low), high: round(w.high) };
}

/** The shares of each ending among `games`. */
export function outcomeRates(games: readonly GameSummary[]): Record<Exclude<LabOutcome, "none">, Rate> {
  const count = (o: LabOutcome) => games.filter((g) => g.outcome === o).length;
  const n = games.length;
  return { agreement: rate(count("agreement"), n), time: rate(count("time"), n), failure: rate(count("failure"), n) };
}

/** The scheduled injects (with `at`): their indexes in the events list. */
export function scheduledOf(scenario: Scenario): number[] {
  return scenario.injects.flatMap((inj, i) => (inj.at ? [i] : []));
}

/** The first turn an agreement may end a game in without being early: ceil((turns + 1) / 2). */
export function midpointOf(turns: number): number {
  return Math.ceil((turns + 1) / 2);
}

/** The share of the scheduled injects a game released, leaving out those the seed dropped (1 when none was due). */
export function scheduledShare(g: GameSummary, scheduled: readonly number[]): number {
  const dropped = new Set(g.dropped);
  const released = new Set(g.released);
  const due = scheduled.filter((i) => !dropped.has(i));
  return due.length ? due.filter((i) => released.has(i)).length / due.length : 1;
}

const r2 = (x: number) => round(x, 2);
const roundSpread = (xs: number[]) => {
  const s = spread(xs);
  return { mean: r2(s.mean), p10: r2(s.p10), p50: r2(s.p50), p90: r2(s.p90) };
};

/** The statistics of one profile's games. */
export function profileStats(scenario: Scenario, profile: Profile, games: GameSummary[]): ProfileStats {
  const n = games.length;
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
  const scheduled = scheduledOf(scenario);
  const midpoint = midpointOf(scenario.turns);
  const start = scenario.ladder.start;
  const broken = perGame((g) => g.commitmentsBroken);
  return {
    id: profile.id,
    label: profile.label,
    short: profile.short,
    about: profile.about,
    games: n,
    outcomes: outcomeRates(games),
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
    scheduledRelease: round(mean(games.map((g) => scheduledShare(g, scheduled)))),
    earliestAgreement: settled.length ? Math.min(...settled.map((g) => g.endTurn)) : null,
    earlyAgreements: settled.filter((g) => g.endTurn < midpoint).length,
    notCalmer: rate(games.filter((g) => g.outcome === "failure" || g.final >= start).length, n),
    finalVariance: r2(variance(games.map((g) => g.final))),
    seedShare: null,
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
