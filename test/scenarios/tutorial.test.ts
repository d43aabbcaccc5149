// "First Light" (tutorial): two turns, a blackout blamed on the wrong state.
// One scripted exercise per ending, reasoned from the rules in docs/scenario-format.md.
import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";
import { replay, rungIndex, trustOf } from "../../shared/engine/index.ts";

// played under rules 2.2, the rules this story was written for: rules 3.0 retune the crisis model (issue 12)
const PLAYED_UNDER = "2.2.0";

const B = team("borealis", "Bo");
const A = team("austral", "Al");
const scenario = loadScenario("tutorial");

function start(seed: string): Driver {
  const d = new Driver(scenario, seed, PLAYED_UNDER);
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}

describe("tutorial scenario", () => {
  it("agreement: the parties verify, talk, and issue a joint statement", () => {
    const d = start("tut-agree");
    const blackout = d.state.incidents[0]!;
    // the public evidence points at Austral (35 %), but a criminal group did it
    expect(blackout).toMatchObject({
      victim: "borealis",
      culprit: null,
      evidence: { suspect: "austral", confidence: 0.35 },
      public: true,
    });
    const trust0 = trustOf(d.state, "borealis", "austral");
    d.do(B, { type: "hotline.send", to: "austral", kind: "confirm", text: "Were Austral units active in our grid?" });
    d.do(
      A,
      { type: "hotline.send", to: "borealis", kind: "assess", text: "No. The toolkit was stolen from us." },
      60_000,
    );
    expect(trustOf(d.state, "borealis", "austral")).toBe(trust0 + 3);
    d.do(B, {
      type: "hotline.send",
      to: "mediator",
      kind: "assess",
      text: "Samples for you.",
      incidentId: blackout.id,
    });
    d.do(mediator, { type: "mediator.verify", incidentId: blackout.id });
    // verification moves wrong evidence toward the truth: corrected, or weaker
    const v = d.state.incidents[0]!.evidence;
    expect(v.suspect === null ? v.confidence >= 0.5 : v.confidence < 0.35).toBe(true);
    d.do(mediator, {
      type: "proposal.create",
      kind: "statement",
      text: "Both governments condemn the attack on the grid and will investigate together.",
    });
    const id = d.state.proposals[0]!.id;
    d.do(B, { type: "proposal.respond", proposalId: id, accept: true });
    expect(d.state.status).toBe("running");
    d.do(A, { type: "proposal.respond", proposalId: id, accept: true });
    expect(d.state.outcome).toMatchObject({ kind: "agreement", turn: 1 });
    expect(replay(d.recording())).toEqual(d.state);
  });

  it("failure: blaming Austral, then disrupting its infrastructure, climbs to armed conflict", () => {
    const d = start("tut-fail");
    d.advanceTo("decision");
    d.do(B, {
      type: "orders.submit",
      actions: [
        { actionId: "attribute", target: "austral", incidentId: d.state.incidents[0]!.id },
        { actionId: "disrupt", target: "austral", sector: "energy" },
      ],
    });
    d.do(A, { type: "orders.submit", actions: [{ actionId: "demarche", target: "borealis" }] });
    d.advanceTo("summary");
    const inc = d.state.incidents[0]!;
    expect(inc.attributions).toEqual([
      { by: "borealis", accused: "austral", turn: 1, suspect: "austral", confidence: 0.35, correct: false },
    ]);
    expect(d.state.injects.find((i) => i.id === "markets")!.releasedBy).toBe("trigger");
    // an unprovoked severity-3 disruption by Borealis: Austral's own incident
    expect(d.state.incidents.some((i) => i.victim === "austral" && i.culprit === "borealis")).toBe(true);
    d.advanceTo("decision");
    // Austral answers in kind, Borealis escalates to a destructive attack
    d.do(A, {
      type: "orders.submit",
      actions: [
        { actionId: "disrupt", target: "borealis", sector: "water" },
        {
          actionId: "attribute",
          target: "borealis",
          incidentId: d.state.incidents.find((i) => i.victim === "austral")!.id,
        },
      ],
    });
    d.do(B, { type: "orders.submit", actions: [{ actionId: "destroy", target: "austral", sector: "finance" }] });
    d.do(control, { type: "phase.advance" });
    expect(d.state.outcome?.kind).toBe("failure");
    expect(rungIndex(scenario.ladder, d.state.escalation)).toBe(scenario.ladder.rungs.length - 1);
    expect(replay(d.recording())).toEqual(d.state);
  });

  it("time: two quiet turns run out with the crisis contained", () => {
    const d = start("tut-time");
    d.do(B, {
      type: "hotline.send",
      to: "austral",
      kind: "deconflict",
      text: "We will not act before the investigation.",
    });
    const esc0 = d.state.escalation;
    d.do(A, { type: "hotline.send", to: "borealis", kind: "confirm", text: "Agreed." });
    // an answered deconflict message cools the crisis by 1
    expect(d.state.escalation).toBe(esc0 - 1);
    for (let turn = 1; turn <= 2; turn++) {
      d.advanceTo("decision");
      d.do(B, { type: "orders.submit", actions: [{ actionId: "harden" }, { actionId: "reassure" }] });
      d.do(A, { type: "orders.submit", actions: [{ actionId: "joint-statement-call" }] });
      d.advanceTo("summary");
      if (turn === 1) d.do(control, { type: "phase.advance" });
    }
    d.do(control, { type: "phase.advance" });
    expect(d.state.outcome).toMatchObject({ kind: "time", turn: 2 });
    // quiet turns cool: the exercise ends below the first red line
    expect(d.state.escalation).toBeLessThan(scenario.ladder.rungs.find((r) => r.id === "dispute")!.from);
    expect(replay(d.recording())).toEqual(d.state);
  });
});
