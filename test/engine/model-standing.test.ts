// Rules 3.0, standing: the world weighs a state's words by its standing. A right
// accusation hurts the accused (and relieves the accuser) more when the accuser
// is respected; joint statements and convened talks are worth what their least
// respected party is worth; a government with little standing pays more at home
// for the measures it concedes. With standing switched off, none of this.
import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import type { Ablation } from "../../shared/engine/model.ts";
import { init, trustOf } from "../../shared/engine/index.ts";

/** Alpha's and Beta's standing (the fixture's teams 0 and 1). */
function standings(alpha: number, beta: number): (s: ScenarioInput) => void {
  return (s) => {
    s.teams![0]!.standing = alpha;
    s.teams![1]!.standing = beta;
    // Gamma did the hack, and the evidence says so with 80 %: neither weak nor hasty
    Object.assign(s.injects![3]!.incident!, { suspect: "gamma", confidence: 0.8 });
  };
}

function started(change: (s: ScenarioInput) => void, ablate: Ablation[] = []): Driver {
  const d = new Driver(fixture(change));
  if (ablate.length) d.state = init(d.scenario, { seed: d.seed, ablate });
  d.do(control, { type: "exercise.start" });
  return d;
}

/** Beta rightly names Gamma for the hack: what Gamma's standing and Beta's pressure moved. */
function rightAccusation(betaStanding: number, ablate: Ablation[] = []): { accused: number; relief: number } {
  const d = started(standings(60, betaStanding), ablate);
  d.advanceTo("decision");
  const inc = d.state.incidents[0]!;
  d.do(team("beta"), {
    type: "orders.submit",
    actions: [{ actionId: "attribute", incidentId: inc.id, target: "gamma" }],
  });
  const gamma0 = d.state.teams.gamma!.standing;
  const beta0 = d.state.teams.beta!.pressure;
  d.do(control, { type: "phase.advance" });
  expect(d.state.incidents[0]!.attributions[0]!.correct).toBe(true);
  return { accused: d.state.teams.gamma!.standing - gamma0, relief: d.state.teams.beta!.pressure - beta0 };
}

interface Moved {
  trust: number;
  alpha: number;
  beta: number;
  escalation: number;
}

/** The mediator proposes, Alpha and Beta accept: what the joint statement moved. */
function statement(alpha: number, beta: number, ablate: Ablation[] = []): Moved {
  const d = started(standings(alpha, beta), ablate);
  d.advanceTo("deliberation");
  d.do(mediator, { type: "proposal.create", kind: "statement", text: "Calm", parties: ["alpha", "beta"] });
  const id = d.state.proposals[0]!.id;
  d.do(team("alpha"), { type: "proposal.respond", proposalId: id, accept: true });
  const before = measured(d);
  d.do(team("beta"), { type: "proposal.respond", proposalId: id, accept: true });
  const after = measured(d);
  return {
    trust: after.trust - before.trust,
    alpha: after.alpha - before.alpha,
    beta: after.beta - before.beta,
    escalation: after.escalation - before.escalation,
  };
}

function measured(d: Driver): Moved {
  const s = d.state;
  return {
    trust: trustOf(s, "alpha", "beta"),
    alpha: s.teams.alpha!.standing,
    beta: s.teams.beta!.standing,
    escalation: s.escalation,
  };
}

/** The mediator convenes Alpha and Beta: what the talks moved (trust, escalation). */
function convened(alpha: number, beta: number, ablate: Ablation[] = []): [number, number] {
  const d = started(standings(alpha, beta), ablate);
  d.advanceTo("deliberation");
  const t0 = trustOf(d.state, "alpha", "beta");
  const e0 = d.state.escalation;
  d.do(mediator, { type: "mediator.convene", parties: ["alpha", "beta"], text: "Talks" });
  return [trustOf(d.state, "alpha", "beta") - t0, d.state.escalation - e0];
}

/** Alpha and Beta adopt the pre-notification measure (cost 5): the pressure each takes on. */
function measureCost(alpha: number, beta: number, ablate: Ablation[] = []): [number, number] {
  const d = started(standings(alpha, beta), ablate);
  d.advanceTo("deliberation");
  const p0 = [d.state.teams.alpha!.pressure, d.state.teams.beta!.pressure];
  d.do(team("alpha"), { type: "proposal.create", kind: "cbm", cbmId: "notify", parties: ["alpha", "beta"] });
  d.do(team("beta"), { type: "proposal.respond", proposalId: d.state.proposals[0]!.id, accept: true });
  return [d.state.teams.alpha!.pressure - p0[0]!, d.state.teams.beta!.pressure - p0[1]!];
}

describe("model: standing", () => {
  it("a right accusation weighs what the accuser's standing weighs (×1.5 at 100, ×1 at 50, ×0.5 at 0)", () => {
    // the accused loses 8 × weight standing, the accuser sheds 10 × weight pressure
    expect(rightAccusation(100)).toEqual({ accused: -12, relief: -15 });
    expect(rightAccusation(50)).toEqual({ accused: -8, relief: -10 });
    expect(rightAccusation(10)).toEqual({ accused: -5, relief: -6 });
    expect(rightAccusation(0)).toEqual({ accused: -4, relief: -5 });
  });

  it("with standing switched off, every right accusation weighs the same", () => {
    for (const s of [0, 100]) expect(rightAccusation(s, ["standing"])).toEqual({ accused: -8, relief: -10 });
  });

  it("a joint statement is worth what its least respected signatory is worth", () => {
    // both at 90: ×1.4 of +5 trust, +3 standing each, −5 escalation
    expect(statement(90, 90)).toEqual({ trust: 7, alpha: 4, beta: 4, escalation: -7 });
    // one at 90, one at 20: the lowest (20) gives ×0.7
    expect(statement(90, 20)).toEqual({ trust: 4, alpha: 2, beta: 2, escalation: -4 });
    expect(statement(20, 90)).toEqual(statement(90, 20));
    expect(statement(0, 0)).toEqual({ trust: 3, alpha: 2, beta: 2, escalation: -3 });
  });

  it("with standing switched off, a joint statement earns its plain numbers", () => {
    for (const [a, b] of [
      [90, 90],
      [90, 0],
    ] as const)
      expect(statement(a, b, ["standing"])).toEqual({ trust: 5, alpha: 3, beta: 3, escalation: -5 });
  });

  it("convened talks are worth what the least respected party is worth", () => {
    // +3 trust and −1 escalation, ×1.5 at 100, ×0.7 at 20, ×0.5 at 0
    expect(convened(100, 100)).toEqual([5, -2]);
    expect(convened(100, 20)).toEqual([2, -1]);
    expect(convened(0, 100)).toEqual([2, -1]);
    expect(convened(100, 0, ["standing"])).toEqual([3, -1]);
    expect(convened(100, 100, ["standing"])).toEqual([3, -1]);
  });

  it("a measure costs more at home as standing falls (cost 5: 3 at standing 100, 5 at 60, 7 at 10, 8 at 0)", () => {
    expect(measureCost(100, 0)).toEqual([3, 8]);
    expect(measureCost(60, 10)).toEqual([5, 7]);
  });

  it("with standing switched off, a measure costs every party the same", () => {
    expect(measureCost(100, 0, ["standing"])).toEqual([5, 5]);
  });
});
