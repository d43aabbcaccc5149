// The lab end to end on small numbers: real bots play every profile on a
// built-in scenario, and the report's aggregates agree with the games.
import { describe, expect, it } from "vitest";
import { playGame } from "../../shared/bots/index.ts";
import { PROFILES, PROFILE_IDS, profileById, seatsFor } from "../../shared/lab/profiles.ts";
import { checkJob, gameSeed, playSlice, runLab } from "../../shared/lab/run.ts";
import { escalationByTurn, summarizeGame } from "../../shared/lab/summary.ts";
import { LESSONS } from "../../shared/lab/thresholds.ts";
import { labHtml } from "../../shared/lab/html.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const scenario = loadScenario("grid-intrusion");

describe("lab run", () => {
  const N = 4;
  const report = runLab({ scenario, profiles: [...PROFILE_IDS], games: N, seed: "unit" });

  it("plays every profile on the same seeds and counts every game once", () => {
    expect(report.profiles.map((p) => p.id)).toEqual(PROFILE_IDS);
    for (const p of report.profiles) {
      const o = p.outcomes;
      expect(o.agreement.count + o.time.count + o.failure.count).toBe(N);
      expect(p.fan).toHaveLength(scenario.turns + 1);
      expect(p.fan[0]!.p50).toBe(scenario.ladder.start);
      expect(p.injectRelease).toHaveLength(scenario.injects.length);
    }
    expect(report.checks.map((c) => c.id)).toEqual(LESSONS.map((l) => l.id));
    expect(report.variance.map((v) => v.measure)).toEqual(["score", "final escalation"]);
  });

  it("aggregates what the games did: outcomes and peaks of the same seeds played directly", () => {
    const hawks = profileById("hawks");
    const direct = Array.from({ length: N }, (_, i) =>
      playGame(scenario, gameSeed("unit", i), seatsFor(scenario, hawks, i)),
    );
    const stats = report.profiles.find((p) => p.id === "hawks")!;
    const failures = direct.filter((r) => r.state.outcome?.kind === "failure").length;
    expect(stats.outcomes.failure.count).toBe(failures);
    const peaks = direct.map((r) => r.state.peakEscalation);
    expect(stats.peak.mean).toBeCloseTo(peaks.reduce((a, b) => a + b, 0) / N, 2);
  });

  it("reads a game's escalation by turn from its log: the start, then each turn's last value", () => {
    const r = playGame(scenario, "by-turn", seatsFor(scenario, profileById("random"), 0));
    const byTurn = escalationByTurn(r.state);
    expect(byTurn).toHaveLength(scenario.turns + 1);
    expect(byTurn[0]).toBe(scenario.ladder.start);
    expect(byTurn.at(-1)).toBe(r.state.escalation);
    for (const v of byTurn) expect(v).toBeLessThanOrEqual(r.state.peakEscalation);
    const s = summarizeGame("random", 0, r);
    const moved = Object.values(s.causes).reduce((a, [up, down]) => a + up + down, 0);
    expect(scenario.ladder.start + moved).toBe(r.state.escalation);
  });

  it("counts a perception roll for every targeted action its target may misread, public ones read right too", () => {
    const ew = loadScenario("early-warning");
    let rolls = 0;
    let logged = 0;
    let misread = 0;
    for (let i = 0; i < 6; i++) {
      const r = playGame(ew, `rolls:${i}`, seatsFor(ew, profileById("random"), i));
      const s = summarizeGame("random", i, r);
      rolls += s.perceptions;
      misread += s.misperceptions;
      logged += r.state.log.filter((e) => e.type === "misperception" || e.type === "perception.correct").length;
      expect(s.misperceptions).toBeLessThanOrEqual(s.perceptions);
    }
    // a public action read as it was leaves no event, yet it was a roll
    expect(rolls).toBeGreaterThan(logged);
    expect(misread).toBeLessThan(rolls);
  });

  it("gives each profile's odd part to each state in turn", () => {
    const p = profileById("diplomats-vs-provocateur");
    const opportunists = scenario.teams.map(
      (_, i) => Object.entries(seatsFor(scenario, p, i)).find(([, pol]) => pol.name === "opportunist")![0],
    );
    expect(opportunists).toEqual(scenario.teams.map((t) => t.id));
    for (const prof of PROFILES) expect(seatsFor(scenario, prof, 0).mediator?.name).toBe("mediator");
  });

  it("the one-move probes and the notifying hawks send nothing the engine refuses", () => {
    const ids = ["repeat-statement", "repeat-deconflict", "repeat-measure", "hawks-notifying"];
    for (const sc of ["tutorial", "grid-intrusion", "early-warning", "civilian-shield"].map(loadScenario)) {
      const games = playSlice({ scenario: sc, profiles: ids, games: 3, seed: "probe" }, 0, ids.length * 3);
      expect(games.map((g) => `${sc.id} ${g.profile}: ${g.refusals}`)).toEqual(
        games.map((g) => `${sc.id} ${g.profile}: 0`),
      );
    }
  });

  it("gives the lone hawk to each state in turn, the others careful diplomats", () => {
    const p = profileById("diplomats-vs-hawk");
    const hawks = scenario.teams.map((_, i) => {
      const seats = Object.entries(seatsFor(scenario, p, i)).filter(([seat]) => seat !== "mediator");
      expect(seats.filter(([, pol]) => pol.name !== "hawk").every(([, pol]) => pol.name === "cautious-diplomat")).toBe(
        true,
      );
      return seats.filter(([, pol]) => pol.name === "hawk").map(([seat]) => seat);
    });
    expect(hawks).toEqual(scenario.teams.map((t) => [t.id]));
  });

  it("plays the ablation on the same seeds with the engine's switch, apart from every other measure", () => {
    const job = { scenario, profiles: ["diplomats", "hawks"], games: 3, seed: "abl", ablation: ["hawks"] };
    const ablated = runLab(job);
    const whole = runLab({ ...job, ablation: [] });
    expect(ablated.profiles).toEqual(whole.profiles);
    expect(ablated.variance).toEqual(whole.variance);
    expect(ablated.ablation.map((l) => `${l.profile} ${l.off}`)).toEqual(["hawks trust", "hawks standing"]);
    for (const off of ["trust", "standing"] as const) {
      const direct = [0, 1, 2].map((i) =>
        playGame(scenario, gameSeed("abl", i), seatsFor(scenario, profileById("hawks"), i), { ablate: [off] }),
      );
      expect(direct.every((r) => r.state.model[off] === false)).toBe(true);
      const line = ablated.ablation.find((l) => l.off === off)!;
      const failures = direct.filter((r) => r.state.outcome?.kind === "failure").length;
      expect(line.outcomes.failure.count).toBe(failures);
      const hawks = ablated.profiles.find((p) => p.id === "hawks")!;
      expect(line.shift.failure).toBeCloseTo(failures / 3 - hawks.outcomes.failure.share, 3);
      expect(line.finalMean).toBeCloseTo(direct.reduce((a, r) => a + r.state.escalation, 0) / 3, 2);
    }
  });

  it("refuses a bad job with the reason", () => {
    const job = { scenario, profiles: ["diplomats"], games: 1, seed: "x" };
    expect(() => checkJob({ ...job, games: 0 })).toThrow(/games: give a whole number/);
    expect(() => checkJob({ ...job, profiles: ["doves"] })).toThrow(/unknown profile "doves"/);
    expect(() => checkJob({ ...job, profiles: [] })).toThrow(/at least one profile/);
    expect(() => checkJob({ ...job, ablation: ["hawks"] })).toThrow(/ablation: "hawks" .* must be among the profiles/);
    expect(() => checkJob({ ...job, ablation: ["doves"] })).toThrow(/unknown profile "doves"/);
  });

  it("renders a standalone report: its policy, every check and every profile, no script", () => {
    const html = labHtml(report);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    for (const c of report.checks) expect(html).toContain(c.title.replace(/'/g, "&#39;"));
    for (const p of report.profiles) expect(html).toContain(p.label);
    expect(html).toContain("How the games unfold");
    expect(html).not.toMatch(/ style="/);
  });
});
