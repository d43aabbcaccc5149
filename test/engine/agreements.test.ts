import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { trustOf, view } from "../../shared/engine/index.ts";

function inDeliberation() {
  const d = new Driver(fixture());
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}

describe("confidence-building measures and agreements", () => {
  it("a measure is adopted when every party accepts, with its costs and effects", () => {
    const d = inDeliberation();
    d.do(team("alpha"), { type: "proposal.create", kind: "cbm", cbmId: "notify", parties: ["alpha", "beta"] });
    const p = d.state.proposals[0]!;
    expect(p).toMatchObject({ proposer: "alpha", accepted: ["alpha"], status: "open" });
    expect(d.try(team("gamma"), { type: "proposal.respond", proposalId: p.id, accept: true })).toBe(
      `There is no proposal “${p.id}”`,
    );
    expect(d.try(team("alpha"), { type: "proposal.respond", proposalId: p.id, accept: true })).toBe(
      "Alpha has already accepted",
    );
    expect(view(d.state, { role: "team", teamId: "gamma" }).proposals).toHaveLength(0);
    const t0 = trustOf(d.state, "alpha", "beta");
    const pressure0 = d.state.teams.beta!.pressure;
    d.do(team("beta"), { type: "proposal.respond", proposalId: p.id, accept: true });
    expect(d.state.proposals[0]!.status).toBe("adopted");
    expect(d.state.commitments).toMatchObject([{ cbmId: "notify", parties: ["alpha", "beta"], status: "active" }]);
    expect(trustOf(d.state, "alpha", "beta")).toBe(t0 + 8);
    expect(d.state.teams.beta!.pressure).toBe(pressure0 + 5);
    expect(
      d.try(team("beta"), { type: "proposal.create", kind: "cbm", cbmId: "notify", parties: ["beta", "alpha"] }),
    ).toBe("“Pre-notification” is already in force between these parties");
  });

  it("a rejection closes the proposal", () => {
    const d = inDeliberation();
    d.do(mediator, {
      type: "proposal.create",
      kind: "statement",
      text: "We condemn attacks on hospitals",
      parties: ["alpha", "beta"],
    });
    const p = d.state.proposals[0]!;
    expect(p.accepted).toEqual([]);
    d.do(team("beta"), { type: "proposal.respond", proposalId: p.id, accept: false });
    expect(d.try(team("alpha"), { type: "proposal.respond", proposalId: p.id, accept: true })).toBe(
      "That proposal is already rejected",
    );
  });

  it("concluding the scenario's agreement ends the exercise in success", () => {
    const d = inDeliberation();
    d.do(mediator, { type: "proposal.create", kind: "cbm", cbmId: "no-target" });
    const id = d.state.proposals[0]!.id;
    for (const t of ["alpha", "beta"]) d.do(team(t), { type: "proposal.respond", proposalId: id, accept: true });
    expect(d.state.status).toBe("running");
    d.do(team("gamma"), { type: "proposal.respond", proposalId: id, accept: true });
    expect(d.state.status).toBe("ended");
    expect(d.state.outcome?.kind).toBe("agreement");
  });

  it("an agreement concluded early ends the exercise only from the scenario's earliest turn", () => {
    const d = new Driver(fixture((s) => (s.end = { agreement: { cbms: ["no-target"], notBeforeTurn: 2 } })));
    d.do(control, { type: "exercise.start" });
    d.advanceTo("deliberation");
    d.do(mediator, { type: "proposal.create", kind: "cbm", cbmId: "no-target" });
    for (const t of ["alpha", "beta", "gamma"])
      d.do(team(t), { type: "proposal.respond", proposalId: d.state.proposals[0]!.id, accept: true });
    expect(d.state.status).toBe("running");
    d.advanceTo("summary");
    d.do(control, { type: "phase.advance" });
    expect(d.state.outcome).toMatchObject({ kind: "agreement", turn: 2 });
  });

  it("a broken no-target commitment is announced and punished", () => {
    const d = inDeliberation();
    d.do(team("alpha"), { type: "proposal.create", kind: "cbm", cbmId: "no-target", parties: ["alpha", "beta"] });
    d.do(team("beta"), { type: "proposal.respond", proposalId: d.state.proposals[0]!.id, accept: true });
    d.advanceTo("decision");
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "strike", target: "beta", sector: "water" }] });
    const standing0 = d.state.teams.alpha!.standing;
    d.do(control, { type: "phase.advance" });
    const c = d.state.commitments[0]!;
    expect(c.status).toBe("broken");
    expect(c.breaches).toEqual([
      { teamId: "alpha", turn: 1, reason: { kind: "protected-sectors", sectors: ["water"] } },
    ]);
    // −10 for the breach; the strike itself was covert, so its disproportion costs no standing
    expect(d.state.teams.alpha!.standing).toBe(standing0 - 10);
    // a breach is public: a third party reads who broke what, and why
    expect(view(d.state, { role: "team", teamId: "gamma" }).log).toContainEqual(
      expect.objectContaining({
        type: "commitment.broken",
        commitment: c.id,
        cbm: "no-target",
        team: "alpha",
        reason: { kind: "protected-sectors", sectors: ["water"] },
      }),
    );
  });

  it("a pre-notification commitment is kept by notifying, and broken by an ambiguous action without a notify", () => {
    const d = inDeliberation();
    d.do(team("alpha"), { type: "proposal.create", kind: "cbm", cbmId: "notify", parties: ["alpha", "beta"] });
    d.do(team("beta"), { type: "proposal.respond", proposalId: d.state.proposals[0]!.id, accept: true });
    d.advanceTo("decision");
    d.do(team("alpha"), { type: "hotline.send", to: "beta", kind: "notify", text: "Exercise on Tuesday" });
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "exercise", target: "beta" }] });
    d.do(control, { type: "phase.advance" });
    expect(d.state.commitments[0]!.status).toBe("active");
    d.advanceTo("summary");
    d.do(control, { type: "phase.advance" });
    d.advanceTo("decision");
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "exercise", target: "beta" }] });
    d.do(control, { type: "phase.advance" });
    expect(d.state.commitments[0]!.status).toBe("broken");
    expect(d.state.commitments[0]!.breaches).toEqual([{ teamId: "alpha", turn: 2, reason: { kind: "not-notified" } }]);
  });

  it("a timeline commitment is fulfilled or missed at its deadline", () => {
    const d = inDeliberation();
    d.do(team("alpha"), { type: "proposal.create", kind: "cbm", cbmId: "timeline", parties: ["alpha", "beta"] });
    d.do(team("beta"), { type: "proposal.respond", proposalId: d.state.proposals[0]!.id, accept: true });
    // escalation 20 − 4 = 16: "Tension"; the deadline (turn 2) needs "Calm" (< 15)
    d.advanceTo("summary");
    d.do(control, { type: "phase.advance" });
    d.advanceTo("decision");
    d.do(control, { type: "escalation.adjust", delta: 10, reason: "incident" });
    d.do(control, { type: "phase.advance" });
    expect(d.state.commitments[0]!.status).toBe("broken");
    expect(d.state.commitments[0]!.breaches.map((b) => b.teamId)).toEqual(["alpha", "beta"]);
  });
});
