// The recording's hash chain and seal: built when a recording is exported,
// checked when one is read. A changed, removed or reordered command breaks the
// chain; a cut recording no longer matches its head; only the server's key can
// tell its own seal, and with it whether the file was final, from a forgery.
import { z } from "zod";
import { canonicalJson, hmacSha256, sameText, sha256 } from "./sha256.ts";
import {
  RECORDING_FORMAT,
  RECORDING_VERSION,
  recording,
  recordingV1,
  recordingV2,
  type Recording,
  type RecordingHead,
  type RecordingV2,
  type RecordingV3,
  type RecordedCommand,
  type StoredCommand,
} from "./recording.ts";
import { intactIntegrity, migratedIntegrity, sealedIntegrity, type Integrity } from "./integrity-text.ts";

export type { Integrity } from "./integrity-text.ts";

export interface RecordingHeader {
  engineVersion: string;
  exerciseId: string;
  title: string;
  createdAt: number;
  seed: string;
  scenario: unknown;
}

/** Where the exercise stood when the file was taken: sealed with the head. */
export interface Taken {
  /** the exercise had ended */
  final: boolean;
  turn: number;
}

/** The chain starts from the hash of the header, so the scenario and seed are covered too. */
export function genesis(h: RecordingHeader): string {
  return sha256(
    canonicalJson({
      format: RECORDING_FORMAT,
      engineVersion: h.engineVersion,
      exerciseId: h.exerciseId,
      title: h.title,
      createdAt: h.createdAt,
      seed: h.seed,
      scenario: h.scenario,
    }),
  );
}

export function chainHash(previous: string, c: StoredCommand): string {
  return sha256(
    previous +
      canonicalJson({ seq: c.seq, at: c.at, actor: c.actor, turn: c.turn, phase: c.phase, command: c.command }),
  );
}

function chain(
  h: RecordingHeader,
  commands: readonly StoredCommand[],
): { commands: RecordedCommand[]; count: number; hash: string } {
  let previous = genesis(h);
  const chained = commands.map((c) => {
    previous = chainHash(previous, c);
    return { ...c, hash: previous };
  });
  return { commands: chained, count: chained.length, hash: previous };
}

export interface BuildOptions {
  /** where the exercise stood; without it the file never claims to be final */
  taken?: Taken;
  /** the server's key: seals the head */
  sealKey?: string;
}

/** A complete recording: the commands chained, the head, and the server's seal if a key is given. */
export function buildRecording(
  h: RecordingHeader,
  commands: readonly StoredCommand[],
  options: BuildOptions = {},
): RecordingV3 {
  const c = chain(h, commands);
  const taken = options.taken ?? { final: false, turn: commands.at(-1)?.turn ?? 0 };
  const head: RecordingHead = { count: c.count, hash: c.hash, final: taken.final, turn: taken.turn };
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    ...h,
    commands: c.commands,
    head,
    ...(options.sealKey ? { seal: sealOf(options.sealKey, head) } : {}),
  };
}

/** The seal of a format 3 head: the count, last hash and whether the file is final, under the server's key. */
export function sealOf(key: string, head: RecordingHead): string {
  return hmacSha256(key, canonicalJson({ format: RECORDING_FORMAT, version: RECORDING_VERSION, head }));
}

/** The seal of a format 2 head (its last hash only): kept to check files exported before format 3. */
export function sealOfV2(key: string, headHash: string): string {
  return hmacSha256(key, headHash);
}

/** Why a recording was refused, for a reader's language: a key of the `integrity` namespace and its parameters. */
export interface RefusalReason {
  key: string;
  params: Record<string, string | number>;
}

export type LoadResult = { ok: true; recording: Recording; integrity: Integrity } | { ok: false; error: string };

/** A load result whose refusal also names its reason, for a reader in another language. */
export type ReasonedLoad = Exclude<LoadResult, { ok: false }> | { ok: false; error: string; reason: RefusalReason };

const refused = (error: string, key: string, params: Record<string, string | number> = {}): ReasonedLoad => ({
  ok: false,
  error,
  reason: { key, params },
});

/**
 * Reads a recording file's JSON: migrates format 1, refuses tampered, truncated or unknown ones with a reason.
 * With the key of the server that made it, the seal is checked too: a chain rebuilt after editing fails there.
 */
export function loadRecording(input: unknown, sealKey?: string): LoadResult {
  const r = loadWithReason(input, sealKey);
  return r.ok ? r : { ok: false, error: r.error };
}

