// One pass over the recording through the engine: the final state plus what
// only the sequence of states shows — when escalation moved, which command
// adjudicated which turn, where each turn began, when the peak was reached.
import type { GameState, Scenario } from "../engine/types.ts";
import type { Recording } from "../protocol/recording.ts";
import { init } from "../engine/init.ts";
import { replaySteps } from "../engine/replay.ts";
import type { CurvePoint } from "./types.ts";

export interface AdjudicationStep {
  turn: number;
  seq: number;
  at: number;
  /** the log entries this command added: state.log.slice(logFrom, logTo) */
  logFrom: number;
  logTo: number;
}

export interface Folded {
  final: GameState;
  points: CurvePoint[];
  adjudications: AdjudicationStep[];
  turnStarts: { turn: number; seq: number }[];
  peak: { seq: number; turn: number } | null;
  /** time of the first exercise.start command */
  startAt: number | null;
}

export function phaseIdOf(s: GameState): string {
  return s.status === "setup" ? "" : (s.scenario.phases[s.phaseIndex]?.id ?? "");
}

export function fold(scenario: Scenario, rec: Recording): Folded {
  // the recording's engine version: one made before 1.2.0 replays with its sequential ids
  const start = init(scenario, { seed: rec.seed, title: rec.title, engineVersion: rec.engineVersion });
  const first = rec.commands[0];
  const points: CurvePoint[] = [
    { seq: 0, at: first?.at ?? rec.createdAt, turn: 0, phase: "", value: start.escalation },
  ];
  const adjudications: AdjudicationStep[] = [];
  const turnStarts: { turn: number; seq: number }[] = [];
  let peak: Folded["peak"] = null;
  let startAt: number | null = null;
  // the replay changes one state in place: what the next step is compared with is kept apart
  let prev = { escalation: start.escalation, peak: start.peakEscalation, history: 0, log: 0, turn: start.turn };
  let final = start;
  let i = 0;
  for (const state of replaySteps({
    scenario,
    seed: rec.seed,
    title: rec.title,
    commands: rec.commands,
    engineVersion: rec.engineVersion,
  })) {
    const c = rec.commands[i++]!;
    if (c.command.type === "exercise.start" && startAt === null) startAt = state.now;
    if (state.escalation !== prev.escalation)
      points.push({
        seq: state.seq,
        at: state.now,
        turn: state.turn,
        phase: phaseIdOf(state),
        value: state.escalation,
      });
    if (state.peakEscalation > prev.peak) peak = { seq: state.seq, turn: state.turn };
    if (state.history.length > prev.history)
      adjudications.push({
        turn: state.history.at(-1)!.turn,
        seq: state.seq,
        at: state.now,
        logFrom: prev.log,
        logTo: state.log.length,
      });
    if (state.turn > prev.turn) turnStarts.push({ turn: state.turn, seq: state.seq });
    prev = {
      escalation: state.escalation,
      peak: state.peakEscalation,
      history: state.history.length,
      log: state.log.length,
      turn: state.turn,
    };
    final = state;
  }
  return { final, points, adjudications, turnStarts, peak, startAt };
}
