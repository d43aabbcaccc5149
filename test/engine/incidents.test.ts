import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { trustOf, view, type Viewer } from "../../shared/engine/index.ts";

/** In the fixture, "Grid hack" hits Beta; evidence points at Alpha (40 %) but Gamma did it. */
function afterHack() {
  const d = new Driver(fixture());
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return { d, inc: d.state.incidents[0]! };
}

describe("attribution under uncertainty", () => {
  it("a misattribution on weak evidence backfires", () => {
    const { d, inc } = afterHack();
    expect(inc).toMatchObject({ victim: "beta", culprit: "gamma", evidence: { suspect: "alpha", confidence: 0.4 } });
    d.advanceTo("decision");
    const standing0 = d.state.teams.beta!.standing;
    const trust0 = trustOf(d.state, "alpha", "beta");
    d.do(team("beta"), {
      type: "orders.submit",
      actions: [{ actionId: "attribute", incidentId: inc.id, target: "alpha" }],
    });
    d.do(control, { type: "phase.advance" });
    const after = d.state.incidents[0]!;
    expect(after.public).toBe(true);
    expect(after.attributions).toEqual([
      { by: "beta", accused: "alpha", turn: 1, suspect: "alpha", confidence: 0.4, correct: false },
    ]);
    // −15 for the misattribution, −5 because the evidence (40 %) was weak
    expect(d.state.teams.beta!.standing).toBe(standing0 - 15 - 5);
    expect(trustOf(d.state, "alpha", "beta")).toBe(trust0 - 5 - 15);
    const made = (viewer: Viewer) => view(d.state, viewer).log.find((e) => e.type === "attribution.made")!;
    // the accused knows it is false; the accuser is not told, nor who really did it; control knows all
    expect(made({ role: "team", teamId: "alpha" })).toMatchObject({
      accuser: "beta",
      accused: "alpha",
      correct: false,
    });
    expect(made({ role: "team", teamId: "alpha" })).not.toHaveProperty("culprit");
    expect(made({ role: "team", teamId: "beta" })).not.toHaveProperty("correct");
    expect(made({ role: "team", teamId: "beta" })).not.toHaveProperty("culprit");
    // gamma did it: it knows, and so knows the accusation is false
    expect(made({ role: "team", teamId: "gamma" })).toMatchObject({ correct: false, culprit: "gamma" });
    expect(made({ role: "facilitator" })).toMatchObject({ correct: false, culprit: "gamma", confidence: 0.4 });
    // the attribution made the incident public: everyone sees it now
    expect(view(d.state, { role: "team", teamId: "gamma" }).incidents.map((i) => i.id)).toContain(inc.id);
  });

  it("a correct attribution on weak evidence still draws criticism", () => {
    const { d, inc } = afterHack();
    d.advanceTo("decision");
    const standing0 = d.state.teams.beta!.standing;
    d.do(team("beta"), {
      type: "orders.submit",
      actions: [{ actionId: "attribute", incidentId: inc.id, target: "gamma" }],
    });
    d.do(control, { type: "phase.advance" });
    expect(d.state.incidents[0]!.attributions[0]!.correct).toBe(true);
    // +round(10 × 0.4) for being right, −5 for weak evidence
    expect(d.state.teams.beta!.standing).toBe(standing0 + 4 - 5);
    expect(d.state.log).toContainEqual(
      expect.objectContaining({ type: "attribution.questioned", accuser: "beta", incident: inc.id, confidence: 0.4 }),
    );
  });

  it("investigation moves evidence toward the truth: planted evidence is corrected or loses confidence", () => {
    const { d, inc } = afterHack();
    d.advanceTo("decision");
    d.do(team("beta"), { type: "orders.submit", actions: [{ actionId: "investigate", incidentId: inc.id }] });
    d.do(control, { type: "phase.advance" });
    const after = d.state.incidents[0]!;
    expect(after.verifications).toBe(1);
    // the evidence pointed at Alpha, but Gamma did it: a seeded roll decides which of the two outcomes happens
    if (after.evidence.suspect === "gamma") expect(after.evidence.confidence).toBeGreaterThanOrEqual(0.5);
    else {
      expect(after.evidence.suspect).toBe("alpha");
      expect(after.evidence.confidence).toBeCloseTo(0.4 - 0.075, 1);
    }
  });

  it("verification of sound evidence raises its confidence", () => {
    const d = new Driver(fixture((s) => (s.injects![3]!.incident!.suspect = "gamma")));
    d.do(control, { type: "exercise.start" });
    d.advanceTo("deliberation");
    const inc = d.state.incidents[0]!;
    d.do(team("beta"), {
      type: "hotline.send",
      to: "mediator",
      kind: "assess",
      text: "Please verify",
      incidentId: inc.id,
    });
    d.do(mediator, { type: "mediator.verify", incidentId: inc.id });
    expect(d.state.incidents[0]!.evidence).toEqual({ suspect: "gamma", confidence: 0.7 });
    expect(d.state.log.at(-1)).toMatchObject({
      type: "incident.verified",
      incident: inc.id,
      title: "Grid hack",
      by: "mediator",
      result: "confirmed",
      suspect: "gamma",
      confidence: 0.7,
    });
  });

  it("the mediator verifies only evidence shared with it, within its actions per turn", () => {
    const { d, inc } = afterHack();
    expect(d.try(mediator, { type: "mediator.verify", incidentId: inc.id })).toBe(
      `No evidence on “${inc.id}” has been shared with the mediator`,
    );
    d.do(team("beta"), {
      type: "hotline.send",
      to: "mediator",
      kind: "assess",
      text: "Please verify",
      incidentId: inc.id,
    });
    d.do(mediator, { type: "mediator.verify", incidentId: inc.id });
    const v = d.state.incidents[0]!;
    expect(v.verifications).toBe(1);
    expect(v.evidence.suspect === "gamma" ? v.evidence.confidence >= 0.5 : v.evidence.confidence === 0.25).toBe(true);
    // the result reaches those who hold the evidence, not the suspect
    const verified = d.state.log.at(-1)!;
    expect(verified.type).toBe("incident.verified");
    expect(view(d.state, { role: "team", teamId: "beta" }).log.at(-1)!.id).toBe(verified.id);
    expect(view(d.state, { role: "team", teamId: "alpha" }).log.some((e) => e.id === verified.id)).toBe(false);
    d.do(mediator, { type: "mediator.convene", parties: ["alpha", "beta"], text: "Talks in Geneva" });
    expect(d.try(mediator, { type: "mediator.verify", incidentId: inc.id })).toBe(
      "The mediator has used all 2 of its actions this turn",
    );
  });

  it("convened talks build trust among the parties and cool the crisis", () => {
    const { d } = afterHack();
    const t0 = trustOf(d.state, "alpha", "gamma");
    const esc0 = d.state.escalation;
    d.do(mediator, { type: "mediator.convene", parties: ["alpha", "gamma"], text: "Meet" });
    expect(trustOf(d.state, "alpha", "gamma")).toBe(t0 + 3);
    expect(d.state.escalation).toBe(esc0 - 1);
    expect(view(d.state, { role: "team", teamId: "beta" }).log.some((e) => e.type === "mediator.convened")).toBe(false);
    expect(view(d.state, { role: "team", teamId: "alpha" }).log).toContainEqual(
      expect.objectContaining({ type: "mediator.convened", parties: ["alpha", "gamma"], text: "Meet" }),
    );
  });
});
