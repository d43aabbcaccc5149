// The after-action report's figures, on scripted exercises whose numbers follow
// from the rules in docs/scenario-format.md and the Driver's controlled clock.
import { describe, expect, it } from "vitest";
import { loadRecording } from "../../shared/protocol/integrity.ts";
import { analyze } from "../../shared/report/analyze.ts";
import type { Analysis, Finding } from "../../shared/report/types.ts";
import { rungIndex } from "../../shared/engine/index.ts";
import { fixtureExercise, fixtureRecording, gridExercise, gridRecording, exported } from "./exercises.ts";
import { Driver, control } from "../helpers/driver.ts";
import { loadScenario, rawScenario } from "../helpers/scenarios.ts";
import { loadFrozenTutorial, rawFrozenTutorial } from "../helpers/frozen.ts";
import type { Recording } from "../../shared/protocol/recording.ts";
import { ENGINE_VERSION } from "../../shared/engine/version.ts";

// played under rules 2.2, the rules this story was written for: rules 3.0 retune the crisis model (issue 12)
const PLAYED_UNDER = "2.2.0";

function analysed(rec: Recording): Analysis {
  const r = loadRecording(rec);
  if (!r.ok) throw new Error(r.error);
  return analyze(r.recording, r.integrity);
}
const finding = (a: Analysis, id: string): Finding | undefined => a.findings.find((f) => f.id === id);

