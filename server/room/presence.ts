// Who is connected, as each group may know it: control sees everyone; a team
// sees its own members; others see only their own group.
import type { PresenceMessage } from "../../shared/protocol/messages.ts";
import { groupKey, seatOf, type Participant, type Seat } from "../../shared/protocol/identity.ts";

/** The presence list of each group, made once per group (as JSON, so a list that did not change is recognised). */
export class PresenceLists {
  readonly made = new Map<string, string>();
  private readonly everyone: readonly Participant[];

  constructor(everyone: readonly Participant[]) {
    this.everyone = everyone;
  }

  /** The list a seat's group receives, and the group's key. */
  of(seat: Seat): { key: string; json: string } {
    const key = seat.role === "facilitator" ? "facilitator" : groupKey(seat);
    let json = this.made.get(key);
    if (json === undefined) {
      const everyone = this.everyone;
      const participants = key === "facilitator" ? [...everyone] : everyone.filter((p) => groupKey(seatOf(p)) === key);
      const message: PresenceMessage = { participants };
      json = JSON.stringify(message);
      this.made.set(key, json);
    }
    return { key, json };
  }
}
