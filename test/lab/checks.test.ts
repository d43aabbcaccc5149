// The lesson checks on games made to order: each check passes, fails or is
// unmeasured exactly as its threshold says (thresholds from the one table).
import { describe, expect, it } from "vitest";
import { buildReport } from "../../shared/lab/run.ts";
import { THRESHOLDS } from "../../shared/lab/thresholds.ts";
import { midpointOf, scheduledOf } from "../../shared/lab/aggregate.ts";
import type { Ablation, GameSummary, LabOutcome } from "../../shared/lab/types.ts";
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
    dropped: [],
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

/** Makers of a profile's games with trust off and with standing off. */
type Ablated = Record<string, Record<Ablation, Maker>>;

/** The checks of a report whose profiles play as the makers say (unnamed profiles: plain games). */
function checks(profiles: Record<string, Maker>, ablated: Ablated = {}) {
  const ids = Object.keys(profiles);
  const ablation = Object.keys(ablated);
  const make = (p: string, m: Maker, ablate?: Ablation) =>
    Array.from({ length: N }, (_, i) => ({ ...game(p, i, m(i)), ...(ablate ? { ablate } : {}) }));
  const games = [
    ...ids.flatMap((p) => make(p, profiles[p]!)),
    ...(["trust", "standing"] as const).flatMap((off) => ablation.flatMap((p) => make(p, ablated[p]![off], off))),
  ];
  const report = buildReport({ scenario, profiles: ids, games: N, seed: "t", ablation }, games);
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

/** `k` of the N games as `yes` says, the rest as `no`. */
const first =
  (k: number, yes: Partial<GameSummary>, no: Partial<GameSummary> = {}): Maker =>
  (i) =>
    i < k ? yes : no;
const status = (c: ReturnType<typeof checks>, id: string) => c[id]!.status;

describe("lesson checks of issue 12", () => {
  const mid = midpointOf(scenario.turns);
  const settled = { outcome: "agreement" as const, endTurn: mid };

  it("cooperation settles between the bounds, never before the midpoint", () => {
    const share = (k: number) => status(checks({ diplomats: first(k, settled) }), "cooperation-earned");
    expect(share(Math.round(N * THRESHOLDS.cooperativeMin))).toBe("pass");
    expect(share(Math.round(N * THRESHOLDS.cooperativeMax))).toBe("pass");
    expect(share(Math.round(N * THRESHOLDS.cooperativeMin) - 1)).toBe("fail");
    expect(share(Math.round(N * THRESHOLDS.cooperativeMax) + 1)).toBe("fail");
    expect(share(N)).toBe("fail");
    // one agreement a turn before the midpoint is one too many
    const early = checks({
      diplomats: (i) => (i === 0 ? { ...settled, endTurn: mid - 1 } : i < N * 0.7 ? settled : {}),
    });
    expect(status(early, "cooperation-earned")).toBe("fail");
    expect(early["cooperation-earned"]!.measured).toContain(`1 settled before the midpoint (turn ${mid})`);
  });

  it("cooperative games must release the scheduled events list, less what the dice dropped", () => {
    const scheduled = scheduledOf(scenario);
    expect(scheduled.length).toBeGreaterThan(1);
    const at = (k: number, over: Partial<GameSummary> = {}) =>
      status(checks({ diplomats: first(k, { released: scheduled }, over) }), "cooperative-crisis-unfolds");
    expect(at(Math.round(N * THRESHOLDS.scheduledRelease))).toBe("pass");
    expect(at(Math.round(N * THRESHOLDS.scheduledRelease) - 1)).toBe("fail");
    // the other games released all but one; that one the seed dropped: nothing was missed
    const rest = { released: scheduled.slice(1), dropped: scheduled.slice(0, 1) };
    expect(at(0, rest)).toBe("pass");
    expect(at(0, { released: scheduled.slice(1) })).toBe(scheduled.length >= 5 ? "pass" : "fail");
  });

  it("all-hawk play must fail often enough", () => {
    const k = Math.round(N * THRESHOLDS.hawksFailure);
    expect(status(checks({ hawks: first(k, { outcome: "failure" }) }), "hawks-fail")).toBe("pass");
    expect(status(checks({ hawks: first(k - 1, { outcome: "failure" }) }), "hawks-fail")).toBe("fail");
  });

  it("doing nothing never settles, and at least half the games end no calmer or fail", () => {
    const half = N * THRESHOLDS.passiveNotCalmer;
    const calmer = { final: START - 5 };
    expect(status(checks({ passive: first(half, calmer) }), "passive-goes-nowhere")).toBe("pass");
    expect(status(checks({ passive: first(half + 1, calmer) }), "passive-goes-nowhere")).toBe("fail");
    // one more game ends calmer, but that one fails: failing counts as not calmer, whatever the last value
    const failed = (i: number) => (i === 0 ? { ...calmer, outcome: "failure" as const } : i < half + 1 ? calmer : {});
    expect(status(checks({ passive: failed }), "passive-goes-nowhere")).toBe("pass");
    expect(status(checks({ passive: first(1, { outcome: "agreement" }) }), "passive-goes-nowhere")).toBe("fail");
  });

  it("against one hawk, caution must fail less than answering in kind by the gap", () => {
    const fail = (k: number) => first(k, { outcome: "failure" });
    const gap = Math.round(N * THRESHOLDS.hawkGap);
    const c = (caution: number) =>
      status(checks({ "diplomats-vs-hawk": fail(caution), hawks: fail(32) }), "caution-against-hawk");
    expect(c(32 - gap)).toBe("pass");
    expect(c(32 - gap + 1)).toBe("fail");
  });

  it("hasty attribution must raise failure or final escalation, and is unmeasured without attributions", () => {
    const hasty = (over: Partial<GameSummary>) => (i: number) => ({ attributions: 1, ...(i < 8 ? over : {}) });
    const c = (m: Maker) =>
      status(
        checks({ "hasty-attribution": m, diplomats: first(4, { outcome: "failure" }) }),
        "hasty-attribution-harms",
      );
    // 8 failures against 4: ten points more
    expect(c(hasty({ outcome: "failure" }))).toBe("pass");
    expect(c(first(7, { attributions: 1, outcome: "failure" }, { attributions: 1 }))).toBe("fail");
    // or ten points higher at the end on average
    expect(c(() => ({ attributions: 1, final: START + THRESHOLDS.hastyFinalRise }))).toBe("pass");
    expect(c(() => ({ attributions: 1, final: START + THRESHOLDS.hastyFinalRise - 1 }))).toBe("fail");
    expect(c(() => ({}))).toBe("unmeasured");
  });

  it("no one-move profile scores better than the careful diplomats", () => {
    const probes = (statement: Maker) => ({
      "repeat-statement": statement,
      "repeat-deconflict": first(10, { outcome: "agreement" }),
      "repeat-measure": outcome("time"),
      diplomats: first(10, { outcome: "agreement" }),
    });
    expect(status(checks(probes(first(10, { outcome: "agreement" }))), "spam-no-better")).toBe("pass");
    expect(status(checks(probes(first(11, { outcome: "agreement" }))), "spam-no-better")).toBe("fail");
  });

  it("trust and standing must each move some ablated profile's outcome by the threshold", () => {
    const k = Math.round(N * THRESHOLDS.ablationShift);
    const base = { diplomats: first(20, { outcome: "agreement" }), hawks: first(20, { outcome: "failure" }) };
    const none = checks(base);
    expect(status(none, "trust-matters")).toBe("unmeasured");
    expect(status(none, "standing-matters")).toBe("unmeasured");
    const c = checks(base, {
      diplomats: { trust: first(20 - k, { outcome: "agreement" }), standing: base.diplomats },
      hawks: { trust: base.hawks, standing: first(20 - k + 1, { outcome: "failure" }) },
    });
    expect(status(c, "trust-matters")).toBe("pass");
    expect(c["trust-matters"]!.measured).toContain("careful diplomats, agreement −10%");
    expect(status(c, "standing-matters")).toBe("fail");
  });

  it("the seed must explain a tenth of final escalation's variance in every deliberate profile", () => {
    const spread =
      (width: number): Maker =>
      (i) => ({ final: START + (i % 2) * width });
    const c = (hawkWidth: number) =>
      status(checks({ diplomats: spread(20), hawks: spread(hawkWidth), random: () => ({}) }), "seed-explains");
    expect(c(20)).toBe("pass");
    // the hawks' seeds barely matter: a quarter of the width is a sixteenth of the variance
    expect(c(5)).toBe("fail");
    expect(c(0)).toBe("fail");
    expect(status(checks({ random: spread(20) }), "seed-explains")).toBe("unmeasured");
  });

  it("a mixed profile must not end the same way on nearly every seed", () => {
    const most = N * THRESHOLDS.mixedSameMax;
    const c = (k: number) =>
      status(checks({ "diplomats-vs-hawk": first(k, { outcome: "failure" }) }), "mixed-not-fixed");
    expect(c(most)).toBe("pass");
    expect(c(most + 1)).toBe("fail");
    expect(status(checks({ diplomats: () => ({}) }), "mixed-not-fixed")).toBe("unmeasured");
  });

  it("pre-notification must halve misreading", () => {
    const c = (misread: number) =>
      status(
        checks({
          "hawks-notifying": first(
            misread,
            { perceptions: 2, notifiedPerceptions: 2, notifiedMisperceptions: 2 },
            { perceptions: 2, notifiedPerceptions: 2 },
          ),
          hawks: () => ({ perceptions: 2, misperceptions: 1 }),
        }),
        "notice-lowers-misperception",
      );
    // the hawks misread half their rolls; the notified misread a quarter, then three tenths
    expect(c(N / 4)).toBe("pass");
    expect(c((N * 3) / 10)).toBe("fail");
  });
});
