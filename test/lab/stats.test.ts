// The lab's statistics: Wilson intervals, quantiles, and the split of variance
// between choices (profiles) and chance (seeds) on tables whose answer is known.
import { describe, expect, it } from "vitest";
import { quantile, wilson } from "../../shared/lab/stats.ts";
import { splitVariance } from "../../shared/lab/variance.ts";
import type { GameSummary } from "../../shared/lab/types.ts";

/** A table of games: value(p, s) as each game's final escalation. */
function table(P: number, S: number, value: (p: number, s: number) => number): GameSummary[] {
  const out: GameSummary[] = [];
  for (let p = 0; p < P; p++)
    for (let s = 0; s < S; s++) out.push({ profile: `p${p}`, index: s, final: value(p, s) } as GameSummary);
  return out;
}
const split = (P: number, S: number, f: (p: number, s: number) => number) =>
  splitVariance(
    table(P, S, f),
    Array.from({ length: P }, (_, p) => `p${p}`),
    S,
    "final escalation",
    (g) => g.final,
  );

describe("wilson", () => {
  it("gives the textbook 95% intervals", () => {
    const half = wilson(5, 10);
    expect(half.share).toBe(0.5);
    expect(half.low).toBeCloseTo(0.2366, 3);
    expect(half.high).toBeCloseTo(0.7634, 3);
    const none = wilson(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 3);
    expect(wilson(10, 10).high).toBe(1);
  });
});

describe("quantile", () => {
  it("interpolates between ordered values, whatever their order", () => {
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 0], 0.1)).toBe(1);
  });
});

describe("splitVariance", () => {
  it("puts all of it on choices when only the profile matters", () => {
    const v = split(3, 8, (p) => p * 10);
    expect(v.choices).toBe(1);
    expect(v.chance).toBe(0);
  });

  it("puts all of it on the seed when only the seed matters", () => {
    const v = split(3, 8, (_p, s) => s);
    expect(v.choices).toBe(0);
    expect(v.chance).toBe(1);
    expect(v.seed).toBe(1);
    expect(v.interaction).toBe(0);
  });

  it("splits an additive mix by the sums of squares, and calls the rest interaction", () => {
    // profile effect ±1 (2 profiles), seed effect ±1 (2 seeds): equal halves
    const v = split(2, 2, (p, s) => (p ? 1 : -1) + (s ? 1 : -1));
    expect(v.choices).toBe(0.5);
    expect(v.seed).toBe(0.5);
    // a pure interaction: the seed helps one profile and hurts the other
    const x = split(2, 2, (p, s) => (p === s ? 1 : -1));
    expect(x.choices).toBe(0);
    expect(x.seed).toBe(0);
    expect(x.interaction).toBe(1);
  });

  it("shares nothing out when every game is alike", () => {
    const v = split(2, 3, () => 7);
    expect(v.total).toBe(0);
    expect(v.chance).toBe(0);
    expect(v.choices).toBe(0);
  });
});
