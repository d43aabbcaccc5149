// "Set a value": control sets trust, standing, pressure, a sector's health, an
// incident's evidence or escalation by hand (state.set), with a recorded
// reason, and chooses whom to tell.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { h, render } from "../ui/dom.ts";
import { statusLine, submit, type PanelCtx } from "./panel.ts";
import { valueRow, type ValueRow } from "./value-row.ts";
import { t } from "../i18n/index.ts";

export function setValueCard(ctx: PanelCtx): { el: HTMLElement; update(v: ParticipantView): void } {
  const slot = h("div", {});
  const button = h("button", { type: "submit", class: "primary", id: "set-value" }, t("control.set.button"));
  const status = statusLine();
  const el = h(
    "form",
    { class: "card", "aria-label": t("control.set.title") },
    h("h4", {}, t("control.set.title")),
    h("p", { class: "dim" }, t("control.set.hint")),
    slot,
    button,
    status,
  );
  let row: ValueRow | null = null;
  el.addEventListener("submit", async (e) => {
    e.preventDefault();
    const read = row?.read();
    if (!read || typeof read === "string") {
      status.className = "error-text";
      status.textContent = `✕ ${read ?? t("control.set.not-ready")}`;
      return;
    }
    await submit(ctx, button, status, { type: "state.set", ...read }, t("control.set.done"));
  });
  return {
    el,
    update(v) {
      el.hidden = v.exercise.status === "ended" || v.exercise.status === "setup";
      if (row) return row.update(v);
      row = valueRow(v, "set");
      render(slot, row.el);
    },
  };
}
