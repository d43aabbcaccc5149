// What in a participant's view is addressed to it and new: released injects it
// receives, hotline messages and relays sent to its seat, open proposals that
// name it as a party. Read from the view the seat already has, nothing more.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { partyOf } from "../../shared/protocol/identity.ts";
import { partyName } from "../../shared/words/index.ts";
import { t } from "../i18n/index.ts";

export type AttentionKind = "inject" | "message" | "relay" | "proposal" | "orders";

/** One thing that calls for the viewer's attention, and where the page shows it. */
export interface AttentionItem {
  id: string;
  kind: AttentionKind;
  /** the side-panel tab that shows it */
  tab: "injects" | "hotline" | "agreements" | "orders";
  /** the element's id in that tab, if it has one */
  anchor: string | null;
  /** the toast's words */
  text: string;
  at: number;
}

/** The hotline's words for each message kind (literal keys: npm run i18n:check finds them). */
const KIND: Record<ParticipantView["messages"][number]["kind"], string> = {
  confirm: "hotline.kind.confirm",
  assess: "hotline.kind.assess",
  notify: "hotline.kind.notify",
  deconflict: "hotline.kind.deconflict",
  convene: "hotline.kind.convene",
  text: "hotline.kind.text",
};

const cut = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Everything in the view addressed to its viewer; control, who sees all and starts most of it, gets nothing.
 * `self`: the viewer's own name, whose own withdrawals of the team's orders are not news to it.
 */
export function addressedToMe(v: ParticipantView, self?: string): AttentionItem[] {
  if (v.viewer.role === "facilitator") return [];
  const me = partyOf(v.viewer);
  const items: AttentionItem[] = [];
  for (const i of v.injects)
    if (i.status === "released")
      items.push({
        id: i.id,
        kind: "inject",
        tab: "injects",
        anchor: `inject-${i.id}`,
        text: t("attention.inject", { title: cut(i.title) }),
        at: i.releasedAt ?? 0,
      });
  if (me === null) return items;
  // a teammate withdrew or replaced the team's orders: the others are told
  for (const e of v.log)
    if ((e.type === "orders.withdrawn" || e.type === "orders.submitted") && e.team === me && e.by !== self) {
      const replaced =
        e.type === "orders.submitted" &&
        v.log.some((x) => x.type === "orders.submitted" && x.team === me && x.turn === e.turn && x.at < e.at);
      if (e.type === "orders.submitted" && !replaced) continue;
      items.push({
        id: e.id,
        kind: "orders",
        tab: "orders",
        anchor: null,
        text:
          e.type === "orders.withdrawn"
            ? t("attention.orders-withdrawn", { name: e.by })
            : t("attention.orders-replaced", { name: e.by }),
        at: e.at,
      });
    }
  for (const m of v.messages) {
    if (m.to !== me || m.from === me) continue;
    const from = partyName(v, m.from);
    items.push({
      id: m.id,
      kind: m.relayOf ? "relay" : "message",
      tab: "hotline",
      anchor: `msg-${m.id}`,
      text: m.relayOf
        ? m.relayedFrom
          ? t("attention.relayed-from", { from, origin: partyName(v, m.relayedFrom), text: cut(m.text) })
          : t("attention.relayed", { from, text: cut(m.text) })
        : t("attention.hotline", { from, kind: t(KIND[m.kind]), text: cut(m.text) }),
      at: m.at,
    });
  }
  for (const p of v.proposals)
    if (p.status === "open" && p.proposer !== me && p.parties.includes(me) && !p.accepted.includes(me))
      items.push({
        id: p.id,
        kind: "proposal",
        tab: "agreements",
        anchor: null,
        text: t("attention.proposal", { from: partyName(v, p.proposer), what: cut(proposalWords(v, p)) }),
        at: p.at,
      });
  return items;
}

function proposalWords(v: ParticipantView, p: ParticipantView["proposals"][number]): string {
  return p.kind === "cbm"
    ? (v.cbms.find((c) => c.id === p.cbmId)?.name ?? t("attention.a-measure"))
    : t("attention.statement", { text: p.text });
}

/**
 * Remembers what the viewer has been shown: the first view is the baseline
 * (what was there on arrival is not news), every later one yields only the
 * items not met before.
 */
export class AttentionTracker {
  private known: Set<string> | null = null;
  private readonly self: string | undefined;
  /** `self`: the viewer's own name (see addressedToMe) */
  constructor(self?: string) {
    this.self = self;
  }

  /** The items of this view addressed to the viewer that no earlier view had. */
  next(v: ParticipantView): AttentionItem[] {
    const all = addressedToMe(v, this.self);
    if (!this.known) {
      this.known = new Set(all.map((i) => i.id));
      return [];
    }
    const fresh = all.filter((i) => !this.known!.has(i.id));
    for (const i of fresh) this.known.add(i.id);
    return fresh.sort((a, b) => a.at - b.at);
  }
}

/** "(3) Deconflict — title": the count of unseen items in front of the page's own title. */
export function titleWithCount(base: string, unseen: number): string {
  return unseen > 0 ? `(${unseen}) ${base}` : base;
}

/**
 * The conversation the hotline should open on: the counterpart of the oldest
 * message to the viewer still waiting for an answer, or of an unread relay; null if none.
 */
export function waitingConversation(v: ParticipantView, isRead: (id: string) => boolean): string | null {
  const me = partyOf(v.viewer);
  if (me === null) return null;
  const waiting = v.messages
    .filter(
      (m) => m.to === me && m.from !== me && (m.relayOf ? !isRead(m.id) : !m.answeredBy && !m.replyTo && !m.lapsed),
    )
    .sort((a, b) => a.at - b.at);
  return waiting[0]?.from ?? null;
}
