// The report's metrics and findings come from the engine's typed events (and
// the state), never from sentences: scripted exercises whose events carry the
// facts — a notification before a misperception, a covert act, the evidence an
// accusation went against, how long an answer took — and what the report makes
// of them, including what a team was told by the one visibility rule.
import { describe, expect, it } from "vitest";
import { loadRecording } from "../../shared/protocol/integrity.ts";
import { analyze } from "../../shared/report/analyze.ts";
import type { Analysis } from "../../shared/report/types.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { fixture, fixtureInput } from "../helpers/fixture.ts";
import { exported } from "./exercises.ts";

// played under rules 2.2, the rules this story was written for: rules 3.0 retune the crisis model (issue 12)
const PLAYED_UNDER = "2.2.0";

function analysed(d: Driver, raw: ScenarioInput): Analysis {
  const r = loadRecording(exported(d, raw));
  if (!r.ok) throw new Error(r.error);
  return analyze(r.recording, r.integrity);
}

/** The fixture, changed, with its raw input for the recording. */
function changed(change: (s: ScenarioInput) => void): { d: Driver; raw: ScenarioInput } {
  const raw = fixtureInput();
  change(raw);
  return { d: new Driver(fixture(change), "events", PLAYED_UNDER), raw };
}

const alpha = team("alpha", "Ada");
const beta = team("beta", "Bo");
const gamma = team("gamma", "Gil");

describe("misperceptions, from the misperception events", () => {
  // a notify does not lower the misread chance here: the probe (chance 1) is misread either way
  const { d, raw } = changed((s) => {
    s.fog = { preNotificationFactor: 1 };
  });
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  d.do(alpha, { type: "hotline.send", to: "beta", kind: "notify", text: "A routine probe tonight." });
  d.advanceTo("decision");
  d.do(alpha, {
    type: "orders.submit",
    actions: [
      { actionId: "probe", target: "beta" },
      { actionId: "probe", target: "gamma" },
    ],
  });
  d.advanceTo("summary");
  const a = analysed(d, raw);
  const [toBeta, toGamma] = a.metrics.misperceptions;

  it("one per event, with its fields: who, what, read as what, notified or not, chance and roll", () => {
    expect(a.metrics.misperceptions).toHaveLength(2);
    expect(toBeta).toMatchObject({
      turn: 1,
      actor: { id: "alpha", name: "Alpha" },
      target: { id: "beta", name: "Beta" },
      action: "Probe",
      perceivedAs: "Attack preparation",
      notified: true,
      identified: true,
      chance: 1,
    });
    expect(toGamma).toMatchObject({ target: { id: "gamma" }, notified: false, identified: false, chance: 1 });
    for (const p of [toBeta!, toGamma!]) expect(p.roll).toBeLessThan(p.chance);
    // control's words name the actor of the covert probe
    expect(toGamma!.text).toContain("Alpha");
    expect(toGamma!.text).toContain("Gamma");
  });

  it("says what the target was told, by the visibility rule: the unannounced actor stays unnamed", () => {
    expect(toGamma!.targetText).toContain("Attack preparation");
    expect(toGamma!.targetText).not.toContain("Alpha");
    expect(toGamma!.targetText).not.toContain("Probe");
    // Beta was notified: it knows who it was
    expect(toBeta!.targetText).toContain("Alpha");
  });

  it("the finding counts the one not pre-notified, and the notified one as residual fog", () => {
    const f = a.findings.find((x) => x.id === "misperception")!;
    expect(f.evidence).toEqual([
      "Turn 1: Gamma read Alpha's “Probe” as “Attack preparation” (misread chance 100%); Alpha had not notified Gamma.",
      "1 further misperception occurred despite a notification (residual fog).",
    ]);
    expect(a.metrics.notifyMessages).toBe(1);
  });

  it("every misperception notified: the pre-notification strength, no improvement", () => {
    const only = changed((s) => {
      s.fog = { preNotificationFactor: 1 };
    });
    only.d.do(control, { type: "exercise.start" });
    only.d.advanceTo("deliberation");
    only.d.do(alpha, { type: "hotline.send", to: "beta", kind: "notify", text: "A probe." });
    only.d.advanceTo("decision");
    only.d.do(alpha, { type: "orders.submit", actions: [{ actionId: "probe", target: "beta" }] });
    only.d.advanceTo("summary");
    const b = analysed(only.d, only.raw);
    expect(b.metrics.misperceptions.map((p) => p.notified)).toEqual([true]);
    expect(b.findings.find((x) => x.id === "misperception")).toBeUndefined();
    expect(b.findings.find((x) => x.id === "pre-notification")!.evidence).toEqual([
      "1 notify message; 1 misperception(s), all despite a notification.",
    ]);
  });
});

