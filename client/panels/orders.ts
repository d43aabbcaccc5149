// Secret orders: the team's catalogue with costs and expected effects, a
// draft every member of the team can prepare at every moment (shared live with the
// team, kept on the server), submitted (and withdrawn or replaced, after a
// question) during the decision phase.
import type { Action } from "../../shared/scenario/schema.ts";
import type { MyTeam, OrderItem, ParticipantView, TeamOrders } from "../../shared/engine/index.ts";
import type { DraftItem } from "../../shared/protocol/drafts.ts";
import { SharedDraft, withdrawQuestion } from "./shared-draft.ts";
import { h, render, type Child } from "../ui/dom.ts";
import { confirmDialog, type ConfirmOptions } from "../ui/dialog.ts";
import { actionTags, expectations } from "./describe.ts";
import { own, sectorKindName, statusLine, submit, type Panel, type PanelCtx } from "./panel.ts";
import { i18n, t } from "../i18n/index.ts";
import { partyName } from "../../shared/words/index.ts";

type Draft = DraftItem;

export function ordersPanel(ctx: PanelCtx): Panel {
  const shared = new SharedDraft(ctx.session, () => {
    draft = shared.items;
    if (view) drawDraft();
  });
  let draft: Draft[] = shared.items;
  const save = () => shared.set(draft);
  const sharing = h("p", { class: "dim", "aria-live": "polite" });
  const header = h("div", {});
  const submitted = h("div", {});
  const draftBox = h("div", {});
  const catalogue = h("div", {});
  const history = h("div", {});
  const status = statusLine();
  const send = h("button", { class: "primary", type: "button" }, t("orders.submit"));
  const el = h(
    "section",
    {},
    header,
    submitted,
    h(
      "article",
      { class: "card", "aria-label": t("orders.draft-label") },
      h("h3", {}, t("orders.draft")),
      sharing,
      draftBox,
      h("div", { class: "row", style: "margin-top: 0.6em" }, send),
      status,
    ),
    h("h3", { style: "margin-top: 1em" }, t("orders.catalogue")),
    catalogue,
    history,
  );
  let view: ParticipantView | null = null;
  const me = (): MyTeam | null => (view?.me?.kind === "team" ? view.me : null);
  const cost = (items: Draft[]) =>
    items.reduce((n, d) => n + (me()?.actions.find((a) => a.id === d.actionId)?.cost ?? 0), 0);

  send.addEventListener("click", async () => {
    const m = me();
    if (!m || !view) return;
    // submitting replaces the team's orders: never wipe a teammate's (or one's own) without asking
    const o = m.orders;
    if (o && !(await confirmDialog(replaceQuestion(o, draft.length)))) return;
    const ok = await submit(
      ctx,
      send,
      status,
      { type: "orders.submit", actions: draft.map(({ by: _by, ...item }) => item) },
      draft.length ? t("orders.submitted-count", { count: draft.length }) : t("orders.submitted-none"),
    );
    if (ok) {
      draft = [];
      save();
      drawDraft();
    }
  });

  const drawHeader = () => {
    const v = view!;
    const m = me()!;
    const used = cost(draft);
    render(
      header,
      h("h3", {}, t("orders.title", { turn: v.exercise.turn || 1 })),
      v.exercise.status === "ended"
        ? h("p", { class: "dim" }, t("orders.ended"))
        : h(
            "p",
            {},
            h("strong", {}, t("orders.points", { used, total: m.actionPoints })),
            " ",
            v.exercise.ordersOpen
              ? h("span", { class: "ok-text" }, t("orders.open"))
              : h(
                  "span",
                  { class: "dim" },
                  t("orders.not-open", {
                    phase: v.exercise.phases.find((p) => p.kind === "decision")?.name ?? t("orders.decision"),
                  }),
                ),
          ),
    );
    send.disabled = !v.exercise.ordersOpen;
    // with orders in and an empty draft, sending would cancel them: not the obvious next step
    send.textContent = !m.orders ? t("orders.submit") : draft.length ? t("orders.replace") : t("orders.replace-empty");
    send.classList.toggle("primary", !m.orders || draft.length > 0);
  };

  const drawSubmitted = () => {
    const o: TeamOrders | null = me()?.orders ?? null;
    if (!o) {
      render(
        submitted,
        view!.exercise.ordersOpen ? h("p", { class: "warn pending-text" }, t("orders.nothing-yet")) : null,
      );
      return;
    }
    const edit = h("button", { class: "small", type: "button" }, t("orders.edit"));
    edit.addEventListener("click", () => {
      draft = o.items.map((i) => ({
        actionId: i.actionId,
        target: i.target,
        sector: i.sector,
        incidentId: i.incidentId,
        by: i.by,
      }));
      save();
      drawDraft();
    });
    const withdraw = h("button", { class: "small", type: "button" }, t("orders.withdraw"));
    const wStatus = statusLine();
    withdraw.addEventListener("click", async () => {
      if (await confirmDialog(withdrawQuestion(o, ctx.seat.name)))
        await submit(ctx, withdraw, wStatus, { type: "orders.withdraw" }, t("orders.withdrawn"));
    });
    render(
      submitted,
      h(
        "article",
        { class: "card", "aria-label": t("orders.submitted-label") },
        h("h3", {}, t("orders.submitted")),
        ordersCard(view!, o, view!.exercise.ordersOpen ? h("div", { class: "row" }, edit, withdraw, wStatus) : null),
      ),
    );
  };

  const drawDraft = () => {
    drawHeader();
    sharing.className = shared.problem ? "error-text" : "dim";
    sharing.textContent =
      shared.problem ?? (shared.by ? t("orders.shared-by", { name: shared.by }) : t("orders.shared"));
    render(
      draftBox,
      draft.length
        ? draft.map((d, i) =>
            draftRow(
              view!,
              d,
              () => save(),
              () => ((draft = draft.filter((_, j) => j !== i)), save(), drawDraft()),
            ),
          )
        : h("p", { class: "dim" }, t("orders.draft-empty")),
    );
    drawCatalogue();
  };

  const drawCatalogue = () => {
    const m = me()!;
    const left = m.actionPoints - cost(draft);
    render(
      catalogue,
      m.actions.map((a) => {
        const add = h(
          "button",
          {
            class: "small",
            type: "button",
            disabled: a.cost > left || view!.exercise.status === "ended",
            "aria-label": t("orders.add-label", { name: a.name }),
          },
          a.cost > left ? t("orders.not-enough") : t("orders.add"),
        );
        add.addEventListener("click", () => {
          draft = [...draft, { actionId: a.id, by: ctx.seat.name }];
          save();
          drawDraft();
        });
        return h(
          "div",
          { class: "feed-item" },
          h(
            "div",
            { class: "row", style: "justify-content: space-between" },
            own(h("strong", {}, a.name)),
            h("span", { class: "badge" }, t("orders.cost", { cost: a.cost })),
          ),
          h(
            "div",
            { class: "meta" },
            actionTags(a).map((tag) => h("span", {}, tag)),
          ),
          own(h("div", {}, a.description)),
          h(
            "ul",
            { class: "dim", style: "margin: 0.3em 0; padding-inline-start: 1.2em" },
            expectations(view!, a).map((x) => h("li", {}, x)),
          ),
          add,
        );
      }),
    );
  };

  const drawHistory = () => {
    render(
      history,
      view!.history.length ? [h("h3", { style: "margin-top: 1em" }, t("orders.earlier")), pastTurns(view!)] : null,
    );
  };

  let seen: unknown[] = [];
  let moment = "";
  return {
    id: "orders",
    label: t("orders.tab"),
    el,
    update(v) {
      view = v;
      const now = [v.me, v.exercise, v.history, v.incidents, v.teams];
      if (now.every((x, i) => x === seen[i])) return;
      seen = now;
      // "✓ Orders submitted" belongs to the phase it was said in
      const at = `${v.exercise.turn}:${v.exercise.phaseIndex}:${v.exercise.status}`;
      if (at !== moment) status.textContent = "";
      moment = at;
      drawSubmitted();
      drawDraft();
      drawHistory();
    },
    badge: (v) => (v.exercise.ordersOpen && v.me?.kind === "team" && !v.me.orders ? 1 : 0),
  };
}

