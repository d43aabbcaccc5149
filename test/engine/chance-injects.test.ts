// Chance injects and groups: the exercise's seed draws whether a chance inject
// is released and which member of a group is; what is not drawn is dropped for
// good, recorded for control alone; a replay draws the same.
import { describe, expect, it } from "vitest";
import { Driver, control } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { replay, view, type Viewer } from "../../shared/engine/index.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import { glossaryOf, scheduleWords } from "../../shared/words/index.ts";

type Change = (s: ScenarioInput) => void;
const def = (s: ScenarioInput, id: string) => s.injects!.find((i) => i.id === id)!;
const status = (d: Driver, id: string) => d.state.injects.find((i) => i.id === id)!.status;
const players: Viewer[] = [
  { role: "team", teamId: "alpha" },
  { role: "team", teamId: "beta" },
  { role: "team", teamId: "gamma" },
  { role: "mediator" },
  { role: "observer" },
];

function started(change: Change, seed = "test-seed"): Driver {
  const d = new Driver(fixture(change), seed);
  d.do(control, { type: "exercise.start" });
  return d;
}

/** Three turn-1 deliberation news items in one group. */
const grouped: Change = (s) => {
  for (const n of [1, 2, 3])
    s.injects!.push({
      id: `rumour-${n}`,
      title: `Rumour ${n}`,
      body: `RUMOUR-${n}`,
      channel: "social",
      audience: ["all"],
      at: { turn: 1, phase: "deliberation" },
      group: "rumours",
    });
};

describe("chance injects", () => {
  it("a draw that fails drops the inject for good: control sees it, players learn nothing", () => {
    const d = started((s) => ((def(s, "opening").chance = 0), (def(s, "alpha-intel").chance = 1)));
    expect(status(d, "opening")).toBe("dropped");
    expect(status(d, "alpha-intel")).toBe("released");
    const dropped = view(d.state, { role: "facilitator" }).log.filter((e) => e.type === "inject.dropped");
    expect(dropped).toEqual([expect.objectContaining({ inject: "opening", draw: "chance", chance: 0 })]);
    for (const v of players) {
      const seen = view(d.state, v);
      expect(seen.log.some((e) => e.type === "inject.dropped")).toBe(false);
      expect(JSON.stringify(seen)).not.toContain("ALL-PUBLIC opening");
      expect(seen.injects.map((i) => i.id)).not.toContain("opening");
    }
    // its phase comes round no more; control may still release it by hand
    d.advanceTo("summary");
    d.do(control, { type: "phase.advance" });
    expect(status(d, "opening")).toBe("dropped");
    expect(d.try(control, { type: "inject.skip", injectId: "opening" })).toMatch(/already dropped/);
    d.do(control, { type: "inject.release", injectId: "opening" });
    expect(view(d.state, players[0]!).injects.map((i) => i.id)).toContain("opening");
  });

  it("a triggered chance inject is drawn once, when its condition first holds", () => {
    const d = started((s) => (def(s, "on-crisis").chance = 0));
    d.do(control, { type: "escalation.adjust", delta: 30, reason: "crisis" });
    expect(status(d, "on-crisis")).toBe("dropped");
    // the condition still holds: nothing draws it again
    d.do(control, { type: "escalation.adjust", delta: 5, reason: "more" });
    expect(status(d, "on-crisis")).toBe("dropped");
    expect(d.state.log.filter((e) => e.type === "inject.dropped")).toHaveLength(1);
  });

  it("the seed decides: some seeds release a 50 % inject, others drop it, and a replay draws the same", () => {
    const outcomes = new Set<string>();
    for (let n = 0; n < 16; n++) {
      const d = started((s) => (def(s, "later").chance = 0.5), `seed-${n}`);
      d.advanceTo("summary");
      d.do(control, { type: "phase.advance" });
      const got = status(d, "later");
      expect(["released", "dropped"]).toContain(got);
      outcomes.add(got);
      const again = replay(d.recording());
      expect(again.injects).toEqual(d.state.injects);
      expect(again.log).toEqual(d.state.log);
    }
    expect([...outcomes].sort()).toEqual(["dropped", "released"]);
  });

  it("a group releases exactly one of its members, drawn by the seed; the others are dropped", () => {
    const winners = new Set<string>();
    for (let n = 0; n < 12; n++) {
      const d = started(grouped, `seed-${n}`);
      d.advanceTo("deliberation");
      const members = ["rumour-1", "rumour-2", "rumour-3"];
      const released = members.filter((id) => status(d, id) === "released");
      expect(released).toHaveLength(1);
      expect(members.filter((id) => status(d, id) === "dropped")).toHaveLength(2);
      winners.add(released[0]!);
      // players see the one drawn, and nothing of the others
      const seen = JSON.stringify(view(d.state, players[0]!));
      for (const id of members) expect(seen.includes(id.toUpperCase())).toBe(id === released[0]);
      expect(replay(d.recording()).injects).toEqual(d.state.injects);
    }
    expect(winners.size).toBeGreaterThan(1);
  });

  it("a member control already released was the group's draw: the rest are dropped, a held one waits", () => {
    const d = started(grouped);
    d.do(control, { type: "inject.release", injectId: "rumour-2" });
    d.do(control, { type: "inject.hold", injectId: "rumour-3" });
    d.advanceTo("deliberation");
    expect(["rumour-1", "rumour-2", "rumour-3"].map((id) => status(d, id))).toEqual(["dropped", "released", "held"]);
  });

  it("control's MSEL says which injects the seed draws, and how; players see no schedule", () => {
    const d = started((s) => ((def(s, "later").chance = 0.25), grouped(s)));
    const v = view(d.state, { role: "facilitator" });
    const words = (id: string) => scheduleWords(v.injects.find((i) => i.id === id)!.schedule!, glossaryOf(v));
    expect(words("later")).toBe("turn 2, Briefing (chance 25%, drawn by the seed)");
    expect(words("rumour-1")).toBe("turn 1, Deliberation (one of group “rumours”, drawn by the seed)");
    expect(words("opening")).toBe("turn 1, Briefing");
    for (const viewer of players) expect(view(d.state, viewer).injects.filter((i) => "schedule" in i)).toEqual([]);
  });
});
