import { describe, expect, it } from "vitest";
import { Driver, control, team, observer } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { phaseRemainingMs, view } from "../../shared/engine/index.ts";

describe("flow: start, pause, resume, advance, end", () => {
  it("only control starts the exercise; a refusal leaves the state untouched", () => {
    const d = new Driver(fixture());
    const before = d.state;
    expect(d.try(team("alpha"), { type: "exercise.start" })).toBe("Only the facilitator can do this");
    expect(d.try(observer, { type: "exercise.start" })).toBe("Only the facilitator can do this");
    expect(d.state).toBe(before);
    d.do(control, { type: "exercise.start" });
    expect(d.state.status).toBe("running");
    expect(d.state.turn).toBe(1);
    expect(d.state.scenario.phases[d.state.phaseIndex]!.id).toBe("briefing");
    expect(d.try(control, { type: "exercise.start" })).toBe("The exercise has already started");
  });

  it("releases the injects scheduled for each phase as it begins", () => {
    const d = new Driver(fixture());
    d.do(control, { type: "exercise.start" });
    const released = () => d.state.injects.filter((i) => i.status === "released").map((i) => i.id);
    expect(released()).toEqual(["opening", "alpha-intel", "control-only"]);
    d.do(control, { type: "phase.advance" });
    expect(released()).toContain("hack");
    expect(released()).not.toContain("later");
    d.advanceTo("summary");
    d.do(control, { type: "phase.advance" });
    expect(d.state.turn).toBe(2);
    expect(released()).toContain("later");
  });

  it("does not count paused time against a phase timer", () => {
    const d = new Driver(fixture());
    d.do(control, { type: "exercise.start" });
    d.do(control, { type: "phase.advance" }); // deliberation, 60 s
    const t0 = d.clock;
    expect(phaseRemainingMs(d.state, t0)).toBe(60_000);
    expect(phaseRemainingMs(d.state, t0 + 10_000)).toBe(50_000);
    d.do(control, { type: "exercise.pause" }, 10_000);
    expect(d.state.status).toBe("paused");
    expect(phaseRemainingMs(d.state, d.clock + 500_000)).toBe(50_000);
    expect(d.try(team("alpha"), { type: "hotline.send", to: "beta", text: "hello" })).toBe("The exercise is paused");
    d.do(control, { type: "exercise.resume" }, 120_000);
    expect(phaseRemainingMs(d.state, d.clock + 20_000)).toBe(30_000);
    expect(d.try(control, { type: "exercise.resume" })).toBe("Cannot resume: the exercise is running");
  });

  it("refuses a stale advance so a double click cannot skip a phase", () => {
    const d = new Driver(fixture());
    d.do(control, { type: "exercise.start" });
    d.do(control, { type: "phase.advance", from: { turn: 1, phase: "briefing" } });
    expect(d.try(control, { type: "phase.advance", from: { turn: 1, phase: "briefing" } })).toMatch(
      /already moved on: it is now turn 1, Deliberation/,
    );
    expect(d.state.scenario.phases[d.state.phaseIndex]!.id).toBe("deliberation");
  });

  it("ends when the turns run out, and refuses play afterwards", () => {
    const d = new Driver(fixture());
    d.do(control, { type: "exercise.start" });
    for (let i = 0; i < 3 * 5; i++) d.do(control, { type: "phase.advance" });
    expect(d.state.status).toBe("ended");
    expect(d.state.outcome).toMatchObject({ kind: "time", turn: 3 });
    expect(d.try(control, { type: "phase.advance" })).toBe("The exercise has ended");
    expect(d.try(team("alpha"), { type: "team.chat", text: "hi" })).toBe("The exercise has ended");
  });

  it("ends in failure when escalation reaches the top rung", () => {
    const d = new Driver(fixture());
    d.do(control, { type: "exercise.start" });
    d.do(control, { type: "escalation.adjust", delta: 30, reason: "Beta mobilises" });
    expect(d.state.escalation).toBe(50);
    expect(view(d.state, { role: "observer" }).log).toContainEqual(
      expect.objectContaining({
        type: "escalation.changed",
        from: 20,
        to: 50,
        cause: { kind: "control", reason: "Beta mobilises" },
      }),
    );
    const crisis = d.state.scenario.ladder.redLines.find((l) => l.name === "Open crisis")!;
    expect(d.state.log).toContainEqual(
      expect.objectContaining({ type: "redline.crossed", line: crisis.id, value: 50 }),
    );
    d.do(control, { type: "escalation.adjust", delta: 45, reason: "Invasion" });
    expect(d.state.status).toBe("ended");
    expect(d.state.outcome?.kind).toBe("failure");
    expect(d.state.peakEscalation).toBe(95);
  });

  it("lets control end the exercise with a reason", () => {
    const d = new Driver(fixture());
    d.do(control, { type: "exercise.start" });
    expect(d.try(control, { type: "escalation.adjust", delta: 0, reason: "x" })).toBe(
      "An adjustment of 0 changes nothing",
    );
    d.do(control, { type: "exercise.end", reason: "out of time" });
    expect(d.state.outcome).toMatchObject({ kind: "facilitator", reason: "out of time" });
    expect(d.state.log.at(-1)).toMatchObject({ type: "exercise.ended", outcome: "facilitator", reason: "out of time" });
  });

  it("keeps notes by observers and control, tied to objectives", () => {
    const d = new Driver(fixture());
    d.do(observer, { type: "note.add", text: "Teams talk early", objectiveId: "obj-1" });
    expect(d.try(observer, { type: "note.add", text: "x", objectiveId: "nope" })).toMatch(
      /There is no objective “nope”/,
    );
    expect(d.try(team("alpha"), { type: "note.add", text: "x" })).toBe(
      "Only the observer or the facilitator can do this",
    );
    expect(d.state.notes).toMatchObject([{ role: "observer", objectiveId: "obj-1", text: "Teams talk early" }]);
  });
});
