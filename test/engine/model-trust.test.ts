// Rules 3.0, trust: distrust reads the worst into an ambiguous act, and an
// answered de-escalating hotline message calms the crisis by how far the two
// states trust each other.
import { describe, expect, it } from "vitest";
import { Driver, control, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import type { Ablation } from "../../shared/engine/model.ts";
import { init, trustOf } from "../../shared/engine/index.ts";

type Change = (s: ScenarioInput) => void;

/** Alpha and Beta start at `trust`; the probe is misread half the time at trust 50. */
function withTrust(trust: number): Change {
  return (s) => {
    s.trust = { default: 50, pairs: [{ a: "alpha", b: "beta", value: trust }] };
    s.actions!.find((a) => a.id === "probe")!.perception!.misreadChance = 0.5;
  };
}

function started(change: Change, seed = "trust", ablate: Ablation[] = []): Driver {
  const d = new Driver(fixture(change), seed);
  if (ablate.length) d.state = init(d.scenario, { seed, ablate });
  d.do(control, { type: "exercise.start" });
  return d;
}

/** Alpha probes Beta under seed after seed; the chance each misreading was rolled against, and how many happened. */
function misreadings(trust: number, ablate: Ablation[] = []): { chances: number[]; count: number } {
  const chances: number[] = [];
  for (let i = 0; i < 40; i++) {
    const d = started(withTrust(trust), `misread-${i}`, ablate);
    d.advanceTo("decision");
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "probe", target: "beta" }] });
    d.do(control, { type: "phase.advance" });
    for (const e of d.state.log) if (e.type === "misperception") chances.push(e.chance);
  }
  return { chances, count: chances.length };
}

/** Alpha notifies, then asks Beta to deconflict; Beta answers at once. The escalation the answer moved. */
function deconflictRelief(trust: number, ablate: Ablation[] = []): number {
  const d = started((s) => (s.trust = { default: 50, pairs: [{ a: "alpha", b: "beta", value: trust }] }), "t", ablate);
  d.advanceTo("deliberation");
  d.do(team("alpha"), { type: "hotline.send", to: "beta", kind: "notify", text: "Exercise at sea" });
  d.do(team("alpha"), { type: "hotline.send", to: "beta", kind: "deconflict", text: "Keep ships apart" });
  const esc0 = d.state.escalation;
  d.do(team("beta"), { type: "hotline.send", to: "alpha", kind: "text", text: "Agreed" });
  return d.state.escalation - esc0;
}

describe("model: trust", () => {
  it("misreading is likelier between states that distrust each other, scaled around trust 50", () => {
    const low = misreadings(20);
    const mid = misreadings(50);
    const high = misreadings(80);
    // every misreading at one trust was rolled against the same chance: the probe's 50 % at trust 50
    for (const m of [low, mid, high]) expect(new Set(m.chances).size).toBe(1);
    expect(mid.chances[0]).toBe(0.5);
    // distrust (20) raises it as far as trust (80) lowers it
    expect(low.chances[0]!).toBeGreaterThan(0.5);
    expect(high.chances[0]!).toBeLessThan(0.5);
    expect(low.chances[0]! - 0.5).toBeCloseTo(0.5 - high.chances[0]!, 10);
    expect(low.count).toBeGreaterThan(mid.count);
    expect(mid.count).toBeGreaterThan(high.count);
  });

  it("with trust switched off, misreading does not depend on trust", () => {
    expect(new Set(misreadings(20, ["trust"]).chances)).toEqual(new Set([0.5]));
    expect(new Set(misreadings(80, ["trust"]).chances)).toEqual(new Set([0.5]));
  });

  it("distrust never pushes the misreading chance over 95 %, nor below what the designer wrote", () => {
    const chanceAt = (misread: number) => {
      const d = started((s) => {
        s.trust = { default: 50, pairs: [{ a: "alpha", b: "beta", value: 0 }] };
        s.actions.find((a) => a.id === "probe")!.perception!.misreadChance = misread;
      });
      d.advanceTo("decision");
      d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "probe", target: "beta" }] });
      d.do(control, { type: "phase.advance" });
      return d.state.log.flatMap((e) => (e.type === "misperception" ? [e.chance] : []));
    };
    // 0.6 at trust 0 would be 1.2: capped at 0.95; a designer's 1 (always) stays 1
    expect(chanceAt(0.6)).toEqual([0.95]);
    expect(chanceAt(1)).toEqual([1]);
  });

  it("an answered deconflict message calms by trust: −2 at 60 or more, −1 at 30 or more, nothing below", () => {
    // the answer itself earns 3 trust first: 57 + 3 reaches 60
    expect(deconflictRelief(70)).toBe(-2);
    expect(deconflictRelief(57)).toBe(-2);
    expect(deconflictRelief(56)).toBe(-1);
    expect(deconflictRelief(27)).toBe(-1);
    expect(deconflictRelief(26)).toBe(0);
    expect(deconflictRelief(5)).toBe(0);
  });

  it("with trust switched off, an answered deconflict message always calms by 1", () => {
    for (const trust of [5, 40, 90]) expect(deconflictRelief(trust, ["trust"])).toBe(-1);
  });

  it("an answer earns trust whatever the trust switch (it is the protocol's reward, not trust's effect)", () => {
    const d = started(withTrust(40), "t", ["trust"]);
    d.advanceTo("deliberation");
    d.do(team("alpha"), { type: "hotline.send", to: "beta", kind: "confirm", text: "Line check" });
    d.do(team("beta"), { type: "hotline.send", to: "alpha", kind: "text", text: "Loud and clear" });
    expect(trustOf(d.state, "alpha", "beta")).toBe(43);
  });
});
