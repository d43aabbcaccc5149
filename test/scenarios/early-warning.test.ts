// The "early-warning" scenario: two nuclear-armed states without a direct line,
// an early-warning outage nobody in either capital caused, and a mediator that
// carries messages until a hotline is agreed. Scripted exercises reach each end.
import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";
import { crossedRedLines, replay, trustOf } from "../../shared/engine/index.ts";
import type { OrderItemInput } from "../../shared/protocol/commands.ts";

// played under rules 2.2, the rules this story was written for: rules 3.0 retune the crisis model (issue 12)
const PLAYED_UNDER = "2.2.0";

const V = team("valdera");
const K = team("korsa");

function begin(seed: string): Driver {
  const d = new Driver(loadScenario("early-warning"), seed, PLAYED_UNDER);
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}

/** Submits both teams' orders, adjudicates, and moves to the next turn's deliberation (or the end). */
function playTurn(d: Driver, valdera: OrderItemInput[], korsa: OrderItemInput[]): void {
  d.advanceTo("decision");
  d.do(V, { type: "orders.submit", actions: valdera });
  d.do(K, { type: "orders.submit", actions: korsa });
  d.advanceTo("summary");
  if (d.state.status !== "ended") d.do(control, { type: "phase.advance" });
  d.advanceTo("deliberation");
}

/** `by` proposes the measure to both states; every party that has not yet accepted accepts. */
function adopt(d: Driver, by: typeof mediator, cbmId: string): void {
  const id = d.do(by, { type: "proposal.create", kind: "cbm", cbmId }).proposals.at(-1)!.id;
  for (const t of ["valdera", "korsa"])
    if (!d.state.proposals.at(-1)!.accepted.includes(t))
      d.do(team(t), { type: "proposal.respond", proposalId: id, accept: true });
}

const lastMessage = (d: Driver) => d.state.messages.at(-1)!.id;
const released = (d: Driver, id: string) => d.state.injects.find((i) => i.id === id)!;

/** Turn 1 through the mediator only: confirm, relay, assess, relay back. */
function confirmThroughMediator(d: Driver): void {
  d.do(V, {
    type: "hotline.send",
    to: "mediator",
    kind: "confirm",
    text: "Did any Korsa unit act against our northern radar network last night?",
  });
  d.do(mediator, { type: "hotline.relay", messageId: lastMessage(d), to: "korsa" });
  d.do(K, {
    type: "hotline.send",
    to: "mediator",
    kind: "assess",
    text: "No Korsa operation caused the outage. We are ready to compare data.",
  });
  d.do(mediator, { type: "hotline.relay", messageId: lastMessage(d), to: "valdera" });
}

