// "Dark Winter" (grid-intrusion) under rules 3.0: a grid blackout whose planted
// evidence points at the wrong state. Scripted exercises, one per ending, that
// show a designer how the scenario plays (docs/scenario-format.md): the agreement
// waits for its groundwork and must hold two turns; hasty blame escalates; blackouts
// left unanswered build pressure at home.
import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";
import { crossedRedLines, replay, rungIndex, trustOf, view, type GameState } from "../../shared/engine/index.ts";
import { ATTRIBUTION_ESCALATION } from "../../shared/engine/attribution.ts";
import { PRESSURE_DRIFT_FROM } from "../../shared/engine/adjudication.ts";
import type { OrderItemInput } from "../../shared/protocol/commands.ts";

const V = team("valdoria");
const K = team("kestria");
const scenario = loadScenario("grid-intrusion");
const need = scenario.end.agreement!;

function start(seed: string): Driver {
  const d = new Driver(scenario, seed);
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}
/** Both teams submit their orders; the turn is adjudicated and control moves on to the summary. */
function orders(d: Driver, v: OrderItemInput[], k: OrderItemInput[]): void {
  d.advanceTo("decision");
  d.do(V, { type: "orders.submit", actions: v });
  d.do(K, { type: "orders.submit", actions: k });
  d.advanceTo("summary");
}
const trust = (d: Driver) => trustOf(d.state, "valdoria", "kestria");
const lastMessage = (d: Driver) => d.state.messages.at(-1)!.id;
const lastProposal = (d: Driver) => d.state.proposals.at(-1)!.id;
const inject = (d: Driver, id: string) => d.state.injects.find((i) => i.id === id)!;
const incident = (d: Driver, title: string) => d.state.incidents.find((i) => i.title === title)!;
const ended = (d: Driver) => d.state.status === "ended";
const events = <T extends GameState["log"][number]["type"]>(d: Driver, type: T) =>
  d.state.log.filter((e): e is Extract<GameState["log"][number], { type: T }> => e.type === type);
/** The member of the turn-3 group the seed drew (the others are dropped). */
const turn3Draw = (d: Driver) =>
  scenario.injects.filter((i) => i.group === "turn-3-development" && inject(d, i.id).status === "released");
function acceptBoth(d: Driver, proposalId: string): void {
  for (const id of ["valdoria", "kestria"])
    if (!d.state.proposals.find((p) => p.id === proposalId)!.accepted.includes(id))
      d.do(team(id), { type: "proposal.respond", proposalId, accept: true });
}
/** The victim hands an incident to Meridian, which verifies it: the verification answers it at home. */
function shareAndVerify(d: Driver, by: typeof V, incidentId: string): void {
  d.do(by, {
    type: "hotline.send",
    to: "mediator",
    kind: "assess",
    text: "Our evidence, for verification.",
    incidentId,
  });
  d.do(mediator, { type: "mediator.verify", incidentId });
}

