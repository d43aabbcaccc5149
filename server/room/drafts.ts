// Each team's shared order draft, in the room's memory (not recorded: a draft
// decides nothing, and is lost with a restart). A member's change is sent to
// the team's other connections and to nobody else: no other team, the
// mediator, observers, the public display nor control learns of it, or of
// how much was drafted.
import type { Client, MessageContext, Room } from "@colyseus/core";
import { attribute, draftRequest, EMPTY_DRAFT, type DraftMessage } from "../../shared/protocol/drafts.ts";
import type { Seat } from "../../shared/protocol/identity.ts";

type SeatClient = Client<{ auth: { seat: Seat; name: string } }>;

const NOT_A_TEAM = { code: "forbidden", message: "Only a state team has a shared draft" };

/** Handles "draft" requests in `room`, each paid for from the seat's budget through `metered`. */
export function teamDrafts<C extends SeatClient>(
  room: Room,
  metered: (client: C, payload: unknown, ctx: MessageContext, run: () => unknown) => unknown,
): void {
  const drafts = new Map<string, DraftMessage>();
  room.onMessage("draft", (client: C, payload: unknown, ctx: MessageContext) =>
    metered(client, payload, ctx, () => {
      const seat = client.auth?.seat;
      if (seat?.role !== "team") return ctx.reject(NOT_A_TEAM);
      const parsed = draftRequest.safeParse(payload ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return ctx.reject({ code: "invalid", message: `${["draft", ...issue.path].join(".")}: ${issue.message}` });
      }
      const current = drafts.get(seat.teamId) ?? EMPTY_DRAFT;
      if (!parsed.data.items) return current;
      const name = client.auth!.name;
      const next: DraftMessage = { items: attribute(current.items, parsed.data.items, name), by: name, at: Date.now() };
      drafts.set(seat.teamId, next);
      for (const c of room.clients as Iterable<SeatClient>) {
        const s = c.auth?.seat;
        if (c !== client && s?.role === "team" && s.teamId === seat.teamId) c.send("draft", next);
      }
      return next;
    }),
  );
}
