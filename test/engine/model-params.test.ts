// Rules 3.0, which model an exercise runs: older recordings keep the neutral
// legacy numbers (and replay exactly as they were played), new exercises get the
// rules-3.0 model tuned by the scenario, and the lab can switch trust or standing off.
import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { init, replay } from "../../shared/engine/index.ts";
import { LEGACY_MODEL, MODEL, modelFor } from "../../shared/engine/model.ts";

describe("model: which numbers an exercise runs", () => {
  it("rules 2.x get the legacy model, whatever the scenario tunes", () => {
    for (const version of ["1.1.0", "2.0.0", "2.1.0", "2.2.0"]) {
      expect(modelFor(version)).toEqual(LEGACY_MODEL);
      expect(modelFor(version, { repeatFactor: 0.1, pressurePerIncident: 9 })).toEqual(LEGACY_MODEL);
    }
    expect(LEGACY_MODEL).toMatchObject({ legacy: true, trust: false, standing: false, pressurePerIncident: 0 });
  });

  it("rules 3.0 get the model, with the scenario's tuning over its defaults", () => {
    expect(modelFor("3.0.0")).toEqual(MODEL);
    const tuned = modelFor("3.0.0", { pressurePerIncident: 7, repeatFactor: 0.8, hastyEscalation: 0 });
    expect(tuned).toEqual({ ...MODEL, pressurePerIncident: 7, repeatFactor: 0.8, hastyEscalation: 0 });
    // an exercise takes its scenario's tuning when it is created
    const d = new Driver(fixture((s) => (s.model = { inconclusiveChance: 0, pressurePerIncident: 2 })));
    expect(d.state.model).toEqual({ ...MODEL, inconclusiveChance: 0, pressurePerIncident: 2 });
    expect(new Driver(fixture(), "s", "2.2.0").state.model).toEqual(LEGACY_MODEL);
  });

  it("ablation switches trust or standing off, and nothing else", () => {
    expect(modelFor("3.0.0", {}, ["trust"])).toEqual({ ...MODEL, trust: false });
    expect(modelFor("3.0.0", {}, ["standing"])).toEqual({ ...MODEL, standing: false });
    expect(modelFor("3.0.0", { repeatFactor: 0.7 }, ["trust", "standing"])).toEqual({
      ...MODEL,
      repeatFactor: 0.7,
      trust: false,
      standing: false,
    });
    expect(init(fixture(), { seed: "s", ablate: ["standing"] }).model).toEqual({ ...MODEL, standing: false });
  });

  it("a game played under rules 2.2 replays to exactly the state it was played to", () => {
    const d = new Driver(
      fixture((s) => (s.injects![3]!.incident!.public = true)),
      "legacy-replay",
      "2.2.0",
    );
    d.do(control, { type: "exercise.start" });
    d.advanceTo("deliberation");
    const inc = d.state.incidents[0]!;
    d.do(team("alpha"), { type: "hotline.send", to: "beta", kind: "deconflict", text: "Not us" });
    d.do(team("beta"), { type: "hotline.send", to: "alpha", kind: "text", text: "Noted" });
    d.do(mediator, { type: "mediator.convene", parties: ["alpha", "beta"], text: "Talks" });
    d.do(mediator, { type: "mediator.verify", incidentId: inc.id });
    d.advanceTo("decision");
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "probe", target: "beta" }] });
    d.do(team("beta"), {
      type: "orders.submit",
      actions: [{ actionId: "attribute", incidentId: inc.id, target: "alpha" }, { actionId: "calm-public" }],
    });
    d.do(team("gamma"), { type: "orders.submit", actions: [{ actionId: "strike", target: "beta", sector: "water" }] });
    d.advanceTo("summary");
    d.do(control, { type: "phase.advance" });
    d.advanceTo("decision");
    d.do(team("beta"), { type: "orders.submit", actions: [{ actionId: "calm-public" }] });
    d.advanceTo("summary");
    // legacy numbers: nothing of rules 3.0 happened
    const kinds = new Set(d.state.log.map((e) => e.type));
    for (const k of ["pressure.mounting", "action.failed", "action.caught", "agreement.concluded"])
      expect(kinds.has(k as never)).toBe(false);
    expect(d.state.uses).toEqual({});
    expect(replay(d.recording())).toEqual(d.state);
  });
});
