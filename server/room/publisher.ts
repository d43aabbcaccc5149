// Keeps every connected participant's view current: after each accepted
// command it computes the view of each group of participants that share one
// (control, a team, the mediator, observers) and sends only what changed.
import { view, type GameState, type ParticipantView } from "../../shared/engine/index.ts";
import { diff } from "../../shared/protocol/patch.ts";
import type { PatchMessage } from "../../shared/protocol/messages.ts";
import { groupKey, viewerOf, type Seat } from "../../shared/protocol/identity.ts";

export interface Recipient {
  seat: Seat;
  send(type: "patch", message: PatchMessage): void;
}

/** A view as sent to a group, and how many patches the group has had: a count of its own changes only. */
export interface Sent {
  view: ParticipantView;
  version: number;
}

export class Publisher {
  private readonly last = new Map<string, Sent>();

  /** What a seat's group last received (computed on first use). */
  current(state: GameState, seat: Seat): Sent {
    const key = groupKey(seat);
    let sent = this.last.get(key);
    if (!sent) {
      sent = { view: view(state, viewerOf(seat)), version: 1 };
      this.last.set(key, sent);
    }
    return sent;
  }

  /**
   * Sends each group the patch from its last view to the new one. A group sees
   * nothing at all of a command that changed nothing it may see, not even that
   * a command happened.
   */
  publish(state: GameState, recipients: Iterable<Recipient>, serverTime: number): void {
    const groups = new Map<string, Recipient[]>();
    for (const r of recipients) {
      const key = groupKey(r.seat);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const key of [...this.last.keys()]) if (!groups.has(key)) this.last.delete(key);
    for (const [key, members] of groups) {
      const before = this.last.get(key);
      if (!before) continue; // nobody there has had a snapshot yet
      const after = view(state, viewerOf(members[0]!.seat));
      const ops = diff(before.view, after);
      if (!ops.some((op) => !isBookkeeping(op.path))) continue;
      const sent: Sent = { view: after, version: before.version + 1 };
      this.last.set(key, sent);
      const message: PatchMessage = { from: before.version, to: sent.version, serverTime, ops };
      for (const m of members) m.send("patch", message);
    }
  }
}

/**
 * Control's command counter and clock change with every command; alone they
 * reveal only that something happened. (Other views carry neither: see view.ts.)
 */
function isBookkeeping(path: readonly (string | number)[]): boolean {
  return path.length === 1 && (path[0] === "seq" || path[0] === "now");
}
