// The recording's hash chain: built when a recording is exported, checked when
// one is read. A changed, removed or reordered command breaks the chain; a cut
// recording no longer matches its head.
import { z } from "zod";
import { canonicalJson, hmacSha256, sha256 } from "./sha256.ts";
import { RECORDING_FORMAT, RECORDING_VERSION, recording, recordingV1, type Recording, type RecordedCommand, type StoredCommand } from "./recording.ts";

export interface RecordingHeader {
  engineVersion: string;
  exerciseId: string;
  title: string;
  createdAt: number;
  seed: string;
  scenario: unknown;
}

/** The chain starts from the hash of the header, so the scenario and seed are covered too. */
export function genesis(h: RecordingHeader): string {
  return sha256(canonicalJson({ format: RECORDING_FORMAT, engineVersion: h.engineVersion, exerciseId: h.exerciseId, title: h.title, createdAt: h.createdAt, seed: h.seed, scenario: h.scenario }));
}

export function chainHash(previous: string, c: StoredCommand): string {
  return sha256(previous + canonicalJson({ seq: c.seq, at: c.at, actor: c.actor, turn: c.turn, phase: c.phase, command: c.command }));
}

/** A complete recording: the commands chained, the head, and the server's seal if a key is given. */
export function buildRecording(h: RecordingHeader, commands: readonly StoredCommand[], sealKey?: string): Recording {
  let previous = genesis(h);
  const chained: RecordedCommand[] = commands.map((c) => {
    previous = chainHash(previous, c);
    return { ...c, hash: previous };
  });
  const head = { count: chained.length, hash: previous };
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    ...h,
    commands: chained,
    head,
    ...(sealKey ? { seal: sealOf(sealKey, head.hash) } : {}),
  };
}

export function sealOf(key: string, headHash: string): string {
  return hmacSha256(key, headHash);
}

export interface Integrity {
  /** "sealed": the chain holds and carries this server's seal; "verified": the chain holds; "migrated": an older format without a chain */
  status: "sealed" | "verified" | "migrated";
  text: string;
  head: string;
}

export type LoadResult = { ok: true; recording: Recording; integrity: Integrity } | { ok: false; error: string };

/**
 * Reads a recording file's JSON: migrates format 1, refuses tampered, truncated or unknown ones with a reason.
 * With the key of the server that made it, the seal is checked too: a chain rebuilt after editing fails there.
 */
export function loadRecording(input: unknown, sealKey?: string): LoadResult {
  if (typeof input !== "object" || input === null || (input as { format?: unknown }).format !== RECORDING_FORMAT)
    return { ok: false, error: "This is not a Deconflict recording (its \"format\" is not \"deconflict-recording\")" };
  const version = (input as { version?: unknown }).version;
  // a format 1 file has no chain and no seal: it cannot pass a seal check
  if (version === 1)
    return sealKey ? { ok: false, error: "This is a format 1 recording: it carries no seal, so this server cannot vouch for it (open it without the server's key)" } : migrateV1(input);
  if (version !== RECORDING_VERSION)
    return { ok: false, error: `This recording is format version ${JSON.stringify(version)}; this Deconflict reads versions 1 and ${RECORDING_VERSION}. Open it with a newer Deconflict.` };
  const parsed = recording.safeParse(input);
  if (!parsed.success) return { ok: false, error: `The recording is damaged: ${describe(parsed.error)}` };
  const rec = parsed.data;
  const broken = checkChain(rec);
  if (broken) return { ok: false, error: broken };
  const chain = `Hash chain verified: ${rec.head.count} commands, head ${rec.head.hash.slice(0, 16)}…`;
  if (sealKey) {
    if (!rec.seal) return { ok: false, error: "The recording carries no seal: it was not exported by this server, or its seal was removed" };
    if (rec.seal !== sealOf(sealKey, rec.head.hash))
      return { ok: false, error: "The seal does not match: the recording was rewritten after this server sealed it, or another server made it" };
    return { ok: true, recording: rec, integrity: { status: "sealed", head: rec.head.hash, text: `${chain} and sealed by this server — the log is exactly as it was recorded.` } };
  }
  return {
    ok: true,
    recording: rec,
    integrity: {
      status: "verified",
      head: rec.head.hash,
      text: `${chain} — the commands are whole and in order. Only the server that recorded it can confirm its seal, which also rules out a chain rebuilt after editing.`,
    },
  };
}

/** The first break in the chain, or null. */
export function checkChain(rec: Recording): string | null {
  let previous = genesis(rec);
  for (const [i, c] of rec.commands.entries()) {
    if (c.seq !== i + 1) return `Command ${i + 1} is missing or out of order (found command ${c.seq} in its place): the recording was altered`;
    previous = chainHash(previous, c);
    if (previous !== c.hash) return `Command ${c.seq} was altered: its hash does not match the chain`;
  }
  if (rec.commands.length < rec.head.count) return `The recording is truncated: it holds ${rec.commands.length} commands, its head says ${rec.head.count}`;
  if (rec.commands.length > rec.head.count) return `The recording has ${rec.commands.length - rec.head.count} command(s) more than its head says: it was altered`;
  if (previous !== rec.head.hash) return "The head hash does not match the last command: the recording was altered or cut";
  return null;
}

function migrateV1(input: unknown): LoadResult {
  const parsed = recordingV1.safeParse(input);
  if (!parsed.success) return { ok: false, error: `The recording (format 1) is damaged: ${describe(parsed.error)}` };
  const { version: _v, commands, format: _f, ...h } = parsed.data;
  const rec = buildRecording(h, commands);
  return {
    ok: true,
    recording: rec,
    integrity: { status: "migrated", head: rec.head.hash, text: "Format 1 recording, migrated to format 2: it was made before hash chains, so its integrity cannot be verified." },
  };
}

function describe(e: z.ZodError): string {
  const i = e.issues[0]!;
  return `${i.path.join(".") || "(root)"}: ${i.message}`;
}
