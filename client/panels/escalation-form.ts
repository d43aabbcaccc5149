// Control's escalation form: the change, the reason players read and a private
// note; the result is previewed from control's own view (the ladder, its red
// lines, the failure rung) and a large or fateful change asks first.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { h } from "../ui/dom.ts";
import { confirmDialog } from "../ui/dialog.ts";
import { listOf, own, signedNumber, statusLine, submit, type PanelCtx } from "./panel.ts";
import { t } from "../i18n/index.ts";

type Ladder = ParticipantView["ladder"];

/** A change at least this large asks for confirmation even when it crosses nothing. */
export const CONFIRM_FROM = 15;

/** What an adjustment would do, from the ladder as control sees it. */
export interface EscalationPreview {
  from: number;
  to: number;
  /** the change asked was cut at 0 or 100 */
  capped: boolean;
  rung: string;
  /** red lines not crossed yet that this change crosses */
  crosses: string[];
  /** points left before the top rung, which ends the exercise in failure (0 when it fails) */
  toFailure: number;
  fails: boolean;
  /** worth a confirmation: large, crossing a red line or failing */
  fateful: boolean;
}

export function previewEscalation(ladder: Ladder, delta: number): EscalationPreview {
  const from = ladder.value;
  const to = Math.max(0, Math.min(100, from + delta));
  const rungAt = (v: number) => ladder.rungs.reduce((idx, r, i) => (v >= r.from ? i : idx), 0);
  const rungOf = (id: string) => ladder.rungs.findIndex((r) => r.id === id);
  const crossed = (v: number) => ladder.redLines.filter((l) => rungOf(l.rung) <= rungAt(v));
  const before = new Set(crossed(from).map((l) => l.id));
  const crosses = crossed(to)
    .filter((l) => !before.has(l.id))
    .map((l) => l.name);
  const top = ladder.rungs.at(-1)?.from ?? 100;
  const fails = to >= top;
  return {
    from,
    to,
    capped: to !== from + delta,
    rung: ladder.rungs[rungAt(to)]?.name ?? "",
    crosses,
    toFailure: Math.max(0, top - to),
    fails,
    fateful: Math.abs(to - from) >= CONFIRM_FROM || crosses.length > 0 || fails,
  };
}

/** "82 · Crisis: crosses three red lines (A, B, C), 8 points from failure" */
export function previewWords(p: EscalationPreview): string {
  return t("control.esc.preview", {
    to: p.to,
    capped: p.capped ? "yes" : "no",
    rung: p.rung,
    crosses: p.crosses.length,
    lines: listOf(p.crosses),
    fails: p.fails ? "yes" : "no",
    left: p.toFailure,
  });
}

/** Why a typed change cannot be sent, or null. */
export function deltaProblem(text: string): string | null {
  if (!text.trim()) return t("control.esc.empty");
  const n = Number(text);
  if (!Number.isInteger(n)) return t("control.esc.not-whole", { text });
  if (n < -100 || n > 100) return t("control.esc.out-of-range", { n });
  return null;
}

export function escalationForm(ctx: PanelCtx): { el: HTMLFormElement; update(v: ParticipantView): void } {
  const delta = h("input", {
    id: "esc-delta",
    type: "number",
    value: "5",
    "aria-describedby": "esc-preview",
  });
  delta.min = "-100";
  delta.max = "100";
  delta.step = "1";
  const reason = h("input", { id: "esc-reason", maxlength: 200, placeholder: t("control.esc.reason-placeholder") });
  const note = h("input", { id: "esc-note", maxlength: 200, placeholder: t("control.esc.note-placeholder") });
  const preview = h("p", { id: "esc-preview", class: "esc-preview", "aria-live": "polite" });
  const adjust = h("button", { type: "submit" }, t("control.esc.title"));
  const status = statusLine();
  const el = h(
    "form",
    { class: "card", "aria-label": t("control.esc.title") },
    h("h4", {}, t("control.esc.title")),
    h(
      "div",
      { class: "row" },
      h("div", { style: "width: 6em" }, h("label", { for: "esc-delta" }, t("control.esc.change")), delta),
      h("div", { class: "grow" }, h("label", { for: "esc-reason" }, t("control.esc.reason")), reason),
    ),
    h("label", { for: "esc-note" }, t("control.esc.note")),
    note,
    preview,
    h("div", { class: "row", style: "margin-top: 0.5em" }, adjust),
    status,
  );
  // the form's own messages, not the browser's bubbles
  el.noValidate = true;
  let ladder: Ladder | null = null;
  const draw = () => {
    const problem = deltaProblem(delta.value);
    delta.setAttribute("aria-invalid", problem ? "true" : "false");
    if (!ladder) return;
    preview.className = problem ? "esc-preview error-text" : "esc-preview";
    preview.textContent = problem
      ? `✕ ${problem}`
      : t("control.esc.from", {
          from: ladder.value,
          preview: previewWords(previewEscalation(ladder, Number(delta.value))),
        });
  };
  // an error about the previous value goes once the value changes
  const clear = () => {
    status.className = "dim";
    status.textContent = "";
  };
  delta.addEventListener("input", () => (clear(), draw()));
  reason.addEventListener("input", clear);

  el.addEventListener("submit", async (e) => {
    e.preventDefault();
    const problem = deltaProblem(delta.value);
    const fail = (text: string, field: HTMLInputElement) => {
      status.className = "error-text";
      status.textContent = `✕ ${text}`;
      field.focus();
    };
    if (problem) return fail(problem, delta);
    if (!reason.value.trim()) return fail(t("control.esc.no-reason"), reason);
    if (!ladder) return;
    const n = Number(delta.value);
    const p = previewEscalation(ladder, n);
    if (
      p.fateful &&
      !(await confirmDialog({
        title:
          n > 0
            ? t("control.esc.raise", { from: p.from, to: p.to })
            : t("control.esc.lower", { from: p.from, to: p.to }),
        body: [
          h("p", {}, previewWords(p)),
          h("p", {}, t("control.esc.players-read"), " ", own(h("q", {}, reason.value.trim()))),
          note.value.trim()
            ? h("p", { class: "dim" }, t("control.esc.your-note"), " ", own(h("q", {}, note.value.trim())))
            : null,
        ],
        confirm: p.fails ? t("control.esc.fail-confirm", { to: p.to }) : t("control.esc.confirm", { to: p.to }),
        danger: p.fails || p.crosses.length > 0,
      }))
    ) {
      status.className = "dim";
      status.textContent = t("control.esc.not-adjusted");
      return;
    }
    const cmd = {
      type: "escalation.adjust" as const,
      delta: n,
      reason: reason.value,
      ...(note.value.trim() ? { note: note.value } : {}),
    };
    if (await submit(ctx, adjust, status, cmd, t("control.esc.done", { delta: signedNumber(n), to: p.to }))) {
      reason.value = "";
      note.value = "";
    }
  });

  return {
    el,
    update(v) {
      if (v.ladder === ladder) return;
      ladder = v.ladder;
      draw();
    },
  };
}
