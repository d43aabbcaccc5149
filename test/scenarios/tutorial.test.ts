// "First Light" (tutorial) under rules 3.0: four turns, a blackout blamed on the
// wrong state. Scripted exercises, one per ending, that show a newcomer's course
// how the scenario plays (docs/scenario-format.md): the agreement waits for
// verified evidence and trust, and must hold a turn; planted evidence can break
// it; hasty blame escalates; a blackout left unanswered builds pressure at home.
import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";
import { replay, rungIndex, trustOf, view, type GameState } from "../../shared/engine/index.ts";
import { ATTRIBUTION_ESCALATION } from "../../shared/engine/attribution.ts";
import type { OrderItemInput } from "../../shared/protocol/commands.ts";

const B = team("borealis", "Bo");
const A = team("austral", "Al");
const scenario = loadScenario("tutorial");
const need = scenario.end.agreement!;

function start(seed: string): Driver {
  const d = new Driver(scenario, seed);
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}
/** Both teams submit their orders; the turn is adjudicated and control moves on to the summary. */
function orders(d: Driver, b: OrderItemInput[], a: OrderItemInput[]): void {
  d.advanceTo("decision");
  d.do(B, { type: "orders.submit", actions: b });
  d.do(A, { type: "orders.submit", actions: a });
  d.advanceTo("summary");
}
const trust = (d: Driver) => trustOf(d.state, "borealis", "austral");
const lastMessage = (d: Driver) => d.state.messages.at(-1)!.id;
const inject = (d: Driver, id: string) => d.state.injects.find((i) => i.id === id)!;
const events = <T extends GameState["log"][number]["type"]>(d: Driver, type: T) =>
  d.state.log.filter((e): e is Extract<GameState["log"][number], { type: T }> => e.type === type);
/** The member of the turn-3 group the seed drew (the others are dropped). */
const turn3Draw = (d: Driver) =>
  scenario.injects.filter((i) => i.group === "turn-3-development" && inject(d, i.id).status === "released");
/** The mediator puts a proposal on the table and both states accept it. */
function agreeOn(d: Driver, proposal: { kind: "cbm"; cbmId: string } | { kind: "statement"; text: string }): void {
  d.do(mediator, { type: "proposal.create", ...proposal });
  const id = d.state.proposals.at(-1)!.id;
  d.do(B, { type: "proposal.respond", proposalId: id, accept: true });
  d.do(A, { type: "proposal.respond", proposalId: id, accept: true });
}
/** Borealis hands an incident to Lantern, which verifies it. */
function shareAndVerify(d: Driver, incidentId: string): void {
  d.do(B, { type: "hotline.send", to: "mediator", kind: "assess", text: "Samples for you.", incidentId });
  d.do(mediator, { type: "mediator.verify", incidentId });
}
/** Turn 1 as a careful course plays it: ask, answer, let Lantern verify, talk. */
function carefulFirstTurn(d: Driver): void {
  const blackout = d.state.incidents[0]!.id;
  d.do(B, {
    type: "hotline.send",
    to: "austral",
    kind: "confirm",
    text: "Were you in our grid?",
    incidentId: blackout,
  });
  d.do(A, {
    type: "hotline.send",
    to: "borealis",
    kind: "assess",
    text: "No. Our tools were stolen.",
    replyTo: lastMessage(d),
  });
  shareAndVerify(d, blackout);
  d.do(mediator, { type: "mediator.convene", parties: ["borealis", "austral"], text: "Technical talks" });
  orders(
    d,
    [{ actionId: "harden" }, { actionId: "reassure" }, { actionId: "joint-statement-call" }],
    [{ actionId: "share-logs", target: "borealis" }, { actionId: "joint-statement-call" }, { actionId: "harden" }],
  );
}
/** Turn 2's talks: a notice answered, the civilian measure and a joint statement. */
function secondTurnTalks(d: Driver): void {
  d.advanceTo("deliberation");
  d.do(A, { type: "hotline.send", to: "borealis", kind: "notify", text: "We patch the interconnector tonight." });
  d.do(B, { type: "hotline.send", to: "austral", kind: "deconflict", text: "Noted.", replyTo: lastMessage(d) });
  agreeOn(d, { kind: "cbm", cbmId: "no-target-civilian" });
  agreeOn(d, { kind: "statement", text: "Both governments will publish the findings and spare hospitals and water." });
}

