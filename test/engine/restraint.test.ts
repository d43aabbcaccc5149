// A public call for restraint (restraint.call): a team calls on another state,
// during deliberation, once a turn. Everyone reads it; the turn's first
// credible call lowers escalation by 1; a caller whose own hostile act everyone
// saw is not credible, and an act nobody else saw cannot be held against it.
import { describe, expect, it } from "vitest";
import { Driver, control, mediator, observer, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { view, type GameState, type Viewer } from "../../shared/engine/index.ts";
import { describe as words } from "../../shared/words/index.ts";
import { describeCommand } from "../../shared/words/commands.ts";

const VIEWERS: Viewer[] = [
  { role: "facilitator" },
  { role: "observer" },
  { role: "mediator" },
  { role: "team", teamId: "alpha" },
  { role: "team", teamId: "beta" },
  { role: "team", teamId: "gamma" },
];

function inDeliberation(): Driver {
  const d = new Driver(fixture());
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}

/** The calls for restraint as one viewer's view carries them, with their words for that viewer. */
function callsSeenBy(s: GameState, viewer: Viewer) {
  return view(s, viewer)
    .log.filter((e) => e.type === "restraint.called")
    .map((e) => ({ event: e, text: words(e, s.scenario, viewer) }));
}

/** Plays a turn's orders and moves on to the next turn's deliberation. */
function playOrders(d: Driver, orders: Record<string, { actionId: string; target?: string; sector?: "energy" }[]>) {
  d.advanceTo("decision");
  for (const [id, actions] of Object.entries(orders)) d.do(team(id), { type: "orders.submit", actions });
  d.advanceTo("summary");
  d.do(control, { type: "phase.advance" });
  d.advanceTo("deliberation");
}

describe("a public call for restraint", () => {
  it("is read by everyone, and the turn's first credible call lowers escalation by 1", () => {
    const d = inDeliberation();
    const before = d.state.escalation;
    d.do(team("alpha"), { type: "restraint.call", target: "beta" });
    expect(d.state.escalation).toBe(before - 1);
    const [call, moved] = d.state.log.slice(-2);
    expect(call).toMatchObject({ type: "restraint.called", caller: "alpha", target: "beta", result: "eased" });
    expect(call!.audience).toEqual(["all"]);
    expect(moved).toMatchObject({
      type: "escalation.changed",
      from: before,
      to: before - 1,
      cause: { kind: "restraint", caller: "alpha", target: "beta" },
    });
    for (const v of VIEWERS) {
      const seen = callsSeenBy(d.state, v);
      expect(seen, JSON.stringify(v)).toHaveLength(1);
      expect(seen[0]!.event).toMatchObject({ caller: "alpha", target: "beta", result: "eased" });
      expect(seen[0]!.text).toBe("Alpha publicly calls on Beta for restraint");
      const escalation = view(d.state, v).log.findLast((e) => e.type === "escalation.changed")!;
      expect(words(escalation, d.scenario, v)).toBe(
        `Escalation −1 → ${before - 1}: Alpha publicly called on Beta for restraint`,
      );
    }
    // a second state's call is heard, but the crisis eases once a turn
    d.do(team("beta"), { type: "restraint.call", target: "alpha" });
    expect(d.state.escalation).toBe(before - 1);
    expect(d.state.log.at(-1)).toMatchObject({ type: "restraint.called", caller: "beta", result: "already-eased" });
    for (const v of VIEWERS)
      expect(callsSeenBy(d.state, v).map((c) => c.text)).toEqual([
        "Alpha publicly calls on Beta for restraint",
        "Beta publicly calls on Alpha for restraint; an earlier call already eased the crisis this turn",
      ]);
    // the replay's words for the command
    const recorded = d.commands.at(-1)!;
    expect(describeCommand(recorded, d.scenario, { events: d.state.log.slice(-1) })).toBe(
      "publicly called on Alpha for restraint",
    );
  });

  it("is refused, with the reason, twice in a turn, outside deliberation, on oneself or from a non-team", () => {
    const d = new Driver(fixture());
    const call = (who = team("alpha"), target = "beta") => d.try(who, { type: "restraint.call", target });
    expect(call()).toBe("The exercise has not started yet");
    d.do(control, { type: "exercise.start" });
    expect(call()).toBe("A call for restraint can only be made during Deliberation (now: Briefing)");
    d.advanceTo("deliberation");
    expect(call(mediator)).toBe("Only a team can do this");
    expect(call(observer)).toBe("Only a team can do this");
    expect(call(team("alpha"), "alpha")).toBe("Alpha cannot call on itself for restraint");
    expect(call(team("alpha"), "mediator")).toBe("There is no state “mediator”");
    expect(call(team("alpha"), "nobody")).toBe("There is no state “nobody”");
    expect(call()).toBeNull();
    const after = d.state;
    expect(call(team("alpha", "another alpha member"), "gamma")).toBe(
      "Alpha already called on Beta for restraint this turn; it can call again next turn",
    );
    // a refusal changes nothing
    expect(d.state).toBe(after);
    d.advanceTo("decision");
    expect(call(team("gamma"))).toBe("A call for restraint can only be made during Deliberation (now: Decision)");
    playOrders(d, {});
    expect(d.state.turn).toBe(2);
    expect(call()).toBeNull();
    expect(d.state.log.at(-2)).toMatchObject({ type: "restraint.called", turn: 2, result: "eased" });
  });

  it("does not ease after the caller's own public hostile act; an act no one else saw is not held against it", () => {
    const d = inDeliberation();
    // turn 1: Alpha sanctions Beta in public; Gamma strikes Beta's grid covertly
    playOrders(d, {
      alpha: [{ actionId: "sanction", target: "beta" }],
      gamma: [{ actionId: "strike", target: "beta", sector: "energy" }],
    });
    expect(d.state.turn).toBe(2);
    const before = d.state.escalation;
    d.do(team("alpha"), { type: "restraint.call", target: "beta" });
    expect(d.state.escalation).toBe(before);
    expect(d.state.log.at(-1)).toMatchObject({ type: "restraint.called", caller: "alpha", result: "undercut" });
    // Gamma's act was covert: the call must not tell anyone of it, so it counts as credible
    d.do(team("gamma"), { type: "restraint.call", target: "beta" });
    expect(d.state.escalation).toBe(before - 1);
    expect(d.state.log.at(-2)).toMatchObject({ type: "restraint.called", caller: "gamma", result: "eased" });
    for (const v of VIEWERS)
      expect(callsSeenBy(d.state, v).map((c) => c.text)).toEqual([
        "Alpha publicly calls on Beta for restraint, but its own public hostile acts undercut the call",
        "Gamma publicly calls on Beta for restraint",
      ]);
    // two turns on, the sanction no longer weighs on Alpha's word
    playOrders(d, {});
    const turn3 = d.state.escalation;
    d.do(team("alpha"), { type: "restraint.call", target: "beta" });
    expect(d.state.log.at(-2)).toMatchObject({ type: "restraint.called", turn: 3, result: "eased" });
    expect(d.state.escalation).toBe(turn3 - 1);
  });
});
