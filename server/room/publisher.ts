// Keeps every connected participant's view current. Participants who share a
// view form a group (control, a team, the mediator, the observers); after each
// accepted command a group gets the operations that turn the view it last
// received into its current one, derived from what the command changed
// (shared/engine/view-feed.ts), not from a whole new view: the cost of a
// command does not grow with the exercise. Each group's patch is encoded once
// and the same bytes go to every member; the snapshot a joining or returning
// member receives is encoded once per group and version.
//
// A patch is prepared while the state is exactly its command's, and sent only
// once the command is durable; members only ever get what is durable. So each
// group keeps two views: the feed's, which follows the applied state, and the
// one its members hold (the feed's, as of the last patch actually sent), from
// which snapshots are made.
import { getMessageBytes, Protocol } from "@colyseus/core";
import { ViewFeed, type GameState, type ParticipantView } from "../../shared/engine/index.ts";
import type { PatchMessage, SnapshotMessage } from "../../shared/protocol/messages.ts";
import { groupKey, viewerOf, type Seat } from "../../shared/protocol/identity.ts";
import { applyPatchInPlace, type PatchOp } from "../../shared/protocol/patch.ts";

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
  /** follows the applied state (durable or not) */
  feed: ViewFeed;
  /** the feed's version: patches prepared so far */
  version: number;
  /** what the members hold: the view as of the last patch sent (a private copy) */
  sent: Sent;
  /** the exercise's command count when the group began: its first view holds these, durable or not */
  basis: number;
  /** the members' view encoded (msgpack), for the version it was encoded at */
  encoded: { version: number; bytes: Uint8Array } | null;
}

/** A patch prepared for a group, sent once its command is durable. */
interface Prepared {
  key: string;
  group: Group;
  ops: PatchOp[];
  to: number;
  bytes: Uint8Array;
}

/** A message framed as `client.send(type, message)` frames it: encoded once, it can go to many clients. */
export function frame(type: string, message: unknown): Uint8Array {
  return getMessageBytes.raw(Protocol.ROOM_DATA, type, message);
}

export class Publisher {
  private readonly groups = new Map<string, Group>();

  /**
   * What a seat's group holds (followed from now on if it was not yet), and the command count that must be
   * durable before it may be shown: a group begun while commands were being written starts with them.
   */
  current(state: GameState, seat: Seat): Sent & { basis: number } {
    const g = this.group(state, seat);
    return { ...g.sent, basis: g.basis };
  }

  /**
   * The "snapshot" message for one client, framed: its own details with its
   * group's view, which is encoded once per version of the group's view.
   */
  snapshotFrame(state: GameState, seat: Seat, details: Omit<SnapshotMessage<unknown>, "version" | "view">): Uint8Array {
    const g = this.group(state, seat);
    if (g.encoded?.version !== g.sent.version) {
      const header = getMessageBytes.raw(Protocol.ROOM_DATA, "snapshot").byteLength;
      g.encoded = { version: g.sent.version, bytes: frame("snapshot", g.sent.view).subarray(header) };
    }
    // msgpack is concatenative: the client's details end with `view: 0` (the one byte 0x00), replaced by the view
    const head = frame("snapshot", { ...details, version: g.sent.version, view: 0 });
    const out = new Uint8Array(head.byteLength - 1 + g.encoded.bytes.byteLength);
    out.set(head.subarray(0, head.byteLength - 1));
    out.set(g.encoded.bytes, head.byteLength - 1);
    return out;
  }

  /**
   * Prepares each group's patch from its feed's last view to the current one,
   * while `state` is exactly the command's; the returned function sends them
   * (call it once the command is durable) to the members the room lists then,
   * and moves each group's held view on. A group sees nothing at all of a
   * command that changed nothing it may see, not even that a command happened.
   * Groups with nobody in them are forgotten.
   */
  publish(
    state: GameState,
    groupsInUse: ReadonlySet<string>,
    serverTime: number,
  ): (to: () => Iterable<Recipient>) => void {
    for (const key of [...this.groups.keys()]) if (!groupsInUse.has(key)) this.groups.delete(key);
    const prepared: Prepared[] = [];
    for (const [key, g] of this.groups) {
      const ops = g.feed.update(state);
      if (!ops.length) continue;
      const message: PatchMessage = { from: g.version, to: g.version + 1, serverTime, ops };
      g.version++;
      prepared.push({ key, group: g, ops, to: g.version, bytes: frame("patch", message) });
    }
    return (recipients) => {
      if (!prepared.length) return;
      for (const p of prepared) {
        // the held view is the publisher's own copy: nothing the feed keeps is shared with it
        p.group.sent.view = applyPatchInPlace(p.group.sent.view, structuredClone(p.ops));
        p.group.sent.version = p.to;
      }
      const byKey = new Map(prepared.map((p) => [p.key, p]));
      for (const r of recipients()) {
        const p = byKey.get(groupKey(r.seat));
        if (p && this.groups.get(p.key) === p.group) r.raw(p.bytes);
      }
    };
  }

  private group(state: GameState, seat: Seat): Group {
    const key = groupKey(seat);
    let g = this.groups.get(key);
    if (!g) {
      const feed = new ViewFeed(state, viewerOf(seat));
      g = {
        feed,
        version: 1,
        sent: { view: structuredClone(feed.view()), version: 1 },
        basis: state.seq,
        encoded: null,
      };
      this.groups.set(key, g);
    }
    return g;
  }
}
