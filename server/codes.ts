// Join codes: 100 random bits in Crockford base32, written in five groups of
// four (e.g. "7KQM-2XPD-9TRB-WF8H-3NZC"). The code alone decides who you are.
import { createHash, randomBytes } from "node:crypto";
import type { Seat } from "../shared/protocol/identity.ts";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export interface Codes {
  facilitator: string;
  observer: string;
  mediator?: string;
  teams: Record<string, string>;
}

/** A fresh unguessable code (20 base32 characters = 100 bits). */
export function newCode(): string {
  return written(randomBytes(13));
}

/** 100 bits of the given bytes, written as a code. */
function written(bytes: Uint8Array): string {
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = "";
  for (let i = 0; i < 20; i++) {
    out += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return out.match(/.{4}/g)!.join("-");
}

/** Reads a code as people type it: upper or lower case, with or without dashes or spaces, O for 0, I and L for 1. */
export function normalizeCode(input: string): string {
  const clean = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return clean.length === 20 ? clean.match(/.{4}/g)!.join("-") : clean;
}

export function issueCodes(teamIds: string[], withMediator: boolean): Codes {
  return {
    facilitator: newCode(),
    observer: newCode(),
    ...(withMediator ? { mediator: newCode() } : {}),
    teams: Object.fromEntries(teamIds.map((t) => [t, newCode()])),
  };
}

/**
 * The projector display's code, derived one-way from control's: every exercise has one (those made before it
 * too), it stays the same across restarts without being stored, and it reveals nothing of control's code.
 */
export function displayCode(codes: Pick<Codes, "facilitator">): string {
  return written(createHash("sha256").update(`deconflict-display:${codes.facilitator}`).digest().subarray(0, 13));
}

/** Every code of an exercise as control (its creator) receives them: each seat's, and the projector display's. */
export function controlCodes(c: Codes): Codes & { display: string } {
  return {
    facilitator: c.facilitator,
    observer: c.observer,
    display: displayCode(c),
    ...(c.mediator ? { mediator: c.mediator } : {}),
    teams: c.teams,
  };
}

/** Which seat a code opens in an exercise, if any. */
export function seatFor(codes: Codes, code: string): Seat | null {
  const c = normalizeCode(code);
  if (c === codes.facilitator) return { role: "facilitator" };
  if (c === displayCode(codes)) return { role: "public" };
  if (c === codes.observer) return { role: "observer" };
  if (codes.mediator && c === codes.mediator) return { role: "mediator" };
  for (const [teamId, tc] of Object.entries(codes.teams)) if (c === tc) return { role: "team", teamId };
  return null;
}