describe("grid-intrusion scenario (rules 3.0)", () => {
  it("keeps the truth from the teams: planted evidence, a hidden culprit, a control-only note", () => {
    const d = start("s1");
    const blackout = d.state.incidents[0]!;
    expect(blackout).toMatchObject({
      victim: "valdoria",
      sector: "energy",
      culprit: null,
      public: true,
      evidence: { suspect: "kestria", confidence: 0.45 },
    });
    for (const teamId of ["valdoria", "kestria"]) {
      const v = view(d.state, { role: "team", teamId });
      expect(v.injects.map((i) => i.id)).not.toContain("control-truth");
      expect(v.incidents[0]).not.toHaveProperty("culprit");
    }
    // each side reads only its own intelligence
    expect(view(d.state, { role: "team", teamId: "valdoria" }).injects.map((i) => i.id)).toContain("valdoria-cert");
    expect(view(d.state, { role: "team", teamId: "valdoria" }).injects.map((i) => i.id)).not.toContain("kestria-intel");
    expect(view(d.state, { role: "facilitator" }).injects.find((i) => i.id === "control-truth")?.status).toBe(
      "released",
    );
  });

  it("agreement: verified evidence, measures and a statement, then two turns of holding before success is declared", () => {
    const d = start("s1");
    const blackout = d.state.incidents[0]!.id;
    d.do(V, {
      type: "hotline.send",
      to: "kestria",
      kind: "confirm",
      text: "Confirm whether Kestrian units were active in our northern grid.",
      incidentId: blackout,
    });
    const trust0 = trust(d);
    d.do(K, {
      type: "hotline.send",
      to: "valdoria",
      kind: "assess",
      text: "No Kestrian unit opened breakers. We will not claim we were never in your networks; let Meridian verify.",
    });
    expect(trust(d)).toBe(trust0 + 3); // confirm then assess, in order and within five minutes
    shareAndVerify(d, V, blackout);
    // with seed "s1" the verification is conclusive and its 60 % correction roll succeeds: the trail points
    // at no state, from max(0.45, 0.5) + verifyBoost / 2; Valdoria gave Meridian the evidence, so it counts as answered
    expect(d.state.incidents[0]).toMatchObject({
      evidence: { suspect: null, confidence: 0.65 },
      verifications: 1,
      answered: true,
    });
    d.do(mediator, { type: "mediator.convene", parties: ["valdoria", "kestria"], text: "Technical talks" });
    orders(
      d,
      [{ actionId: "harden" }, { actionId: "public-briefing" }, { actionId: "brief-partners" }],
      [{ actionId: "open-logs", target: "valdoria" }, { actionId: "call-restraint" }, { actionId: "harden" }],
    );
    expect(inject(d, "inspectors-arrive").releasedBy).toBe("trigger");
    // the answered blackout weighs on nobody at home
    expect(events(d, "pressure.mounting")).toEqual([]);

    d.advanceTo("deliberation");
    // with seed "s1" the 50 % KesTel intrusion came: Kestria's secret until it shares it with Meridian
    const kestel = incident(d, "KesTel core router intrusion").id;
    expect(d.try(mediator, { type: "mediator.verify", incidentId: kestel })).toMatch(/shared with the mediator/);
    shareAndVerify(d, K, kestel);
    d.do(mediator, { type: "mediator.convene", parties: ["valdoria", "kestria"], text: "Talks on the joint findings" });
    d.do(V, { type: "proposal.create", kind: "cbm", cbmId: "joint-fact-finding" });
    acceptBoth(d, lastProposal(d));
    d.do(K, {
      type: "hotline.send",
      to: "valdoria",
      kind: "notify",
      text: "We will patch the interconnector tonight.",
    });
    d.do(V, { type: "hotline.send", to: "kestria", kind: "assess", text: "Noted; our operators are informed." });
    orders(
      d,
      [{ actionId: "harden" }, { actionId: "public-briefing" }, { actionId: "call-restraint" }],
      [{ actionId: "brief-partners" }, { actionId: "public-briefing" }],
    );

    d.advanceTo("deliberation");
    // the turn-3 development drawn by seed "s1": fresh malware in a substation, pointed at Kestria
    expect(turn3Draw(d).map((i) => i.id)).toEqual(["spoiler-wave"]);
    const fresh = [incident(d, "Second-wave grid intrusion"), incident(d, "Substation malware")];
    expect(fresh.every((i) => i.public && i.verifications === 0)).toBe(true);
    d.do(V, { type: "hotline.send", to: "kestria", kind: "deconflict", text: "No measures while Meridian looks." });
    d.do(K, {
      type: "hotline.send",
      to: "valdoria",
      kind: "deconflict",
      text: "Nor from us.",
      replyTo: lastMessage(d),
    });
    d.do(mediator, { type: "proposal.create", kind: "cbm", cbmId: "no-target-civilian" });
    acceptBoth(d, lastProposal(d));
    d.do(mediator, {
      type: "proposal.create",
      kind: "statement",
      text: "Valdoria and Kestria will publish the joint findings and will not target each other's grids, water or hospitals.",
    });
    acceptBoth(d, lastProposal(d));
    // every measure and the statement are in force, trust and standing are enough, and still no agreement:
    // two public incidents stand unverified (the groundwork `verified`)
    expect(d.state.commitments.map((c) => [c.cbmId, c.status])).toEqual([
      ["joint-fact-finding", "active"],
      ["no-target-civilian", "active"],
    ]);
    expect(trust(d)).toBeGreaterThanOrEqual(need.minTrust);
    expect(Math.min(d.state.teams.valdoria!.standing, d.state.teams.kestria!.standing)).toBeGreaterThanOrEqual(
      need.minStanding,
    );
    expect(d.state.agreement).toBeNull();
    d.do(V, { type: "hotline.send", to: "mediator", kind: "assess", text: "Both samples.", incidentId: fresh[0]!.id });
    d.do(mediator, { type: "mediator.verify", incidentId: fresh[0]!.id });
    expect(d.state.agreement).toBeNull();
    d.do(V, { type: "hotline.send", to: "mediator", kind: "text", text: "And this one.", incidentId: fresh[1]!.id });
    d.do(mediator, { type: "mediator.verify", incidentId: fresh[1]!.id });
    // the last public incident is verified: as the turn moves on the agreement is concluded, and must hold two turns
    d.advanceTo("decision");
    expect(d.state.agreement).toEqual({ concludedTurn: 3, status: "holding" });
    expect(events(d, "agreement.concluded")).toMatchObject([{ turn: 3, holdTurns: 2, ends: true }]);
    orders(d, [{ actionId: "harden" }, { actionId: "brief-partners" }], [{ actionId: "brief-partners" }]);

    d.advanceTo("deliberation");
    expect(d.state.status).toBe("running");
    expect(d.state.agreement).toMatchObject({ status: "holding" });
    // seed "s1" also draws the hardliners' motion (40 %): 6 trust lost, and the agreement holds only because
    // the groundwork left room above minTrust
    expect(inject(d, "hardliner-motion").status).toBe("released");
    expect(trust(d)).toBeGreaterThanOrEqual(need.minTrust);
    orders(d, [{ actionId: "brief-partners" }], [{ actionId: "brief-partners" }]);
    d.advanceTo("deliberation");
    // held from turn 3 to the start of turn 5: success is declared, and it ends the exercise
    expect(events(d, "agreement.declared")).toMatchObject([{ turn: 5, ends: true }]);
    expect(d.state.outcome).toMatchObject({ kind: "agreement", turn: 5 });
    expect(trust(d)).toBeGreaterThanOrEqual(need.minTrust);
    expect(d.state.incidents.every((i) => i.attributions.length === 0)).toBe(true); // nobody was named in public
    expect(inject(d, "markets").status).toBe("pending"); // the dispute never went public
    expect(replay(d.recording())).toEqual(d.state);
  });

  it("failure: naming Kestria on planted evidence before verification, then reprisals, climbs to armed conflict", () => {
    const d = start("s1");
    const blackout = d.state.incidents[0]!.id;
    d.do(V, {
      type: "hotline.send",
      to: "kestria",
      kind: "confirm",
      text: "Confirm whether Kestrian units were active in our northern grid.",
      incidentId: blackout,
    });
    d.do(K, { type: "hotline.send", to: "valdoria", kind: "assess", text: "We reject the insinuation." });
    const kestriaPressure = d.state.teams.kestria!.pressure;
    orders(
      d,
      [
        { actionId: "attribute", target: "kestria", incidentId: blackout },
        { actionId: "sanctions", target: "kestria" },
        { actionId: "readiness", target: "kestria" },
      ],
      [{ actionId: "demarche", target: "valdoria" }, { actionId: "public-briefing" }],
    );
    // the blackout was done by an outside group: the public accusation is a misattribution
    expect(d.state.incidents[0]!.attributions).toEqual([
      { by: "valdoria", accused: "kestria", turn: 1, suspect: "kestria", confidence: 0.45, correct: false },
    ]);
    // hasty: unverified and under 60 %, so the accusation itself escalates by the model's extra step
    const accusation = events(d, "escalation.changed").find((e) => e.cause.kind === "accusation")!;
    expect(accusation.to - accusation.from).toBe(ATTRIBUTION_ESCALATION + d.state.model.hastyEscalation);
    // and the wrongly accused government is pushed to answer: the model's misattribution pressure
    // (less 10 for its calm briefing, plus 5 when markets fell on the public dispute)
    expect(d.state.teams.kestria!.pressure).toBe(kestriaPressure + d.state.model.misattributionPressure - 10 + 5);
    expect(inject(d, "misattribution-exposed").releasedBy).toBe("trigger");
    expect(inject(d, "markets").releasedBy).toBe("trigger");
    expect(events(d, "redline.crossed").map((e) => e.line)).toContain("public-blame");

    d.advanceTo("deliberation");
    orders(
      d,
      [
        { actionId: "grid-strike", target: "kestria", sector: "energy" },
        { actionId: "readiness", target: "kestria" },
      ],
      [
        { actionId: "grid-strike", target: "valdoria", sector: "energy" },
        { actionId: "readiness", target: "valdoria" },
      ],
    );
    // turn 2: both strike the other's grid (neither strike fails with this seed); the false accusation gave
    // Kestria a grievance, so its reprisal is in proportion, Valdoria's strike is not
    expect(d.state.history[1]!.failed).toBeUndefined();
    const excess = events(d, "action.disproportionate").filter((e) => e.turn === 2);
    expect(excess.map((e) => [e.actor, e.action])).toEqual([["valdoria", "grid-strike"]]);
    // Valdoria's government, under heavy pressure after a second outage, is pushed to the top by its hardliners
    const last = events(d, "escalation.changed").at(-1)!;
    expect(last.cause).toMatchObject({ kind: "pressure", team: "valdoria" });
    expect(last.cause.kind === "pressure" && last.cause.pressure).toBeGreaterThanOrEqual(PRESSURE_DRIFT_FROM + 10);
    expect(inject(d, "grid-collapse").releasedBy).toBe("trigger");
    expect(last.to - last.from).toBe(d.state.model.hardlinerEscalation);
    expect(d.state.outcome).toMatchObject({ kind: "failure", turn: 2 });
    expect(rungIndex(scenario.ladder, d.state.escalation)).toBe(scenario.ladder.rungs.length - 1);
    expect(crossedRedLines(scenario.ladder, d.state.escalation)).toEqual([
      "public-blame",
      "civilian-reprisal",
      "mobilisation",
    ]);
    expect(d.try(V, { type: "hotline.send", to: "kestria", text: "Stop." })).toMatch(/ended/);
    expect(replay(d.recording())).toEqual(d.state);
  });

  it("time: a late answer, a broken pledge and a blackout never verified: the measures are signed, the groundwork is not", () => {
    const d = start("s1");
    const blackout = d.state.incidents[0]!.id;
    d.do(V, {
      type: "hotline.send",
      to: "kestria",
      kind: "confirm",
      text: "Confirm whether Kestrian units were active in our northern grid.",
      incidentId: blackout,
    });
    const trust0 = trust(d);
    d.do(K, { type: "hotline.send", to: "valdoria", kind: "assess", text: "Not us." }, 400_000);
    // answered within twice the five minutes: two thirds of the 3 trust a timely answer earns
    expect(trust(d)).toBe(trust0 + 2);
    const pressure0 = d.state.teams.valdoria!.pressure;
    orders(
      d,
      [{ actionId: "harden" }, { actionId: "public-briefing" }, { actionId: "brief-partners" }],
      [{ actionId: "harden" }, { actionId: "brief-partners" }, { actionId: "call-restraint" }],
    );
    // nobody verified the blackout: it weighs on Valdoria's government, more than the model's 16 a turn
    // because the evidence points at a neighbour it distrusts
    const mounting = events(d, "pressure.mounting");
    expect(mounting).toMatchObject([{ team: "valdoria", incidents: 1, turn: 1 }]);
    const rise = mounting[0]!.pressure - (pressure0 - 10); // after its calm briefing's 10
    expect(rise).toBeGreaterThan(d.state.model.pressurePerIncident);

    d.advanceTo("deliberation");
    d.do(K, { type: "proposal.create", kind: "cbm", cbmId: "pre-notification" });
    acceptBoth(d, lastProposal(d));
    orders(
      d,
      [{ actionId: "demarche", target: "kestria" }, { actionId: "public-briefing" }, { actionId: "harden" }],
      [{ actionId: "probe", target: "valdoria" }, { actionId: "brief-partners" }],
    );
    // the probe was not notified: Kestria broke its pledge the turn it made it
    const pledge = d.state.commitments[0]!;
    expect(pledge).toMatchObject({ cbmId: "pre-notification", status: "broken" });
    expect(pledge.breaches).toEqual([{ teamId: "kestria", turn: 2, reason: { kind: "not-notified" } }]);
    expect(inject(d, "commitment-breach").releasedBy).toBe("trigger");

    d.advanceTo("deliberation");
    // the turn-3 development this play drew with seed "s1": leaked cables cost 12 trust
    expect(turn3Draw(d).map((i) => i.id)).toEqual(["spoiler-leak"]);
    d.do(mediator, { type: "mediator.convene", parties: ["valdoria", "kestria"], text: "Talks on the second wave" });
    d.do(V, { type: "proposal.create", kind: "cbm", cbmId: "joint-fact-finding" });
    acceptBoth(d, lastProposal(d));
    d.do(mediator, { type: "proposal.create", kind: "cbm", cbmId: "no-target-civilian" });
    acceptBoth(d, lastProposal(d));
    d.do(mediator, { type: "proposal.create", kind: "statement", text: "Neither will target the other's grid." });
    acceptBoth(d, lastProposal(d));
    // both measures and the statement are in force, yet nothing is concluded: trust stands far below
    // minTrust and no public incident was ever verified
    expect(need.cbms.every((id) => d.state.commitments.some((c) => c.cbmId === id && c.status === "active"))).toBe(
      true,
    );
    expect(trust(d)).toBeLessThan(need.minTrust);
    expect(d.state.incidents.filter((i) => i.public).every((i) => i.verifications === 0)).toBe(true);
    orders(d, [{ actionId: "public-briefing" }, { actionId: "brief-partners" }], [{ actionId: "brief-partners" }]);
    expect(d.state.agreement).toBeNull();

    d.advanceTo("deliberation");
    orders(d, [{ actionId: "public-briefing" }, { actionId: "brief-partners" }], [{ actionId: "call-restraint" }]);
    d.advanceTo("deliberation");
    orders(d, [{ actionId: "public-briefing" }], [{ actionId: "brief-partners" }]);
    d.do(control, { type: "phase.advance" });

    expect(d.state.outcome).toMatchObject({ kind: "time", turn: 5 });
    expect(events(d, "agreement.concluded")).toEqual([]);
    // the unanswered blackout weighed every turn, and kept the crisis from cooling by itself
    expect(
      events(d, "pressure.mounting")
        .filter((e) => e.team === "valdoria")
        .map((e) => e.turn),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(events(d, "escalation.changed").filter((e) => e.cause.kind === "quiet-turn")).toEqual([]);
    expect(d.state.escalation).toBeGreaterThan(scenario.ladder.start);
    expect(rungIndex(scenario.ladder, d.state.escalation)).toBeLessThan(scenario.ladder.rungs.length - 1);
    expect(replay(d.recording())).toEqual(d.state);
  });
});
