// Rules 3.0, the scenario's agreement: it needs its groundwork (trust of at
// least `minTrust` between every pair, every public incident verified or
// rightly attributed), cannot conclude before `notBeforeTurn`, must hold for
// `holdTurns` turns before success is declared (it collapses if a measure is
// broken or a public incident stands unverified), and control decides whether
// a declared agreement ends the exercise or play continues.
import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import type { GameState } from "../../shared/engine/index.ts";
import { init, view } from "../../shared/engine/index.ts";

type Agreement = NonNullable<NonNullable<ScenarioInput["end"]>["agreement"]>;

/** The fixture with the agreement (the no-target measure among all three states) needing `need`. */
function withAgreement(need: Partial<Agreement>, more?: (s: ScenarioInput) => void): (s: ScenarioInput) => void {
  return (s) => {
    s.end = { agreement: { cbms: ["no-target"], ...need } };
    s.model = { inconclusiveChance: 0 };
    more?.(s);
  };
}

function talking(change: (s: ScenarioInput) => void, engineVersion?: string): Driver {
  const d = new Driver(fixture(change), "agreement", engineVersion);
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}

/** Every state accepts the mediator's proposal of the no-target measure. */
function adoptNoTarget(d: Driver): void {
  d.do(mediator, { type: "proposal.create", kind: "cbm", cbmId: "no-target" });
  const id = d.state.proposals.at(-1)!.id;
  for (const t of ["alpha", "beta", "gamma"]) d.do(team(t), { type: "proposal.respond", proposalId: id, accept: true });
}

/** Ends the turn (through adjudication) and begins the next. */
function nextTurn(d: Driver): void {
  d.advanceTo("summary");
  d.do(control, { type: "phase.advance" });
}

const happened = (s: GameState, type: string) => s.log.filter((e) => e.type === type);

