import { describe, expect, it } from "vitest";
import { Driver, control, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { trustOf, view } from "../../shared/engine/index.ts";

function inDecision(change?: Parameters<typeof fixture>[0], seed?: string, engineVersion?: string) {
  const d = new Driver(fixture(change), seed, engineVersion);
  d.do(control, { type: "exercise.start" });
  d.advanceTo("decision");
  return d;
}

describe("orders", () => {
  it("are only accepted in the decision phase", () => {
    const d = new Driver(fixture());
    d.do(control, { type: "exercise.start" });
    expect(d.try(team("alpha"), { type: "orders.submit", actions: [{ actionId: "harden" }] })).toBe(
      "The Decision phase is closed: orders are only accepted during Decision (now: Briefing)",
    );
  });

  it("are checked item by item with a reason a person can read", () => {
    const d = inDecision();
    const alpha = team("alpha");
    const submit = (actions: object[]) => d.try(alpha, { type: "orders.submit", actions } as never);
    expect(submit([{ actionId: "nuke" }])).toBe("Order 1: there is no action “nuke”");
    // an action reserved to another team is refused as if it did not exist: its name is not Alpha's to learn
    expect(submit([{ actionId: "harden" }, { actionId: "gamma-only" }])).toBe(
      "Order 2: there is no action “gamma-only”",
    );
    expect(submit([{ actionId: "sanction" }])).toBe("Order 1: “Sanction” needs a target state");
    expect(submit([{ actionId: "sanction", target: "alpha" }])).toBe(
      "Order 1: “Sanction” cannot target your own state",
    );
    expect(submit([{ actionId: "strike", target: "beta" }])).toBe("Order 1: “Strike” needs a target sector");
    expect(submit([{ actionId: "strike", target: "beta", sector: "health" }])).toBe(
      "Order 1: Beta has no health sector",
    );
    expect(submit([{ actionId: "big" }])).toBe("These orders cost 4 action points; Alpha has 3 per turn");
    expect(submit([{ actionId: "attribute", target: "beta", incidentId: "incident-9" }])).toBe(
      "Order 1: “Attribute” needs an incident Alpha knows of",
    );
    expect(submit([{ actionId: "attribute", target: "beta" }])).toBe(
      "Order 1: “Attribute” needs an incident: choose one in the order",
    );
    const inc = d.state.incidents[0]!;
    expect(
      d.try(team("alpha"), {
        type: "orders.submit",
        actions: [{ actionId: "attribute", incidentId: inc.id, target: "beta" }],
      }),
    ).toBe("Order 1: “Attribute” needs an incident Alpha knows of");
    expect(d.state.orders).toEqual({});
  });

  it("cannot blame an incident on its own victim", () => {
    const d = inDecision((s) => (s.injects![3]!.incident!.public = true));
    const inc = d.state.incidents[0]!;
    expect(
      d.try(team("gamma"), {
        type: "orders.submit",
        actions: [{ actionId: "attribute", incidentId: inc.id, target: "beta" }],
      }),
    ).toBe("Order 1: Beta is the victim of “Grid hack”; name the state you hold responsible");
    d.do(team("gamma"), {
      type: "orders.submit",
      actions: [{ actionId: "attribute", incidentId: inc.id, target: "alpha" }],
    });
  });

  it("remember which team member drafted each item", () => {
    const d = inDecision();
    d.do(team("alpha", "Ana"), { type: "orders.submit", actions: [{ actionId: "harden" }] });
    d.do(team("alpha", "Ben"), {
      type: "orders.submit",
      actions: [{ actionId: "harden" }, { actionId: "sanction", target: "gamma" }],
    });
    expect(d.state.orders.alpha!.items.map((i) => [i.actionId, i.by])).toEqual([
      ["harden", "Ana"],
      ["sanction", "Ben"],
    ]);
    expect(d.state.orders.alpha!.submittedBy).toBe("Ben");
  });

  it("stay secret from other teams until adjudication, and can be withdrawn", () => {
    const d = inDecision();
    d.do(team("alpha", "Ana"), {
      type: "orders.submit",
      actions: [{ actionId: "strike", target: "beta", sector: "water", note: "SECRET-PLAN" }],
    });
    expect(d.state.orders.alpha).toMatchObject({
      submittedBy: "Ana",
      items: [{ actionId: "strike", target: "beta", sector: "water" }],
    });
    for (const viewer of [{ role: "team", teamId: "beta" }, { role: "mediator" }, { role: "observer" }] as const)
      expect(JSON.stringify(view(d.state, viewer))).not.toContain("SECRET-PLAN");
    expect(JSON.stringify(view(d.state, { role: "team", teamId: "alpha" }))).toContain("SECRET-PLAN");
    d.do(team("alpha"), { type: "orders.withdraw" });
    expect(d.state.orders.alpha).toBeUndefined();
    expect(d.try(team("alpha"), { type: "orders.withdraw" })).toBe("There are no submitted orders to withdraw");
  });

  it("resolve a covert strike: damage reduced by resilience, an incident with uncertain evidence, a triggered inject", () => {
    const d = inDecision();
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "strike", target: "beta", sector: "water" }] });
    d.do(team("beta"), { type: "orders.submit", actions: [{ actionId: "harden" }] });
    d.do(control, { type: "phase.advance" });
    // beta hardened (+20 resilience) in the same adjudication but after alpha's strike (team order)
    const water = d.state.teams.beta!.sectors.find((x) => x.kind === "water")!;
    expect(water.health).toBe(100 - 50 + 5);
    expect(water.resilience).toBe(20);
    const inc = d.state.incidents.find((i) => i.source.kind === "order")!;
    expect(inc).toMatchObject({ victim: "beta", culprit: "alpha", sector: "water", severity: 3 });
    expect(inc.evidence.confidence).toBeGreaterThanOrEqual(0.6);
    expect(inc.evidence.confidence).toBeLessThanOrEqual(0.9);
    const betaView = view(d.state, { role: "team", teamId: "beta" });
    expect(betaView.incidents.find((i) => i.id === inc.id)).not.toHaveProperty("culprit");
    // the covert strike is told to its actor (and control), never to its target
    expect(betaView.log.some((e) => e.type === "action.resolved" && e.action === "strike")).toBe(false);
    expect(view(d.state, { role: "team", teamId: "alpha" }).log).toContainEqual(
      expect.objectContaining({
        type: "action.resolved",
        actor: "alpha",
        action: "strike",
        target: "beta",
        covert: true,
      }),
    );
    expect(d.state.injects.find((i) => i.id === "on-strike")!.status).toBe("released");
    expect(view(d.state, { role: "team", teamId: "alpha" }).incidents.find((i) => i.id === inc.id)?.culprit).toBe(
      "alpha",
    );
  });

  it("fog: a covert action is misread by a target that cannot tell who did it", () => {
    const d = inDecision();
    const trust0 = trustOf(d.state, "alpha", "beta");
    const esc0 = d.state.escalation;
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "probe", target: "beta" }] });
    d.do(control, { type: "phase.advance" });
    // misread severity 3 vs meant 1: two steps × 2
    expect(d.state.escalation).toBe(esc0 + 4);
    const betaPerception = view(d.state, { role: "team", teamId: "beta" }).log.filter(
      (e) => e.type === "misperception" || e.type === "perception.correct",
    );
    expect(betaPerception).toEqual([
      expect.objectContaining({
        type: "misperception",
        target: "beta",
        perceivedAs: "Attack preparation",
        identified: false,
        notified: false,
      }),
    ]);
    // nothing in what Beta reads names the actor, its action or the dice
    for (const key of ["actor", "action", "chance", "roll"]) expect(betaPerception[0]).not.toHaveProperty(key);
    expect(JSON.stringify(betaPerception)).not.toContain("alpha");
    expect(d.state.log.find((e) => e.type === "misperception")).toMatchObject({ actor: "alpha", action: "probe" });
    // trust toward Alpha cannot move: that would name it
    expect(trustOf(d.state, "alpha", "beta")).toBe(trust0);
    expect(view(d.state, { role: "team", teamId: "alpha" }).log.some((e) => e.type === "misperception")).toBe(false);
  });

  it("fog: a misread action whose actor is known costs trust as well", () => {
    const d = new Driver(fixture((s) => (s.actions!.find((a) => a.id === "probe")!.visibility = "target")));
    d.do(control, { type: "exercise.start" });
    d.advanceTo("decision");
    const trust0 = trustOf(d.state, "alpha", "beta");
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "probe", target: "beta" }] });
    d.do(control, { type: "phase.advance" });
    expect(trustOf(d.state, "alpha", "beta")).toBe(trust0 - 6);
    const misread = view(d.state, { role: "team", teamId: "beta" }).log.find((e) => e.type === "misperception");
    expect(misread).toMatchObject({
      actor: "alpha",
      action: "probe",
      identified: true,
      perceivedAs: "Attack preparation",
    });
    expect(misread).not.toHaveProperty("roll");
  });

  it("fog: a notify message on the hotline lowers the misread chance", () => {
    const d = new Driver(fixture((s) => (s.fog = { preNotificationFactor: 0 })));
    d.do(control, { type: "exercise.start" });
    d.advanceTo("decision");
    d.do(team("alpha"), {
      type: "hotline.send",
      to: "beta",
      kind: "notify",
      text: "We will scan our shared border networks",
    });
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "probe", target: "beta" }] });
    const esc0 = d.state.escalation;
    d.do(control, { type: "phase.advance" });
    expect(d.state.log).toContainEqual(
      expect.objectContaining({ type: "perception.correct", actor: "alpha", target: "beta", notified: true }),
    );
    // nothing hostile, nothing misread: a quiet turn cools by 3
    expect(d.state.escalation).toBe(esc0 - 3);
  });

  it("proportionality: an unprovoked hostile act escalates and costs standing; a proportionate answer does not", () => {
    const d = inDecision();
    const standing0 = d.state.teams.gamma!.standing;
    d.do(team("gamma"), { type: "orders.submit", actions: [{ actionId: "sanction", target: "beta" }] });
    const esc0 = d.state.escalation;
    d.do(control, { type: "phase.advance" });
    expect(d.state.teams.gamma!.standing).toBe(standing0 - 3);
    expect(d.state.log).toContainEqual(
      expect.objectContaining({ type: "action.disproportionate", actor: "gamma", action: "sanction", provocation: 0 }),
    );
    expect(d.state.escalation).toBe(esc0 + 3);
    // next turn beta answers in kind: severity 2 against a perceived 2 is proportionate
    d.advanceTo("summary");
    d.do(control, { type: "phase.advance" });
    d.advanceTo("decision");
    const betaStanding = d.state.teams.beta!.standing;
    d.do(team("beta"), { type: "orders.submit", actions: [{ actionId: "sanction", target: "gamma" }] });
    d.do(control, { type: "phase.advance" });
    expect(d.state.teams.beta!.standing).toBe(betaStanding);
    expect(d.state.log.some((e) => e.type === "action.disproportionate" && e.actor === "beta")).toBe(false);
  });

  // rules 3.0 add hardliners and no cooling under heavy pressure (model.test.ts)
  it("rules 2.2: domestic pressure of 70 or more pushes escalation up at adjudication", () => {
    const d = inDecision(
      (s) => {
        s.teams[2]!.pressure = 85;
      },
      undefined,
      "2.2.0",
    );
    const esc0 = d.state.escalation;
    d.do(control, { type: "phase.advance" });
    // +2 from gamma's pressure (85 − 60) / 10, −3 for a quiet turn
    expect(d.state.escalation).toBe(esc0 + 2 - 3);
  });
});
