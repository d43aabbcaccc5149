// The lesson checks on games made to order: each check passes, fails or is
// unmeasured exactly as its threshold says (thresholds from the one table).
import { describe, expect, it } from "vitest";
import { buildReport } from "../../shared/lab/run.ts";
import { THRESHOLDS } from "../../shared/lab/thresholds.ts";
import type { GameSummary, LabOutcome } from "../../shared/lab/types.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const scenario = loadScenario("tutorial");
const N = 40;
const START = scenario.ladder.start;

/** A plain game: time ran out, escalation flat at the start, nothing happened. */
function game(profile: string, index: number, over: Partial<GameSummary> = {}): GameSummary {
  return {
    profile,
    index,
    outcome: "time",
    endTurn: scenario.turns,
    byTurn: new Array<number>(scenario.turns + 1).fill(START),
    peak: START,
    final: START,
    causes: {},
    released: [],
    perceptions: 0,
    misperceptions: 0,
    notifiedPerceptions: 0,
    notifiedMisperceptions: 0,
    attributions: 0,
    misattributions: 0,
    commitmentsAdopted: 0,
    commitmentsBroken: 0,
    botCommands: 0,
    refusals: 0,
    ...over,
  };
}

type Maker = (i: number) => Partial<GameSummary>;
const outcome = (o: LabOutcome) => () => ({ outcome: o });

/** The checks of a report whose profiles play as the makers say (unnamed profiles: plain games). */
function checks(profiles: Record<string, Maker>) {
  const ids = Object.keys(profiles);
  const games = ids.flatMap((p) => Array.from({ length: N }, (_, i) => game(p, i, profiles[p]!(i))));
  const report = buildReport({ scenario, profiles: ids, games: N, seed: "t" }, games);
  return Object.fromEntries(report.checks.map((c) => [c.id, c]));
}