describe("model: the agreement's groundwork", () => {
  it("needs trust of at least minTrust between every pair of parties", () => {
    // the measure itself brings 8 trust: 61 + 8 falls short of 70, 62 + 8 reaches it
    const short = talking(withAgreement({ minTrust: 70 }, (s) => (s.trust = { default: 61, pairs: [] })));
    adoptNoTarget(short);
    expect(short.state.status).toBe("running");
    expect(happened(short.state, "agreement.concluded")).toEqual([]);
    const enough = talking(withAgreement({ minTrust: 70 }, (s) => (s.trust = { default: 62, pairs: [] })));
    adoptNoTarget(enough);
    expect(enough.state.outcome?.kind).toBe("agreement");
  });

  it("concludes once the trust is there, at the next check (a new phase)", () => {
    const d = talking(withAgreement({ minTrust: 70 }, (s) => (s.trust = { default: 61, pairs: [] })));
    adoptNoTarget(d);
    d.do(mediator, { type: "mediator.convene", parties: ["alpha", "beta", "gamma"], text: "All together" });
    d.do(control, { type: "phase.advance" });
    expect(d.state.outcome).toMatchObject({ kind: "agreement", turn: 1 });
  });

  it("needs every party's standing at least minStanding: nobody signs with a discredited state", () => {
    const low = (s: ScenarioInput) => (s.teams[1]!.standing = 29);
    const d = talking(withAgreement({ minStanding: 30 }, low));
    adoptNoTarget(d);
    expect(d.state.status).toBe("running");
    const ok = talking(withAgreement({ minStanding: 29 }, low));
    adoptNoTarget(ok);
    expect(ok.state.outcome?.kind).toBe("agreement");
    // with standing switched off (the lab's ablation) it is not asked for
    const off = new Driver(fixture(withAgreement({ minStanding: 30 }, low)), "agreement");
    off.state = init(off.scenario, { seed: off.seed, ablate: ["standing"] });
    off.do(control, { type: "exercise.start" });
    off.advanceTo("deliberation");
    adoptNoTarget(off);
    expect(off.state.outcome?.kind).toBe("agreement");
  });

  it("with trust switched off, minTrust is not asked for", () => {
    const d = new Driver(fixture(withAgreement({ minTrust: 90 })), "agreement");
    d.state = init(d.scenario, { seed: d.seed, ablate: ["trust"] });
    d.do(control, { type: "exercise.start" });
    d.advanceTo("deliberation");
    adoptNoTarget(d);
    expect(d.state.outcome?.kind).toBe("agreement");
  });

  it("with `verified`, needs every public incident verified first", () => {
    const d = talking(withAgreement({ verified: true }, (s) => (s.injects![3]!.incident!.public = true)));
    adoptNoTarget(d);
    expect(d.state.status).toBe("running");
    // the verification completes the groundwork: the agreement concludes at once
    d.do(mediator, { type: "mediator.verify", incidentId: d.state.incidents[0]!.id });
    expect(d.state.outcome?.kind).toBe("agreement");
  });

  it("with `verified`, a right attribution counts as verification, a wrong one does not", () => {
    for (const [accused, kind] of [
      ["gamma", "agreement"],
      ["alpha", null],
    ] as const) {
      const d = talking(withAgreement({ verified: true }, (s) => (s.injects![3]!.incident!.public = true)));
      adoptNoTarget(d);
      d.advanceTo("decision");
      const id = d.state.incidents[0]!.id;
      d.do(team("beta"), {
        type: "orders.submit",
        actions: [{ actionId: "attribute", incidentId: id, target: accused }],
      });
      d.do(control, { type: "phase.advance" });
      expect(d.state.outcome?.kind ?? null, accused).toBe(kind);
    }
  });

  it("with `verified`, an incident no one sees in public needs no verification", () => {
    const d = talking(withAgreement({ verified: true }));
    adoptNoTarget(d);
    expect(d.state.outcome?.kind).toBe("agreement");
  });

  it("concludes no earlier than notBeforeTurn", () => {
    const d = talking(withAgreement({ notBeforeTurn: 2 }));
    adoptNoTarget(d);
    expect(happened(d.state, "agreement.concluded")).toEqual([]);
    nextTurn(d);
    expect(happened(d.state, "agreement.concluded")).toEqual([expect.objectContaining({ turn: 2 })]);
    expect(d.state.outcome).toMatchObject({ kind: "agreement", turn: 2 });
  });

  it("under rules 2.2 the groundwork is not asked for", () => {
    const d = talking(
      withAgreement({ minTrust: 90, verified: true }, (s) => (s.injects![3]!.incident!.public = true)),
      "2.2.0",
    );
    adoptNoTarget(d);
    expect(d.state.outcome?.kind).toBe("agreement");
    expect(happened(d.state, "agreement.concluded")).toEqual([]);
  });
});

describe("model: the agreement must hold", () => {
  it("is concluded, then declared (ending the exercise) after holdTurns turns", () => {
    const d = talking(withAgreement({ holdTurns: 2 }));
    adoptNoTarget(d);
    expect(d.state.status).toBe("running");
    expect(d.state.agreement).toEqual({ concludedTurn: 1, status: "holding" });
    // every participant is told, the observers too
    for (const viewer of [{ role: "team", teamId: "gamma" }, { role: "observer" }] as const)
      expect(view(d.state, viewer).log).toContainEqual(
        expect.objectContaining({ type: "agreement.concluded", holdTurns: 2, ends: true }),
      );
    nextTurn(d);
    expect(d.state.status).toBe("running");
    nextTurn(d);
    expect(happened(d.state, "agreement.declared")).toEqual([expect.objectContaining({ ends: true, turn: 3 })]);
    expect(d.state.outcome).toMatchObject({ kind: "agreement", turn: 3 });
  });

  it("collapses when one of its measures is broken, and then ends nothing", () => {
    const d = talking(withAgreement({ holdTurns: 1 }));
    adoptNoTarget(d);
    d.advanceTo("decision");
    // water is protected by the no-target measure
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "strike", target: "beta", sector: "water" }] });
    d.do(control, { type: "phase.advance" });
    expect(happened(d.state, "agreement.collapsed")).toEqual([expect.objectContaining({ turn: 1 })]);
    expect(d.state.agreement).toBeNull();
    nextTurn(d);
    nextTurn(d);
    nextTurn(d);
    expect(d.state.outcome?.kind).toBe("time");
  });

  it("with `verified`, collapses when a new public incident stands unverified, and holds again once verified", () => {
    const d = talking(
      withAgreement({ holdTurns: 1, verified: true }, (s) =>
        s.injects!.push({
          id: "bank-hit",
          title: "Bank hit",
          body: "Gamma's bank is down",
          channel: "news",
          audience: ["all"],
          at: { turn: 2, phase: "briefing" },
          incident: {
            title: "Bank hit",
            victim: "gamma",
            sector: "finance",
            severity: 2,
            culprit: "alpha",
            suspect: "alpha",
            confidence: 0.7,
            public: true,
          },
        }),
      ),
    );
    adoptNoTarget(d);
    expect(d.state.agreement).toMatchObject({ concludedTurn: 1 });
    nextTurn(d);
    expect(happened(d.state, "agreement.collapsed")).toHaveLength(1);
    expect(d.state.status).toBe("running");
    d.advanceTo("deliberation");
    const bank = d.state.incidents.find((i) => i.title === "Bank hit")!;
    d.do(mediator, { type: "mediator.verify", incidentId: bank.id });
    d.do(control, { type: "phase.advance" });
    expect(d.state.agreement).toEqual({ concludedTurn: 2, status: "holding" });
    nextTurn(d);
    expect(d.state.outcome).toMatchObject({ kind: "agreement", turn: 3 });
  });
});

