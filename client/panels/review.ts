// Control's review of adjudication (rules 3.0): turn review on or off; while
// a turn waits, see what it would do (every order's result with its rolls, and
// the numbers it would change), strike order items and set values, each with a
// reason, and approve. The teams see only that it is under review.
import type { ParticipantView } from "../../shared/engine/index.ts";
import type { ProposedOutcome } from "../../shared/engine/review-proposal.ts";
import type { Strike } from "../../shared/protocol/control-changes.ts";
import { append, h, render } from "../ui/dom.ts";
import { sectorKindName, statusLine, submit, type PanelCtx } from "./panel.ts";
import { i18n, t, eventWords } from "../i18n/index.ts";
import { valueRow, type ValueRow } from "./value-row.ts";
import { categoryLabel, describe, glossaryOf } from "../../shared/words/index.ts";

export function reviewCard(ctx: PanelCtx): { el: HTMLElement; update(v: ParticipantView): void } {
  const mode = h("input", { type: "checkbox", id: "review-mode" });
  const modeStatus = statusLine();
  // while control's click is on its way, a view that arrives meanwhile must not flip the box back
  let asked: boolean | null = null;
  mode.addEventListener("change", () => {
    const on = mode.checked;
    asked = on;
    void ctx.session
      .command(
        { type: "adjudication.mode", mode: on ? "review" : "auto" },
        on ? t("control.review.on") : t("control.review.off"),
      )
      .then(() => {
        if (asked === on) asked = null;
      })
      .catch((err: Error) => {
        if (asked === on) asked = null;
        mode.checked = !on;
        modeStatus.className = "error-text";
        modeStatus.textContent = `✕ ${err.message}`;
      });
  });
  const outcome = h("div", {});
  const orders = h("div", {});
  const sets = h("div", { class: "stack" });
  const approve = h("button", { type: "button", class: "primary", id: "review-approve" }, t("control.review.approve"));
  const status = statusLine();
  const addSet = h("button", { type: "button", class: "small", id: "review-add-set" }, t("control.review.add-set"));
  const pending = h(
    "div",
    { class: "stack", hidden: true },
    outcome,
    h("h5", {}, t("control.review.strike")),
    orders,
    h("h5", {}, t("control.review.sets")),
    sets,
    addSet,
    h("div", { class: "row" }, approve),
    status,
  );
  const el = h(
    "article",
    { class: "card", "aria-label": t("control.review.title") },
    h("h4", {}, t("control.review.title")),
    h("label", { class: "inline", for: "review-mode" }, mode, t("control.review.mode")),
    modeStatus,
    pending,
  );

  let view: ParticipantView | null = null;
  let rows: ValueRow[] = [];
  let drawnFor = "";
  let shown = "";
  addSet.addEventListener("click", () => {
    if (!view) return;
    const row = valueRow(view, `review-set-${rows.length}`);
    rows.push(row);
    append(sets, [row.el]);
  });
  approve.addEventListener("click", async () => {
    const strike: Strike[] = [...orders.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked")].map(
      (box) => ({
        team: box.dataset.team!,
        item: Number(box.dataset.item),
        reason: (orders.querySelector<HTMLInputElement>(`#${box.id}-reason`)?.value ?? "").trim(),
      }),
    );
    if (strike.some((x) => !x.reason)) return fail(t("control.review.no-reason"));
    const read = rows.map((r) => r.read());
    const problem = read.find((r): r is string => typeof r === "string");
    if (problem) return fail(problem);
    const set = read.filter((r) => typeof r !== "string");
    const changed = strike.length + set.length > 0;
    await submit(
      ctx,
      approve,
      status,
      { type: "adjudication.approve", strike, set },
      changed ? t("control.review.approved-changes") : t("control.review.approved"),
    );
  });
  // the button says whether it approves as proposed or with changes
  const relabel = () => {
    const changes = orders.querySelectorAll("input[type=checkbox]:checked").length + rows.length;
    approve.textContent = changes ? t("control.review.approve-changes") : t("control.review.approve");
  };
  orders.addEventListener("change", relabel);
  addSet.addEventListener("click", relabel);
  const fail = (message: string) => {
    status.className = "error-text";
    status.textContent = `✕ ${message}`;
  };

  return {
    el,
    update(v) {
      view = v;
      const me = v.me?.kind === "control" ? v.me : null;
      mode.checked = asked ?? me?.adjudication === "review";
      mode.disabled = !!me?.autopilot || v.exercise.status === "ended";
      const review = me?.review;
      pending.hidden = !review;
      for (const r of rows) r.update(v);
      // redrawn only when what it would do changes (not its clock), so nothing moves under control's pointer
      const sig = JSON.stringify(review ?? null, (k, x: unknown) => (k === "at" || k === "seq" ? undefined : x));
      if (sig === shown) return;
      shown = sig;
      if (!review || !me) return;
      render(outcome, drawOutcome(v, review));
      // the amendments are kept while control works on them; a new turn, or new orders, starts them afresh
      const key = `${review.turn}|${JSON.stringify(me.orders)}`;
      if (key === drawnFor) return;
      drawnFor = key;
      rows = [];
      render(sets);
      render(orders, drawOrders(v));
      status.textContent = "";
      approve.textContent = t("control.review.approve");
    },
  };
}

