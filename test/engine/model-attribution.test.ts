// Rules 3.0, attribution: accusing in public before verification, on evidence
// under `hastyBelow`, is itself a provocation; a false accusation puts the
// accused under pressure and gives it a grievance (it may answer); and
// verification has uncertainty of its own: it may find nothing new.
import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import type { GameState } from "../../shared/engine/index.ts";
import { ATTRIBUTION_ESCALATION, HASTY_GRIEVANCE } from "../../shared/engine/attribution.ts";
import { MODEL } from "../../shared/engine/model.ts";

type Change = (s: ScenarioInput) => void;

/** The fixture's hack on Beta: Gamma did it; the evidence points at `suspect` with `confidence`. */
function hack(suspect: string, confidence: number, more?: Change): Change {
  return (s) => {
    Object.assign(s.injects![3]!.incident!, { suspect, confidence });
    s.model = { inconclusiveChance: 0 };
    more?.(s);
  };
}

function started(change: Change, engineVersion?: string, seed?: string): Driver {
  const d = new Driver(fixture(change), seed, engineVersion);
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}

/** Beta shares the hack with the mediator, who verifies it. */
function verifiedByMediator(d: Driver): void {
  const id = d.state.incidents[0]!.id;
  d.do(team("beta"), { type: "hotline.send", to: "mediator", kind: "assess", text: "Verify", incidentId: id });
  d.do(mediator, { type: "mediator.verify", incidentId: id });
}

/** Beta names `accused` for the hack in its orders; adjudication resolves them. */
function accuse(d: Driver, accused: string): void {
  d.advanceTo("decision");
  const id = d.state.incidents[0]!.id;
  d.do(team("beta"), { type: "orders.submit", actions: [{ actionId: "attribute", incidentId: id, target: accused }] });
  d.do(control, { type: "phase.advance" });
}

/** How far the accusation itself moved escalation. */
function accusationStep(s: GameState): number {
  const e = s.log.find((x) => x.type === "escalation.changed" && x.cause.kind === "accusation");
  return e?.type === "escalation.changed" ? e.to - e.from : 0;
}

