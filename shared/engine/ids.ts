// Ids that say nothing. An item's id is a keyed hash (the key is the exercise's
// secret seed) of its kind, its scope and its number within that scope. The
// scope is who may see it (a message's two parties, a proposal's parties, …;
// an event's is what every one of its readers knows of it: context.ts),
// so whoever sees one item of a scope sees every item of it: the ids a
// participant receives are the same however much happened out of its sight,
// and reveal no count. Deterministic, so replay gives the same ids.
import { mac8, prepareKey, type MacKey } from "./ids-mac.ts";

/** How ids are made: keyed hashes (engine 1.2.0 on), or the older `msg-1`, `msg-2`, … */
export type IdScheme = "keyed" | "sequential";

/** The first engine version whose ids are keyed. */
const KEYED_SINCE = [1, 2, 0];

/** The id scheme of an exercise recorded with this engine version (none given: the current one). */
export function idSchemeOf(engineVersion: string | undefined): IdScheme {
  if (engineVersion === undefined) return "keyed";
  const v = engineVersion.split(".").map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < KEYED_SINCE.length; i++) {
    const a = v[i] ?? 0;
    const b = KEYED_SINCE[i]!;
    if (a !== b) return a > b ? "keyed" : "sequential";
  }
  return "keyed";
}

// a prepared HMAC per key: computing an id then costs two compressions (ids-mac.ts)
const prepared = new Map<string, MacKey>();
const MAX_PREPARED = 64;

let last: { seed: string; title: string; mac: MacKey } | null = null;

function macFor(seed: string, title: string): MacKey {
  if (last && last.seed === seed && last.title === title) return last.mac;
  // the title keeps cells of a course that share a seed from sharing ids
  const key = `deconflict ids\u0000${seed}\u0000${title}`;
  let mac = prepared.get(key);
  if (!mac) {
    if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value!);
    mac = prepareKey(key);
    prepared.set(key, mac);
  }
  last = { seed, title, mac };
  return mac;
}

/** Where an id is derived from: the secret seed, and the title that tells cells apart. */
export interface IdKey {
  seed: string;
  title: string;
}

/** The id of the n-th item of a kind (`msg`, `log`, …) in a scope: `msg-` and 16 hex digits (64 bits). */
export function keyedId(key: IdKey, prefix: string, scope: string, n: number): string {
  return `${prefix}-${mac8(macFor(key.seed, key.title), `${prefix}\u0000${scope}\u0000${n}`)}`;
}

/** The scope of items addressed to an audience: the same set, however written, is the same scope. */
export function audienceScope(audience: readonly string[]): string {
  return [...new Set(audience)].sort().join("|");
}