describe("lesson checks", () => {
  it("careful play beats reckless play only by the threshold's gap", () => {
    expect(
      checks({ diplomats: outcome("agreement"), hawks: outcome("failure") })["careful-beats-reckless"]!.status,
    ).toBe("pass");
    expect(
      checks({ diplomats: outcome("agreement"), hawks: outcome("agreement") })["careful-beats-reckless"]!.status,
    ).toBe("fail");
    // a gap just under the threshold: a few more settled games than the hawks
    const under = Math.floor(THRESHOLDS.carefulGap * N) - 1;
    const c = checks({ diplomats: (i) => ({ outcome: i < under ? "agreement" : "time" }), hawks: outcome("time") });
    expect(c["careful-beats-reckless"]!.status).toBe("fail");
  });

  it("restraint must win on average and lose sometimes", () => {
    const sometimes = checks({
      "diplomats-vs-provocateur": (i) => ({ outcome: i % 10 === 0 ? "failure" : "agreement" }),
      "hawks-vs-provocateur": outcome("time"),
    });
    expect(sometimes["restraint-beats-retaliation"]!.status).toBe("pass");
    const always = checks({
      "diplomats-vs-provocateur": outcome("agreement"),
      "hawks-vs-provocateur": outcome("time"),
    });
    expect(always["restraint-beats-retaliation"]!.status).toBe("fail");
    expect(always["restraint-beats-retaliation"]!.measured).toContain("retaliation better on 0%");
  });

  it("doing nothing is unsafe only if it fails often enough and escalation rises", () => {
    const rise = START + THRESHOLDS.passiveRise;
    const unsafe = checks({ passive: (i) => ({ outcome: i % 5 === 0 ? "failure" : "time", peak: rise }) });
    expect(unsafe["doing-nothing-unsafe"]!.status).toBe("pass");
    const calm = checks({ passive: () => ({ outcome: "time", peak: rise }) });
    expect(calm["doing-nothing-unsafe"]!.status).toBe("fail");
  });

  it("hasty attribution is unmeasured when nobody attributed, and costs are compared otherwise", () => {
    const none = checks({ "hasty-attribution": () => ({}), diplomats: () => ({}) });
    expect(none["hasty-attribution-costs"]!.status).toBe("unmeasured");
    const costly = checks({
      "hasty-attribution": () => ({ attributions: 1, misattributions: 1, final: START + THRESHOLDS.hastyEscalation }),
      diplomats: () => ({}),
    });
    expect(costly["hasty-attribution-costs"]!.status).toBe("pass");
  });

  it("pre-notification needs enough rolls after a notice, then a lower misreading rate", () => {
    const few = checks({ "hawks-notifying": () => ({ perceptions: 1 }), hawks: () => ({ perceptions: 1 }) });
    expect(few["notice-lowers-misperception"]!.status).toBe("unmeasured");
    // plenty of rolls, but the notices never reached the targets
    const unsent = checks({
      "hawks-notifying": () => ({ perceptions: 2, misperceptions: 1 }),
      hawks: () => ({ perceptions: 2 }),
    });
    expect(unsent["notice-lowers-misperception"]!.status).toBe("unmeasured");
    expect(unsent["notice-lowers-misperception"]!.measured).toContain("0 after a notice");
    const notified = (misread: (i: number) => number) => (i: number) => ({
      perceptions: 2,
      notifiedPerceptions: 2,
      misperceptions: misread(i),
      notifiedMisperceptions: misread(i),
    });
    const lower = checks({
      "hawks-notifying": notified((i) => (i % 2 ? 1 : 0)),
      hawks: () => ({ perceptions: 2, misperceptions: 1 }),
    });
    expect(lower["notice-lowers-misperception"]!.status).toBe("pass");
    const same = checks({ "hawks-notifying": notified(() => 1), hawks: () => ({ perceptions: 2, misperceptions: 1 }) });
    expect(same["notice-lowers-misperception"]!.status).toBe("fail");
  });

  it("one repeated move that settles the crisis fails the repetition check", () => {
    const c = checks({
      "repeat-statement": outcome("agreement"),
      "repeat-deconflict": outcome("time"),
      "repeat-measure": outcome("time"),
    });
    expect(c["no-repetition-wins"]!.status).toBe("fail");
    expect(
      checks({
        "repeat-statement": outcome("time"),
        "repeat-deconflict": outcome("time"),
        "repeat-measure": outcome("time"),
      })["no-repetition-wins"]!.status,
    ).toBe("pass");
  });

  it("the crisis must unfold before agreement; with no agreement it is unmeasured", () => {
    const all = scenario.injects.map((_, i) => i);
    const early = checks({ diplomats: () => ({ outcome: "agreement", released: [0] }) });
    expect(early["crisis-unfolds"]!.status).toBe("fail");
    const late = checks({ diplomats: () => ({ outcome: "agreement", released: all }) });
    expect(late["crisis-unfolds"]!.status).toBe("pass");
    expect(checks({ diplomats: () => ({}) })["crisis-unfolds"]!.status).toBe("unmeasured");
  });

  it("chance must matter, but not alone", () => {
    // outcome set by the profile alone: chance 0
    const scripted = checks({ diplomats: outcome("agreement"), hawks: outcome("failure") });
    expect(scripted["chance-not-decisive"]!.status).toBe("fail");
    // outcome set by the seed alone: chance 100%
    const dice = checks({
      diplomats: (i) => ({ outcome: i % 2 ? "agreement" : "failure" }),
      hawks: (i) => ({ outcome: i % 2 ? "agreement" : "failure" }),
    });
    expect(dice["chance-not-decisive"]!.status).toBe("fail");
    const mixed = checks({
      diplomats: (i) => ({ outcome: i % 4 ? "agreement" : "time" }),
      hawks: (i) => ({ outcome: i % 4 ? "failure" : "time" }),
    });
    expect(mixed["chance-not-decisive"]!.status).toBe("pass");
  });

  it("a check whose profiles were not played says which it needs", () => {
    const c = checks({ random: () => ({}) });
    expect(c["careful-beats-reckless"]!.status).toBe("unmeasured");
    expect(c["careful-beats-reckless"]!.measured).toBe("needs the profiles diplomats, hawks");
  });
});
