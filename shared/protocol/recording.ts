// The recording of an exercise: the scenario, the seed and every accepted
// command in order. Replaying it through the engine rebuilds every state.
import { z } from "zod";
import { actor } from "./actor.ts";
import { command } from "./commands.ts";

export const RECORDING_FORMAT = "deconflict-recording";
export const RECORDING_VERSION = 1;

export const recordedCommand = z.strictObject({
  seq: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  actor,
  /** turn and phase when the command was accepted (before it took effect) */
  turn: z.number().int().nonnegative(),
  phase: z.string(),
  command,
});
export type RecordedCommand = z.infer<typeof recordedCommand>;

export const recording = z.strictObject({
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(RECORDING_VERSION),
  engineVersion: z.string(),
  exerciseId: z.string(),
  title: z.string(),
  createdAt: z.number().int().nonnegative(),
  seed: z.string(),
  /** the scenario exactly as validated when the exercise was created */
  scenario: z.unknown(),
  commands: z.array(recordedCommand),
});
export type Recording = z.infer<typeof recording>;
