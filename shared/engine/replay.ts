// replay(recording, upTo): folds the recorded commands through the engine again.
// Every recorded command was accepted live, so a refusal here means the log or
// the engine differs from the one that made it.
import type { GameState, Scenario } from "./types.ts";
import type { StoredCommand } from "../protocol/recording.ts";
import { init } from "./init.ts";
import { apply } from "./apply.ts";

export interface ReplayInput {
  scenario: Scenario;
  seed: string;
  title: string;
  commands: readonly StoredCommand[];
}

export class ReplayError extends Error {
  readonly seq: number;
  constructor(seq: number, message: string) {
    super(`Replay failed at command ${seq}: ${message}`);
    this.seq = seq;
    this.name = "ReplayError";
  }
}

/** The state after the first `upTo` commands (all of them by default). */
export function replay(rec: ReplayInput, upTo = rec.commands.length): GameState {
  let state = init(rec.scenario, { seed: rec.seed, title: rec.title });
  for (const step of replaySteps(rec, upTo)) state = step;
  return state;
}

/** Every state in turn, from the first command's result to command `upTo`. */
export function* replaySteps(rec: ReplayInput, upTo = rec.commands.length): Generator<GameState> {
  let state = init(rec.scenario, { seed: rec.seed, title: rec.title });
  for (const c of rec.commands.slice(0, upTo)) {
    const r = apply(state, { at: c.at, actor: c.actor, command: c.command });
    if (!r.ok) throw new ReplayError(c.seq, r.error.message);
    if (r.seq !== c.seq) throw new ReplayError(c.seq, `expected sequence number ${c.seq}, the engine gave ${r.seq}`);
    state = r.state;
    yield state;
  }
}
