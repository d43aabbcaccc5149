// replay(recording, upTo): folds the recorded commands through the engine again.
// Every recorded command was accepted live, so a refusal here means the log or
// the engine differs from the one that made it.
import type { GameState, Scenario } from "./types.ts";
import type { StoredCommand } from "../protocol/recording.ts";
import { init } from "./init.ts";
import { step } from "./apply.ts";
import { KEPT_RULES, requireRules } from "./rules.ts";

export interface ReplayInput {
  scenario: Scenario;
  seed: string;
  title: string;
  commands: readonly StoredCommand[];
  /**
   * the engine version the recording was made with: rules this engine does not
   * play are refused (RulesError, rules.ts), kept older rules get their switches
   * (sequential ids before 1.2). Without it, `replay` tries this engine's rules
   * first, then each kept one; `replaySteps` uses this engine's.
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
    // an older recording refers to its sequential ids (`proposal-1`): replay it with the rules it was made under
    if (!(err instanceof ReplayError) || rec.engineVersion !== undefined) throw err;
    for (const rules of Object.keys(KEPT_RULES)) {
      try {
        return last({ ...rec, engineVersion: `${rules}.0` }, upTo);
      } catch {
        // not these rules either
      }
    }
    throw err;
  }
}

function last(rec: ReplayInput, upTo: number): GameState {
  let state = init(rec.scenario, { seed: rec.seed, title: rec.title, engineVersion: rec.engineVersion });
  for (const s of replaySteps(rec, upTo)) state = s;
  return state;
}

/**
 * The state after each command in turn, from the first to command `upTo`. It is
 * ONE state, changed in place by each step: read it before asking for the next,
 * and keep a copy (cloneState) of any step you want to keep.
 */
export function* replaySteps(rec: ReplayInput, upTo = rec.commands.length): Generator<GameState> {
  // never under rules it was not played with
  if (rec.engineVersion !== undefined) requireRules(rec.engineVersion);
  const state = init(rec.scenario, { seed: rec.seed, title: rec.title, engineVersion: rec.engineVersion });
  yield* continueSteps(state, rec.commands, 0, upTo);
}

/**
 * Steps `state` (the state after the first `from` commands) through the
 * recorded commands from `from` up to `upTo`, yielding it after each: the
 * replay viewer resumes from a copy of a checkpoint this way.
 */
export function* continueSteps(
  state: GameState,
  commands: readonly StoredCommand[],
  from: number,
  upTo = commands.length,
): Generator<GameState> {
  for (let i = from; i < Math.min(upTo, commands.length); i++) {
    const c = commands[i]!;
    const r = step(state, { at: c.at, actor: c.actor, command: c.command });
    if (!r.ok) throw new ReplayError(c.seq, r.error.message);
    if (r.seq !== c.seq) throw new ReplayError(c.seq, `expected sequence number ${c.seq}, the engine gave ${r.seq}`);
    yield state;
  }
}
