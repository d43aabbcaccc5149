// Control's review of adjudication (rules 3.0): turn review on or off; while
// a turn waits, see what it would do (every order's result with its rolls, and
// the numbers it would change), strike order items and set values, each with a
// reason, and approve. The teams see only that it is under review.
import type { ParticipantView } from "../../shared/engine/index.ts";
import type { ProposedOutcome } from "../../shared/engine/review-proposal.ts";
import type { Strike } from "../../shared/protocol/control-changes.ts";
import { append, h, render } from "../ui/dom.ts";
import { statusLine, submit, type PanelCtx } from "./panel.ts";
import { valueRow, type ValueRow } from "./value-row.ts";
import { categoryLabel, describe, fmt, glossaryOf, pct } from "../../shared/words/index.ts";

export function reviewCard(ctx: PanelCtx): { el: HTMLElement; update(v: ParticipantView): void } {
  const mode = h("input", { type: "checkbox", id: "review-mode" });
  const modeStatus = statusLine();
  mode.addEventListener("change", () => {
    const on = mode.checked;
    void ctx.session
      .command(
        { type: "adjudication.mode", mode: on ? "review" : "auto" },
        on ? "Review turned on" : "Review turned off",
      )
      .catch((err: Error) => {
        mode.checked = !on;
        modeStatus.className = "error-text";
        modeStatus.textContent = `✕ ${err.message}`;
      });
  });
  const outcome = h("div", {});
  const orders = h("div", {});
  const sets = h("div", { class: "stack" });
  const approve = h("button", { type: "button", class: "primary", id: "review-approve" }, "Approve");
  const status = statusLine();
  const addSet = h("button", { type: "button", class: "small", id: "review-add-set" }, "+ Set a value after it");
  const pending = h(
    "div",
    { class: "stack", hidden: true },
    outcome,
    h("h5", {}, "Strike order items"),
    orders,
    h("h5", {}, "Set values after it"),
    sets,
    addSet,
    h("div", { class: "row" }, approve),
    status,
  );
  const el = h(
    "article",
    { class: "card", "aria-label": "Adjudication review" },
    h("h4", {}, "Adjudication review"),
    h(
      "label",
      { class: "inline", for: "review-mode" },
      mode,
      "Review each turn's adjudication before the teams see it",
    ),
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
    if (strike.some((x) => !x.reason)) return fail("Give a reason for each item you strike: it is recorded");
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
      changed ? "Approved with changes" : "Approved",
    );
  });
  // the button says whether it approves as proposed or with changes
  const relabel = () => {
    const changes = orders.querySelectorAll("input[type=checkbox]:checked").length + rows.length;
    approve.textContent = changes ? "Approve with changes" : "Approve";
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
      mode.checked = me?.adjudication === "review";
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
      approve.textContent = "Approve";
    },
  };
}

/** What approving unchanged would do: the numbers, then every event in words. */
function drawOutcome(v: ParticipantView, r: ProposedOutcome): HTMLElement[] {
  const names = glossaryOf(v);
  const team = (id: string) => v.teams.find((t) => t.id === id)?.name ?? id;
  const arrow = (c: { from: number; to: number }) => `${fmt(c.from)} → ${fmt(c.to)}`;
  const lines = [
    `Escalation ${arrow(r.escalation)}`,
    ...r.trust.map((x) => `Trust ${team(x.a)}–${team(x.b)} ${arrow(x)}`),
    ...r.standing.map((x) => `${team(x.team)} standing ${arrow(x)}`),
    ...r.pressure.map((x) => `${team(x.team)} pressure ${arrow(x)}`),
    ...r.sectors.map((x) => `${team(x.team)} ${x.sector} ${arrow(x)}`),
    ...r.evidence.map((x) => `Evidence on “${x.title}” ${pct(x.from)} → ${pct(x.to)}`),
    ...(r.ends ? [`It would end the exercise: ${r.ends}`] : []),
  ];
  return [
    h("p", { class: "dim" }, `Turn ${r.turn} waits for your approval. The teams see only that it is under review.`),
    h("h5", {}, "Proposed outcome"),
    h(
      "ul",
      { class: "plain-list", "aria-label": "Proposed numbers" },
      lines.map((l) => h("li", {}, l)),
    ),
    h("h5", {}, "Every result, with its rolls"),
    h(
      "ol",
      { class: "plain-list", "aria-label": "Proposed results" },
      r.events.map((e) =>
        h("li", {}, h("span", { class: "dim" }, `${categoryLabel(e)} · `), describe(e, names, v.viewer)),
      ),
    ),
  ];
}

/** Each team's order items, each with a box to strike it and the reason why. */
function drawOrders(v: ParticipantView): HTMLElement {
  const me = v.me?.kind === "control" ? v.me : null;
  const action = (id: string) => v.actionNames[id] ?? id;
  const items = v.teams.flatMap((t) =>
    (me?.orders[t.id]?.items ?? []).map((it, i) => {
      const id = `strike-${t.id}-${i + 1}`;
      const box = h("input", { type: "checkbox", id, "data-team": t.id, "data-item": String(i + 1) });
      const reason = h("input", { id: `${id}-reason`, maxlength: 200, placeholder: "why (recorded)", hidden: true });
      box.addEventListener("change", () => (reason.hidden = !box.checked));
      const target = it.target ? ` → ${v.teams.find((x) => x.id === it.target)?.name ?? it.target}` : "";
      return h(
        "li",
        {},
        h("label", { class: "inline", for: id }, box, `${t.name}: ${action(it.actionId)}${target}`),
        reason,
      );
    }),
  );
  return items.length
    ? h("ul", { class: "plain-list" }, items)
    : h("p", { class: "dim" }, "No team ordered an action.");
}