/** As loadRecording, with each refusal's key and parameters in the `integrity` namespace. */
export function loadWithReason(input: unknown, sealKey?: string): ReasonedLoad {
  if (typeof input !== "object" || input === null || (input as { format?: unknown }).format !== RECORDING_FORMAT)
    return refused(
      'This is not a Deconflict recording (its "format" is not "deconflict-recording")',
      "integrity.not-a-recording",
    );
  const version = (input as { version?: unknown }).version;
  // a format 1 file has no chain and no seal: it cannot pass a seal check
  if (version === 1)
    return sealKey
      ? refused(
          "This is a format 1 recording: it carries no seal, so this server cannot vouch for it (open it without the server's key)",
          "integrity.v1-no-seal",
        )
      : migrateV1(input);
  if (version !== 2 && version !== RECORDING_VERSION)
    return refused(
      `This recording is format version ${JSON.stringify(version)}; ` +
        `this Deconflict reads versions 1 to ${RECORDING_VERSION}. Open it with a newer Deconflict.`,
      "integrity.unknown-version",
      { version: JSON.stringify(version) ?? "undefined", latest: RECORDING_VERSION },
    );
  const parsed = version === 2 ? recordingV2.safeParse(input) : recording.safeParse(input);
  if (!parsed.success)
    return refused(`The recording is damaged: ${describe(parsed.error)}`, "integrity.damaged", {
      detail: describe(parsed.error),
    });
  const rec: Recording = parsed.data;
  const broken = chainBreak(rec);
  if (broken) return refused(broken.error, broken.reason.key, broken.reason.params);
  if (!sealKey) return { ok: true, recording: rec, integrity: intactIntegrity(rec.head) };
  if (!rec.seal)
    return refused(
      "The recording carries no seal: it was not exported by this server, or its seal was removed",
      "integrity.no-seal",
    );
  const expected = rec.version === 2 ? sealOfV2(sealKey, rec.head.hash) : sealOf(sealKey, rec.head);
  if (!sameText(rec.seal, expected))
    return refused(
      "The seal does not match: the recording was rewritten (or its final mark changed) after this server sealed it, or another server made it",
      "integrity.seal-mismatch",
    );
  return { ok: true, recording: rec, integrity: sealedIntegrity(rec.head) };
}

/** The first break in the chain, or null. */
export function checkChain(rec: Recording): string | null {
  return chainBreak(rec)?.error ?? null;
}

/** The first break in the chain with its reason's key, or null. */
function chainBreak(rec: Recording): { error: string; reason: RefusalReason } | null {
  const at = (error: string, key: string, params: Record<string, string | number> = {}) => ({
    error,
    reason: { key, params },
  });
  let previous = genesis(rec);
  for (const [i, c] of rec.commands.entries()) {
    if (c.seq !== i + 1)
      return at(
        `Command ${i + 1} is missing or out of order (found command ${c.seq} in its place): the recording was altered`,
        "integrity.out-of-order",
        { position: i + 1, found: c.seq },
      );
    previous = chainHash(previous, c);
    if (previous !== c.hash)
      return at(`Command ${c.seq} was altered: its hash does not match the chain`, "integrity.altered-command", {
        seq: c.seq,
      });
  }
  const holds = rec.commands.length;
  const count = rec.head.count;
  if (holds < count)
    return at(`The recording is truncated: it holds ${holds} commands, its head says ${count}`, "integrity.truncated", {
      holds,
      count,
    });
  if (holds > count)
    return at(
      `The recording has ${holds - count} command(s) more than its head says: it was altered`,
      "integrity.extra-commands",
      { extra: holds - count },
    );
  if (previous !== rec.head.hash)
    return at(
      "The head hash does not match the last command: the recording was altered or cut",
      "integrity.head-mismatch",
    );
  return null;
}

/** Format 1 becomes format 2: chained now, but with no seal and no final mark, since nobody can vouch for it. */
function migrateV1(input: unknown): ReasonedLoad {
  const parsed = recordingV1.safeParse(input);
  if (!parsed.success)
    return refused(`The recording (format 1) is damaged: ${describe(parsed.error)}`, "integrity.damaged-v1", {
      detail: describe(parsed.error),
    });
  const { version: _v, commands, format: _f, ...h } = parsed.data;
  const c = chain(h, commands);
  const rec: RecordingV2 = {
    format: RECORDING_FORMAT,
    version: 2,
    ...h,
    commands: c.commands,
    head: { count: c.count, hash: c.hash },
  };
  return { ok: true, recording: rec, integrity: migratedIntegrity(rec.head.hash) };
}

function describe(e: z.ZodError): string {
  const i = e.issues[0]!;
  return `${i.path.join(".") || "(root)"}: ${i.message}`;
}
