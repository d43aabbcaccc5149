// Rules 3.0, operations are uncertain: an order can fail (it then does nothing,
// and only its author learns it), a covert operation can be caught in the act
// (which names its author to the target and makes its incident public), and a
// proportionate reply deters: the aggressor's next hostile act against the
// state that answered it fails more often.
import { describe, expect, it } from "vitest";
import { Driver, control, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import type { GameState, Viewer } from "../../shared/engine/index.ts";
import { view } from "../../shared/engine/index.ts";
import { CAUGHT_CONFIDENCE } from "../../shared/engine/operations.ts";
import { MODEL } from "../../shared/engine/model.ts";

type Change = (s: ScenarioInput) => void;

const strikeWith =
  (fields: { failChance?: number; discoverChance?: number; falseFlagChance?: number }): Change =>
  (s) => {
    const strike = s.actions!.find((a) => a.id === "strike")!;
    Object.assign(strike, { failChance: fields.failChance ?? 0, discoverChance: fields.discoverChance ?? 0 });
    strike.incident!.falseFlagChance = fields.falseFlagChance ?? 0;
  };

function inDecision(change: Change, seed?: string): Driver {
  const d = new Driver(fixture(change), seed);
  d.do(control, { type: "exercise.start" });
  d.advanceTo("decision");
  return d;
}

/** Alpha strikes Beta's water; adjudication resolves it. */
function strikeWater(d: Driver): void {
  d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "strike", target: "beta", sector: "water" }] });
  d.do(control, { type: "phase.advance" });
}

const as = (teamId: string): Viewer => ({ role: "team", teamId });
const water = (s: GameState) => s.teams.beta!.sectors.find((x) => x.kind === "water")!;

/** The first of a few seeds under which a strike with failChance 1 fails (the chance is capped at 95 %). */
function failedStrike(change: Change = strikeWith({ failChance: 1 })): Driver {
  for (let i = 0; i < 10; i++) {
    const d = inDecision(change, `fail-${i}`);
    strikeWater(d);
    if (d.state.log.some((e) => e.type === "action.failed")) return d;
  }
  throw new Error("no seed made the strike fail");
}

describe("model: operations", () => {
  it("a failed order does nothing: no damage, no incident, no perception", () => {
    const d = failedStrike();
    expect(water(d.state).health).toBe(100);
    expect(d.state.incidents.filter((i) => i.source.kind === "order")).toEqual([]);
    const kinds = d.state.log.filter((e) => e.turn === 1).map((e) => e.type);
    for (const k of ["sector.changed", "action.caught", "action.disproportionate", "misperception"] as const)
      expect(kinds).not.toContain(k);
  });

  it("only the actor (and control) learns its order failed, without the dice", () => {
    const d = failedStrike();
    const failed = (viewer: Viewer) => view(d.state, viewer).log.filter((e) => e.type === "action.failed");
    expect(failed(as("alpha"))).toEqual([
      expect.objectContaining({ team: "alpha", action: "strike", target: "beta", deterred: false }),
    ]);
    expect(failed(as("alpha"))[0]).not.toHaveProperty("chance");
    expect(failed(as("alpha"))[0]).not.toHaveProperty("roll");
    expect(failed({ role: "facilitator" })[0]).toMatchObject({ chance: 1 });
    for (const viewer of [as("beta"), as("gamma"), { role: "mediator" }, { role: "observer" }] as const)
      expect(failed(viewer)).toEqual([]);
  });

  it("the target of a failed covert operation sees nothing of it", () => {
    const d = failedStrike();
    const beta = view(d.state, as("beta"));
    const turn1 = beta.log.filter((e) => e.turn === 1 && e.phase === "adjudication");
    expect(turn1.some((e) => e.type === "action.resolved" && e.action === "strike")).toBe(false);
    expect(JSON.stringify(turn1)).not.toContain("alpha");
    expect(beta.incidents.map((i) => i.title)).not.toContain("Strike");
  });

  it("a failed order still breaks the commitments it was given against", () => {
    // a no-target commitment (water is protected) between Alpha and Beta, then a strike on Beta's water that fails
    for (let i = 0; i < 10; i++) {
      const b = new Driver(fixture(strikeWith({ failChance: 1 })), `fail-${i}`);
      b.do(control, { type: "exercise.start" });
      b.advanceTo("deliberation");
      b.do(team("alpha"), { type: "proposal.create", kind: "cbm", cbmId: "no-target", parties: ["alpha", "beta"] });
      b.do(team("beta"), { type: "proposal.respond", proposalId: b.state.proposals[0]!.id, accept: true });
      b.advanceTo("decision");
      strikeWater(b);
      if (!b.state.log.some((e) => e.type === "action.failed")) continue;
      expect(b.state.commitments[0]!.status).toBe("broken");
      expect(water(b.state).health).toBe(100);
      return;
    }
    throw new Error("no seed made the strike fail");
  });

  it("an order with no fail chance never fails", () => {
    for (let i = 0; i < 10; i++) {
      const d = inDecision(strikeWith({}), `sure-${i}`);
      strikeWater(d);
      expect(d.state.log.some((e) => e.type === "action.failed")).toBe(false);
      expect(water(d.state).health).toBeLessThan(100);
    }
  });

  it("a covert operation caught in the act is told to actor and target, its incident public and pointing at the actor", () => {
    // even evidence planted to point elsewhere (falseFlagChance 1) cannot hide an author caught in the act
    const d = inDecision(strikeWith({ discoverChance: 1, falseFlagChance: 1 }));
    strikeWater(d);
    const caught = (viewer: Viewer) => view(d.state, viewer).log.filter((e) => e.type === "action.caught");
    for (const t of ["alpha", "beta"])
      expect(caught(as(t))).toEqual([expect.objectContaining({ from: "alpha", to: "beta", action: "strike" })]);
    for (const viewer of [as("gamma"), { role: "mediator" }, { role: "observer" }] as const)
      expect(caught(viewer)).toEqual([]);
    const inc = d.state.incidents.find((i) => i.source.kind === "order")!;
    expect(inc.public).toBe(true);
    expect(inc.evidence.suspect).toBe("alpha");
    expect(inc.evidence.confidence).toBeGreaterThanOrEqual(CAUGHT_CONFIDENCE);
    expect(view(d.state, as("gamma")).incidents.map((i) => i.id)).toContain(inc.id);
  });

  it("an operation not caught keeps its secrets: the incident stays private", () => {
    const d = inDecision(strikeWith({}));
    strikeWater(d);
    expect(d.state.log.some((e) => e.type === "action.caught")).toBe(false);
    const inc = d.state.incidents.find((i) => i.source.kind === "order")!;
    expect(inc.public).toBe(false);
    expect(view(d.state, as("gamma")).incidents.map((i) => i.id)).not.toContain(inc.id);
  });
});

