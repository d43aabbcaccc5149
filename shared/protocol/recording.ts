// The recording of an exercise: the scenario, the seed and every accepted
// command in order, chained by hashes. Replaying it through the engine
// rebuilds every state; the chain shows that nothing was changed or cut.
// Format 3 marks in its head whether the exercise had ended when the file was
// taken, under the seal; format 2 (no such mark) and 1 (no chain) are still read.
import { z } from "zod";
import { actor } from "./identity.ts";
import { command } from "./commands.ts";

export const RECORDING_FORMAT = "deconflict-recording";
export const RECORDING_VERSION = 3;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

const commandFields = {
  seq: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  /** who: a bot's actor names its policy (`bot`), a person's has none, as in every recording made before bots */
  actor,
  /** turn and phase when the command was accepted (before it took effect) */
  turn: z.number().int().nonnegative(),
  phase: z.string(),
  command,
};

export const recordedCommand = z.strictObject({
  ...commandFields,
  /** sha256(previous hash + this command as canonical JSON), hex */
  hash: sha256Hex,
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

/** The end of the chain when the file was taken: what the seal covers. */
export const recordingHead = z.strictObject({
  /** how many commands, and the last hash (the genesis hash when there are none) */
  count: z.number().int().nonnegative(),
  hash: sha256Hex,
  /** true when the exercise had ended: an earlier download says false and cannot pass as the final one */
  final: z.boolean(),
  /** the exercise's turn when the file was taken (0 before the start) */
  turn: z.number().int().nonnegative(),
});
export type RecordingHead = z.infer<typeof recordingHead>;

export const recording = z.strictObject({
  ...header,
  version: z.literal(RECORDING_VERSION),
  commands: z.array(recordedCommand),
  head: recordingHead,
  /** HMAC of the format, version and head under the recording server's key: only that server can check it */
  seal: sha256Hex.optional(),
});
/** A recording in the current format, as the server exports it. */
export type RecordingV3 = z.infer<typeof recording>;

/** Format 2: chained, but its seal covers only the last hash, so it cannot tell a final file from an earlier one. */
export const recordingV2 = z.strictObject({
  ...header,
  version: z.literal(2),
  commands: z.array(recordedCommand),
  head: z.strictObject({ count: z.number().int().nonnegative(), hash: sha256Hex }),
  /** HMAC of the head hash under the recording server's key */
  seal: z.string().optional(),
});
export type RecordingV2 = z.infer<typeof recordingV2>;

/** A verified recording as read: format 3, or format 2 kept as it is so its seal still checks. */
export type Recording = RecordingV3 | RecordingV2;

/** Format 1 (before hash chains), still read and migrated. */
export const recordingV1 = z.strictObject({
  ...header,
  version: z.literal(1),
  commands: z.array(z.strictObject(commandFields)),
});
