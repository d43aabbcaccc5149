// step changes the state in place: a refused command must leave it exactly as
// it was, the pure door (apply) must agree with it, and a cloneState copy must
// be independent of the state it was taken from — over random command
// sequences on every built-in scenario, many of them breaking the rules on purpose.
import { describe, expect, it } from "vitest";
import { apply, cloneState, cloneStateSharing, init, step, type GameState } from "../../shared/engine/index.ts";
import { command, type Command } from "../../shared/protocol/commands.ts";
import type { Actor } from "../../shared/protocol/identity.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { fixture } from "../helpers/fixture.ts";
import { loadScenario, scenarioFiles } from "../helpers/scenarios.ts";
import { randomSource, randomStep, type Pick } from "../helpers/random-commands.ts";

const scenarios: [string, () => Scenario][] = [
  ["fixture", () => fixture()],
  ...scenarioFiles().map((f) => [f, () => loadScenario(f.replace(/\.json$/, ""))] as [string, () => Scenario]),
];

/** A random well-formed command for the state, with its actor. */
function next(s: GameState, pick: Pick, rng: () => number): { actor: Actor; command: Command } | null {
  const r = randomStep(s, pick, rng);
  const parsed = command.safeParse(r.command);
  return parsed.success ? { actor: r.actor, command: parsed.data } : null;
}

describe.each(scenarios)("step on %s", (_name, load) => {
  it.each(["one", "two", "three"])(
    "seed %s: a refusal leaves the state untouched; apply agrees; copies stay apart",
    (seed) => {
      const { rng, pick } = randomSource(`step/${seed}`);
      const state = init(load(), { seed });
      const copies: { copy: GameState; deep: GameState }[] = [];
      let at = 1_700_000_000_000;
      let refused = 0;
      let accepted = 0;
      for (let i = 0; i < 700 && state.status !== "ended"; i++) {
        const c = next(state, pick, rng);
        if (!c) continue;
        at += Math.floor(rng() * 90_000);
        if (i % 25 === 0) {
          // a plain copy, and one sharing the unchanged items of the copy before (a series, as the replay viewer keeps)
          const prev = copies.at(-1)?.copy;
          copies.push({ copy: cloneState(state), deep: structuredClone(state) });
          if (prev) copies.push({ copy: cloneStateSharing(state, prev), deep: structuredClone(state) });
        }
        const before = structuredClone(state);
        const pure = apply(state, { at, ...c });
        // the pure door leaves its argument alone
        expect(state).toEqual(before);
        const r = step(state, { at, ...c });
        if (!r.ok) {
          refused++;
          expect(state).toEqual(before);
          expect(pure).toEqual(r);
          continue;
        }
        accepted++;
        expect(pure.ok && pure.state).toEqual(state);
        expect(pure.ok && pure.events).toEqual(r.events);
        expect(state.log.slice(before.log.length)).toEqual(r.events);
      }
      expect(refused).toBeGreaterThan(50);
      expect(accepted).toBeGreaterThan(30);
      // stepping the state on changed none of the copies taken along the way
      for (const { copy, deep } of copies) expect(copy).toEqual(deep);
      // and stepping a copy on leaves the state it was taken from alone
      const deep = structuredClone(state);
      const fork = cloneState(state);
      for (let i = 0; i < 300 && fork.status !== "ended"; i++) {
        const c = next(fork, pick, rng);
        at += Math.floor(rng() * 90_000);
        if (c) step(fork, { at, ...c });
      }
      expect(state).toEqual(deep);
    },
  );
});
