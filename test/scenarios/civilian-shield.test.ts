// Civilian Shield under rules 3.0: four states, ransomware in hospitals and
// waterworks, suspicion in several directions, the Meridian Council as mediator.
// Scripted exercises: agreement (groundwork, then a two-turn hold) and time; the
// failure is in civilian-shield-failure.test.ts.
import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { TOP, actionNamed, agree, begin, commitment, inc, inject, logOf, play } from "./civilian-shield-play.ts";
import { replay, trustOf } from "../../shared/engine/index.ts";

const TEAMS = ["veldmark", "corvane", "saranth", "ostmere"];

/** Two capitals without a direct line talk through the Council: ask, relay, answer, relay back. */
function throughMediator(d: Driver, from: string, to: string, ask: string, reply: string, incidentId?: string) {
  d.do(team(from), { type: "hotline.send", to: "mediator", kind: "confirm", text: ask, incidentId });
  d.do(mediator, { type: "hotline.relay", messageId: d.state.messages.at(-1)!.id, to });
  d.do(team(to), { type: "hotline.send", to: "mediator", kind: "assess", text: reply });
  d.do(mediator, { type: "hotline.relay", messageId: d.state.messages.at(-1)!.id, to: from });
}

const PAIRS = [
  ["veldmark", "corvane"],
  ["corvane", "saranth"],
  ["veldmark", "ostmere"],
] as const;
/** One hotline exchange: `a` sends `kind`, `b` answers at once. */
function exchange(d: Driver, a: string, b: string, kind: "confirm" | "notify" | "deconflict", answer: "assess") {
  d.do(team(a), { type: "hotline.send", to: b, kind, text: `A ${kind} message from ${a}.` });
  d.do(team(b), { type: "hotline.send", to: a, kind: answer, text: "Received and answered." });
}
/** The lowest trust between two of the four states. */
const minTrust = (d: Driver) =>
  Math.min(...TEAMS.flatMap((a, i) => TEAMS.slice(i + 1).map((b) => trustOf(d.state, a, b))));
/** The member of the turn-3 group the seed drew. */
const drawn = (d: Driver) =>
  d.state.scenario.injects
    .filter((i) => i.group === "turn-3-development" && inject(d.state, i.id).status === "released")
    .map((i) => i.id);

