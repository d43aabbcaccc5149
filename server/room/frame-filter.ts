// Frames whose message type the room does not handle never reach Colyseus's
// own dispatch: it would echo the type back in full, pass a request of type
// "*" to the wildcard handler, or let @colyseus/schema print a line for every
// type that is not valid UTF-8. Such a frame is rewritten to the type
// "unknown", which the room answers briefly.
import { Room } from "@colyseus/core";
import { decode } from "@colyseus/schema";
import { Protocol, PROTOCOL_CODE_MASK } from "@colyseus/shared-types";

export const UNKNOWN_TYPE = "unknown";
const UNKNOWN_BYTES = Buffer.from([0xa0 | UNKNOWN_TYPE.length, ...Buffer.from(UNKNOWN_TYPE)]);
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The frame as Colyseus may see it: unchanged, or with its type replaced by "unknown". */
export function filterFrame(buffer: Buffer, known: ReadonlySet<string>): Buffer {
  if (!buffer || buffer.length === 0) return buffer;
  const code = buffer[0]! & PROTOCOL_CODE_MASK;
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_REQUEST && code !== Protocol.ROOM_DATA_BYTES) return buffer;
  try {
    const it = { offset: 1 };
    if (code === Protocol.ROOM_REQUEST) decode.number(buffer, it);
    const start = it.offset;
    const end = typeEnd(buffer, start);
    if (end !== null && end <= buffer.length) {
      const type = utf8.decode(buffer.subarray(headerLength(buffer[start]!) + start, end));
      if (known.has(type)) return buffer;
    }
    const rest = end !== null && end <= buffer.length ? buffer.subarray(end) : Buffer.alloc(0);
    return Buffer.concat([buffer.subarray(0, start), UNKNOWN_BYTES, rest]);
  } catch {
    // a header that cannot be read at all: keep only the protocol byte and what a request needs
    return Buffer.concat([buffer.subarray(0, 1), UNKNOWN_BYTES]);
  }
}

function headerLength(prefix: number): number {
  if (prefix >= 0xa0 && prefix < 0xc0) return 1;
  return { 0xd9: 2, 0xda: 3, 0xdb: 5 }[prefix] ?? 0;
}

/** Where a string type ends, or null when the type is not a string (a number, or garbage). */
function typeEnd(b: Buffer, at: number): number | null {
  const prefix = b[at];
  if (prefix === undefined) return null;
  if (prefix >= 0xa0 && prefix < 0xc0) return at + 1 + (prefix & 0x1f);
  if (prefix === 0xd9 && at + 1 < b.length) return at + 2 + b[at + 1]!;
  if (prefix === 0xda && at + 2 < b.length) return at + 3 + b.readUInt16LE(at + 1);
  if (prefix === 0xdb && at + 4 < b.length) return at + 5 + b.readUInt32LE(at + 1);
  return null;
}

/** Puts the frame filter in front of Colyseus's dispatch of every message a client of this room class sends. */
export function filterFrames(roomClass: { prototype: object }, known: ReadonlySet<string>): void {
  const proto = Room.prototype as unknown as { _onMessage: (client: unknown, buffer: Buffer) => void };
  const dispatch = proto._onMessage;
  Object.defineProperty(roomClass.prototype, "_onMessage", {
    value(this: Room, client: unknown, buffer: Buffer) {
      dispatch.call(this, client, filterFrame(buffer, known));
    },
  });
}
