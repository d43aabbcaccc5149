// The team's order draft, kept on the server and shared live with the
// teammates (shared/protocol/drafts.ts): every change is sent, every
// teammate's change arrives, and a reconnection fetches it again.
import type { TeamOrders } from "../../shared/engine/index.ts";
import type { OrderItemInput } from "../../shared/protocol/commands.ts";
import type { DraftItem, DraftMessage } from "../../shared/protocol/drafts.ts";
import type { ConfirmOptions } from "../ui/dialog.ts";
import type { Session } from "../net/session.ts";
import { t } from "../i18n/index.ts";

export class SharedDraft {
  items: DraftItem[] = [];
  /** who changed it last (null: nobody yet) */
  by: string | null = null;
  /** why the last change could not be shared, if it could not */
  problem: string | null = null;
  private readonly session: Session;
  private readonly changed: () => void;

  /** `changed`: the draft changed (a teammate's edit, or the server's answer to one's own). */
  constructor(session: Session, changed: () => void) {
    this.session = session;
    this.changed = changed;
    session.onDraft((d) => this.take(d));
    session.onLink((l) => l === "online" && this.fetch());
    this.fetch();
  }

  /** Replaces the draft and shares it; the server's answer says who added each item. */
  set(items: DraftItem[]): void {
    this.items = items;
    const sent = items;
    const plain: OrderItemInput[] = items.map(({ by: _by, ...item }) => item);
    this.session.draft(plain).then(
      (d) => {
        if (this.items === sent) this.take(d);
      },
      (err: { reason?: { message?: string }; message?: string }) => {
        this.problem = t("orders.not-shared", {
          reason: err.reason?.message ?? err.message ?? t("orders.no-connection"),
        });
        this.changed();
      },
    );
  }

  private fetch(): void {
    this.session.draft().then(
      (d) => this.take(d),
      () => {},
    );
  }

  private take(d: DraftMessage): void {
    this.items = d.items;
    this.by = d.by;
    this.problem = null;
    this.changed();
  }
}

/** The question before withdrawing the team's orders: whose they are, and that the team is told. */
export function withdrawQuestion(o: TeamOrders, self: string): ConfirmOptions {
  const n = o.items.length;
  return {
    title: t("orders.withdraw-title"),
    body:
      o.submittedBy === self
        ? t("orders.withdraw-body-self", { count: n })
        : t("orders.withdraw-body", { name: o.submittedBy, count: n }),
    confirm: t("orders.withdraw-confirm"),
    danger: true,
  };
}
