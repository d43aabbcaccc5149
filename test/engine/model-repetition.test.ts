// Rules 3.0, no winning by repetition: a calming move earns less each time the
// same state makes it again, a joint statement less each time one is adopted,
// and talks convened again between the same parties less each time.
// Standing is switched off here so that only repetition moves the numbers.
import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import { init, trustOf } from "../../shared/engine/index.ts";

function started(change?: (s: ScenarioInput) => void, engineVersion?: string): Driver {
  const d = new Driver(fixture(change), "repeat", engineVersion);
  if (!engineVersion) d.state = init(d.scenario, { seed: d.seed, ablate: ["standing"] });
  d.do(control, { type: "exercise.start" });
  return d;
}

/** Over the fixture's three turns, `who` calms its public every turn: the pressure each order moved. */
function calmingEachTurn(d: Driver, who: string): number[] {
  const moved: number[] = [];
  for (let turn = 1; turn <= 3; turn++) {
    d.advanceTo("decision");
    d.do(team(who), { type: "orders.submit", actions: [{ actionId: "calm-public" }] });
    const p0 = d.state.teams[who]!.pressure;
    d.do(control, { type: "phase.advance" });
    moved.push(d.state.teams[who]!.pressure - p0);
    d.advanceTo("summary");
    if (turn < 3) d.do(control, { type: "phase.advance" });
  }
  return moved;
}

/** Alpha and Beta adopt a joint statement: what it moved (trust, escalation). */
function statementBy(d: Driver, parties: string[], text: string): [number, number] {
  const t0 = trustOf(d.state, parties[0]!, parties[1]!);
  const e0 = d.state.escalation;
  d.do(mediator, { type: "proposal.create", kind: "statement", text, parties });
  const id = d.state.proposals.at(-1)!.id;
  for (const p of parties) d.do(team(p), { type: "proposal.respond", proposalId: id, accept: true });
  return [trustOf(d.state, parties[0]!, parties[1]!) - t0, d.state.escalation - e0];
}

function convene(d: Driver, parties: string[]): [number, number] {
  const t0 = trustOf(d.state, parties[0]!, parties[1]!);
  const e0 = d.state.escalation;
  d.do(mediator, { type: "mediator.convene", parties, text: "Talks" });
  return [trustOf(d.state, parties[0]!, parties[1]!) - t0, d.state.escalation - e0];
}

describe("model: repetition", () => {
  it("a calming action's effect halves each time the same state uses it again (−10, −5, −3)", () => {
    expect(calmingEachTurn(started(), "beta")).toEqual([-10, -5, -3]);
  });

  it("a state's repeats do not wear out the same move for another state", () => {
    const d = started();
    d.advanceTo("decision");
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "calm-public" }, { actionId: "calm-public" }] });
    const p0 = d.state.teams.beta!.pressure;
    d.do(team("beta"), { type: "orders.submit", actions: [{ actionId: "calm-public" }] });
    const a0 = d.state.teams.alpha!.pressure;
    d.do(control, { type: "phase.advance" });
    // two uses in one order count as two: −10 then −5
    expect(d.state.teams.alpha!.pressure - a0).toBe(-15);
    expect(d.state.teams.beta!.pressure - p0).toBe(-10);
  });

  it("the scenario tunes the share a repeat keeps", () => {
    expect(
      calmingEachTurn(
        started((s) => (s.model = { repeatFactor: 0.8 })),
        "beta",
      ),
    ).toEqual([-10, -8, -6]);
  });

  it("only the calming part of a move wears out, and a move that raises pressure never does", () => {
    const d = started((s) => {
      const calm = s.actions!.find((a) => a.id === "calm-public")!;
      calm.effects = [...calm.effects!, { type: "standing", team: "actor", delta: 1 }];
    });
    const standing0 = d.state.teams.beta!.standing;
    // its pressure relief wears out; its standing gain (not calming) stays whole
    expect(calmingEachTurn(d, "beta")).toEqual([-10, -5, -3]);
    expect(d.state.teams.beta!.standing).toBe(standing0 + 3);
    // harden now raises pressure: never scaled
    const h = started(
      (s) => (s.actions!.find((a) => a.id === "harden")!.effects = [{ type: "pressure", team: "actor", delta: 5 }]),
    );
    const moved: number[] = [];
    for (let turn = 1; turn <= 2; turn++) {
      h.advanceTo("decision");
      h.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "harden" }] });
      const p0 = h.state.teams.alpha!.pressure;
      h.do(control, { type: "phase.advance" });
      moved.push(h.state.teams.alpha!.pressure - p0);
      h.advanceTo("summary");
      h.do(control, { type: "phase.advance" });
    }
    expect(moved).toEqual([5, 5]);
  });

  it("under rules 2.2 calming never wears out", () => {
    expect(calmingEachTurn(started(undefined, "2.2.0"), "beta")).toEqual([-10, -10, -10]);
  });

  it("each joint statement earns less than the one before, whoever signs it (+5 trust −5, then +3 −3, then +1 −1)", () => {
    const d = started();
    d.advanceTo("deliberation");
    expect(statementBy(d, ["alpha", "beta"], "First")).toEqual([5, -5]);
    expect(statementBy(d, ["alpha", "beta"], "Second")).toEqual([3, -3]);
    expect(statementBy(d, ["beta", "gamma"], "Third")).toEqual([1, -1]);
  });

  it("talks convened again between the same parties earn less; other parties' talks start afresh", () => {
    const d = started((s) => (s.mediator!.actionsPerTurn = 5));
    d.advanceTo("deliberation");
    expect(convene(d, ["alpha", "beta"])).toEqual([3, -1]);
    // the same parties named the other way round
    expect(convene(d, ["beta", "alpha"])).toEqual([2, -1]);
    // a quarter of +3 trust is 1, of −1 escalation nothing
    expect(convene(d, ["alpha", "beta"])).toEqual([1, 0]);
    expect(convene(d, ["alpha", "gamma"])).toEqual([3, -1]);
    expect(convene(d, ["alpha", "beta", "gamma"])).toEqual([3, -1]);
  });
});
