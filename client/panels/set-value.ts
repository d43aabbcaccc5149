// "Set a value": control sets trust, standing, pressure, a sector's health, an
// incident's evidence or escalation by hand (state.set), with a recorded
// reason, and chooses whom to tell.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { h, render } from "../ui/dom.ts";
import { statusLine, submit, type PanelCtx } from "./panel.ts";
import { valueRow, type ValueRow } from "./value-row.ts";

export function setValueCard(ctx: PanelCtx): { el: HTMLElement; update(v: ParticipantView): void } {
  const slot = h("div", {});
  const button = h("button", { type: "submit", class: "primary", id: "set-value" }, "Set");
  const status = statusLine();
  const el = h(
    "form",
    { class: "card", "aria-label": "Set a value" },
    h("h4", {}, "Set a value"),
    h("p", { class: "dim" }, "The board shows the new number to whoever sees it; the reason goes to whom you tell."),
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
      status.textContent = `✕ ${read ?? "Not ready yet"}`;
      return;
    }
    await submit(ctx, button, status, { type: "state.set", ...read }, "Value set");
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
