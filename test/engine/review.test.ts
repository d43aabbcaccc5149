// Control's review of adjudication (rules 3.0): in review mode the turn waits,
// control alone sees what it would do, and approves it unchanged or amended.
import { describe, expect, it } from "vitest";
import { Driver, control, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { replay, view, type GameState, type Viewer } from "../../shared/engine/index.ts";
import type { StoredEvent } from "../../shared/engine/events.ts";
import { ENGINE_VERSION } from "../../shared/engine/version.ts";
import { describe as words } from "../../shared/words/index.ts";
import { describeCommand } from "../../shared/words/commands.ts";

const OTHERS: Viewer[] = [
  { role: "observer" },
  { role: "public" },
  { role: "mediator" },
  { role: "team", teamId: "alpha" },
  { role: "team", teamId: "beta" },
  { role: "team", teamId: "gamma" },
];

/** A started exercise in review mode, with orders in and the adjudication waiting. */
function pending(): Driver {
  const d = new Driver(fixture(), "review-seed");
  d.do(control, { type: "exercise.start" });
  d.do(control, { type: "adjudication.mode", mode: "review" });
  d.advanceTo("decision");
  d.do(team("alpha"), {
    type: "orders.submit",
    actions: [
      { actionId: "strike", target: "beta", sector: "energy" },
      { actionId: "probe", target: "beta" },
    ],
  });
  d.do(team("beta"), { type: "orders.submit", actions: [{ actionId: "sanction", target: "alpha" }] });
  d.do(control, { type: "phase.advance" });
  return d;
}

/** An event without what differs between two runs of the same adjudication (ids, command number, time). */
const plain = (e: StoredEvent) => {
  const { id: _i, seq: _s, at: _a, ...rest } = e;
  return rest;
};

const since = (s: GameState, n: number) => s.log.slice(n);

describe("adjudication under review", () => {
  it("holds the turn: teams see only that it is under review, control sees the proposed outcome", () => {
    const d = pending();
    expect(d.state.pendingReview).toEqual({ turn: 1 });
    expect(d.state.log.some((e) => e.type === "turn.adjudicated")).toBe(false);
    const c = view(d.state, { role: "facilitator" });
    const review = c.me?.kind === "control" ? c.me.review : undefined;
    expect(review?.events.filter((e) => e.type === "action.resolved").map((e) => e.action)).toEqual([
      "strike",
      "probe",
      "sanction",
    ]);
    // whole, as control reads them: with their audience (and the dice of those that roll)
    expect(review?.events.every((e) => Array.isArray(e.audience))).toBe(true);
    expect(review?.escalation.to).toBeGreaterThan(review!.escalation.from);
    expect(review?.sectors.some((x) => x.team === "beta" && x.sector === "energy" && x.to < x.from)).toBe(true);
    for (const viewer of OTHERS) {
      const v = view(d.state, viewer);
      expect(v.exercise.underReview, JSON.stringify(viewer)).toBe(true);
      expect(JSON.stringify(v.me ?? {})).not.toContain('review"');
      const last = v.log[v.log.length - 1]!;
      expect(last.type).toBe("adjudication.under-review");
      expect(words(last, d.state.scenario, viewer)).toBe("Adjudication is under review by control");
      expect(Object.keys(last).sort()).toEqual(["at", "id", "phase", "turn", "type"]);
    }
  });

  it("approved unchanged, records exactly the outcome control was shown (the same rolls)", () => {
    const d = pending();
    const c = view(d.state, { role: "facilitator" });
    const shown = c.me?.kind === "control" ? c.me.review! : null;
    const n = d.state.log.length;
    d.do(control, { type: "adjudication.approve" });
    const real = since(d.state, n);
    expect(real[0]!.type).toBe("adjudication.approved");
    expect(real.slice(1).map(plain)).toEqual(shown!.events.map(plain));
    expect(d.state.escalation).toBe(shown!.escalation.to);
    expect(d.state.pendingReview).toBeNull();
    expect(view(d.state, { role: "team", teamId: "beta" }).exercise.underReview).toBeUndefined();
    expect(replay({ ...d.recording(), engineVersion: ENGINE_VERSION })).toEqual(d.state);
  });

  it("shows control what a value set while it waits does to the outcome", () => {
    const d = pending();
    const shown = () => {
      const c = view(d.state, { role: "facilitator" });
      return c.me?.kind === "control" ? c.me.review! : null;
    };
    const before = shown()!.escalation;
    d.do(control, {
      type: "state.set",
      change: { what: "escalation", value: before.from + 10 },
      reason: "Markets",
      tell: "all",
    });
    expect(shown()!.escalation.from).toBe(before.from + 10);
    expect(shown()!.escalation.to).not.toBe(before.to);
  });

  it("refuses to move on while the review waits", () => {
    const d = pending();
    expect(d.try(control, { type: "phase.advance" })).toBe(
      "This turn's adjudication is under review: approve it (with your changes) before moving on",
    );
    d.do(control, { type: "adjudication.approve" });
    d.do(control, { type: "phase.advance" });
  });

  it("amended: a struck item is not resolved, values are set after it, each with its reason for whom control chose", () => {
    const d = pending();
    const n = d.state.log.length;
    d.do(control, {
      type: "adjudication.approve",
      strike: [{ team: "alpha", item: 1, reason: "Out of proportion for a training turn" }],
      set: [
        { change: { what: "trust", a: "alpha", b: "beta", value: 77 }, reason: "Back-channel talks", tell: "all" },
        { change: { what: "standing", team: "beta", value: 12 }, reason: "SECRET-TUNING", tell: "control" },
      ],
    });
    const real = since(d.state, n);
    expect(real.filter((e) => e.type === "action.resolved").map((e) => e.action)).toEqual(["probe", "sanction"]);
    expect(d.state.history[0]!.orders.find((o) => o.teamId === "alpha")!.items.map((i) => i.actionId)).toEqual([
      "probe",
    ]);
    expect(d.state.trust["alpha|beta"]).toBe(77);
    expect(d.state.teams.beta!.standing).toBe(12);
    const alpha = view(d.state, { role: "team", teamId: "alpha" });
    const struck = alpha.log.find((e) => e.type === "order.struck");
    expect(struck && words(struck, d.state.scenario, { role: "team", teamId: "alpha" })).toBe(
      "Control struck Alpha's order “Strike” before the turn was resolved: Out of proportion for a training turn",
    );
    const trust = alpha.log.find((e) => e.type === "value.set");
    expect(trust && words(trust, d.state.scenario, { role: "team", teamId: "alpha" })).toMatch(
      /^Control set trust between Alpha and Beta to 77 \(was [\d.]+\): Back-channel talks$/,
    );
    expect(JSON.stringify(trust)).not.toContain("tell");
    const beta = JSON.stringify(view(d.state, { role: "team", teamId: "beta" }).log);
    expect(beta).not.toContain("order.struck");
    expect(beta).not.toContain("Out of proportion");
    for (const viewer of OTHERS) expect(JSON.stringify(view(d.state, viewer).log)).not.toContain("SECRET-TUNING");
    expect(replay({ ...d.recording(), engineVersion: ENGINE_VERSION })).toEqual(d.state);
    const rc = d.commands[d.commands.length - 1]!;
    expect(describeCommand(rc, d.state.scenario, { events: real })).toBe(
      "approved the adjudication with changes (1 order item struck and 2 values set)",
    );
  });

  it("refuses bad amendments with a message naming the field, and changes nothing", () => {
    const d = pending();
    const before = d.state;
    const cases: [Parameters<Driver["try"]>[1], string][] = [
      [
        { type: "adjudication.approve", strike: [{ team: "nope", item: 1, reason: "x" }] },
        "strike.0.team: there is no state “nope”",
      ],
      [
        { type: "adjudication.approve", strike: [{ team: "gamma", item: 1, reason: "x" }] },
        "strike.0.item: Gamma's orders have no items",
      ],
      [
        { type: "adjudication.approve", strike: [{ team: "alpha", item: 3, reason: "x" }] },
        "strike.0.item: Alpha's orders have items 1 to 2",
      ],
      [
        {
          type: "adjudication.approve",
          strike: [
            { team: "beta", item: 1, reason: "x" },
            { team: "beta", item: 1, reason: "y" },
          ],
        },
        "strike.1.item: item 1 of Beta is struck twice",
      ],
      [
        {
          type: "adjudication.approve",
          set: [{ change: { what: "sector", team: "gamma", sector: "water", value: 5 }, reason: "x", tell: "all" }],
        },
        "set.0.change.sector: Gamma has no water sector",
      ],
    ];
    for (const [cmd, message] of cases) expect(d.try(control, cmd)).toBe(message);
    expect(d.state).toBe(before);
    expect(d.try(team("alpha"), { type: "adjudication.approve" })).toBe("Only the facilitator can do this");
  });
});

describe("adjudication.mode", () => {
  it("is control's, recorded, and refused when it changes nothing or cannot apply", () => {
    const d = new Driver(fixture());
    expect(d.try(team("alpha"), { type: "adjudication.mode", mode: "review" })).toBe(
      "Only the facilitator can do this",
    );
    expect(d.try(control, { type: "adjudication.mode", mode: "auto" })).toBe("Adjudication is already automatic");
    d.do(control, { type: "adjudication.mode", mode: "review" });
    expect(d.try(control, { type: "adjudication.mode", mode: "review" })).toBe(
      "Adjudication already waits for control's review",
    );
    const mode = view(d.state, { role: "facilitator" }).log.find((e) => e.type === "adjudication.mode");
    expect(mode && words(mode, d.state.scenario, { role: "facilitator" })).toBe(
      "Control will review each turn's adjudication before the teams see it",
    );
    expect(view(d.state, { role: "team", teamId: "alpha" }).log.some((e) => e.type === "adjudication.mode")).toBe(
      false,
    );
    expect(d.try(control, { type: "adjudication.approve" })).toBe("No adjudication is waiting for review");
  });

  it("cannot be turned off, nor the pacing handed to the server, while a review waits", () => {
    const d = pending();
    expect(d.try(control, { type: "adjudication.mode", mode: "auto" })).toBe(
      "This turn's adjudication is under review: approve it before turning review off",
    );
    expect(d.try(control, { type: "autopilot.set", on: true })).toBe(
      "This turn's adjudication is under review: approve it before handing the pacing to the server",
    );
  });

  it("self-paced play keeps adjudication automatic", () => {
    const d = new Driver(fixture());
    d.do(control, { type: "autopilot.set", on: true });
    expect(d.try(control, { type: "adjudication.mode", mode: "review" })).toBe(
      "The server paces this exercise (self-paced play): its adjudication stays automatic",
    );
  });

  it("is refused in an exercise created under older rules", () => {
    const d = new Driver(fixture());
    d.state = { ...d.state, engineVersion: "2.2.0" };
    expect(d.try(control, { type: "adjudication.mode", mode: "review" })).toBe(
      "This exercise runs rules 2.2, from before review of adjudication; create a new exercise for that",
    );
  });
});
