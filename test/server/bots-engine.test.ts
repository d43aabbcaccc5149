// The engine's side of bot seats: bot.seat and autopilot.set change what
// control sees and nothing any participant sees, and the recording replays.
import { describe, expect, it } from "vitest";
import { replay, view, type MyControl, type Viewer } from "../../shared/engine/index.ts";
import { Driver, control, team } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";
import { describeActor, describeCommand } from "../../shared/words/commands.ts";
import { botActorOf } from "../../shared/protocol/identity.ts";

const PARTICIPANTS: Viewer[] = [
  { role: "team", teamId: "borealis" },
  { role: "team", teamId: "austral" },
  { role: "mediator" },
  { role: "observer" },
];

describe("bot seats in the engine", () => {
  it("tell control who plays each seat, and nobody else anything, observers who see every channel included", () => {
    const d = new Driver(loadScenario("tutorial"), "bots-engine");
    d.do(control, { type: "exercise.start" });
    d.do(control, { type: "phase.advance" });
    d.do(team("borealis", "Bo"), { type: "hotline.send", to: "austral", kind: "confirm", text: "You?" });
    // observers who see every channel get the command counter and clock, as for any command of control's: not those
    const seen = (v: Viewer) => {
      const { seq: _s, now: _n, ...rest } = view(d.state, v);
      return JSON.stringify(v.role === "observer" && d.state.observersSeeAll ? rest : view(d.state, v));
    };
    for (const seeAll of [false, true]) {
      d.do(control, { type: "observers.visibility", seeAll });
      const before = PARTICIPANTS.map(seen);
      d.do(control, { type: "bot.seat", seat: "austral", policy: seeAll ? "passive" : "hawk" });
      d.do(control, { type: "bot.seat", seat: "mediator", policy: seeAll ? null : "mediator" });
      d.do(control, { type: "autopilot.set", on: !seeAll });
      expect(PARTICIPANTS.map(seen)).toEqual(before);
    }
    const me = view(d.state, { role: "facilitator" }).me as MyControl;
    expect(me.bots).toEqual({ austral: "passive" });
    expect(me.autopilot).toBe(false);
    expect(replay({ ...d.recording(), engineVersion: d.state.engineVersion })).toEqual(d.state);
  });

  it("refuses what a seat cannot take, with the reason", () => {
    const d = new Driver(loadScenario("tutorial"), "bots-refusals");
    expect(d.try(team("borealis"), { type: "bot.seat", seat: "austral", policy: "hawk" })).toBe(
      "Only the facilitator can do this",
    );
    expect(d.try(control, { type: "bot.seat", seat: "austral", policy: null })).toBe("No bot plays Austral's seat");
    d.do(control, { type: "bot.seat", seat: "austral", policy: "hawk" });
    expect(d.try(control, { type: "bot.seat", seat: "austral", policy: "hawk" })).toBe(
      "A hawk bot already plays Austral's seat",
    );
    expect(d.try(control, { type: "bot.seat", seat: "mediator", policy: "opportunist" })).toBe(
      "The opportunist policy plays a team; for the mediator choose mediator, random, passive",
    );
    expect(d.try(control, { type: "autopilot.set", on: false })).toBe("The server does not pace this exercise");
    d.do(control, { type: "exercise.start" });
    d.do(control, { type: "exercise.end" });
    expect(d.try(control, { type: "bot.seat", seat: "austral", policy: null })).toBe("The exercise has ended");
  });

  it("are told in the replay's words: who was a bot, and control's commands", () => {
    const sc = loadScenario("tutorial");
    expect(describeActor(botActorOf({ role: "team", teamId: "austral" }, "hawk"), sc)).toBe(
      "Team member (Austral team) · bot: hawk",
    );
    const words = (command: Parameters<typeof describeCommand>[0]["command"]) =>
      describeCommand({ actor: control, command }, sc, { events: [] });
    expect(words({ type: "bot.seat", seat: "austral", policy: "hawk" })).toBe("put a bot (hawk) in Austral's seat");
    expect(words({ type: "bot.seat", seat: "mediator", policy: null })).toMatch(/^took the bot out of .+'s seat$/);
    expect(words({ type: "autopilot.set", on: true })).toBe("handed the pacing to the server (self-paced play)");
  });

  it("keeps exercises created under rules 2.0 to them", () => {
    const d = new Driver(loadScenario("tutorial"), "old-rules");
    d.state = { ...d.state, engineVersion: "2.0.0" };
    expect(d.try(control, { type: "bot.seat", seat: "austral", policy: "hawk" })).toBe(
      "This exercise runs rules 2.0, from before bots; create a new exercise for that",
    );
  });
});
