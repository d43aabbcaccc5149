// SHA-256 and HMAC-SHA-256 of text, from @noble/hashes (audited, synchronous,
// the same in the browser and in Node), for the recording's hash chain and seal.
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 as sha256Hash } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** SHA-256 of a UTF-8 string, in hex. */
export function sha256(text: string): string {
  return bytesToHex(sha256Hash(utf8ToBytes(text)));
}

/** HMAC-SHA-256 of a UTF-8 message under a UTF-8 key, in hex. */
export function hmacSha256(key: string, message: string): string {
  return bytesToHex(hmac(sha256Hash, utf8ToBytes(key), utf8ToBytes(message)));
}

/** Compares two strings in time that depends only on their length, so a seal check leaks nothing. */
export function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** JSON with keys in sorted order, so the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}