/** What approving unchanged would do: the numbers, then every event in words. */
function drawOutcome(v: ParticipantView, r: ProposedOutcome): HTMLElement[] {
  const names = glossaryOf(v);
  const team = (id: string) => v.teams.find((t) => t.id === id)?.name ?? id;
  const n = (x: number) => i18n().number(x, { maximumFractionDigits: 1 });
  const p = (x: number) => i18n().number(x, { style: "percent", maximumFractionDigits: 0 });
  const lines = [
    t("control.review.escalation", { from: n(r.escalation.from), to: n(r.escalation.to) }),
    ...r.trust.map((x) => t("control.review.trust", { a: team(x.a), b: team(x.b), from: n(x.from), to: n(x.to) })),
    ...r.standing.map((x) => t("control.review.standing", { team: team(x.team), from: n(x.from), to: n(x.to) })),
    ...r.pressure.map((x) => t("control.review.pressure", { team: team(x.team), from: n(x.from), to: n(x.to) })),
    ...r.sectors.map((x) =>
      t("control.review.sector", {
        team: team(x.team),
        sector: sectorKindName(x.sector),
        from: n(x.from),
        to: n(x.to),
      }),
    ),
    ...r.evidence.map((x) => t("control.review.evidence", { title: x.title, from: p(x.from), to: p(x.to) })),
    ...(r.ends ? [t("control.review.ends", { outcome: r.ends })] : []),
  ];
  return [
    h("p", { class: "dim" }, t("control.review.waits", { turn: r.turn })),
    h("h5", {}, t("control.review.outcome")),
    h(
      "ul",
      { class: "plain-list", "aria-label": t("control.review.numbers") },
      lines.map((l) => h("li", {}, l)),
    ),
    h("h5", {}, t("control.review.every-result")),
    h(
      "ol",
      { class: "plain-list", "aria-label": t("control.review.results") },
      r.events.map((e) =>
        h(
          "li",
          {},
          h("span", { class: "dim" }, `${categoryLabel(e, eventWords())} · `),
          describe(e, names, v.viewer, eventWords()),
        ),
      ),
    ),
  ];
}

/** Each team's order items, each with a box to strike it and the reason why. */
function drawOrders(v: ParticipantView): HTMLElement {
  const me = v.me?.kind === "control" ? v.me : null;
  const action = (id: string) => v.actionNames[id] ?? id;
  const items = v.teams.flatMap((team) =>
    (me?.orders[team.id]?.items ?? []).map((it, i) => {
      const id = `strike-${team.id}-${i + 1}`;
      const box = h("input", { type: "checkbox", id, "data-team": team.id, "data-item": String(i + 1) });
      const reason = h("input", {
        id: `${id}-reason`,
        maxlength: 200,
        placeholder: t("control.review.why"),
        hidden: true,
      });
      box.addEventListener("change", () => (reason.hidden = !box.checked));
      const target = it.target ? (v.teams.find((x) => x.id === it.target)?.name ?? it.target) : null;
      const item = target ? t("orders.item-target", { action: action(it.actionId), target }) : action(it.actionId);
      return h(
        "li",
        {},
        h("label", { class: "inline", for: id }, box, t("control.review.item", { team: team.name, item })),
        reason,
      );
    }),
  );
  return items.length
    ? h("ul", { class: "plain-list" }, items)
    : h("p", { class: "dim" }, t("control.review.no-orders"));
}
