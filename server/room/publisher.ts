// Keeps every connected participant's view current. Participants who share a
// view form a group (control, a team, the mediator, the observers); after each
// accepted command a group gets the operations that turn the view it last
// received into its current one, derived from what the command changed
// (shared/engine/view-feed.ts), not from a whole new view: the cost of a
// command does not grow with the exercise. Each group's patch is encoded once
// and the same bytes go to every member; the snapshot a joining or returning
// member receives is encoded once per group and version.
import { getMessageBytes, Protocol } from "@colyseus/core";
import { ViewFeed, type GameState, type ParticipantView } from "../../shared/engine/index.ts";
import type { PatchMessage, SnapshotMessage } from "../../shared/protocol/messages.ts";
import { groupKey, viewerOf, type Seat } from "../../shared/protocol/identity.ts";

export interface Recipient {
  seat: Seat;
  /** sends a message already encoded as Colyseus frames it (client.enqueueRaw) */
  raw(bytes: Uint8Array): void;
}

/** A view as sent to a group, and how many patches the group has had: a count of its own changes only. */
export interface Sent {
  view: ParticipantView;
  version: number;
}

interface Group {
  feed: ViewFeed;
  version: number;
  /** the group's view encoded (msgpack), for the version it was encoded at */
  encoded: { version: number; bytes: Uint8Array } | null;
}

/** A message framed as `client.send(type, message)` frames it: encoded once, it can go to many clients. */
export function frame(type: string, message: unknown): Uint8Array {
  return getMessageBytes.raw(Protocol.ROOM_DATA, type, message);
}

export class Publisher {
  private readonly groups = new Map<string, Group>();

  /** What a seat's group last received (followed from now on if it was not yet). */
  current(state: GameState, seat: Seat): Sent {
    const g = this.group(state, seat);
    return { view: g.feed.view(), version: g.version };
  }

  /**
   * The "snapshot" message for one client, framed: its own details with its
   * group's view, which is encoded once per version of the group's view.
   */
  snapshotFrame(state: GameState, seat: Seat, details: Omit<SnapshotMessage<unknown>, "version" | "view">): Uint8Array {
    const g = this.group(state, seat);
    if (g.encoded?.version !== g.version) {
      const header = getMessageBytes.raw(Protocol.ROOM_DATA, "snapshot").byteLength;
      g.encoded = { version: g.version, bytes: frame("snapshot", g.feed.view()).subarray(header) };
    }
    // msgpack is concatenative: the client's details end with `view: 0` (the one byte 0x00), replaced by the view
    const head = frame("snapshot", { ...details, version: g.version, view: 0 });
    const out = new Uint8Array(head.byteLength - 1 + g.encoded.bytes.byteLength);
    out.set(head.subarray(0, head.byteLength - 1));
    out.set(g.encoded.bytes, head.byteLength - 1);
    return out;
  }

  /**
   * Sends each group the patch from its last view to the current one. A group
   * sees nothing at all of a command that changed nothing it may see, not even
   * that a command happened. Groups with nobody connected are forgotten.
   */
  publish(state: GameState, recipients: Iterable<Recipient>, serverTime: number): void {
    const members = new Map<string, Recipient[]>();
    for (const r of recipients) {
      const key = groupKey(r.seat);
      const list = members.get(key);
      if (list) list.push(r);
      else members.set(key, [r]);
    }
    for (const key of [...this.groups.keys()]) if (!members.has(key)) this.groups.delete(key);
    for (const [key, list] of members) {
      const g = this.groups.get(key);
      if (!g) continue; // nobody there has had a snapshot yet
      const ops = g.feed.update(state);
      if (!ops.length) continue;
      const message: PatchMessage = { from: g.version, to: g.version + 1, serverTime, ops };
      g.version++;
      const bytes = frame("patch", message);
      for (const m of list) m.raw(bytes);
    }
  }

  private group(state: GameState, seat: Seat): Group {
    const key = groupKey(seat);
    let g = this.groups.get(key);
    if (!g) {
      g = { feed: new ViewFeed(state, viewerOf(seat)), version: 1, encoded: null };
      this.groups.set(key, g);
    }
    return g;
  }
}
