// Rules 3.0, the hotline protocol: confirm → assess → notify → deconflict →
// convene. A message in order earns its full effect, one out of order half the
// trust and no cooling; lateness is graded; a pair cools the crisis once a turn.
import { describe, expect, it } from "vitest";
import { Driver, control, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { trustOf } from "../../shared/engine/index.ts";

/** timely answers are within 300 s in the fixture */
const LIMIT_MS = 300_000;

function talking(): Driver {
  const d = new Driver(fixture());
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}

type Kind = "confirm" | "assess" | "notify" | "deconflict" | "convene";

/** Alpha sends `kind`, Beta answers after `afterMs`: what the answer did to trust and to escalation. */
function exchange(d: Driver, kind: Kind, afterMs = 1000): { trust: number; escalation: number } {
  d.do(team("alpha"), { type: "hotline.send", to: "beta", kind, text: `${kind} please` });
  const trust0 = trustOf(d.state, "alpha", "beta");
  const esc0 = d.state.escalation;
  d.do(team("beta"), { type: "hotline.send", to: "alpha", kind: "text", text: "Answer" }, afterMs);
  return { trust: trustOf(d.state, "alpha", "beta") - trust0, escalation: d.state.escalation - esc0 };
}

describe("model: the hotline protocol", () => {
  it("a first step (confirm) is always in order and earns the full 3 trust", () => {
    expect(exchange(talking(), "confirm").trust).toBe(3);
  });

  it("a message whose previous step the pair took earlier is in order and earns the full 3 trust", () => {
    const d = talking();
    exchange(d, "confirm");
    expect(exchange(d, "assess").trust).toBe(3);
    // the step before may have been taken by either side
    d.do(team("beta"), { type: "hotline.send", to: "alpha", kind: "notify", text: "Heads up" });
    d.do(team("alpha"), { type: "hotline.send", to: "beta", kind: "text", text: "Thanks" });
    // four full answers took trust from 50 to 62: the cooling is 2 (model-trust.test.ts)
    expect(exchange(d, "deconflict")).toEqual({ trust: 3, escalation: -2 });
  });

  it("a message out of order earns half the trust (rounded: 2 of 3) and does not cool the crisis", () => {
    expect(exchange(talking(), "assess").trust).toBe(2);
    // a deconflict with no notify before it
    expect(exchange(talking(), "deconflict")).toEqual({ trust: 2, escalation: 0 });
    // a convene with no deconflict before it, even after every other step
    const d = talking();
    for (const k of ["confirm", "assess", "notify"] as const) exchange(d, k);
    expect(exchange(d, "convene")).toEqual({ trust: 2, escalation: 0 });
  });

  it("steps another pair took do not put this pair's message in order", () => {
    const d = new Driver(fixture((s) => (s.hotline = { initial: "all", timelySeconds: 300 })));
    d.do(control, { type: "exercise.start" });
    d.advanceTo("deliberation");
    d.do(team("alpha"), { type: "hotline.send", to: "gamma", kind: "notify", text: "To Gamma" });
    expect(exchange(d, "deconflict")).toEqual({ trust: 2, escalation: 0 });
  });

  it("lateness is graded: all the trust within the response time, 2/3 within twice, 1/3 within three times, none later", () => {
    const cases: [number, number][] = [
      [LIMIT_MS, 3],
      [LIMIT_MS + 1, 2],
      [2 * LIMIT_MS, 2],
      [2 * LIMIT_MS + 1, 1],
      [3 * LIMIT_MS, 1],
      [3 * LIMIT_MS + 1, 0],
      [10 * LIMIT_MS, 0],
    ];
    for (const [after, trust] of cases) expect(exchange(talking(), "confirm", after).trust, `${after} ms`).toBe(trust);
  });

  it("a late but graded answer to an in-order deconflict still cools; one later than three response times does not", () => {
    const ready = (): Driver => {
      const d = talking();
      d.do(team("alpha"), { type: "hotline.send", to: "beta", kind: "notify", text: "Heads up" });
      return d;
    };
    expect(exchange(ready(), "deconflict", 3 * LIMIT_MS)).toEqual({ trust: 1, escalation: -1 });
    expect(exchange(ready(), "deconflict", 3 * LIMIT_MS + 1)).toEqual({ trust: 0, escalation: 0 });
  });

  it("lateness and disorder combine: out of order and within twice the time earns 1 trust", () => {
    expect(exchange(talking(), "assess", 2 * LIMIT_MS).trust).toBe(1);
  });

  it("a pair cools the crisis once a turn, however many de-escalating exchanges it has", () => {
    const d = talking();
    exchange(d, "notify");
    expect(exchange(d, "deconflict").escalation).toBe(-1);
    // the same kind again earns less trust (repetition); another kind earns it whole
    expect(exchange(d, "deconflict")).toEqual({ trust: 2, escalation: 0 });
    expect(exchange(d, "convene")).toEqual({ trust: 3, escalation: 0 });
    // next turn the pair may cool it again: by 2 now, its answers brought trust to 60 (+3: 63)
    d.advanceTo("summary");
    d.do(control, { type: "phase.advance" });
    d.advanceTo("deliberation");
    expect(trustOf(d.state, "alpha", "beta")).toBe(60);
    expect(exchange(d, "deconflict").escalation).toBe(-2);
  });

  it("under rules 2.2 an out-of-order deconflict still cools, and every timely answer earns the full trust", () => {
    const d = new Driver(fixture(), "legacy", "2.2.0");
    d.do(control, { type: "exercise.start" });
    d.advanceTo("deliberation");
    expect(exchange(d, "deconflict")).toEqual({ trust: 3, escalation: -1 });
    expect(exchange(d, "assess", LIMIT_MS + 1).trust).toBe(0);
  });
});
