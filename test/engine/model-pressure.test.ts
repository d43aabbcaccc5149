// Rules 3.0, domestic pressure: a public incident its victim leaves unanswered
// weighs on the victim's government every turn; answering it (attributing it,
// or having it verified) stops that. The crisis cannot cool by itself while one
// stands, nor while a government is under heavy pressure, and hardliners may
// push such a government into a hostile step.
import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import type { GameState } from "../../shared/engine/index.ts";
import { view } from "../../shared/engine/index.ts";
import type { Actor } from "../../shared/protocol/identity.ts";

/** The fixture's hack on Beta (severity 2) made public; verification never inconclusive. */
function publicHack(s: ScenarioInput): void {
  s.injects![3]!.incident!.public = true;
  s.model = { inconclusiveChance: 0 };
}

function started(change?: (s: ScenarioInput) => void, seed?: string): Driver {
  const d = new Driver(fixture(change), seed);
  d.do(control, { type: "exercise.start" });
  return d;
}

/** Moves through one adjudication (from wherever the turn is) and on to the next turn's decision. */
function nextTurn(d: Driver): void {
  d.advanceTo("summary");
  d.do(control, { type: "phase.advance" });
  d.advanceTo("decision");
}

/** The pressure.mounting events of one turn. */
function mounting(s: GameState, turn: number) {
  return s.log.filter((e) => e.type === "pressure.mounting" && e.turn === turn);
}

/** Whether the turn's adjudication cooled the crisis for a quiet turn. */
function cooled(s: GameState, turn: number): boolean {
  return s.log.some((e) => e.type === "escalation.changed" && e.turn === turn && e.cause.kind === "quiet-turn");
}

