// Control's links out of the console: the replay and the after-action report, and the projector's public view.
import { h } from "../ui/dom.ts";
import { seatFor } from "../net/seats.ts";
import { call, type Codes } from "../net/api.ts";
import { downloadReport, type ReportFormat } from "../net/download.ts";
import { t } from "../i18n/index.ts";
import { statusLine, type PanelCtx } from "./panel.ts";

/** The replay and the after-action report, available at every moment (a running exercise reports so far). */
export function afterAction(ctx: PanelCtx): HTMLElement {
  const status = statusLine();
  const id = ctx.seat.exerciseId;
  const code = seatFor(id, "facilitator")?.code ?? "";
  const get = (format: ReportFormat, label: string) => {
    const b = h("button", { type: "button", class: "small" }, label);
    b.addEventListener("click", async () => {
      status.className = "pending-text";
      status.textContent = t("control.report.preparing");
      try {
        await downloadReport(id, code, format);
        status.className = "ok-text";
        status.textContent = t("control.report.downloaded", { label });
      } catch (err) {
        status.className = "error-text";
        status.textContent = `✕ ${(err as Error).message}`;
      }
    });
    return b;
  };
  return h(
    "article",
    { class: "card", "aria-label": t("control.report.title") },
    h("h4", {}, t("control.report.title")),
    h("p", { class: "dim" }, t("control.report.hint")),
    h(
      "div",
      { class: "row" },
      h("a", { class: "button small primary", href: `/replay/${id}` }, t("control.report.replay")),
      get("html", t("control.report.html")),
      get("md", t("control.report.md")),
      get("csv", t("control.report.csv")),
      get("json", t("control.report.json")),
    ),
    status,
  );
}

/**
 * "Projector view": opens the public display in a new window, with the exercise's display code (from control's
 * details), so what the room sees is the public picture and never control's screen.
 */
export function projectorLink(ctx: PanelCtx): HTMLElement {
  const link = h(
    "a",
    {
      class: "button small",
      "aria-disabled": "true",
      title: t("control.projector.title"),
    },
    t("control.projector.label"),
  );
  // a window of its own, which cannot reach back into the console
  link.target = "_blank";
  link.rel = "noopener";
  const stored = seatFor(ctx.seat.exerciseId, "facilitator");
  if (!stored) return link;
  void call<{ codes: Codes }>("GET", `/exercises/${ctx.seat.exerciseId}`, undefined, stored.code)
    .then(({ codes }) => {
      if (!codes.display) return;
      link.setAttribute("href", `/display/${ctx.seat.exerciseId}#code=${encodeURIComponent(codes.display)}`);
      link.removeAttribute("aria-disabled");
    })
    .catch((err: Error) => (link.title = t("control.projector.unavailable", { reason: err.message })));
  return link;
}