describe("tutorial scenario (rules 3.0)", () => {
  it("is four turns, and keeps the truth from the teams: a criminal culprit, weak evidence, a control-only note", () => {
    const d = start("s1");
    expect(scenario.turns).toBe(4);
    expect(d.state.incidents[0]).toMatchObject({
      victim: "borealis",
      sector: "energy",
      culprit: null,
      public: true,
      evidence: { suspect: "austral", confidence: 0.35 },
    });
    for (const teamId of ["borealis", "austral"]) {
      const v = view(d.state, { role: "team", teamId });
      expect(v.injects.map((i) => i.id)).not.toContain("control-note");
      expect(v.incidents[0]).not.toHaveProperty("culprit");
    }
    // each side reads only its own intelligence
    const borealis = view(d.state, { role: "team", teamId: "borealis" }).injects.map((i) => i.id);
    expect(borealis).toContain("borealis-cert");
    expect(borealis).not.toContain("austral-intel");
    expect(view(d.state, { role: "team", teamId: "austral" }).injects.map((i) => i.id)).toContain("austral-intel");
    expect(view(d.state, { role: "facilitator" }).injects.find((i) => i.id === "control-note")?.status).toBe(
      "released",
    );
  });
  it("agreement: verified, talked through, broken by planted evidence, verified again, and held a turn", () => {
    const d = start("s3");
    const trust0 = trust(d);
    carefulFirstTurn(d);
    // with seed "s3" the verification is conclusive and its 60 % correction roll succeeds: the trail points at
    // no state, from max(0.35, 0.5) + verifyBoost / 2; Borealis gave Lantern the evidence, so it is answered
    expect(d.state.incidents[0]).toMatchObject({
      evidence: { suspect: null, confidence: 0.65 },
      verifications: 1,
      answered: true,
    });
    // the answered blackout weighs on nobody at home
    expect(events(d, "pressure.mounting")).toEqual([]);
    // a timely answer (3), talks (3), two calls for calm (3 each) and Austral's shared logs (6)
    expect(trust(d)).toBe(trust0 + 18);
    expect(trust(d)).toBeLessThan(need.minTrust);

    secondTurnTalks(d);
    // trust is enough, the only public incident is verified, both have the standing: concluded in turn 2,
    // the first turn the agreement allows; it must still hold one turn
    expect(need).toMatchObject({ notBeforeTurn: 2, holdTurns: 1, verified: true });
    expect(trust(d)).toBeGreaterThanOrEqual(need.minTrust);
    expect(d.state.agreement).toEqual({ concludedTurn: 2, status: "holding" });
    expect(events(d, "agreement.concluded")).toMatchObject([{ turn: 2, holdTurns: 1, ends: true }]);
    orders(d, [{ actionId: "harden" }, { actionId: "reassure" }], [{ actionId: "harden" }]);

    d.advanceTo("deliberation");
    // the turn-3 development drawn by seed "s3": new malware, planted to point at Austral; a new public
    // incident nobody has verified: the agreement no longer holds
    expect(turn3Draw(d).map((i) => i.id)).toEqual(["spoiler-planted"]);
    const planted = d.state.incidents.find((i) => i.title === "Planted substation malware")!;
    expect(planted).toMatchObject({ public: true, verifications: 0, evidence: { suspect: "austral" } });
    expect(events(d, "agreement.collapsed")).toMatchObject([{ turn: 3 }]);
    expect(d.state.agreement).toBeNull();
    expect(d.state.status).toBe("running");
    // Borealis does not take the bait: Lantern verifies first, and the agreement is concluded again
    shareAndVerify(d, planted.id);
    expect(d.state.incidents.find((i) => i.id === planted.id)!.verifications).toBe(1);
    d.advanceTo("decision");
    expect(d.state.agreement).toEqual({ concludedTurn: 3, status: "holding" });
    orders(d, [{ actionId: "harden" }], [{ actionId: "harden" }]);

    d.advanceTo("deliberation");
    // held from turn 3 to the start of turn 4: success is declared, and it ends the exercise
    expect(events(d, "agreement.declared")).toMatchObject([{ turn: 4, ends: true }]);
    expect(d.state.outcome).toMatchObject({ kind: "agreement", turn: 4 });
    expect(d.state.incidents.every((i) => i.attributions.length === 0)).toBe(true); // nobody was named in public
    expect(inject(d, "markets").status).toBe("pending"); // the dispute never went public
    expect(replay(d.recording())).toEqual(d.state);
  });
  it("failure: Borealis names Austral on weak evidence before verification, strikes, and its hardliners finish it", () => {
    const d = start("s3");
    const blackout = d.state.incidents[0]!.id;
    d.do(B, { type: "hotline.send", to: "austral", kind: "confirm", text: "Was it you?", incidentId: blackout });
    d.do(A, { type: "hotline.send", to: "borealis", kind: "assess", text: "We reject the insinuation." });
    orders(
      d,
      [
        { actionId: "attribute", target: "austral", incidentId: blackout },
        { actionId: "disrupt", target: "austral", sector: "energy" },
      ],
      [{ actionId: "demarche", target: "borealis" }, { actionId: "reassure" }],
    );
    // a criminal group did it: the public accusation is a misattribution
    expect(d.state.incidents[0]!.attributions).toEqual([
      { by: "borealis", accused: "austral", turn: 1, suspect: "austral", confidence: 0.35, correct: false },
    ]);
    // hasty: unverified and under 60 %, so the accusation itself escalates by the model's extra step
    const accusation = events(d, "escalation.changed").find((e) => e.cause.kind === "accusation")!;
    expect(accusation.to - accusation.from).toBe(ATTRIBUTION_ESCALATION + d.state.model.hastyEscalation);
    expect(inject(d, "wrong-name").releasedBy).toBe("trigger");
    expect(inject(d, "markets").releasedBy).toBe("trigger");
    expect(events(d, "redline.crossed").map((e) => e.line)).toContain("public-blame");
    // an unprovoked disruption: out of proportion, and Austral's own incident, public with this seed
    expect(events(d, "action.disproportionate").map((e) => [e.turn, e.actor])).toEqual([[1, "borealis"]]);
    const intrusion = d.state.incidents.find((i) => i.victim === "austral")!;
    expect(intrusion).toMatchObject({ culprit: "borealis", public: true });

    d.advanceTo("deliberation");
    orders(
      d,
      [
        { actionId: "disrupt", target: "austral", sector: "telecom" },
        { actionId: "probe", target: "austral" },
      ],
      [
        { actionId: "attribute", target: "borealis", incidentId: intrusion.id },
        { actionId: "disrupt", target: "borealis", sector: "energy" },
      ],
    );
    // Austral answers in kind; Borealis's government, under heavy pressure, is pushed to the top by its hardliners
    const push = events(d, "escalation.changed").find(
      (e) => e.turn === 2 && e.cause.kind === "pressure" && e.to - e.from === d.state.model.hardlinerEscalation,
    )!;
    expect(push.cause).toMatchObject({ kind: "pressure", team: "borealis" });
    expect(push.cause.kind === "pressure" && push.cause.pressure).toBeGreaterThanOrEqual(70);
    expect(d.state.outcome).toMatchObject({ kind: "failure", turn: 2 });
    expect(rungIndex(scenario.ladder, d.state.escalation)).toBe(scenario.ladder.rungs.length - 1);
    expect(d.try(B, { type: "hotline.send", to: "austral", text: "Stop." })).toMatch(/ended/);
    expect(replay(d.recording())).toEqual(d.state);
  });
  it("time: a verification that found nothing, never tried again; measures signed, the groundwork never laid", () => {
    const d = start("tut-agree");
    const pressure0 = d.state.teams.borealis!.pressure;
    carefulFirstTurn(d);
    // with seed "tut-agree" Lantern's verification is inconclusive: nothing changes, it does not count
    expect(d.state.incidents[0]).toMatchObject({
      evidence: { suspect: "austral", confidence: 0.35 },
      verifications: 0,
    });
    expect(d.state.incidents[0]!.answered ?? false).toBe(false);
    // so the blackout still weighs on Borealis's government, despite its calm briefing
    expect(events(d, "pressure.mounting")).toMatchObject([{ team: "borealis", incidents: 1, turn: 1 }]);
    expect(d.state.teams.borealis!.pressure).toBeGreaterThan(pressure0);

    secondTurnTalks(d);
    // the measure and the statement are in force, trust is enough, and still nothing is concluded:
    // the public blackout was never verified
    expect(d.state.commitments.map((c) => [c.cbmId, c.status])).toEqual([["no-target-civilian", "active"]]);
    expect(trust(d)).toBeGreaterThanOrEqual(need.minTrust);
    expect(d.state.agreement).toBeNull();
    orders(d, [{ actionId: "harden" }, { actionId: "reassure" }], [{ actionId: "harden" }]);

    d.advanceTo("deliberation");
    // the turn-3 development drawn by seed "tut-agree": leaked cables cost 12 trust
    expect(turn3Draw(d).map((i) => i.id)).toEqual(["spoiler-leak"]);
    expect(trust(d)).toBeLessThan(need.minTrust);
    orders(d, [{ actionId: "reassure" }, { actionId: "harden" }], [{ actionId: "joint-statement-call" }]);
    d.advanceTo("deliberation");
    orders(d, [{ actionId: "reassure" }], [{ actionId: "harden" }]);
    d.do(control, { type: "phase.advance" });

    expect(d.state.outcome).toMatchObject({ kind: "time", turn: 4 });
    expect(events(d, "agreement.concluded")).toEqual([]);
    // the unanswered blackout weighed every turn, and kept the crisis from cooling by itself
    expect(
      events(d, "pressure.mounting")
        .filter((e) => e.team === "borealis")
        .map((e) => e.turn),
    ).toEqual([1, 2, 3, 4]);
    expect(events(d, "escalation.changed").filter((e) => e.cause.kind === "quiet-turn")).toEqual([]);
    expect(rungIndex(scenario.ladder, d.state.escalation)).toBeLessThan(scenario.ladder.rungs.length - 1);
    expect(replay(d.recording())).toEqual(d.state);
  });
});
