// The limits one process enforces against floods from outside: wrong codes
// per address, creations per address and per organiser code. Configured once.
import { createHash, timingSafeEqual } from "node:crypto";
import { HttpError } from "../../shared/protocol/http.ts";
import { Buckets } from "./buckets.ts";

export interface LimitSettings {
  /** exercises or courses one address may create per minute (bursts of twice that) */
  createPerMinute: number;
  /** wrong codes one address may try per minute (bursts of twice that) */
  wrongCodesPerMinute: number;
}

export class Limits {
  private readonly wrongCodes: Buckets;
  private readonly creations: Buckets;
  readonly settings: LimitSettings;

  constructor(settings: LimitSettings) {
    this.settings = settings;
    this.wrongCodes = new Buckets(settings.wrongCodesPerMinute * 2, settings.wrongCodesPerMinute / 60);
    this.creations = new Buckets(settings.createPerMinute * 2, settings.createPerMinute / 60);
  }

  /** Throws 429 if this address has tried too many wrong codes lately. */
  checkCodeTries(address: string, now: number): void {
    if (this.wrongCodes.level(address, now) >= 1) return;
    const wait = this.wrongCodes.waitSeconds(address, now);
    throw new HttpError(
      429,
      "too-many-wrong-codes",
      `Too many wrong codes from this address: wait ${wait} s, then check the code with your facilitator`,
      { wait },
    );
  }

  /** Counts one wrong code against an address. */
  wrongCode(address: string, now: number): void {
    this.wrongCodes.spend(address, now);
  }

  /** Takes one creation for an address (and for the organiser code, when one is used); 429 when over. */
  takeCreation(address: string, now: number, organiserCode?: string): void {
    const keys = [`addr:${address}`, ...(organiserCode ? ["organiser"] : [])];
    const blocked = keys.find((k) => this.creations.level(k, now) < 1);
    if (blocked) {
      const wait = this.creations.waitSeconds(blocked, now);
      const who = blocked === "organiser" ? "with this organiser code" : "from this address";
      throw new HttpError(
        429,
        "too-many-creations",
        `Too many exercises created ${who}: at most ${this.settings.createPerMinute} a minute. Try again in ${wait} s`,
        { who: blocked === "organiser" ? "organiser" : "address", limit: this.settings.createPerMinute, wait },
      );
    }
    for (const k of keys) this.creations.take(k, now);
  }
}

/** Compares two secrets in constant time (their digests, so lengths do not leak either). */
export function sameSecret(a: string, b: string): boolean {
  const da = createHash("sha256").update(a).digest();
  const db = createHash("sha256").update(b).digest();
  return timingSafeEqual(da, db);
}