/**
 * Turn 1 Alpha sanctions Beta; turn 2 Beta answers in kind (or not); in turn `attack` Alpha sanctions Beta and
 * Gamma and probes Beta. The orders that failed in that turn.
 */
function failuresAfterReply(seed: string, betaAnswers: boolean, attack = 3, deterrence?: number): GameState["log"] {
  const d = inDecision((s) => (s.turns = 4), seed);
  // the model is plain data in the state: a test may fix its numbers
  if (deterrence !== undefined) d.state = { ...d.state, model: { ...d.state.model, deterrence } };
  d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "sanction", target: "beta" }] });
  for (let turn = 2; turn <= attack; turn++) {
    d.advanceTo("summary");
    d.do(control, { type: "phase.advance" });
    d.advanceTo("decision");
    if (turn === 2 && betaAnswers)
      d.do(team("beta"), { type: "orders.submit", actions: [{ actionId: "sanction", target: "alpha" }] });
    if (turn === attack)
      d.do(team("alpha"), {
        type: "orders.submit",
        actions: [
          { actionId: "sanction", target: "beta" },
          { actionId: "sanction", target: "gamma" },
          { actionId: "probe", target: "beta" },
        ],
      });
  }
  d.do(control, { type: "phase.advance" });
  return d.state.log.filter((e) => e.turn === attack && e.type === "action.failed");
}

describe("model: deterrence", () => {
  it("after a proportionate reply, the aggressor's next hostile act against the replier fails with `deterrence` more chance", () => {
    let failures = 0;
    for (let i = 0; i < 30; i++) {
      const failed = failuresAfterReply(`deter-${i}`, true);
      for (const e of failed) {
        // only the hostile act against Beta: not the one against Gamma, nor the probe (severity 1)
        expect(e).toMatchObject({
          team: "alpha",
          action: "sanction",
          target: "beta",
          deterred: true,
          chance: MODEL.deterrence,
        });
      }
      failures += failed.length;
    }
    // 30 tries at 30 %: some fail, not all
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(30);
  });

  it("without a reply, nothing deters: the same acts never fail", () => {
    for (let i = 0; i < 15; i++) expect(failuresAfterReply(`deter-${i}`, false)).toEqual([]);
  });

  it("deterrence lasts one turn: an attack two turns after the reply is not deterred", () => {
    for (let i = 0; i < 15; i++) expect(failuresAfterReply(`deter-${i}`, true, 4)).toEqual([]);
  });

  it("the model's deterrence is the added chance (set here to 0.6)", () => {
    const failed = [];
    for (let i = 0; i < 12; i++) failed.push(...failuresAfterReply(`deter-model-${i}`, true, 3, 0.6));
    for (const e of failed) expect(e).toMatchObject({ target: "beta", deterred: true, chance: 0.6 });
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(12);
  });
});
