// Bots play every built-in scenario: full games without a throw, commands the
// engine mostly accepts, the same game for the same seed, replayable from the
// commands they return, and never more input than their seat's view.
import { describe, expect, it } from "vitest";
import { replay, view } from "../../shared/engine/index.ts";
import { POLICY_NAMES, playGame, policyByName, type Policy, type PolicyName } from "../../shared/bots/index.ts";
import { viewerOf } from "../../shared/bots/play.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { loadScenario, scenarioFiles } from "../helpers/scenarios.ts";

const SCENARIOS = scenarioFiles().map((f) => loadScenario(f.replace(/\.json$/, "")));
// a few dozen seeds per scenario and policy (the issue asks for it; the engine makes it cheap)
const SEEDS = Array.from({ length: 30 }, (_, i) => `seed-${i}`);

/** Every team seat plays `name`; the mediator seat plays the mediator bot, or `name` itself for passive and random. */
function seatsFor(sc: Scenario, name: PolicyName): Record<string, Policy> {
  const team = name === "mediator" ? "passive" : name;
  const seats: Record<string, Policy> = Object.fromEntries(sc.teams.map((t) => [t.id, policyByName(team)]));
  if (sc.mediator) seats.mediator = policyByName(name === "random" || name === "passive" ? name : "mediator");
  return seats;
}

// Every policy only sends what its view shows to be possible and never repeats
// a once-only move from one view, so over 20 seeds on every scenario none was
// refused. 1% is left for a command made stale between the view and its turn
// to be applied (a proposal another seat settled in the same round).
const MIN_ACCEPTED = 0.99;
/** Refusals a person reading the same view would never meet: a malformed command, or naming what is not there. */
const NEVER = ["schema", "not-found", "forbidden"];

describe.each(SCENARIOS.map((sc) => [sc.id, sc] as const))("bots on %s", (_id, sc) => {
  it.each(POLICY_NAMES.map((n) => [n]))("%s plays full games, its commands mostly accepted", (name) => {
    let accepted = 0;
    let refused = 0;
    for (const seed of SEEDS) {
      const r = playGame(sc, seed, seatsFor(sc, name));
      expect(r.state.status, `${name} ${seed}`).toBe("ended");
      accepted += r.botAccepted;
      refused += r.refusals.length;
      for (const x of r.refusals) expect(NEVER, `${x.command.type}: ${x.message}`).not.toContain(x.code);
    }
    if (name === "passive") {
      expect(accepted + refused).toBe(0);
      return;
    }
    expect(accepted).toBeGreaterThan(0);
    expect(accepted / (accepted + refused)).toBeGreaterThanOrEqual(MIN_ACCEPTED);
  });

  it("the same seed gives the same game, and its commands replay to the same end", () => {
    const seats = { ...seatsFor(sc, "random") };
    const [first] = sc.teams;
    seats[first!.id] = policyByName("hawk");
    const a = playGame(sc, "same", seats);
    const b = playGame(sc, "same", seats);
    expect(b.commands).toEqual(a.commands);
    expect(b.state).toEqual(a.state);
    const c = playGame(sc, "other", seats);
    expect(c.commands).not.toEqual(a.commands);
    const again = replay({ scenario: sc, seed: "same", title: a.state.title, commands: a.commands });
    expect(again).toEqual(a.state);
  });

  it("a bot is given its seat's view and nothing more", () => {
    const seats = seatsFor(sc, "random");
    const briefings = new Map(sc.teams.map((t) => [t.id, t.briefing]));
    let checked = 0;
    playGame(sc, "views", seats, {
      observe: (seat, given, state) => {
        expect(given).toEqual(view(state, viewerOf(seat)));
        expect(given.me?.kind).toBe(seat === "mediator" ? "mediator" : "team");
        const text = JSON.stringify(given);
        for (const [team, briefing] of briefings)
          if (team !== seat) expect(text.includes(briefing), `${seat} sees ${team}'s briefing`).toBe(false);
        if (seat !== "mediator" && sc.mediator)
          expect(text.includes(sc.mediator.briefing), `${seat} sees the mediator's briefing`).toBe(false);
        checked += 1;
      },
    });
    expect(checked).toBeGreaterThan(sc.turns);
  });
});

describe("mixed seats", () => {
  const TEAM_POLICIES = POLICY_NAMES.filter((n) => n !== "mediator");
  it.each(SCENARIOS.map((sc) => [sc.id, sc] as const))("%s: every team policy against every other", (_id, sc) => {
    let accepted = 0;
    let refused = 0;
    for (const a of TEAM_POLICIES)
      for (const b of TEAM_POLICIES) {
        // the first team plays a, the others b; the mediator seat the mediator bot
        const seats: Record<string, Policy> = Object.fromEntries(
          sc.teams.map((t, i) => [t.id, policyByName(i === 0 ? a : b)]),
        );
        if (sc.mediator) seats.mediator = policyByName("mediator");
        const r = playGame(sc, `${a}-${b}`, seats);
        expect(r.state.status, `${a} against ${b}`).toBe("ended");
        accepted += r.botAccepted;
        refused += r.refusals.length;
        for (const x of r.refusals) expect(NEVER, `${x.command.type}: ${x.message}`).not.toContain(x.code);
      }
    expect(accepted / (accepted + refused)).toBeGreaterThanOrEqual(MIN_ACCEPTED);
  });
});

describe("playGame", () => {
  it("refuses a seat the scenario does not have, naming it", () => {
    const sc = SCENARIOS[0]!;
    expect(() => playGame(sc, "x", { nobody: policyByName("passive") })).toThrow(/“nobody” is not a seat/);
  });

  it("passive teams leave the crisis to run out the clock; careful teams settle it in some games", () => {
    const sc = SCENARIOS.find((s) => s.id === "grid-intrusion") ?? SCENARIOS[0]!;
    const passive = playGame(sc, "p", seatsFor(sc, "passive"));
    expect(passive.botAccepted).toBe(0);
    expect(passive.commands.every((c) => c.actor.role === "facilitator")).toBe(true);
    const outcomes = SEEDS.map((seed) => playGame(sc, seed, seatsFor(sc, "cautious-diplomat")).state.outcome?.kind);
    expect(outcomes).toContain("agreement");
  });
});
