// HMAC-SHA-256 for ids (ids.ts), written for speed: an exercise makes an id for
// nearly every event, and replaying a long one makes tens of thousands. The key's
// inner and outer states are computed once per key; an id then costs two or three
// compressions on reused buffers, and nothing is allocated but its text. The
// same digests as @noble/hashes' hmac(sha256): test/engine/ids-mac.test.ts.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const H0 = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

const W = new Int32Array(64);
const text = new TextEncoder();
let buf = new Uint8Array(256);

/** One SHA-256 compression of the 64 bytes of `bytes` at `at` into `h`. */
function compress(h: Int32Array, bytes: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++) {
    const j = at + i * 4;
    W[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const a = W[i - 15]!;
    const b = W[i - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = h[0]!;
  let b = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  let f = h[5]!;
  let g = h[6]!;
  let k = h[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    k = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + k) | 0;
}

/** SHA-256 of the first `len` bytes of `data` (padded in place), continued from `h` after `before` bytes. */
function finish(h: Int32Array, data: Uint8Array, len: number, before: number): void {
  const total = len + 9;
  const blocks = Math.ceil(total / 64);
  data.fill(0, len, blocks * 64);
  data[len] = 0x80;
  const bits = (before + len) * 8;
  const end = blocks * 64;
  data[end - 4] = (bits >>> 24) & 0xff;
  data[end - 3] = (bits >>> 16) & 0xff;
  data[end - 2] = (bits >>> 8) & 0xff;
  data[end - 1] = bits & 0xff;
  // lengths here stay far below 2^29 bytes: the high word of the bit count stays 0 (filled above)
  for (let at = 0; at < end; at += 64) compress(h, data, at);
}

function room(n: number): Uint8Array {
  if (buf.length < n) buf = new Uint8Array(Math.max(n, buf.length * 2));
  return buf;
}

/** A key prepared once: the states after its inner and outer pads. */
export interface MacKey {
  inner: Int32Array;
  outer: Int32Array;
}

export function prepareKey(key: string): MacKey {
  let k: Uint8Array = text.encode(key);
  if (k.length > 64) {
    const h = H0.slice();
    const data = room(k.length + 72);
    data.set(k);
    finish(h, data, k.length, 0);
    k = wordsToBytes(h);
  }
  const pad = new Uint8Array(64);
  const state = (x: number): Int32Array => {
    for (let i = 0; i < 64; i++) pad[i] = (k[i] ?? 0) ^ x;
    const h = H0.slice();
    compress(h, pad, 0);
    return h;
  };
  return { inner: state(0x36), outer: state(0x5c) };
}

const inner = new Int32Array(8);
const outer = new Int32Array(8);

/** The first 8 bytes of HMAC-SHA-256(key, message), in hex. */
export function mac8(key: MacKey, message: string): string {
  const data = room(message.length * 3 + 72);
  const len = text.encodeInto(message, data).written;
  inner.set(key.inner);
  finish(inner, data, len, 64);
  for (let i = 0; i < 8; i++) {
    const w = inner[i]!;
    data[i * 4] = w >>> 24;
    data[i * 4 + 1] = (w >>> 16) & 0xff;
    data[i * 4 + 2] = (w >>> 8) & 0xff;
    data[i * 4 + 3] = w & 0xff;
  }
  outer.set(key.outer);
  finish(outer, data, 32, 64);
  return hex(outer[0]!) + hex(outer[1]!);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex(w: number): string {
  return HEX[w >>> 24]! + HEX[(w >>> 16) & 0xff]! + HEX[(w >>> 8) & 0xff]! + HEX[w & 0xff]!;
}

function wordsToBytes(h: Int32Array): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    out[i * 4] = h[i]! >>> 24;
    out[i * 4 + 1] = (h[i]! >>> 16) & 0xff;
    out[i * 4 + 2] = (h[i]! >>> 8) & 0xff;
    out[i * 4 + 3] = h[i]! & 0xff;
  }
  return out;
}
