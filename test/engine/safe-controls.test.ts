// Control's safe levers (rules 2.2): a held inject can be un-held, and an
// escalation adjustment carries a private note beside the reason players read.
import { describe, expect, it } from "vitest";
import { Driver, control, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { init, step, view, type Viewer } from "../../shared/engine/index.ts";
import { ViewFeed } from "../../shared/engine/view-feed.ts";
import { command } from "../../shared/protocol/commands.ts";
import { describe as words } from "../../shared/words/index.ts";
import { describeCommand } from "../../shared/words/commands.ts";

const NOTE = "PRIVATE-NOTE-7731 push them towards the hotline";
const READERS: Viewer[] = [
  { role: "observer" },
  { role: "mediator" },
  { role: "team", teamId: "alpha" },
  { role: "team", teamId: "beta" },
  { role: "team", teamId: "gamma" },
];

function started(): Driver {
  const d = new Driver(fixture());
  d.do(control, { type: "exercise.start" });
  return d;
}

describe("escalation.adjust with a private note", () => {
  it("shows players the reason and only control the note, even when observers see everything", () => {
    const d = started();
    d.do(control, { type: "observers.visibility", seeAll: true });
    const from = d.state.escalation;
    d.do(control, { type: "escalation.adjust", delta: 12, reason: "Markets panic", note: NOTE });
    expect(d.state.escalation).toBe(from + 12);
    const mine = view(d.state, { role: "facilitator" }).log;
    const noted = mine.filter((e) => e.type === "escalation.noted");
    expect(noted.map((e) => words(e, d.state.scenario, { role: "facilitator" }))).toEqual([
      `Control's note (control only): ${NOTE}`,
    ]);
    for (const viewer of READERS) {
      const v = view(d.state, viewer);
      expect(JSON.stringify(v), `${JSON.stringify(viewer)} must not read the note`).not.toContain("PRIVATE-NOTE-7731");
      const change = v.log.find((e) => e.type === "escalation.changed" && e.to === from + 12);
      expect(change && words(change, d.state.scenario, viewer)).toContain("Markets panic");
    }
  });

  it("never sends the note to a team's or an observer's live feed; control's feed receives it", () => {
    const state = init(fixture(), { seed: "feed" });
    let at = 1_700_000_000_000;
    const run = (input: unknown) => {
      const r = step(state, { at: (at += 1000), actor: control, command: command.parse(input) });
      expect(r.ok).toBe(true);
    };
    run({ type: "exercise.start" });
    run({ type: "observers.visibility", seeAll: true });
    const feeds = [{ role: "facilitator" } as Viewer, ...READERS].map((v) => ({ v, feed: new ViewFeed(state, v) }));
    run({ type: "escalation.adjust", delta: 5, reason: "Markets panic", note: NOTE });
    for (const { v, feed } of feeds) {
      const sent = JSON.stringify(feed.update(state));
      expect(sent, JSON.stringify(v)).toContain("Markets panic");
      expect(sent.includes("PRIVATE-NOTE-7731"), JSON.stringify(v)).toBe(v.role === "facilitator");
      // one who joins afterwards gets the same from its first snapshot
      const joined = JSON.stringify(new ViewFeed(state, v).view());
      expect(joined.includes("PRIVATE-NOTE-7731"), JSON.stringify(v)).toBe(v.role === "facilitator");
    }
  });

  it("names the note in control's replay words, and needs none", () => {
    const d = started();
    d.do(control, { type: "escalation.adjust", delta: -3, reason: "Calm talks" });
    expect(view(d.state, { role: "facilitator" }).log.some((e) => e.type === "escalation.noted")).toBe(false);
    d.do(control, { type: "escalation.adjust", delta: 4, reason: "Leak", note: "watch beta" });
    const rc = d.commands.at(-1)!;
    const caused = d.state.log.filter((e) => e.seq === rc.seq);
    expect(describeCommand(rc, d.state.scenario, { events: caused })).toContain("(note: “watch beta”)");
  });
});

describe("inject.unhold", () => {
  it("puts a held inject back to pending, so its schedule releases it, and only control reads that", () => {
    const d = started();
    d.do(control, { type: "inject.hold", injectId: "later" });
    expect(d.state.injects.find((i) => i.id === "later")!.status).toBe("held");
    d.do(control, { type: "inject.unhold", injectId: "later" });
    expect(d.state.injects.find((i) => i.id === "later")!.status).toBe("pending");
    const log = view(d.state, { role: "facilitator" }).log.filter((e) => e.type === "inject.unheld");
    expect(log.map((e) => words(e, d.state.scenario, { role: "facilitator" }))).toEqual([
      "Control stopped holding “Later”: it is pending again",
    ]);
    for (const viewer of READERS)
      expect(view(d.state, viewer).log.some((e) => e.type === "inject.unheld" || e.type === "inject.held")).toBe(false);
    // turn 2's briefing releases it as scheduled
    d.advanceTo("summary");
    d.do(control, { type: "phase.advance" });
    const later = d.state.injects.find((i) => i.id === "later")!;
    expect([later.status, later.releasedBy, later.releasedTurn]).toEqual(["released", "schedule", 2]);
  });

  it("refuses what is not held, an unknown inject and a team, with clear messages", () => {
    const d = started();
    expect(d.try(control, { type: "inject.unhold", injectId: "later" })).toBe(
      "Only a held inject can be un-held; “Later” is pending",
    );
    expect(d.try(control, { type: "inject.unhold", injectId: "nope" })).toBe("There is no inject “nope”");
    d.do(control, { type: "inject.hold", injectId: "later" });
    expect(d.try(team("alpha"), { type: "inject.unhold", injectId: "later" })).toBeTruthy();
    expect(d.state.injects.find((i) => i.id === "later")!.status).toBe("held");
  });
});
