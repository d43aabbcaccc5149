// The replay viewer's timeline folds a recording once, in place, keeping copies
// (checkpoints) and rebuilding other steps from them: every step it hands out is
// the state a replay from the start gives, in any order of seeking, and a state
// handed out stays as it was while the viewer seeks elsewhere.
import { describe, expect, it } from "vitest";
import seedrandom from "seedrandom";
import { init, replay, step, type GameState } from "../../shared/engine/index.ts";
import { CHECKPOINT, Timeline } from "../../client/replay/timeline.ts";
import { command } from "../../shared/protocol/commands.ts";
import type { StoredCommand } from "../../shared/protocol/recording.ts";
import { loadScenario } from "../helpers/scenarios.ts";
import { randomSource, randomStep } from "../helpers/random-commands.ts";

/** A random exercise of civilian-shield, recorded: several checkpoints long. */
function recorded(seed: string) {
  const scenario = loadScenario("civilian-shield");
  const { rng, pick } = randomSource(seed);
  const state = init(scenario, { seed });
  const commands: StoredCommand[] = [];
  let at = 1_700_000_000_000;
  for (let i = 0; i < 3000 && commands.length < 12 * CHECKPOINT && state.status !== "ended"; i++) {
    const s = randomStep(state, pick, rng);
    const parsed = command.safeParse(s.command);
    if (!parsed.success) continue;
    at += 1 + Math.floor(rng() * 60_000);
    const turn = state.turn;
    const phase = state.scenario.phases[state.phaseIndex]?.id ?? "";
    const r = step(state, { at, actor: s.actor, command: parsed.data });
    if (r.ok) commands.push({ seq: r.seq, at, actor: s.actor, turn, phase, command: parsed.data });
  }
  return { scenario, seed, title: state.title, commands };
}

async function loaded(rec: ReturnType<typeof recorded>): Promise<Timeline> {
  const t = new Timeline(rec.scenario, rec.seed, rec.title, rec.commands);
  await new Promise<void>((done) => t.onProgress((p) => p.done && done()));
  expect(t.error).toBeNull();
  return t;
}

describe("the replay timeline", () => {
  it("hands out, in any order, the very state a replay from the start gives, and never changes one afterwards", async () => {
    const rec = recorded("timeline");
    expect(rec.commands.length).toBeGreaterThan(4 * CHECKPOINT);
    const t = await loaded(rec);
    expect(t.ready).toBe(rec.commands.length + 1);
    const rng = seedrandom("seeks");
    const n = rec.commands.length;
    // forward one by one, backwards, jumps, checkpoints themselves, the last step
    const seeks = [1, 2, 3, CHECKPOINT, CHECKPOINT + 1, 5, 4, n, n - 1, 2 * CHECKPOINT - 1];
    for (let i = 0; i < 40; i++) seeks.push(Math.floor(rng() * (n + 1)));
    const handed: { k: number; state: GameState; deep: GameState }[] = [];
    for (const k of seeks) {
      const s = t.state(k);
      const expected = replay(rec, k);
      expect(s.seq).toBe(k);
      expect(s).toEqual(expected);
      handed.push({ k, state: s, deep: structuredClone(s) });
    }
    // what the viewer still holds (the step before, to compare with) was left as it was
    for (const h of handed) expect(h.state, `step ${h.k}`).toEqual(h.deep);
  });
});
