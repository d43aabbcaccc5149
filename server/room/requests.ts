// The room's requests besides commands, sync, ping and peek: each team's draft
// (drafts.ts), and "texts": the scenario's texts in the participant's language,
// only those of the view the participant's group was sent (shared/scenario/view-texts.ts).
import type { Client, MessageContext, Room } from "@colyseus/core";
import type { GameState } from "../../shared/engine/index.ts";
import type { Seat } from "../../shared/protocol/identity.ts";
import { viewTranslations, type TextsReply } from "../../shared/scenario/view-texts.ts";
import { teamDrafts } from "./drafts.ts";
import type { Publisher } from "./publisher.ts";
import type { SeatBudget } from "./seat-budget.ts";

type SeatClient = Client<{ auth: { seat: Seat; name: string } }>;
type Metered<C> = (client: C, payload: unknown, ctx: MessageContext, run: () => unknown) => unknown;

const LANG = /^[a-z]{2,3}$/;
const BAD_LANG = { code: "invalid", message: 'Name a language: { lang: "fr" } (two or three lowercase letters)' };

/** Registers "draft" (paid for from the seat's budget through `metered`) and "texts" (from the connection's) in `room`. */
export function seatRequests<C extends SeatClient>(
  room: Room,
  metered: Metered<C>,
  now: () => [GameState, Publisher, SeatBudget],
): void {
  teamDrafts<C>(room, metered);
  room.onMessage("texts", (client: C, payload: unknown, ctx: MessageContext) => {
    const [state, publisher, budget] = now();
    // paid for per connection, like a resync: every page of a team asks when new texts arrive
    if (!budget.ping(client.sessionId, Date.now())) return ctx.reject(budget.refusal());
    const lang = (payload as { lang?: unknown } | null)?.lang;
    const seat = client.auth?.seat;
    if (typeof lang !== "string" || !LANG.test(lang)) return ctx.reject(BAD_LANG);
    if (!seat) return ctx.reject({ code: "forbidden", message: "Join the exercise first" });
    const reply: TextsReply = {
      languages: state.scenario.languages ?? [],
      texts: viewTranslations(state.scenario, publisher.current(state, seat).view, lang),
    };
    return reply;
  });
}