describe("civilian-shield scenario", () => {
  it("agreement: mediated contact, verified evidence, a regional hotline and measures; the shield and a statement hold two turns", () => {
    const d = begin("shield-agreement");
    const need = d.scenario.end.agreement!;
    const hospital = inc(d, "Hospital ransomware");
    const water = inc(d, "Water utility ransomware");

    // Veldmark and Corvane have no direct line: the hotline refuses, the Council carries the question
    expect(
      d.try(team("veldmark"), {
        type: "hotline.send",
        to: "corvane",
        kind: "confirm",
        text: "Did your services touch our hospitals?",
      }),
    ).toMatch(/no hotline/);
    throughMediator(
      d,
      "veldmark",
      "corvane",
      "Ask Corvane whether one of its services touched our hospitals.",
      "No Corvane agency was involved; our water was hit too.",
      hospital,
    );
    d.do(team("corvane"), {
      type: "hotline.send",
      to: "mediator",
      kind: "assess",
      text: "Our samples.",
      incidentId: water,
    });
    d.do(mediator, { type: "mediator.verify", incidentId: hospital });
    d.do(mediator, { type: "mediator.verify", incidentId: water });
    d.do(mediator, { type: "hotline.send", to: "corvane", kind: "text", text: "Received; our lab is on it." });
    // each victim handed its evidence to the Council: the hospital verification counts at home; with this seed
    // the first look at the water samples is inconclusive (rules 3.0: a 25 % chance) and counts for nothing
    expect(d.state.incidents.find((i) => i.id === hospital)).toMatchObject({ verifications: 1, answered: true });
    expect(d.state.incidents.find((i) => i.id === water)).toMatchObject({ verifications: 0 });
    expect(d.state.log).toContainEqual(
      expect.objectContaining({ type: "incident.verified", incident: water, result: "inconclusive" }),
    );

    // an existing line: a deconflict message answered in time, but out of the protocol's order (the pair never
    // confirmed, assessed or notified): half the 3 trust, and it calms nothing
    d.do(team("saranth"), {
      type: "hotline.send",
      to: "veldmark",
      kind: "deconflict",
      text: "Saranth had no part in either attack. Let our CERTs compare samples.",
    });
    const [trust0, esc0] = [trustOf(d.state, "saranth", "veldmark"), d.state.escalation];
    d.do(
      team("veldmark"),
      { type: "hotline.send", to: "saranth", kind: "assess", text: "Agreed; samples follow." },
      60_000,
    );
    expect(trustOf(d.state, "saranth", "veldmark")).toBe(trust0 + 2);
    expect(d.state.escalation).toBe(esc0);

    // the regional hotline opens every pair, so the rivals can now talk directly, step by step
    agree(d, mediator, { kind: "cbm", cbmId: "regional-hotline" });
    expect(d.state.hotlines).toHaveLength(6);
    for (const [a, b] of PAIRS) exchange(d, a, b, "confirm", "assess");
    d.do(mediator, { type: "mediator.convene", parties: TEAMS, text: "Talks on the ransomware wave" });
    play(d, {
      veldmark: [
        { actionId: "restore" },
        { actionId: "public-briefing" },
        { actionId: "share-indicators", target: "corvane" },
      ],
      corvane: [
        { actionId: "restore" },
        { actionId: "public-briefing" },
        { actionId: "share-indicators", target: "veldmark" },
        { actionId: "harden" },
      ],
      saranth: [
        { actionId: "harden" },
        { actionId: "share-indicators", target: "corvane" },
        { actionId: "call-for-calm" },
      ],
      ostmere: [{ actionId: "call-for-calm" }, { actionId: "assist-response", target: "veldmark" }],
    });

    // turn 2: the Council looks at the water samples again, and this time it counts; shared reporting
    d.advanceTo("deliberation");
    d.do(mediator, { type: "mediator.verify", incidentId: water });
    expect(d.state.incidents.find((i) => i.id === water)).toMatchObject({ verifications: 1, answered: true });
    for (const [a, b] of PAIRS) exchange(d, a, b, "notify", "assess");
    agree(d, mediator, { kind: "cbm", cbmId: "incident-reporting" });
    d.do(mediator, { type: "mediator.convene", parties: TEAMS, text: "Talks on shared reporting" });
    play(d, {
      veldmark: [
        { actionId: "restore" },
        { actionId: "public-briefing" },
        { actionId: "share-indicators", target: "corvane" },
      ],
      corvane: [
        { actionId: "restore" },
        { actionId: "share-indicators", target: "veldmark" },
        { actionId: "call-for-calm" },
      ],
      saranth: [{ actionId: "restore" }, { actionId: "call-for-calm" }],
      ostmere: [{ actionId: "assist-response", target: "saranth" }, { actionId: "call-for-calm" }],
    });

    // turn 3: the seed draws a quiet week; trust is built between every pair, but the agreement cannot come
    // before turn 4, and the shield is not yet signed
    d.advanceTo("deliberation");
    expect(drawn(d)).toEqual(["spoiler-calm"]);
    expect(minTrust(d)).toBeGreaterThanOrEqual(need.minTrust);
    for (const [a, b] of PAIRS) exchange(d, a, b, "deconflict", "assess");
    agree(d, mediator, { kind: "cbm", cbmId: "joint-cert" });
    play(d, {
      veldmark: [{ actionId: "restore" }, { actionId: "share-indicators", target: "corvane" }],
      corvane: [{ actionId: "share-indicators", target: "veldmark" }, { actionId: "call-for-calm" }],
      saranth: [{ actionId: "call-for-calm" }],
      ostmere: [{ actionId: "call-for-calm" }],
    });
    expect(d.state.agreement).toBeNull();

    // turn 4: the civilian shield alone is not the agreement; the joint statement completes it, and it must hold
    d.advanceTo("deliberation");
    agree(d, mediator, { kind: "cbm", cbmId: "civilian-shield" });
    expect(d.state.agreement).toBeNull();
    agree(d, team("saranth"), {
      kind: "statement",
      text:
        "Our four states will keep hospitals and water systems out of every conflict, " +
        "and report incidents to each other at once.",
    });
    expect(d.state.agreement).toEqual({ concludedTurn: 4, status: "holding" });
    expect(d.state.status).toBe("running");
    play(d, { saranth: [{ actionId: "restore" }] });
    d.advanceTo("deliberation");
    expect(d.state.agreement).toMatchObject({ status: "holding" });
    play(d, { saranth: [{ actionId: "restore" }] });
    d.advanceTo("deliberation");

    // held from turn 4 to the start of turn 6: success is declared, and it ends the exercise
    expect(d.state.outcome).toMatchObject({ kind: "agreement", turn: 6 });
    expect([...commitment(d.state, "civilian-shield")!.parties].sort()).toEqual([...TEAMS].sort());
    expect(d.state.messages.some((m) => m.lapsed)).toBe(false);
    // restraint kept the crisis below public accusations throughout
    expect(d.state.peakEscalation).toBeLessThan(36);
    expect(replay(d.recording())).toEqual(d.state);
  });

  it("time: partial measures, a misread hunt and a refused shield run out the six turns", () => {
    const d = begin("shield-time-11");
    const water = inc(d, "Water utility ransomware");
    throughMediator(
      d,
      "corvane",
      "saranth",
      "Were Saranth servers used against our water?",
      "A Saranth reseller rents Ostmere capacity; no agency of ours was involved.",
      water,
    );
    d.do(mediator, { type: "mediator.verify", incidentId: water });
    play(d, {
      veldmark: [{ actionId: "demarche", target: "corvane" }, { actionId: "restore" }, { actionId: "public-briefing" }],
      corvane: [{ actionId: "restore" }, { actionId: "public-briefing" }, { actionId: "harden" }],
      saranth: [{ actionId: "threat-hunt", target: "ostmere" }, { actionId: "harden" }],
      ostmere: [{ actionId: "harden" }, { actionId: "public-briefing" }],
    });
    // fog: the un-notified hunt has a 45 % misread chance; the seeded roll decides (with this seed it is
    // 0.18, a misread). The hunt is covert and was not notified, so Ostmere cannot tell who it was: it reads
    // "unidentified actors", and trust toward Saranth does not move (that would name it). Escalation still
    // rises by 2 per step of severity (1 → 3), and only Ostmere (and control) learn how it was read.
    const misread = logOf(d.state, "ostmere").filter((l) => l.type === "misperception");
    expect(misread).toEqual([expect.objectContaining({ target: "ostmere", identified: false })]);
    expect(misread[0]).not.toHaveProperty("actor");
    expect(logOf(d.state, "saranth").some((l) => l.type === "misperception")).toBe(false);
    expect(trustOf(d.state, "saranth", "ostmere")).toBe(50);
    const perceived = d.state.log.find((l) => l.type === "escalation.changed" && l.cause.kind === "perceived");
    expect(perceived).toMatchObject({ cause: { kind: "perceived", target: "ostmere" } });
    expect(perceived?.type === "escalation.changed" && perceived.to - perceived.from).toBe(4);

    // turn 2: a regional hotline; Corvane pre-notifies a takedown, Ostmere answers late
    d.advanceTo("deliberation");
    agree(d, mediator, { kind: "cbm", cbmId: "regional-hotline" });
    d.do(team("corvane"), {
      type: "hotline.send",
      to: "ostmere",
      kind: "notify",
      text: "We will disable the Greywake relay servers in your data centres tonight.",
    });
    const trustCO = trustOf(d.state, "corvane", "ostmere");
    d.do(
      team("ostmere"),
      { type: "hotline.send", to: "corvane", kind: "text", text: "We object. Leave it to our police." },
      400_000,
    );
    expect(d.state.messages.find((m) => m.from === "corvane" && m.kind === "notify")!.answeredAfterMs).toBeGreaterThan(
      300_000,
    );
    // rules 3.0 grade it: answered within twice the time (two thirds), a notify before the pair's first
    // assess (out of the protocol's order: half), so 3 × 1/3 = 1 trust
    expect(trustOf(d.state, "corvane", "ostmere")).toBe(trustCO + 1);
    play(d, {
      veldmark: [{ actionId: "sanctions", target: "corvane" }, { actionId: "restore" }],
      corvane: [{ actionId: "takedown", target: "ostmere" }, { actionId: "restore" }],
      saranth: [{ actionId: "restore" }],
      ostmere: [{ actionId: "demarche", target: "corvane" }],
    });
    // nothing from Ostmere provoked the takedown: severity 2 unprovoked is one step past tolerance
    const takedown = actionNamed(d.state, "Unilateral takedown abroad");
    const unprovoked = d.state.log.find(
      (l) =>
        l.type === "action.disproportionate" && l.actor === "corvane" && l.action === takedown && l.provocation === 0,
    )!;
    expect(unprovoked.audience).toEqual(["corvane", "ostmere"]);
    expect(logOf(d.state, "veldmark").some((l) => l.id === unprovoked.id)).toBe(false);
    expect(inject(d.state, "takedown-protest")).toMatchObject({
      status: "released",
      releasedBy: "trigger",
      releasedTurn: 2,
    });

    // turn 3: shared reporting is adopted; Ostmere refuses the shield (the seed drew a new clinic attack)
    d.advanceTo("deliberation");
    expect(drawn(d)).toEqual(["spoiler-wave"]);
    agree(d, mediator, { kind: "cbm", cbmId: "incident-reporting" });
    d.do(mediator, { type: "proposal.create", kind: "cbm", cbmId: "civilian-shield" });
    const shieldProposal = d.state.proposals.at(-1)!.id;
    for (const t of ["veldmark", "corvane", "saranth"])
      d.do(team(t), { type: "proposal.respond", proposalId: shieldProposal, accept: true });
    d.do(team("ostmere"), { type: "proposal.respond", proposalId: shieldProposal, accept: false });
    play(d, {
      veldmark: [{ actionId: "harden" }],
      corvane: [{ actionId: "harden" }],
      ostmere: [{ actionId: "seize-servers" }],
    });

    // turn 4: Ostmere's private CERT report reaches every party at once; Corvane's collection breaks the reporting pledge
    d.advanceTo("deliberation");
    const second = d.state.incidents.find((i) => i.title === "Second-wave hospital intrusion")!;
    expect([...second.sharedWith].sort()).toEqual(["corvane", "saranth", "veldmark"]);
    play(d, {
      corvane: [{ actionId: "espionage", target: "veldmark", sector: "energy" }],
      saranth: [{ actionId: "call-for-calm" }],
    });
    expect(commitment(d.state, "incident-reporting")!.breaches).toEqual([
      expect.objectContaining({ teamId: "corvane", turn: 4 }),
    ]);

    // turn 5: Veldmark will not sign a statement while Corvane's operations go on; turn 6 passes quietly
    d.advanceTo("deliberation");
    d.do(team("saranth"), {
      type: "proposal.create",
      kind: "statement",
      text: "We will keep hospitals and water out of this dispute.",
    });
    d.do(team("veldmark"), { type: "proposal.respond", proposalId: d.state.proposals.at(-1)!.id, accept: false });
    play(d, { veldmark: [{ actionId: "public-briefing" }], ostmere: [{ actionId: "call-for-calm" }] });
    d.advanceTo("deliberation");
    play(d, { saranth: [{ actionId: "restore" }] });
    d.do(control, { type: "phase.advance" });

    expect(d.state.outcome?.kind).toBe("time");
    expect(d.state.history).toHaveLength(6);
    expect(commitment(d.state, "civilian-shield")).toBeUndefined();
    expect(commitment(d.state, "regional-hotline")!.status).toBe("active"); // every message was answered
    // rules 3.0: nobody had Veldmark's hospital ransomware verified, so it weighed on Veldmark's government every
    // turn; under that pressure its hardliners pushed the crisis up in the last turns, short of confrontation
    expect(d.state.incidents.find((i) => i.title === "Hospital ransomware")).toMatchObject({ verifications: 0 });
    const mounting = d.state.log.flatMap((e) =>
      e.type === "pressure.mounting" && e.team === "veldmark" ? [e.turn] : [],
    );
    expect(mounting).toEqual([1, 2, 3, 4, 5, 6]);
    const hard = d.state.model.hardlinerEscalation;
    const pushes = d.state.log.flatMap((e) =>
      e.type === "escalation.changed" && e.cause.kind === "pressure" && e.to - e.from === hard ? [e.cause.team] : [],
    );
    expect(pushes).toContain("veldmark");
    expect(d.state.escalation).toBeLessThan(TOP);
    expect(replay(d.recording())).toEqual(d.state);
  });
});
