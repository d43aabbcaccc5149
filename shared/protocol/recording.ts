// The recording of an exercise: the scenario, the seed and every accepted
// command in order, chained by hashes. Replaying it through the engine
// rebuilds every state; the chain shows that nothing was changed or cut.
import { z } from "zod";
import { actor } from "./actor.ts";
import { command } from "./commands.ts";

export const RECORDING_FORMAT = "deconflict-recording";
export const RECORDING_VERSION = 2;

const commandFields = {
  seq: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  actor,
  /** turn and phase when the command was accepted (before it took effect) */
  turn: z.number().int().nonnegative(),
  phase: z.string(),
  command,
};

export const recordedCommand = z.strictObject({
  ...commandFields,
  /** sha256(previous hash + this command as canonical JSON), hex */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type RecordedCommand = z.infer<typeof recordedCommand>;
/** A command as stored, before its place in the chain is computed. */
export type StoredCommand = Omit<RecordedCommand, "hash">;

const header = {
  format: z.literal(RECORDING_FORMAT),
  engineVersion: z.string(),
  exerciseId: z.string(),
  title: z.string(),
  createdAt: z.number().int().nonnegative(),
  seed: z.string(),
  /** the scenario exactly as validated when the exercise was created */
  scenario: z.unknown(),
};

export const recording = z.strictObject({
  ...header,
  version: z.literal(RECORDING_VERSION),
  commands: z.array(recordedCommand),
  /** the end of the chain: how many commands, and the last hash */
  head: z.strictObject({ count: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** HMAC of the head under the recording server's key: only that server can check it */
  seal: z.string().optional(),
});
export type Recording = z.infer<typeof recording>;

/** Format 1 (before hash chains), still read and migrated. */
export const recordingV1 = z.strictObject({
  ...header,
  version: z.literal(1),
  commands: z.array(z.strictObject(commandFields)),
});
