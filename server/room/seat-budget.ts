// What one seat (a team, the mediator, control, the observers) may send: a
// budget of messages and of bytes shared by all its connections, so opening
// more connections with the same code buys nothing. Pings and resyncs, which
// every open page sends, have small budgets of their own per connection.
import type { CommandError } from "../../shared/protocol/messages.ts";
import { Buckets } from "../guard/buckets.ts";

export class SeatBudget {
  /** messages per seat: bursts of 20, then 5 a second */
  readonly messages = new Buckets(20, 5);
  /** bytes per seat: bursts of 64 KB, then 16 KB a second */
  readonly bytes = new Buckets(64 * 1024, 16 * 1024);
  /** pings and resyncs per connection */
  private readonly perConnection = new Buckets(10, 2);

  /** Pays for one message of a seat; false when the seat has sent too much lately. */
  take(seatKey: string, payload: unknown, now: number): boolean {
    const size = sizeOf(payload);
    if (this.messages.level(seatKey, now) < 1 || this.bytes.level(seatKey, now) < size) return false;
    this.messages.take(seatKey, now);
    this.bytes.take(seatKey, now, size);
    return true;
  }

  /** Pays for a ping or a resync of one connection. */
  ping(sessionId: string, now: number): boolean {
    return this.perConnection.take(sessionId, now);
  }

  forgetConnection(sessionId: string): void {
    this.perConnection.forget(sessionId);
  }

  refusal(): CommandError {
    return {
      code: "rate-limited",
      message:
        `Too much sent from this seat: wait a moment (its people together may send ` +
        `${this.messages.perSecond} messages a second, bursts of ${this.messages.capacity})`,
      params: { perSecond: this.messages.perSecond, burst: this.messages.capacity },
    };
  }
}

/** About the size of a message as it came: its JSON length. */
function sizeOf(payload: unknown): number {
  if (payload === undefined) return 0;
  try {
    return JSON.stringify(payload)?.length ?? 0;
  } catch {
    return 64 * 1024;
  }
}
