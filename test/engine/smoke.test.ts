import { describe, expect, it } from "vitest";
import { Driver, control, team, mediator } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";
import { replay, view } from "../../shared/engine/index.ts";

describe("tutorial smoke", () => {
  it("plays its four turns", () => {
    const d = new Driver(loadScenario("tutorial"));
    d.do(control, { type: "exercise.start" });
    d.advanceTo("deliberation");
    d.do(team("borealis"), { type: "hotline.send", to: "austral", kind: "confirm", text: "Did you do this?" });
    d.do(team("austral"), { type: "hotline.send", to: "borealis", kind: "assess", text: "No." });
    d.advanceTo("decision");
    d.do(team("borealis"), {
      type: "orders.submit",
      actions: [{ actionId: "harden" }, { actionId: "probe", target: "austral" }],
    });
    d.advanceTo("adjudication");
    d.advanceTo("summary");
    for (const turn of [2, 3, 4]) {
      d.advanceTo("briefing");
      expect(d.state.turn).toBe(turn);
      d.advanceTo("summary");
    }
    d.do(control, { type: "phase.advance" });
    expect(d.state.status).toBe("ended");
    expect(d.state.outcome).toMatchObject({ kind: "time", turn: 4 });
    console.log(
      view(d.state, { role: "team", teamId: "austral" })
        .log.map((e) => e.type)
        .join("\n"),
    );
    expect(replay(d.recording())).toEqual(d.state);
  });
});