describe("early-warning scenario", () => {
  it("reaches the agreement: the mediator carries messages until a direct hotline is adopted, then pre-notification seals it", () => {
    const d = begin("ew-agree");
    expect(d.state.hotlines).toEqual([]);
    // the early-warning outage is public, points at Korsa on weak evidence, and was done by nobody in either capital
    const inc = d.state.incidents[0]!;
    expect(inc).toMatchObject({ victim: "valdera", sector: "defence", culprit: null, public: true });
    expect(inc.evidence).toEqual({ suspect: "korsa", confidence: 0.4 });
    expect(d.try(V, { type: "hotline.send", to: "korsa", kind: "confirm", text: "Was this you?" })).toMatch(
      /no hotline/,
    );

    const trust0 = trustOf(d.state, "valdera", "korsa");
    const esc0 = d.state.escalation;
    confirmThroughMediator(d);
    // relayed traffic carries the facts but builds no trust and cools nothing between the capitals
    expect(trustOf(d.state, "valdera", "korsa")).toBe(trust0);
    expect(d.state.escalation).toBe(esc0);
    expect(d.state.messages.filter((m) => m.relayOf)).toHaveLength(2);

    adopt(d, mediator, "direct-hotline");
    expect(d.state.hotlines).toEqual(["korsa|valdera"]);
    expect(d.state.escalation).toBe(esc0 - 3);
    const trust1 = trustOf(d.state, "valdera", "korsa");
    expect(trust1).toBe(trust0 + 8);

    // a timely answer to a deconflict message: +3 trust and −1 escalation
    d.do(V, {
      type: "hotline.send",
      to: "korsa",
      kind: "deconflict",
      text: "We will not change alert levels while the Centre examines the samples.",
    });
    d.do(K, {
      type: "hotline.send",
      to: "valdera",
      kind: "deconflict",
      text: "Agreed. Our forces stay at routine readiness.",
    });
    expect(trustOf(d.state, "valdera", "korsa")).toBe(trust1 + 3);
    expect(d.state.escalation).toBe(esc0 - 4);
    d.do(mediator, { type: "mediator.verify", incidentId: inc.id });
    // the evidence pointed at Korsa but nobody in either capital did it: with this seed the 60 % correction
    // roll succeeds, so the trail now points at no state, from max(0.4, 0.5) + verifyBoost 0.25 / 2
    expect(d.state.incidents[0]!.evidence).toEqual({ suspect: null, confidence: 0.63 });
    playTurn(
      d,
      [{ actionId: "harden-warning" }, { actionId: "public-briefing" }],
      [{ actionId: "share-telemetry", target: "valdera" }],
    );

    // turn 2: Korsa notifies Iron Vigil before running it
    expect(released(d, "iron-vigil").audience).toEqual(["korsa"]);
    d.do(K, {
      type: "hotline.send",
      to: "valdera",
      kind: "notify",
      text: "Exercise Iron Vigil starts tonight: bomber dispersal, no live weapons.",
    });
    d.do(V, { type: "hotline.send", to: "korsa", kind: "assess", text: "Noted. We will watch it as an exercise." });
    const seen = d.state.log.length;
    playTurn(
      d,
      [{ actionId: "harden-warning" }, { actionId: "public-briefing" }],
      [{ actionId: "strategic-exercise", target: "valdera" }, { actionId: "harden-warning" }],
    );
    // the notify cut the misread chance from 0.6 to 0.18; whichever way the seeded roll fell, Valdera's picture says it was notified
    const perception = d.state.log
      .slice(seen)
      .filter((e) => (e.type === "misperception" || e.type === "perception.correct") && e.audience.includes("valdera"));
    expect(perception).toHaveLength(1);
    expect(perception[0]).toMatchObject({ actor: "korsa", target: "valdera", notified: true, identified: true });

    // turn 3: pre-notification on top of the hotline concludes the agreement at once
    adopt(d, K, "pre-notification");
    expect(d.state.status).toBe("ended");
    expect(d.state.outcome).toMatchObject({ kind: "agreement", turn: 3 });
    expect(d.state.commitments.map((c) => [c.cbmId, c.status])).toEqual([
      ["direct-hotline", "active"],
      ["pre-notification", "active"],
    ]);
    expect(d.state.escalation).toBeLessThan(d.scenario.ladder.start);
    expect(crossedRedLines(d.scenario.ladder, d.state.peakEscalation)).toEqual([]);
    expect(replay(d.recording())).toEqual(d.state);
  });

  it("ends in failure when Valdera blames the wrong state and both sides climb to the top rung", () => {
    const d = begin("ew-fail");
    d.do(V, {
      type: "hotline.send",
      to: "mediator",
      kind: "confirm",
      text: "We hold Korsa responsible unless it can prove otherwise.",
    });
    d.do(mediator, { type: "hotline.relay", messageId: lastMessage(d), to: "korsa" });
    adopt(d, mediator, "no-target-warning");

    // turn 1: a public attribution on 40% evidence, against a state that did not do it
    const standing = d.state.teams.valdera!.standing;
    const trust = trustOf(d.state, "valdera", "korsa");
    playTurn(
      d,
      [
        { actionId: "attribute", target: "korsa", incidentId: d.state.incidents[0]!.id },
        { actionId: "harden-warning" },
      ],
      [{ actionId: "network-probe", target: "valdera" }, { actionId: "public-briefing" }],
    );
    const attribution = d.state.incidents[0]!.attributions[0]!;
    expect(attribution).toMatchObject({ by: "valdera", accused: "korsa", turn: 1, confidence: 0.4, correct: false });
    // a misattribution costs 15 standing, weak evidence (40 %) 5 more; nothing else touches Valdera's standing this turn
    expect(d.state.teams.valdera!.standing).toBe(standing - 15 - 5);
    // −5 for public blame, −15 for getting it wrong, and −6 more if the probe was misread
    const probeMisread = d.state.log.some((e) => e.type === "misperception" && e.turn === 1 && e.target === "valdera");
    expect(trustOf(d.state, "valdera", "korsa")).toBe(trust - 20 - (probeMisread ? 6 : 0));
    expect(released(d, "attribution-contested")).toMatchObject({
      status: "released",
      releasedBy: "trigger",
      releasedTurn: 1,
    });

    // turn 2: Valdera raises its alert; Korsa answers by blinding Valdera's early warning — breaking the no-target promise
    const korsaStanding = d.state.teams.korsa!.standing;
    playTurn(
      d,
      [
        { actionId: "raise-alert", target: "korsa" },
        { actionId: "sanctions", target: "korsa" },
      ],
      [{ actionId: "blind-warning", target: "valdera" }],
    );
    const broken = d.state.commitments.find((c) => c.cbmId === "no-target-warning")!;
    expect(broken.status).toBe("broken");
    expect(broken.breaches[0]).toMatchObject({ teamId: "korsa", turn: 2 });
    expect(d.state.teams.korsa!.standing).toBe(korsaStanding - 10);
    expect(released(d, "breach-concern").status).toBe("released");
    expect(released(d, "alert-reaction").status).toBe("released");
    expect(d.state.incidents.some((i) => i.victim === "valdera" && i.culprit === "korsa" && i.severity === 5)).toBe(
      true,
    );

    for (let turn = 3; d.state.status !== "ended"; turn++) {
      expect(turn).toBeLessThanOrEqual(5);
      playTurn(
        d,
        [
          { actionId: "raise-alert", target: "korsa" },
          { actionId: "disrupt-military", target: "korsa", sector: "defence" },
        ],
        [
          { actionId: "raise-alert", target: "valdera" },
          { actionId: "blind-warning", target: "valdera" },
        ],
      );
    }
    expect(d.state.outcome!.kind).toBe("failure");
    expect(d.state.escalation).toBeGreaterThanOrEqual(90);
    expect(crossedRedLines(d.scenario.ladder, d.state.escalation)).toEqual([
      "ew-interference",
      "nc3-attack",
      "nuclear-alert",
    ]);
    expect(released(d, "brink-warning").status).toBe("released");
    expect(replay(d.recording())).toEqual(d.state);
  });

  it("runs out of time when the hotline is built but pre-notification is refused and a message is left unanswered", () => {
    const d = begin("ew-time-2");
    confirmThroughMediator(d);
    adopt(d, mediator, "direct-hotline");
    adopt(d, V, "cooling-off");
    playTurn(
      d,
      [{ actionId: "harden-warning" }, { actionId: "public-briefing" }],
      [{ actionId: "share-telemetry", target: "valdera" }, { actionId: "harden-warning" }],
    );

    // turn 2: Korsa refuses pre-notification, ignores Valdera's question and runs Iron Vigil unannounced
    const proposal = d.do(V, { type: "proposal.create", kind: "cbm", cbmId: "pre-notification" }).proposals.at(-1)!.id;
    d.do(K, { type: "proposal.respond", proposalId: proposal, accept: false });
    d.do(V, {
      type: "hotline.send",
      to: "korsa",
      kind: "confirm",
      text: "Are your bombers moving to forward airfields?",
    });
    const trust = trustOf(d.state, "valdera", "korsa");
    const korsaStanding = d.state.teams.korsa!.standing;
    const seen = d.state.log.length;
    playTurn(
      d,
      [{ actionId: "harden-warning" }, { actionId: "public-briefing" }],
      [{ actionId: "strategic-exercise", target: "valdera" }],
    );
    const turnLog = d.state.log.slice(seen);
    // the exercise was not notified: Valdera misreads it with chance 0.6 (seeded); a misread costs 6 trust
    const misread = turnLog.some((e) => e.type === "misperception" && e.target === "valdera");
    expect(misread).toBe(true); // this seed's roll falls under 0.6; the sums below hold either way
    // the unanswered message lapsed at the end of the turn: −3 trust, and the hotline commitment is broken by Korsa (−10 trust, −10 standing)
    expect(d.state.messages.find((m) => m.kind === "confirm" && m.turn === 2)!.lapsed).toBe(true);
    const hotline = d.state.commitments.find((c) => c.cbmId === "direct-hotline")!;
    expect(hotline.status).toBe("broken");
    expect(hotline.breaches[0]).toMatchObject({ teamId: "korsa", turn: 2 });
    expect(trustOf(d.state, "valdera", "korsa")).toBe(trust - (misread ? 6 : 0) - 3 - 10);
    expect(d.state.teams.korsa!.standing).toBe(korsaStanding - 10);
    // triggers are checked after the command that ended turn 2, which also opened turn 3
    expect(released(d, "breach-concern")).toMatchObject({ status: "released", releasedBy: "trigger", releasedTurn: 3 });
    // the breach adds 5 escalation, the turn-3 timing fault 3 more
    expect(d.state.escalation).toBe(d.state.history[1]!.escalationAfter + 5 + 3);
    // the line itself stays up: a broken promise does not cut the wire
    expect(
      d.try(V, { type: "hotline.send", to: "korsa", kind: "convene", text: "Let us meet at the Centre." }),
    ).toBeNull();
    d.do(K, { type: "hotline.send", to: "valdera", kind: "convene", text: "Agreed." });

    // turn 3: the cooling-off timeline falls due (adopted turn 1, within 2 turns): kept only below "Heightened alert"
    playTurn(d, [{ actionId: "public-briefing" }], [{ actionId: "restraint-declaration" }]);
    const timeline = d.state.commitments.find((c) => c.cbmId === "cooling-off")!;
    const endOfTurn3 = d.state.history[2]!.escalationAfter;
    expect(timeline.status).toBe(endOfTurn3 < 30 ? "fulfilled" : "broken");
    expect(released(d, "korsa-timing-fault").audience).toEqual(["korsa"]);
    expect(d.state.incidents[1]).toMatchObject({
      victim: "korsa",
      culprit: null,
      evidence: { suspect: "valdera", confidence: 0.55 },
      public: false,
    });

    playTurn(d, [{ actionId: "harden-warning" }], [{ actionId: "investigate", incidentId: d.state.incidents[1]!.id }]);
    playTurn(d, [{ actionId: "public-briefing" }], [{ actionId: "harden-warning" }]);
    expect(d.state.status).toBe("ended");
    expect(d.state.outcome).toMatchObject({ kind: "time", turn: 5 });
    expect(d.state.history).toHaveLength(5);
    expect(d.state.escalation).toBeLessThan(90);
    expect(replay(d.recording())).toEqual(d.state);
  });
});
