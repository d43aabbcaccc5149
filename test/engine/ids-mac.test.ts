// The ids' fast HMAC-SHA-256 gives the digests of @noble/hashes' hmac(sha256)
// (what ids were made with before it): every id of every recording depends on it.
import { describe, expect, it } from "vitest";
import seedrandom from "seedrandom";
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { mac8, prepareKey } from "../../shared/engine/ids-mac.ts";

const reference = (key: string, message: string) =>
  bytesToHex(hmac(sha256, utf8ToBytes(key), utf8ToBytes(message)).subarray(0, 8));

describe("the ids' HMAC-SHA-256", () => {
  it("gives noble's digests for keys and messages of every length, ASCII or not", () => {
    const rng = seedrandom("ids-mac");
    const alphabet = ["a", "Z", "0", "\u0000", "|", "é", "—", "漢", "😀", '"', "{"];
    const text = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rng() * alphabet.length)]).join("");
    // lengths around the 55/56/64-byte block edges and far beyond
    const lengths = [0, 1, 20, 54, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200, 1000, 5000];
    let checked = 0;
    for (const kl of [0, 10, 63, 64, 65, 100, 300])
      for (const ml of lengths) {
        const key = text(kl);
        const message = text(ml);
        expect(mac8(prepareKey(key), message), `key ${kl}, message ${ml}`).toBe(reference(key, message));
        checked++;
      }
    // a prepared key serves many messages
    const key = prepareKey("deconflict ids\u0000seed\u0000title");
    for (let i = 0; i < 200; i++) {
      const message = `log\u0000${text(Math.floor(rng() * 150))}\u0000${i}`;
      expect(mac8(key, message)).toBe(reference("deconflict ids\u0000seed\u0000title", message));
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});
