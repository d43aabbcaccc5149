// The turn-results card sits on the board, which control may be projecting:
// from control's own view it shows only what everyone was told; a team sees
// its own results.
import { describe, expect, it } from "vitest";
import { view } from "../../shared/engine/index.ts";
import { resultsOf } from "../../client/panels/results.ts";
import { Driver, control, team } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";

describe("the turn-results card", () => {
  it("shows control only public lines, and each team what it may know", () => {
    const d = new Driver(loadScenario("tutorial"), "results-card");
    d.do(control, { type: "exercise.start" });
    d.advanceTo("decision");
    // Borealis probes Austral covertly: control's log says who; the card on the projector must not
    d.do(team("borealis"), { type: "orders.submit", actions: [{ actionId: "probe", target: "austral" }] });
    d.advanceTo("adjudication");

    const controlView = view(d.state, { role: "facilitator" });
    const all = controlView.log.filter((e) => e.turn === 1 && e.phase === "adjudication");
    expect(all.some((e) => e.text.startsWith("(covert) Borealis"))).toBe(true);
    const card = resultsOf(controlView, 1);
    expect(card.length).toBeGreaterThan(0);
    expect(card.every((e) => e.audience?.includes("all"))).toBe(true);
    expect(card.map((e) => e.text).join("\n")).not.toMatch(/covert|Probe/);
    expect(card[0]!.text).toMatch(/^Turn 1 /);

    const borealis = resultsOf(view(d.state, { role: "team", teamId: "borealis" }), 1).map((e) => e.text);
    expect(borealis).toContain("Borealis: Probe the other side's networks → Austral");
    const austral = resultsOf(view(d.state, { role: "team", teamId: "austral" }), 1).map((e) => e.text);
    expect(austral.join("\n")).not.toContain("Borealis: Probe");
  });
});