describe("analyze: the fixture exercise", () => {
  const a = analysed(fixtureRecording());
  const m = a.metrics;

  it("gives the overview: scenario, times, turns, outcome, participants by role and team, objectives, integrity", () => {
    const o = a.overview;
    expect(o).toMatchObject({
      exerciseTitle: "Fixture",
      exerciseId: "ex-report",
      scenario: { id: "fixture", title: "Fixture", turns: 3, teams: 3, mediator: "Neutral Body" },
      seed: "report-fixture",
      engineVersion: PLAYED_UNDER,
      // a story played under kept older rules says so
      engineNote: expect.stringContaining("engine 2.2.0"),
      createdAt: 1_700_000_000_000,
      startedAt: 1_700_000_001_000,
      turnsPlayed: 3,
      turnsAdjudicated: 3,
      status: "ended",
      outcome: { kind: "time", text: "All 3 turns have been played", turn: 3 },
      objectives: [{ id: "obj-1", text: "Talk before acting" }],
    });
    expect(o.endedAt).toBe(o.outcome.at);
    expect(o.commandCount).toBe(fixtureExercise().commands.length);
    expect(o.integrity.status).toBe("intact");
    expect(o.participants.map((p) => [p.label, p.names])).toEqual([
      ["Control", ["Control"]],
      ["Alpha", ["Ada", "Al"]],
      ["Beta", ["Bo"]],
      ["Gamma", ["Gil"]],
      ["Observers", ["Observer"]],
    ]);
  });

  it("escalation: 20 → 16 on adoption, 39 after turn 1, 69 at the peak by control in turn 2, 23 at the end", () => {
    // turn 1: −4 adoption; +5 breach, +6 unprovoked strike (severity 3 − 0 − 1 = 2 steps × 3), +4 misread probe
    // (perceived 3 − meant 1 = 2 steps × 2), +2 public blame, +6 misattribution → 39, one short of the red line
    expect(a.turns[0]).toMatchObject({
      turn: 1,
      escalationBefore: 16,
      escalationAfter: 39,
      escalationAfterCommand: 39,
      rungAfter: "Tension",
    });
    expect(m.start).toEqual({ value: 20, rung: "Tension" });
    expect(m.peak).toMatchObject({ value: 69, rung: "Crisis", turn: 2 });
    // turn 2: control +30 (69) and −40 (29), a quiet adjudication −3 (26); turn 3 −3 (23)
    expect(m.final).toEqual({ value: 23, rung: "Tension" });
    expect(a.curve.points.map((p) => p.value)).toEqual([20, 16, 39, 69, 29, 26, 23]);
    expect(a.curve.points[0]).toMatchObject({ seq: 0, turn: 0 });
    expect(a.curve.turnStarts.map((t) => t.turn)).toEqual([1, 2, 3]);
  });

  it("names what drove escalation up, largest first, and sums up each team", () => {
    expect(m.drivers.map((x) => [x.turn, x.delta, x.text])).toEqual([
      [2, 30, "control adjustment — scenario pressure"],
      // the report is control's: the covert strike's excess is named (its target heard "hostile cyber activity")
      [1, 6, "Alpha's disproportionate action"],
      [1, 6, "the dispute over the accusation deepens"],
      [1, 5, "Alpha broke “No target”"],
      [1, 4, "Gamma perceived a hostile act"],
    ]);
    expect(m.drivers.map((x) => x.rung)).toEqual(["Crisis", null, null, null, null]);
    const [alpha, beta, gamma] = m.teams;
    expect(alpha).toMatchObject({
      turnsWithOrders: 1,
      actions: 2,
      hostileActions: 1,
      messagesSent: 1,
      answeredInTime: 0,
      leftUnanswered: 1,
      breaches: 1,
      attributions: 0,
    });
    expect(alpha!.standing).toEqual({ start: 60, end: 50 }); // −10 for the breach; the covert strike costs no standing
    expect(beta).toMatchObject({
      actions: 1,
      hostileActions: 0,
      messagesSent: 2,
      answeredInTime: 1,
      leftUnanswered: 0,
      breaches: 0,
      attributions: 1,
      misattributions: 1,
    });
    expect(beta!.standing).toEqual({ start: 60, end: 40 }); // −15 for the misattribution, −5 for its weak evidence
    expect(gamma).toMatchObject({ actions: 1, hostileActions: 0, messagesSent: 0 });
  });

  it("counts turns above the red line at some point and at the end of adjudication", () => {
    expect(m.redLines).toEqual([
      expect.objectContaining({
        id: "crisis-line",
        from: 40,
        crossings: 1,
        turnsAtAnyPoint: 1,
        turnsAtAnyPointList: [2],
        turnsAtEnd: 0,
        aboveAtEnd: false,
        firstCrossed: expect.objectContaining({ turn: 2 }),
      }),
    ]);
  });

  it("measures time to first hotline contact with the Driver's clock: start, advance, send = 2 s", () => {
    expect(m.firstContact).toMatchObject({ ms: 2000, from: { name: "Alpha" }, to: { name: "Beta" }, turn: 1 });
  });

  it("writes the transcript with response times, and the statistics", () => {
    expect(
      a.hotline.lines.map((l) => [l.from.name, l.to.name, l.kind, l.status, l.answeredAfterMs, l.timely, l.author]),
    ).toEqual([
      ["Alpha", "Beta", "confirm", "answered", 120_000, true, "Ada"],
      ["Beta", "Alpha", "assess", "reply", null, null, "Bo"],
      ["Beta", "Alpha", "notify", "lapsed", null, null, "Bo"],
    ]);
    expect(a.hotline.lines[0]!.text).toBe('<script>alert("x")</script> Was the grid hack yours?');
    expect(a.hotline.stats).toEqual({
      messages: 3,
      opened: 2,
      answered: 1,
      timely: 1,
      timelySeconds: 300,
      medianMs: 120_000,
      meanMs: 120_000,
      slowestMs: 120_000,
      lapsed: 1,
      open: 0,
      relayed: 0,
    });
  });

  it("commitments adopted, kept and broken, with the breaker and the reason", () => {
    expect(m.commitments).toMatchObject({ adopted: 1, kept: 0, broken: 1 });
    expect(m.commitments.lines[0]).toMatchObject({
      name: "No target",
      parties: [{ name: "Alpha" }, { name: "Beta" }],
      adoptedTurn: 1,
      status: "broken",
      breaches: [
        { breaker: { id: "alpha", name: "Alpha" }, turn: 1, reason: "attacked protected water infrastructure" },
      ],
    });
  });

  it("misattributions name the real culprit; misperceptions say whether they were pre-notified", () => {
    expect(m.misattributions).toEqual([
      expect.objectContaining({
        incident: "Grid hack",
        by: { id: "beta", name: "Beta" },
        accused: { id: "alpha", name: "Alpha" },
        culprit: { id: "gamma", name: "Gamma" },
        pointedAt: { id: "alpha", name: "Alpha" },
        turn: 1,
        confidence: 0.4,
      }),
    ]);
    expect(m.attributions).toMatchObject({ total: 1, correct: 0 });
    expect(m.misperceptions).toHaveLength(1);
    expect(m.misperceptions[0]).toMatchObject({ turn: 1, notified: false });
    expect(m.misperceptions[0]!.text).toMatch(/^Misperception: Gamma read Alpha's “Probe”/);
  });

  it("decisions per turn: orders, who drafted and who submitted, and the adjudicated outcomes (control's covert line once)", () => {
    const t1 = a.turns[0]!;
    const alpha = t1.teams.find((t) => t.team.id === "alpha")!;
    // Al re-submitted Ada's draft: the items keep their drafter
    expect(alpha).toMatchObject({ submitted: true, submittedBy: "Al" });
    expect(alpha.items.map((i) => [i.actionName, i.target, i.sector, i.by])).toEqual([
      ["Strike", "Beta", "water", "Ada"],
      ["Probe", "Gamma", null, "Ada"],
    ]);
    expect(t1.teams.find((t) => t.team.id === "beta")!.items[0]).toMatchObject({
      actionName: "Attribute",
      target: "Alpha",
      incident: "Grid hack",
    });
    const texts = t1.outcomes.map((e) => e.text);
    expect(texts).toContain("(covert) Alpha: Strike → Beta (water)");
    expect(texts).not.toContain("Alpha: Strike → Beta (water)");
    expect(texts).toContain("Alpha broke the commitment “No target”: attacked protected water infrastructure");
    expect(
      t1.outcomes.every((e) => ["outcome", "perception", "attribution", "commitment", "incident"].includes(e.kind)),
    ).toBe(true);
    expect(a.turns[1]!.teams.every((t) => !t.submitted)).toBe(true);
  });

  it("groups notes by objective, with the untied ones last", () => {
    expect(m.notes.map((g) => [g.objective?.id ?? null, g.notes.map((n) => [n.role, n.text])])).toEqual([
      ["obj-1", [["observer", "Alpha asked Beta before acting <b>promptly</b>."]]],
      [null, [["facilitator", "-Beta's notify went unanswered."]]],
    ]);
  });

  it("injects: the follow-up heuristic looks from the release to the next adjudication", () => {
    const hack = m.injects.find((i) => i.id === "hack")!;
    expect(hack.followUps).toEqual([
      { team: { id: "beta", name: "Beta" }, hotlineSeq: 4, ordersSeq: 13, followedUp: true },
    ]);
    expect(m.injects.find((i) => i.id === "control-only")!.followUps).toEqual([]);
    // released by the turn-1 adjudication; nobody acted in turn 2
    const strike = m.injects.find((i) => i.id === "on-strike")!;
    expect(strike.releasedBy).toBe("trigger");
    expect(strike.windowEndSeq).toBe(a.turns[1]!.seq);
    expect(strike.followUps.map((f) => f.followedUp)).toEqual([false, false, false]);
  });

  it("annotates the curve with injects, adjudications and hotline exchanges, by command", () => {
    const kinds = (k: string) => a.curve.annotations.filter((n) => n.kind === k);
    expect(kinds("decision").map((n) => n.seq)).toEqual(a.turns.map((t) => t.seq));
    expect(kinds("hotline").map((n) => n.label)).toEqual([
      "Hotline Alpha → Beta (confirm)",
      "Hotline Beta → Alpha (notify)",
    ]);
    expect(kinds("inject").map((n) => n.label)).toContain("CERT bulletin: Hack");
    expect(a.timeline).toHaveLength(fixtureExercise().state.log.length);
  });

  it("derives strengths and areas for improvement with their evidence", () => {
    expect(a.findings.filter((f) => f.kind === "strength").map((f) => f.id)).toEqual([
      "below-red-lines",
      "hotline-timely",
      "early-contact",
    ]);
    expect(a.findings.filter((f) => f.kind === "improvement").map((f) => f.id)).toEqual([
      "red-lines-crossed",
      "hotline-unanswered",
      "misattribution",
      "commitments-broken",
      "misperception",
      "inject-follow-up",
    ]);
    expect(finding(a, "below-red-lines")).toMatchObject({ title: "Escalation ended below the first red line" });
    expect(finding(a, "below-red-lines")!.evidence[0]).toBe(
      "Final escalation 23 (“Tension”), below “Open crisis” at 40 (“Crisis”).",
    );
    expect(finding(a, "hotline-timely")!.evidence).toEqual([
      "1 of 1 answered exchanges were answered within 5 min (median 2 min, mean 2 min).",
    ]);
    expect(finding(a, "misattribution")!.evidence).toEqual([
      "Turn 1: Beta blamed Alpha for “Grid hack” on 40% evidence pointing at Alpha; it was Gamma.",
    ]);
    expect(finding(a, "commitments-broken")!.evidence).toEqual([
      "“No target”: Alpha in turn 1 — attacked protected water infrastructure.",
    ]);
    expect(finding(a, "red-lines-crossed")!.evidence[0]).toMatch(
      /“Open crisis” \(40, “Crisis”\): crossed 1 time, first in turn 2; at or above it during 1 turn, at the end of 0 adjudicated turns/,
    );
    expect(finding(a, "hotline-unanswered")!.evidence).toEqual([
      "Turn 1: Beta → Alpha (notify) lapsed at the end of the turn.",
    ]);
    for (const f of a.findings) {
      expect(f.recommendation.length).toBeGreaterThan(20);
      expect(f.rule.length).toBeGreaterThan(20);
    }
  });
});

describe("analyze: Dark Winter (grid-intrusion, seed s3)", () => {
  const d = gridExercise();
  const a = analysed(gridRecording());
  const m = a.metrics;
  const sc = loadScenario("grid-intrusion");
  const rung = (v: number) => sc.ladder.rungs[rungIndex(sc.ladder, v)]!.name;
  it("agrees with the live state on peak, final escalation and rung, and the outcome: hardliners pushed it a rung short of failure", () => {
    expect(m.peak).toMatchObject({ value: d.state.peakEscalation, rung: rung(d.state.peakEscalation) });
    expect(m.final).toEqual({ value: d.state.escalation, rung: rung(d.state.escalation) });
    expect(a.overview.outcome).toMatchObject({ kind: "time", turn: 5 });
    expect(rungIndex(sc.ladder, m.final.value)).toBe(sc.ladder.rungs.length - 2);
    const step = d.state.model.hardlinerEscalation;
    expect(d.state.log.some((e) => e.type === "escalation.changed" && e.to - e.from === step)).toBe(true);
  });
  it("public blame stood above its red line from turn 1 to the end; the higher lines were crossed later", () => {
    const rows = m.redLines.map((l) => [l.id, l.turnsAtAnyPoint, l.turnsAtEnd, l.crossings, l.firstCrossed?.turn]);
    expect(rows).toEqual([
      ["public-blame", 5, 5, 1, 1],
      ["civilian-reprisal", 2, 2, 2, 3],
      ["mobilisation", 1, 1, 1, 5],
    ]);
    for (const l of m.redLines) {
      // turns at the end of adjudication: the history's count; crossings: the engine's events
      const from = sc.ladder.rungs.find((r) => r.id === sc.ladder.redLines.find((x) => x.id === l.id)!.rung)!.from;
      const crossed = d.state.log.filter((e) => e.type === "redline.crossed" && e.line === l.id);
      const ends = d.state.history.filter((h) => h.escalationAfter >= from).length;
      expect([l.turnsAtEnd, l.crossings, l.firstCrossed?.turn]).toEqual([ends, crossed.length, crossed[0]?.turn]);
    }
  });

  it("the hotline: a late answer (400 s), timely ones, one lapse, first contact 2 s after the start", () => {
    expect(m.firstContact).toMatchObject({ ms: 2000, from: { name: "Valdoria" }, to: { name: "Kestria" } });
    const opened = a.hotline.lines.filter((l) => l.status !== "reply" && l.status !== "relay");
    expect(opened.map((l) => [l.turn, l.kind, l.status, l.answeredAfterMs, l.timely])).toEqual([
      [1, "confirm", "answered", 400_000, false],
      [1, "notify", "answered", 30_000, true],
      [2, "text", "answered", 60_000, true],
      [3, "confirm", "lapsed", null, null],
      [4, "deconflict", "answered", 90_000, true],
    ]);
    expect(a.hotline.stats).toMatchObject({
      opened: 5,
      answered: 4,
      timely: 3,
      medianMs: 75_000,
      meanMs: 145_000,
      slowestMs: 400_000,
      lapsed: 1,
    });
    expect(finding(a, "hotline-late")!.evidence).toEqual([
      "1 of 4 answers took longer than 5 min; slowest 6 min 40 s (median 1 min 15 s, mean 2 min 25 s).",
    ]);
    expect(finding(a, "hotline-late")!.objectiveIds).toEqual(["structured-hotline"]);
  });

  it("a misattribution to Kestria of a blackout no state caused, and a broken pre-notification pledge", () => {
    expect(m.misattributions).toEqual([
      expect.objectContaining({
        incident: "Northern grid blackout",
        by: { id: "valdoria", name: "Valdoria" },
        accused: { id: "kestria", name: "Kestria" },
        culprit: { id: null, name: "a non-state actor" },
        turn: 1,
        confidence: 0.45,
      }),
    ]);
    expect(m.commitments).toMatchObject({ adopted: 1, kept: 0, broken: 1 });
    expect(m.commitments.lines[0]!.breaches).toEqual([
      {
        breaker: { id: "kestria", name: "Kestria" },
        turn: 2,
        reason: "did not pre-notify an operation",
        why: { kind: "not-notified" },
      },
    ]);
    expect(finding(a, "misattribution")!.objectiveIds).toEqual(["verify-before-blame", "trusted-intermediary"]);
  });

  it("groups the evaluator's notes by objective and ties them to the hotline findings", () => {
    const byObjective = Object.fromEntries(
      m.notes.map((g) => [g.objective?.id ?? "none", g.notes.map((n) => n.author)]),
    );
    expect(byObjective).toMatchObject({
      "verify-before-blame": ["Dr. Ana Ruiz"],
      "structured-hotline": ["Dr. Ana Ruiz", "Dr. Ana Ruiz"],
      "proportionate-response": ["Dr. Ana Ruiz"],
      "trusted-intermediary": [],
      none: ["Control"],
    });
    expect(a.overview.participants.find((p) => p.label === "Valdoria")!.names).toEqual(["Mara Voss", "Jonas Hale"]);
    expect(a.overview.participants.find((p) => p.role === "mediator")!.label).toBe(
      "Meridian Centre for Cyber Verification",
    );
  });
});

describe("analyze: edge cases", () => {
  it("a recording that stops mid-exercise is unfinished; one without commands has no start", () => {
    const d = new Driver(loadFrozenTutorial(), "cut", PLAYED_UNDER);
    d.do(control, { type: "exercise.start" });
    d.advanceTo("decision");
    const a = analysed(exported(d, rawFrozenTutorial()));
    expect(a.overview.outcome).toMatchObject({
      kind: "unfinished",
      text: "The recording stops in turn 1, Decision, before the exercise ended",
    });
    expect(a.turns).toEqual([]);
    expect(finding(a, "hotline-unused")).toBeDefined();
    const none = new Driver(loadFrozenTutorial(), "none", PLAYED_UNDER);
    const empty = analysed(exported(none, rawFrozenTutorial()));
    expect(empty.overview).toMatchObject({
      startedAt: null,
      commandCount: 0,
      outcome: { kind: "unfinished", text: "The exercise was not started" },
    });
    expect(empty.metrics.firstContact).toBeNull();
  });
});