function replaceQuestion(o: TeamOrders, drafted: number): ConfirmOptions {
  return {
    title: t("orders.replace-title", { count: drafted }),
    body: t("orders.replace-body", { name: o.submittedBy, count: o.items.length }),
    confirm: t("orders.replace-confirm"),
  };
}

/** "Probe → Austral (energy)": an order's action in words, with its target, sector, incident and note. */
function itemLabel(v: ParticipantView, i: OrderItem): string {
  const actions = v.me?.kind === "team" || v.me?.kind === "control" ? v.me.actions : [];
  const action = actions.find((x) => x.id === i.actionId)?.name ?? i.actionId;
  const aimed = i.target
    ? i.sector
      ? t("orders.item-sector", { action, target: partyName(v, i.target), sector: sectorKindName(i.sector) })
      : t("orders.item-target", { action, target: partyName(v, i.target) })
    : action;
  const parts = [aimed];
  if (i.incidentId) parts.push(`· ${v.incidents.find((x) => x.id === i.incidentId)?.title ?? i.incidentId}`);
  if (i.note) parts.push(t("orders.item-note", { note: i.note }));
  return parts.join(" ");
}

/** A team's submitted orders: who submitted them and when, each action and who drafted it. */
export function ordersCard(v: ParticipantView, o: TeamOrders, extra?: Child): HTMLElement {
  return h(
    "div",
    { class: "feed-item" },
    h(
      "div",
      { class: "meta" },
      own(h("strong", {}, partyName(v, o.teamId))),
      h("span", {}, t("orders.submitted-by", { name: o.submittedBy, time: i18n().time(o.at) })),
    ),
    o.items.length
      ? h(
          "ul",
          {},
          o.items.map((i) =>
            own(h("li", {}, itemLabel(v, i), h("span", { class: "dim" }, t("orders.drafted-by", { name: i.by })))),
          ),
        )
      : h("p", {}, t("orders.no-action")),
    extra,
  );
}

