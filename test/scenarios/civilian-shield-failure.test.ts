// Civilian Shield under rules 3.0, failure: a hasty signature, false accusations
// made before verification, and reprisals climb to armed confrontation (the other
// endings are in civilian-shield.test.ts).
import { describe, expect, it } from "vitest";
import { mediator } from "../helpers/driver.ts";
import { TOP, actionNamed, agree, begin, commitment, inc, inject, logOf, play } from "./civilian-shield-play.ts";
import { replay } from "../../shared/engine/index.ts";
import { ATTRIBUTION_ESCALATION } from "../../shared/engine/attribution.ts";

describe("civilian-shield scenario: failure", () => {
  it("failure: a hasty signature, false accusations and reprisals climb to armed confrontation", () => {
    const d = begin("shield-failure");
    // all four sign the shield before a single fact is verified
    agree(d, mediator, { kind: "cbm", cbmId: "civilian-shield" });
    const hospital = inc(d, "Hospital ransomware");
    play(d, {
      veldmark: [
        { actionId: "attribute", target: "corvane", incidentId: hospital },
        { actionId: "demarche", target: "corvane" },
        { actionId: "harden" },
      ],
      corvane: [
        { actionId: "attribute", target: "saranth", incidentId: inc(d, "Water utility ransomware") },
        { actionId: "sanctions", target: "veldmark" },
        { actionId: "restore" },
        { actionId: "public-briefing" },
      ],
      saranth: [{ actionId: "demarche", target: "corvane" }, { actionId: "harden" }, { actionId: "public-briefing" }],
      ostmere: [{ actionId: "harden" }, { actionId: "public-briefing" }],
    });
    // the hospitals were hit by criminals: blaming Corvane is a misattribution, and so is Corvane blaming Saranth
    const blame = d.state.incidents.find((i) => i.id === hospital)!.attributions;
    expect(blame).toEqual([expect.objectContaining({ by: "veldmark", accused: "corvane", correct: false })]);
    expect(d.state.incidents.flatMap((i) => i.attributions).filter((a) => !a.correct)).toHaveLength(2);
    // rules 3.0: both were made before verification on evidence under 60 %: each escalates by the hasty step too
    const accusations = d.state.log.flatMap((e) =>
      e.type === "escalation.changed" && e.cause.kind === "accusation" ? [e.to - e.from] : [],
    );
    expect(accusations).toEqual([0, 0].map(() => ATTRIBUTION_ESCALATION + d.state.model.hastyEscalation));
    // -15 standing for the misattribution, -5 because the evidence was weak (45 %), -3 from Corvane's sanctions
    const veldmarkStanding = d.state.teams.veldmark!.standing;
    expect(veldmarkStanding).toBe(60 - 15 - 5 - 3);
    expect(inject(d.state, "false-accusation")).toMatchObject({ status: "released", releasedBy: "trigger" });
    expect(logOf(d.state, "corvane")).toContainEqual(
      expect.objectContaining({ type: "attribution.made", accuser: "veldmark", accused: "corvane", correct: false }),
    );
    // Corvane's sanctions (severity 2) were ordered at the same time as the accusation, so they answer nothing
    // Corvane had suffered before this turn: orders are simultaneous, and the sanctions count as unprovoked
    expect(d.state.log).toContainEqual(
      expect.objectContaining({
        type: "action.disproportionate",
        actor: "corvane",
        action: actionNamed(d.state, "Targeted economic measures"),
        provocation: 0,
      }),
    );

    // turn 2: Veldmark finds the implant and hits Corvane's water, breaking the shield it signed
    d.advanceTo("deliberation");
    play(d, {
      veldmark: [
        { actionId: "disrupt", target: "corvane", sector: "water" },
        { actionId: "sanctions", target: "corvane" },
      ],
      corvane: [
        { actionId: "disrupt", target: "veldmark", sector: "energy" },
        { actionId: "espionage", target: "veldmark", sector: "telecom" },
        { actionId: "public-briefing" },
      ],
      saranth: [{ actionId: "sanctions", target: "corvane" }, { actionId: "harden" }],
      ostmere: [{ actionId: "call-for-calm" }],
    });
    const shield = commitment(d.state, "civilian-shield")!;
    expect(shield.status).toBe("broken");
    expect(shield.breaches).toEqual([
      expect.objectContaining({
        teamId: "veldmark",
        turn: 2,
        reason: { kind: "protected-sectors", sectors: expect.arrayContaining(["water"]) },
      }),
    ]);
    expect(d.state.teams.veldmark!.standing).toBe(veldmarkStanding - 10);
    expect(inject(d.state, "shield-broken")).toMatchObject({
      status: "released",
      releasedBy: "trigger",
      releasedTurn: 2,
    });

    // reprisals continue until the top rung ends the exercise
    for (let turn = 3; turn <= 6 && d.state.status !== "ended"; turn++) {
      d.advanceTo("deliberation");
      play(d, {
        veldmark: [
          { actionId: "disrupt", target: "corvane", sector: "energy" },
          { actionId: "sanctions", target: "corvane" },
        ],
        corvane: [
          { actionId: "disrupt", target: "veldmark", sector: "health" },
          { actionId: "disrupt", target: "veldmark", sector: "telecom" },
        ],
      });
    }
    expect(d.state.outcome?.kind).toBe("failure");
    expect(d.state.escalation).toBeGreaterThanOrEqual(TOP);
    const crossed = d.state.log.flatMap((l) => (l.type === "redline.crossed" ? [l.line] : []));
    expect(crossed).toEqual(["public-blame", "state-operations", "civilian-reprisals"]);
    expect(inject(d.state, "commands-alert").status).toBe("released");
    expect(replay(d.recording())).toEqual(d.state);
  });
});
