// An inject's evidence effect: a leak that strengthens an incident's evidence
// or points it elsewhere, told to whoever knows the incident and to nobody
// else — a team that never saw the incident learns nothing, not even that
// something happened.
import { describe, expect, it } from "vitest";
import { Driver, control } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { view, type Viewer } from "../../shared/engine/index.ts";
import type { Effect, ScenarioInput } from "../../shared/scenario/schema.ts";

/** The fixture's hack hits Beta in turn 1's deliberation (evidence: Alpha, 40 %; Gamma did it); a leak reaches Beta at the decision. */
function withLeak(effects: Effect[]): (s: ScenarioInput) => void {
  return (s) =>
    s.injects!.push({
      id: "leak",
      title: "A leak",
      body: "LEAK body",
      channel: "intelligence",
      audience: ["beta"],
      at: { turn: 1, phase: "decision" },
      effects,
    });
}

function toDecision(change: (s: ScenarioInput) => void): Driver {
  const d = new Driver(fixture(change));
  d.do(control, { type: "exercise.start" });
  d.advanceTo("decision");
  return d;
}

const alpha: Viewer = { role: "team", teamId: "alpha" };
const beta: Viewer = { role: "team", teamId: "beta" };
const gamma: Viewer = { role: "team", teamId: "gamma" };

describe("evidence effects", () => {
  it("a leak points the evidence elsewhere and strengthens it; the victim and the culprit read it", () => {
    const d = toDecision(withLeak([{ type: "evidence", incident: "hack", confidence: 0.3, suspect: "gamma" }]));
    expect(d.state.incidents[0]!.evidence).toEqual({ suspect: "gamma", confidence: 0.7 });
    for (const v of [beta, gamma]) {
      const changed = view(d.state, v).log.filter((e) => e.type === "evidence.changed");
      expect(changed).toEqual([
        expect.objectContaining({ title: "Grid hack", suspect: "gamma", confidence: 0.7, delta: 0.3 }),
      ]);
      expect(view(d.state, v).incidents[0]!.evidence).toEqual({ suspect: "gamma", confidence: 0.7 });
    }
  });

  it("a team that never saw the incident receives exactly what it would without the leak", () => {
    const leak = toDecision(withLeak([{ type: "evidence", incident: "hack", confidence: 0.3, suspect: "gamma" }]));
    const quiet = toDecision(withLeak([]));
    expect(leak.state.log.some((e) => e.type === "evidence.changed")).toBe(true);
    for (const v of [alpha, { role: "mediator" } as const, { role: "observer" } as const]) {
      expect(view(leak.state, v)).toEqual(view(quiet.state, v));
      const seen = JSON.stringify(view(leak.state, v));
      expect(seen).not.toContain("Grid hack");
      expect(seen).not.toContain(leak.state.incidents[0]!.id);
    }
  });

  it('"latest" changes the newest incident, within 5-95 %', () => {
    const d = toDecision(withLeak([{ type: "evidence", incident: "latest", confidence: 0.9 }]));
    expect(d.state.incidents[0]!.evidence).toEqual({ suspect: "alpha", confidence: 0.95 });
    const weaker = toDecision(withLeak([{ type: "evidence", incident: "latest", confidence: -0.9, suspect: null }]));
    expect(weaker.state.incidents[0]!.evidence).toEqual({ suspect: null, confidence: 0.05 });
    expect(view(weaker.state, beta).log.find((e) => e.type === "evidence.changed")).toMatchObject({
      suspect: null,
      confidence: 0.05,
    });
  });

  it("an incident not created yet is left alone: nothing happens, nothing is said", () => {
    const d = new Driver(fixture(withLeak([{ type: "evidence", incident: "hack", confidence: 0.3 }])));
    d.do(control, { type: "exercise.start" });
    d.do(control, { type: "inject.release", injectId: "leak" });
    expect(d.state.incidents).toEqual([]);
    expect(d.state.log.some((e) => e.type === "evidence.changed")).toBe(false);
  });
});
