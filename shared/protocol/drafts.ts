// A team's shared order draft: not a command (nothing is decided, nothing is
// recorded), kept by the room for the team alone and sent live to its members.
// room.request("draft", {}) answers the team's draft; room.request("draft",
// { items }) replaces it and sends it to the teammates as a "draft" message.
import { z } from "zod";
import { orderItem, type OrderItemInput } from "./commands.ts";

/** At most as many items as an orders.submit takes. */
export const MAX_DRAFT_ITEMS = 10;

export const draftRequest = z.strictObject({ items: z.array(orderItem).max(MAX_DRAFT_ITEMS).optional() });

/** One drafted action and who added it. */
export type DraftItem = OrderItemInput & { by: string };

/** The team's draft as every member receives it: the items, who changed it last, and when. */
export interface DraftMessage {
  items: DraftItem[];
  by: string | null;
  at: number;
}

export const EMPTY_DRAFT: DraftMessage = { items: [], by: null, at: 0 };

/** The new list's items keep who added them when they were already there (matched by content); new ones are `name`'s. */
export function attribute(before: DraftItem[], items: OrderItemInput[], name: string): DraftItem[] {
  const left = [...before];
  return items.map((item) => {
    const key = JSON.stringify(plain(item));
    const i = left.findIndex((d) => JSON.stringify(plain(d)) === key);
    const by = i >= 0 ? left.splice(i, 1)[0]!.by : name;
    return { ...plain(item), by };
  });
}

/** An item's choices only, in one key order (so equal items compare equal). */
function plain(d: OrderItemInput): OrderItemInput {
  const out: OrderItemInput = { actionId: d.actionId };
  if (d.target != null) out.target = d.target;
  if (d.sector != null) out.sector = d.sector;
  if (d.incidentId != null) out.incidentId = d.incidentId;
  if (d.note) out.note = d.note;
  return out;
}
