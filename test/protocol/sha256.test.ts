// The hashes the recording relies on give the published test vectors
// (FIPS 180-2 for SHA-256, RFC 4231 for HMAC-SHA-256), UTF-8 included.
import { describe, expect, it } from "vitest";
import { createHash, createHmac } from "node:crypto";
import { hmacSha256, sameText, sha256 } from "../../shared/protocol/sha256.ts";

describe("sha256 and hmacSha256", () => {
  it("match the published test vectors", () => {
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hmacSha256("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("agree with Node's own crypto on non-ASCII text and keys longer than a block", () => {
    const key = "🔑 clé ".repeat(20);
    for (const text of ["Était-ce vous ? « grid » — 🛰️⚡", "我们没有。\u0000", "x".repeat(1000)]) {
      expect(sha256(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
      expect(hmacSha256(key, text)).toBe(
        createHmac("sha256", Buffer.from(key, "utf8")).update(text, "utf8").digest("hex"),
      );
    }
  });

  it("sameText tells equal from different strings", () => {
    expect(sameText("ab12", "ab12")).toBe(true);
    expect(sameText("ab12", "ab13")).toBe(false);
    expect(sameText("ab12", "ab1")).toBe(false);
  });
});
