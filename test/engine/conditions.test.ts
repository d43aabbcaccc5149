// Inject triggers: compound conditions (all / some / not), an action against a
// named target, an attribution (and whether it was right, for control only),
// a measure adopted, the turn reached.
import { describe, expect, it } from "vitest";
import { Driver, control, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { view, type Viewer } from "../../shared/engine/index.ts";
import type { Condition, ScenarioInput } from "../../shared/scenario/schema.ts";

type InjectInput = NonNullable<ScenarioInput["injects"]>[number];

function triggered(id: string, when: Condition, audience: InjectInput["audience"] = ["all"]): InjectInput {
  return { id, title: `Title ${id}`, body: `BODY-${id}`, channel: "news", audience, when };
}

function start(injects: InjectInput[]): Driver {
  const d = new Driver(fixture((s) => s.injects!.push(...injects)));
  d.do(control, { type: "exercise.start" });
  return d;
}

const status = (d: Driver, id: string) => d.state.injects.find((i) => i.id === id)!.status;
const teams: Viewer[] = ["alpha", "beta", "gamma"].map((teamId) => ({ role: "team", teamId }));

describe("inject triggers", () => {
  it("all / some / not combine the turn and an action against a named target", () => {
    const d = start([
      triggered("after-sanction", {
        all: [
          { type: "turn", atLeast: 2 },
          { type: "action", action: "sanction", by: "alpha", against: "beta" },
        ],
      }),
      triggered("against-gamma", { type: "action", action: "sanction", against: "gamma" }),
      triggered("first-turn", {
        some: [{ type: "pressure", team: "gamma", atLeast: 99 }, { not: { type: "turn", atLeast: 2 } }],
      }),
    ]);
    // "not turn 2" holds at once: released as the exercise starts
    expect(status(d, "first-turn")).toBe("released");
    d.advanceTo("decision");
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "sanction", target: "beta" }] });
    d.advanceTo("summary");
    // the sanction against Beta happened, but the turn is still 1
    expect(status(d, "after-sanction")).toBe("pending");
    d.do(control, { type: "phase.advance" });
    expect(d.state.turn).toBe(2);
    expect(status(d, "after-sanction")).toBe("released");
    // it was not against Gamma
    expect(status(d, "against-gamma")).toBe("pending");
    expect(view(d.state, teams[2]!).injects.map((i) => i.id)).toContain("after-sanction");
  });

  it("an attribution releases its inject; whether it was right releases only a note to control", () => {
    const d = start([
      triggered("beta-blames-alpha", { type: "attribution", by: "beta", accused: "alpha" }),
      triggered("blames-gamma", { type: "attribution", accused: "gamma" }),
      triggered("wrongly", { type: "attribution", correct: false }, ["facilitator"]),
      triggered("rightly", { type: "attribution", correct: true }, ["facilitator"]),
    ]);
    d.advanceTo("decision");
    // the fixture's hack hit Beta; its evidence points at Alpha, but Gamma did it
    const inc = d.state.incidents[0]!;
    d.do(team("beta"), {
      type: "orders.submit",
      actions: [{ actionId: "attribute", incidentId: inc.id, target: "alpha" }],
    });
    d.do(control, { type: "phase.advance" });
    expect(status(d, "beta-blames-alpha")).toBe("released");
    expect(status(d, "blames-gamma")).toBe("pending");
    expect(status(d, "wrongly")).toBe("released");
    expect(status(d, "rightly")).toBe("pending");
    // control reads the note; no team, not even the accused who knows the truth, receives it
    expect(view(d.state, { role: "facilitator" }).injects.find((i) => i.id === "wrongly")?.status).toBe("released");
    for (const v of [...teams, { role: "mediator" } as const, { role: "observer" } as const]) {
      const seen = JSON.stringify(view(d.state, v));
      expect(seen).not.toContain("BODY-wrongly");
      expect(seen).not.toContain("Title wrongly");
    }
  });

  it("a measure adopted releases its inject; another measure's does not", () => {
    const d = start([
      triggered("on-hotline", { type: "measure-adopted", cbm: "hotline" }),
      triggered("on-notify", { type: "measure-adopted", cbm: "notify" }),
      triggered("on-a-measure", { type: "measure-adopted" }),
    ]);
    d.advanceTo("deliberation");
    d.do(team("alpha"), { type: "proposal.create", kind: "cbm", cbmId: "hotline", parties: ["alpha", "beta"] });
    expect(status(d, "on-hotline")).toBe("pending");
    const p = d.state.proposals[0]!;
    d.do(team("beta"), { type: "proposal.respond", proposalId: p.id, accept: true });
    expect(d.state.commitments.map((c) => c.cbmId)).toEqual(["hotline"]);
    expect(status(d, "on-hotline")).toBe("released");
    expect(status(d, "on-a-measure")).toBe("released");
    expect(status(d, "on-notify")).toBe("pending");
  });
});
