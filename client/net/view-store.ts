// Follows the server's snapshot and patch messages to keep a participant's view.
// Used by the browser client, and by bots and tests written in TypeScript.
import type { ParticipantView } from "../../shared/engine/view.ts";
import type { PatchMessage, SnapshotMessage } from "../../shared/protocol/messages.ts";
import type { SeatInfo } from "../../shared/protocol/identity.ts";
import { applyPatch } from "../../shared/protocol/patch.ts";

export class ViewStore {
  /** what the participant reads: the room's view, its scenario texts through `localize` */
  view: ParticipantView | null = null;
  /** the view as the room sent it, which patches follow */
  private raw: ParticipantView | null = null;
  /** puts the scenario's texts in the participant's language (scenario-language.ts); null: not yet, refresh() follows */
  localize: (raw: ParticipantView) => ParticipantView | null = (v) => v;
  seat: SeatInfo | null = null;
  version = 0;
  /** server clock minus local clock, from the latest message */
  clockOffset = 0;
  private readonly listeners = new Set<(view: ParticipantView) => void>();

  snapshot(m: SnapshotMessage<ParticipantView>, localNow = Date.now()): void {
    this.seat = m.seat;
    this.raw = m.view;
    this.version = m.version;
    this.clockOffset = m.serverTime - localNow;
    this.refresh();
  }

  /** Applies a patch; returns false when it does not follow on (then ask the server for a snapshot). */
  patch(m: PatchMessage, localNow = Date.now()): boolean {
    if (!this.raw || this.version !== m.from) return false;
    this.raw = applyPatch(this.raw, m.ops);
    this.version = m.to;
    this.clockOffset = m.serverTime - localNow;
    this.refresh();
    return true;
  }

  /** The server's time now, for phase timers. */
  serverNow(localNow = Date.now()): number {
    return localNow + this.clockOffset;
  }

  subscribe(l: (view: ParticipantView) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Localizes the view again (new texts arrived, or the language changed) and tells the listeners. */
  refresh(): void {
    const shown = this.raw && this.localize(this.raw);
    if (!shown) return;
    this.view = shown;
    // the seat's name is its team's or the mediator's, in the same language as the view
    const seat = this.seat;
    const named =
      seat?.role === "team"
        ? shown.teams.find((t) => t.id === seat.teamId)?.name
        : seat?.role === "mediator"
          ? shown.mediator?.name
          : undefined;
    if (seat && named) this.seat = { ...seat, seatName: named };
    this.emit();
  }

  private emit(): void {
    if (this.view) for (const l of this.listeners) l(this.view);
  }
}