describe("model: attribution", () => {
  it("a hasty accusation (unverified, evidence under 60 %) escalates by hastyEscalation more", () => {
    const d = started(hack("gamma", 0.4));
    accuse(d, "gamma");
    expect(accusationStep(d.state)).toBe(ATTRIBUTION_ESCALATION + MODEL.hastyEscalation);
  });

  it("the scenario tunes how much more a hasty accusation escalates", () => {
    const d = started(hack("gamma", 0.4, (s) => (s.model = { inconclusiveChance: 0, hastyEscalation: 8 })));
    accuse(d, "gamma");
    expect(accusationStep(d.state)).toBe(ATTRIBUTION_ESCALATION + 8);
  });

  it("an accusation on evidence of 60 % or more is not hasty", () => {
    const d = started(hack("gamma", 0.6));
    accuse(d, "gamma");
    expect(accusationStep(d.state)).toBe(ATTRIBUTION_ESCALATION);
  });

  it("an accusation after verification is not hasty, even on evidence still under 60 %", () => {
    const d = started(hack("gamma", 0.4, (s) => (s.mediator!.verifyBoost = 0.05)));
    verifiedByMediator(d);
    expect(d.state.incidents[0]!.evidence.confidence).toBe(0.45);
    accuse(d, "gamma");
    expect(accusationStep(d.state)).toBe(ATTRIBUTION_ESCALATION);
  });

  it("under rules 2.2 no accusation is hasty", () => {
    const d = started(hack("gamma", 0.4), "2.2.0");
    accuse(d, "gamma");
    expect(accusationStep(d.state)).toBe(ATTRIBUTION_ESCALATION);
  });

  it("a hasty accusation, even a right one, gives the accused a grievance against the accuser", () => {
    const d = started(hack("gamma", 0.4));
    accuse(d, "gamma");
    expect(d.state.grievances["gamma|beta"]).toEqual({ severity: HASTY_GRIEVANCE, turn: 1 });
    const considered = started(hack("gamma", 0.7));
    accuse(considered, "gamma");
    // a considered one is the act of severity 1 it always was
    expect(considered.state.grievances["gamma|beta"]).toEqual({ severity: 1, turn: 1 });
  });

  it("a false accusation raises the accused's pressure by misattributionPressure (20; 10 under rules 2.2)", () => {
    for (const [version, rise] of [
      [undefined, MODEL.misattributionPressure],
      ["2.2.0", 10],
    ] as const) {
      const d = started(hack("alpha", 0.7), version);
      d.advanceTo("decision");
      const p0 = d.state.teams.alpha!.pressure;
      accuse(d, "alpha");
      expect(d.state.incidents[0]!.attributions[0]!.correct).toBe(false);
      expect(d.state.teams.alpha!.pressure - p0, version ?? "3.0").toBe(rise);
    }
  });

  it("a false accusation gives the accused a grievance of 2: a strike (severity 3) in answer next turn is proportionate", () => {
    const answer = (version?: string): GameState => {
      const d = started(hack("alpha", 0.7), version);
      accuse(d, "alpha");
      d.advanceTo("summary");
      d.do(control, { type: "phase.advance" });
      d.advanceTo("decision");
      d.do(team("alpha"), {
        type: "orders.submit",
        actions: [{ actionId: "strike", target: "beta", sector: "energy" }],
      });
      d.do(control, { type: "phase.advance" });
      return d.state;
    };
    const now = answer();
    expect(now.grievances["alpha|beta"]).toMatchObject({ severity: HASTY_GRIEVANCE, turn: 1 });
    expect(now.log.some((e) => e.type === "action.disproportionate" && e.actor === "alpha")).toBe(false);
    // rules 2.2: only the accusation's own severity (1), so the same strike is disproportionate
    expect(answer("2.2.0").log.some((e) => e.type === "action.disproportionate" && e.actor === "alpha")).toBe(true);
  });

  it("an inconclusive verification changes nothing and does not count as one", () => {
    const d = started(hack("gamma", 0.4, (s) => (s.model = { inconclusiveChance: 1 })));
    const before = structuredClone(d.state.incidents[0]!.evidence);
    verifiedByMediator(d);
    const inc = d.state.incidents[0]!;
    expect(d.state.log.at(-1)).toMatchObject({ type: "incident.verified", result: "inconclusive", by: "mediator" });
    expect(inc.evidence).toEqual(before);
    expect(inc.verifications).toBe(0);
    expect(inc.answered).toBeUndefined();
    // so an accusation after it is still hasty
    accuse(d, "gamma");
    expect(accusationStep(d.state)).toBe(ATTRIBUTION_ESCALATION + MODEL.hastyEscalation);
  });

  it("an inconclusive investigation does not count either", () => {
    const d = started(hack("gamma", 0.4, (s) => (s.model = { inconclusiveChance: 1 })));
    d.advanceTo("decision");
    d.do(team("beta"), {
      type: "orders.submit",
      actions: [{ actionId: "investigate", incidentId: d.state.incidents[0]!.id }],
    });
    d.do(control, { type: "phase.advance" });
    expect(d.state.log).toContainEqual(
      expect.objectContaining({ type: "incident.verified", result: "inconclusive", by: "beta" }),
    );
    expect(d.state.incidents[0]!.verifications).toBe(0);
  });

  it("by default a verification is sometimes inconclusive: over many seeds both happen, and only the conclusive count", () => {
    const results = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const d = started(
        hack("gamma", 0.4, (s) => (s.model = {})),
        undefined,
        `verify-${i}`,
      );
      verifiedByMediator(d);
      const e = d.state.log.at(-1)!;
      if (e.type !== "incident.verified") throw new Error(`expected a verification, got ${e.type}`);
      results.add(e.result);
      expect(d.state.incidents[0]!.verifications).toBe(e.result === "inconclusive" ? 0 : 1);
    }
    // sound evidence: a conclusive verification confirms it
    expect(results).toEqual(new Set(["inconclusive", "confirmed"]));
  });
});
