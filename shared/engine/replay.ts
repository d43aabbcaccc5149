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
  /**
   * the engine version the recording was made with: recordings of engines
   * before 1.2.0 get their sequential ids back. Without it, `replay` tries
   * this engine's ids first, then sequential ones; `replaySteps` uses this engine's.
   */
  engineVersion?: string;
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
  try {
    return last(rec, upTo);
  } catch (err) {
    // an older recording refers to its sequential ids (`proposal-1`): replay it with them
    if (!(err instanceof ReplayError) || rec.engineVersion !== undefined) throw err;
    try {
      return last({ ...rec, engineVersion: "1.1.0" }, upTo);
    } catch {
      throw err;
    }
  }
}

function last(rec: ReplayInput, upTo: number): GameState {
  let state = init(rec.scenario, { seed: rec.seed, title: rec.title, engineVersion: rec.engineVersion });
  for (const step of replaySteps(rec, upTo)) state = step;
  return state;
}

/** Every state in turn, from the first command's result to command `upTo`. */
export function* replaySteps(rec: ReplayInput, upTo = rec.commands.length): Generator<GameState> {
  let state = init(rec.scenario, { seed: rec.seed, title: rec.title, engineVersion: rec.engineVersion });
  for (const c of rec.commands.slice(0, upTo)) {
    const r = apply(state, { at: c.at, actor: c.actor, command: c.command });
    if (!r.ok) throw new ReplayError(c.seq, r.error.message);
    if (r.seq !== c.seq) throw new ReplayError(c.seq, `expected sequence number ${c.seq}, the engine gave ${r.seq}`);
    state = r.state;
    yield state;
  }
}