describe("a covert act, from its action.resolved event", () => {
  const d = new Driver(fixture(), "covert", PLAYED_UNDER);
  d.do(control, { type: "exercise.start" });
  d.advanceTo("decision");
  d.do(alpha, { type: "orders.submit", actions: [{ actionId: "strike", target: "beta", sector: "energy" }] });
  d.advanceTo("summary");
  const a = analysed(d, fixtureInput());
  const t1 = a.turns[0]!;

  it("is one outcome line, read by its actor alone (and control), in control's words", () => {
    const strikes = t1.outcomes.filter((e) => e.type === "action.resolved");
    expect(strikes).toHaveLength(1);
    expect(strikes[0]).toMatchObject({ kind: "outcome", audience: ["alpha"], audienceText: "Alpha" });
    expect(strikes[0]!.text).toContain("Alpha");
    expect(strikes[0]!.text).toContain("Strike");
    expect(strikes[0]!.text).toContain("Beta");
  });

  it("its unprovoked excess is control's alone, and escalation names it only to control", () => {
    const excess = t1.outcomes.find((e) => e.type === "action.disproportionate")!;
    expect(excess.audienceText).toBe("Control");
    const moves = t1.escalationMoves.filter((e) => e.type === "escalation.changed");
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.every((e) => e.audienceText === "everyone")).toBe(true);
    // the largest driver is the strike's excess, worded for control
    expect(a.metrics.drivers[0]).toMatchObject({ turn: 1, delta: 6 });
    expect(a.metrics.drivers[0]!.text).toContain("Alpha");
  });

  it("the incident it left is seen by its victim and its culprit only", () => {
    const occurred = t1.outcomes.filter((e) => e.type === "incident.occurred");
    expect(occurred.map((e) => e.audienceText)).toEqual(["Beta, Alpha"]);
    expect(a.metrics.attributions).toEqual({ total: 0, correct: 0, weakCorrect: 0, verifications: 0 });
  });
});

describe("a misattribution, from the attribution.made event", () => {
  // Beta's grid hack: no state did it; the evidence points at Gamma; Beta blames Alpha
  const { d, raw } = changed((s) => {
    const hack = s.injects!.find((i) => i.id === "hack")!;
    hack.incident = { ...hack.incident!, culprit: null, suspect: "gamma", confidence: 0.7 };
  });
  d.do(control, { type: "exercise.start" });
  d.advanceTo("decision");
  const hack = d.state.incidents.find((i) => i.title === "Grid hack")!.id;
  d.do(beta, { type: "orders.submit", actions: [{ actionId: "attribute", target: "alpha", incidentId: hack }] });
  d.advanceTo("summary");
  const a = analysed(d, raw);

  it("names the accuser, the accused, whom the evidence pointed at, and the real culprit", () => {
    const made = a.timeline.find((e) => e.type === "attribution.made")!;
    expect(a.metrics.misattributions).toEqual([
      {
        incidentId: hack,
        incident: "Grid hack",
        by: { id: "beta", name: "Beta" },
        accused: { id: "alpha", name: "Alpha" },
        culprit: { id: null, name: "a non-state actor" },
        pointedAt: { id: "gamma", name: "Gamma" },
        turn: 1,
        confidence: 0.7,
        seq: made.seq,
      },
    ]);
    expect(a.findings.find((f) => f.id === "misattribution")!.evidence).toEqual([
      "Turn 1: Beta blamed Alpha for “Grid hack” although the evidence (70%) pointed at Gamma; it was a non-state actor.",
    ]);
    expect(a.metrics.attributions).toMatchObject({ total: 1, correct: 0 });
    expect(a.metrics.teams.find((t) => t.team.id === "beta")).toMatchObject({ attributions: 1, misattributions: 1 });
  });
});