/** The adjudicated turns, newest first: escalation before and after, and the orders the viewer may see. */
export function pastTurns(v: ParticipantView): HTMLElement[] {
  const seesOrders = v.me?.kind === "team" || v.me?.kind === "control";
  return [...v.history]
    .reverse()
    .map((past) =>
      h(
        "div",
        { class: "card" },
        h(
          "div",
          { class: "row", style: "justify-content: space-between" },
          h("strong", {}, t("panels.turn", { turn: past.turn })),
          h(
            "span",
            { class: "dim" },
            t("orders.escalation", { before: past.escalationBefore, after: past.escalationAfter }),
          ),
        ),
        past.orders.length
          ? past.orders.map((o) => ordersCard(v, o))
          : h("p", { class: "dim" }, seesOrders ? t("orders.no-orders") : t("orders.secret")),
      ),
    );
}

/** One draft item with the choices its action needs (target state, sector, incident). */
function draftRow(v: ParticipantView, d: Draft, changed: () => void, remove: () => void): HTMLElement {
  const me = v.me?.kind === "team" ? v.me : null;
  const a: Action | undefined = me?.actions.find((x) => x.id === d.actionId);
  const needsState = a && (a.target === "state" || a.target === "sector" || a.special === "attribute");
  const row = h(
    "div",
    { class: "feed-item", "data-action": d.actionId },
    own(h("strong", {}, a?.name ?? d.actionId)),
    h("span", { class: "dim" }, t("orders.added-by", { name: d.by })),
  );
  if (needsState) {
    const others = v.teams.filter((t) => t.id !== me?.teamId);
    const target = h(
      "select",
      { "aria-label": t("orders.target-label", { name: a.name }) },
      h("option", { value: "" }, a.special === "attribute" ? t("orders.blame-option") : t("orders.target-option")),
      others.map((t) => h("option", { value: t.id }, t.name)),
    );
    target.value = d.target ?? "";
    const sector = h("select", { "aria-label": t("orders.sector-label", { name: a.name }) });
    const fillSectors = () => {
      const team = v.teams.find((x) => x.id === target.value);
      render(
        sector,
        h("option", { value: "" }, t("orders.sector-option")),
        (team?.sectors ?? []).map((s) =>
          h("option", { value: s.kind }, t("orders.sector-choice", { name: s.name, kind: sectorKindName(s.kind) })),
        ),
      );
      sector.value = d.sector ?? "";
    };
    fillSectors();
    target.addEventListener("change", () => {
      d.target = target.value || undefined;
      d.sector = undefined;
      fillSectors();
      changed();
    });
    sector.addEventListener("change", () => {
      d.sector = (sector.value || undefined) as Draft["sector"];
      changed();
    });
    row.append(target);
    if (a.target === "sector") row.append(sector);
  }
  if (a?.target === "incident") {
    const inc = h(
      "select",
      { "aria-label": t("orders.incident-label", { name: a.name }) },
      h("option", { value: "" }, t("orders.incident-option")),
      v.incidents.map((i) => h("option", { value: i.id }, i.title)),
    );
    inc.value = d.incidentId ?? "";
    inc.addEventListener("change", () => {
      d.incidentId = inc.value || undefined;
      changed();
    });
    row.append(inc);
  }
  const rm = h(
    "button",
    { class: "small ghost", type: "button", "aria-label": t("orders.remove-label", { name: a?.name ?? d.actionId }) },
    t("orders.remove"),
  );
  rm.addEventListener("click", remove);
  row.append(rm);
  return row;
}