describe("model: control decides whether the agreement ends play (agreement.ending)", () => {
  it("only control decides", () => {
    const d = talking(withAgreement({}));
    for (const who of [team("alpha"), mediator])
      expect(d.try(who, { type: "agreement.ending", ends: false })).toBe("Only the facilitator can do this");
    d.do(control, { type: "agreement.ending", ends: false });
    expect(happened(d.state, "agreement.ending")).toEqual([expect.objectContaining({ ends: false })]);
  });

  it("refuses a choice that changes nothing, saying so", () => {
    const d = talking(withAgreement({}));
    expect(d.try(control, { type: "agreement.ending", ends: true })).toBe("An agreement already ends this exercise");
    d.do(control, { type: "agreement.ending", ends: false });
    expect(d.try(control, { type: "agreement.ending", ends: false })).toBe("Play already continues after an agreement");
  });

  it("refuses it when the scenario has no agreement, or under rules 2.2", () => {
    const none = talking((s) => (s.end = {}));
    expect(none.try(control, { type: "agreement.ending", ends: false })).toBe(
      "This scenario defines no agreement that could end it",
    );
    const old = talking(withAgreement({}), "2.2.0");
    // the gate reads the exercise's own engine version from the state
    old.state = { ...old.state, engineVersion: "2.2.0" };
    expect(old.try(control, { type: "agreement.ending", ends: false })).toBe(
      "This exercise runs rules 2.2, from before the choice to play on after an agreement; create a new exercise for that",
    );
  });

  it("when play continues, a declared agreement does not end the exercise, and the time-out then counts as agreement", () => {
    const d = talking(withAgreement({}));
    d.do(control, { type: "agreement.ending", ends: false });
    adoptNoTarget(d);
    expect(happened(d.state, "agreement.declared")).toEqual([expect.objectContaining({ ends: false })]);
    expect(d.state.status).toBe("running");
    nextTurn(d);
    nextTurn(d);
    nextTurn(d);
    expect(d.state.outcome).toMatchObject({ kind: "agreement", turn: 3 });
  });

  it("when play continues and the agreement collapses, the time-out is only a time-out", () => {
    const d = talking(withAgreement({}));
    d.do(control, { type: "agreement.ending", ends: false });
    adoptNoTarget(d);
    d.advanceTo("decision");
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "strike", target: "beta", sector: "water" }] });
    d.do(control, { type: "phase.advance" });
    expect(d.state.agreement).toBeNull();
    nextTurn(d);
    nextTurn(d);
    nextTurn(d);
    expect(d.state.outcome?.kind).toBe("time");
  });
});