describe("hotline response times, from the hotline.answered events", () => {
  const d = new Driver(fixture(), "hotline", PLAYED_UNDER);
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  d.do(alpha, { type: "hotline.send", to: "beta", kind: "confirm", text: "Was it you?" });
  d.do(beta, { type: "hotline.send", to: "alpha", kind: "assess", text: "No." }, 400_000);
  d.do(gamma, { type: "hotline.send", to: "mediator", kind: "assess", text: "Please pass this on." });
  d.do(beta, { type: "hotline.send", to: "alpha", kind: "deconflict", text: "We stand down." });
  d.do(alpha, { type: "hotline.send", to: "beta", kind: "deconflict", text: "So do we." }, 45_000);
  // the turn ends: Gamma's message to the mediator lapses; relayed early next turn, it is answered, not in time
  d.advanceTo("summary");
  d.do(control, { type: "phase.advance" });
  d.advanceTo("deliberation");
  const gammas = d.state.messages.find((m) => m.from === "gamma")!.id;
  d.do(mediator, { type: "hotline.relay", messageId: gammas, to: "alpha" });
  const lapsed = d.state.messages.find((m) => m.id === gammas)!;
  const a = analysed(d, fixtureInput());

  it("each exchange's response time and whether the engine judged it timely", () => {
    const opened = a.hotline.lines.filter((l) => l.status !== "reply" && l.status !== "relay");
    const relayAfter = lapsed.answeredAfterMs!;
    expect(relayAfter).toBeLessThan(300_000);
    expect(opened.map((l) => [l.from.name, l.to.name, l.kind, l.status, l.answeredAfterMs, l.timely])).toEqual([
      ["Alpha", "Beta", "confirm", "answered", 400_000, false],
      ["Gamma", "Neutral Body", "assess", "answered", relayAfter, false],
      ["Beta", "Alpha", "deconflict", "answered", 45_000, true],
    ]);
  });

  it("the statistics and the findings: one in time, two late, none lapsed and unanswered", () => {
    const relayAfter = lapsed.answeredAfterMs!;
    expect(a.hotline.stats).toMatchObject({
      opened: 3,
      answered: 3,
      timely: 1,
      slowestMs: 400_000,
      lapsed: 0,
      open: 0,
      relayed: 1,
    });
    // 45 s < the relay's wait (the rest of turn 1 and the start of turn 2) < 400 s: it is the median
    expect(relayAfter).toBeGreaterThan(45_000);
    expect(a.hotline.stats.medianMs).toBe(relayAfter);
    expect(a.hotline.stats.meanMs).toBe((400_000 + relayAfter + 45_000) / 3);
    expect(a.findings.find((f) => f.id === "hotline-late")!.evidence[0]).toMatch(/^2 of 3 answers took longer/);
    expect(a.findings.find((f) => f.id === "hotline-unanswered")).toBeUndefined();
    expect(a.metrics.teams.map((t) => [t.team.id, t.answeredInTime])).toEqual([
      ["alpha", 1],
      ["beta", 0],
      ["gamma", 0],
    ]);
    expect(a.metrics.firstContact).toMatchObject({ from: { name: "Alpha" }, to: { name: "Beta" }, turn: 1 });
  });
});