describe("model: domestic pressure", () => {
  it("an unanswered public incident raises its victim's pressure at each adjudication (4 × severity / 3)", () => {
    const d = started(publicHack);
    d.advanceTo("decision");
    const p0 = d.state.teams.beta!.pressure;
    d.do(control, { type: "phase.advance" });
    // severity 2: round(8 / 3) = 3
    expect(d.state.teams.beta!.pressure).toBe(p0 + 3);
    expect(mounting(d.state, 1)).toEqual([expect.objectContaining({ team: "beta", incidents: 1, pressure: p0 + 3 })]);
    nextTurn(d);
    d.do(control, { type: "phase.advance" });
    expect(d.state.teams.beta!.pressure).toBe(p0 + 6);
    expect(mounting(d.state, 2)).toHaveLength(1);
  });

  it("the scenario tunes how much an unanswered incident weighs", () => {
    const d = started((s) => {
      publicHack(s);
      s.model = { pressurePerIncident: 9 };
    });
    d.advanceTo("decision");
    const p0 = d.state.teams.beta!.pressure;
    d.do(control, { type: "phase.advance" });
    expect(d.state.teams.beta!.pressure).toBe(p0 + 6);
  });

  it("only the victim is told its pressure is mounting", () => {
    const d = started(publicHack);
    d.advanceTo("decision");
    d.do(control, { type: "phase.advance" });
    const told = (viewer: Parameters<typeof view>[1]) =>
      view(d.state, viewer).log.some((e) => e.type === "pressure.mounting");
    expect(told({ role: "team", teamId: "beta" })).toBe(true);
    expect(told({ role: "facilitator" })).toBe(true);
    for (const viewer of [
      { role: "team", teamId: "alpha" },
      { role: "team", teamId: "gamma" },
    ] as const)
      expect(told(viewer)).toBe(false);
    expect(told({ role: "mediator" })).toBe(false);
    expect(told({ role: "observer" })).toBe(false);
  });

  it("an incident only its victim knows of does not weigh on it", () => {
    const d = started();
    d.advanceTo("decision");
    d.do(control, { type: "phase.advance" });
    expect(d.state.log.some((e) => e.type === "pressure.mounting")).toBe(false);
  });

  it("the victim answers by attributing it, rightly or not: no more pressure from it", () => {
    for (const accused of ["alpha", "gamma"]) {
      const d = started(publicHack);
      d.advanceTo("decision");
      const inc = d.state.incidents[0]!;
      d.do(team("beta"), {
        type: "orders.submit",
        actions: [{ actionId: "attribute", incidentId: inc.id, target: accused }],
      });
      nextTurn(d);
      d.do(control, { type: "phase.advance" });
      expect(d.state.incidents[0]!.answered).toBe(true);
      expect(d.state.log.some((e) => e.type === "pressure.mounting")).toBe(false);
    }
  });

  it("the victim answers by investigating it", () => {
    const d = started(publicHack);
    d.advanceTo("decision");
    d.do(team("beta"), {
      type: "orders.submit",
      actions: [{ actionId: "investigate", incidentId: d.state.incidents[0]!.id }],
    });
    d.do(control, { type: "phase.advance" });
    expect(mounting(d.state, 1)).toEqual([]);
  });

  it("the victim answers by sharing it with the mediator, once the mediator verifies it", () => {
    const d = started(publicHack);
    d.advanceTo("deliberation");
    const inc = d.state.incidents[0]!;
    d.do(team("beta"), { type: "hotline.send", to: "mediator", kind: "assess", text: "Verify", incidentId: inc.id });
    expect(d.state.incidents[0]!.answered).toBeUndefined();
    d.do(mediator, { type: "mediator.verify", incidentId: inc.id });
    d.advanceTo("decision");
    d.do(control, { type: "phase.advance" });
    expect(mounting(d.state, 1)).toEqual([]);
  });

  it("others cannot answer for the victim: the mediator verifying on its own, another state investigating or accusing", () => {
    const answers: [Actor, (d: Driver, id: string) => void][] = [
      [mediator, (d, id) => d.do(mediator, { type: "mediator.verify", incidentId: id })],
      [
        team("alpha"),
        (d, id) =>
          d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "investigate", incidentId: id }] }),
      ],
      [
        team("gamma"),
        (d, id) =>
          d.do(team("gamma"), {
            type: "orders.submit",
            actions: [{ actionId: "attribute", incidentId: id, target: "alpha" }],
          }),
      ],
    ];
    for (const [who, act] of answers) {
      const d = started(publicHack);
      d.advanceTo(who.role === "mediator" ? "deliberation" : "decision");
      act(d, d.state.incidents[0]!.id);
      d.advanceTo("decision");
      d.do(control, { type: "phase.advance" });
      expect(mounting(d.state, 1), who.name).toEqual([expect.objectContaining({ team: "beta" })]);
    }
  });

  it("a quiet turn does not cool the crisis while a public incident is unanswered, and cools once it is answered", () => {
    const d = started(publicHack);
    d.advanceTo("decision");
    d.do(control, { type: "phase.advance" });
    expect(cooled(d.state, 1)).toBe(false);
    nextTurn(d);
    d.do(team("beta"), {
      type: "orders.submit",
      actions: [{ actionId: "investigate", incidentId: d.state.incidents[0]!.id }],
    });
    d.do(control, { type: "phase.advance" });
    expect(cooled(d.state, 2)).toBe(true);
    // with no incident in public view, a quiet turn cools as before
    const quiet = started();
    quiet.advanceTo("decision");
    quiet.do(control, { type: "phase.advance" });
    expect(cooled(quiet.state, 1)).toBe(true);
  });

  it("a quiet turn does not cool the crisis while a government is at 70 pressure or more", () => {
    const at = (pressure: number): boolean => {
      const d = started((s) => (s.teams![2]!.pressure = pressure));
      d.advanceTo("decision");
      d.do(control, { type: "phase.advance" });
      return cooled(d.state, 1);
    };
    expect(at(70)).toBe(false);
    expect(at(69)).toBe(true);
  });

  it("hardliners may push a government at 70 or more into a hostile step: over many seeds both happen", () => {
    const steps = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const d = started((s) => (s.teams![2]!.pressure = 100), `hardliners-${i}`);
      d.advanceTo("decision");
      d.do(control, { type: "phase.advance" });
      const pushes = d.state.log.flatMap((e) =>
        e.type === "escalation.changed" && e.cause.kind === "pressure" && e.cause.team === "gamma"
          ? [e.to - e.from]
          : [],
      );
      // the drift of pressure 100, (100 − 60) / 10 = 4, always; the hardliners' step sometimes
      steps.add(pushes.join(","));
    }
    // some seeds only the drift; the others the drift and one hardliners' step, always the same
    expect(steps.size).toBe(2);
    expect(steps.has("4")).toBe(true);
    const pushed = [...steps]
      .find((x) => x !== "4")!
      .split(",")
      .map(Number);
    expect(pushed).toHaveLength(2);
    expect(pushed[0]).toBe(4);
    expect(pushed[1]).toBeGreaterThan(0);
  });

  it("the scenario's hardlinerOdds makes the push rarer, and its hardlinerEscalation sets its size", () => {
    /** On 60 seeds at pressure 100, how many adjudications the hardliners pushed, and by how much. */
    const pushes = (model: ScenarioInput["model"]) => {
      const sizes: number[] = [];
      for (let i = 0; i < 60; i++) {
        const d = started((s) => {
          s.teams![2]!.pressure = 100;
          s.model = model;
        }, `odds-${i}`);
        d.advanceTo("decision");
        d.do(control, { type: "phase.advance" });
        // the second pressure step of the turn is the hardliners' (the first is the drift)
        const steps = d.state.log.flatMap((e) =>
          e.type === "escalation.changed" && e.cause.kind === "pressure" ? [e.to - e.from] : [],
        );
        if (steps.length === 2) sizes.push(steps[1]!);
      }
      return sizes;
    };
    const usual = pushes({ hardlinerEscalation: 10 });
    const rare = pushes({ hardlinerEscalation: 20, hardlinerOdds: 0.3 });
    // at pressure 100 the usual chance is 80 %; with odds 0.3 it is 24 %
    expect(usual.length).toBeGreaterThan(36);
    expect(rare.length).toBeLessThan(usual.length / 2);
    expect(rare.length).toBeGreaterThan(0);
    expect(new Set(usual)).toEqual(new Set([10]));
    expect(new Set(rare)).toEqual(new Set([20]));
  });

  it("hardliners never act below 70", () => {
    for (let i = 0; i < 20; i++) {
      const d = started((s) => (s.teams![2]!.pressure = 69), `calm-${i}`);
      d.advanceTo("decision");
      d.do(control, { type: "phase.advance" });
      expect(d.state.log.some((e) => e.type === "escalation.changed" && e.cause.kind === "pressure")).toBe(false);
    }
  });

  it("under rules 2.2 there is no mounting pressure and hardliners never act", () => {
    for (let i = 0; i < 10; i++) {
      const d = new Driver(
        fixture((s) => {
          publicHack(s);
          s.teams![2]!.pressure = 100;
        }),
        `legacy-${i}`,
        "2.2.0",
      );
      d.do(control, { type: "exercise.start" });
      d.advanceTo("decision");
      d.do(control, { type: "phase.advance" });
      expect(d.state.log.some((e) => e.type === "pressure.mounting")).toBe(false);
      const pushes = d.state.log.filter((e) => e.type === "escalation.changed" && e.cause.kind === "pressure");
      expect(pushes.map((e) => (e.type === "escalation.changed" ? e.to - e.from : 0))).toEqual([4]);
    }
  });
});
