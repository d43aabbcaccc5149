// Timestamped notes tied to the exercise's objectives (observers and control).
import type { NoteView, ParticipantView } from "../../shared/engine/index.ts";
import { keepDraft } from "../net/seats.ts";
import { h, render, type Child } from "../ui/dom.ts";
import { own, statusLine, submit, when, type Panel, type PanelCtx } from "./panel.ts";
import { t } from "../i18n/index.ts";

export function notesPanel(ctx: PanelCtx): Panel {
  const objective = h("select", { id: "note-objective" });
  const text = h("textarea", { id: "note-text", maxlength: 2000, rows: 3, placeholder: t("panels.notes.placeholder") });
  const clearDraft = keepDraft(text, `note:${ctx.seat.exerciseId}:${ctx.seat.role}`);
  const add = h("button", { class: "primary", type: "submit" }, t("panels.notes.add"));
  const status = statusLine();
  const list = h("div", {});
  const form = h(
    "form",
    { class: "card", "aria-label": t("panels.notes.add-label") },
    h("label", { for: "note-objective" }, t("panels.notes.objective")),
    objective,
    h("label", { for: "note-text" }, t("panels.notes.note")),
    text,
    h("div", { class: "row", style: "margin-top: 0.5em" }, add),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!text.value.trim()) return;
    const cmd = {
      type: "note.add" as const,
      text: text.value,
      ...(objective.value ? { objectiveId: objective.value } : {}),
    };
    if (await submit(ctx, add, status, cmd, t("panels.notes.saved"))) {
      text.value = "";
      clearDraft();
    }
  });
  const el = h(
    "section",
    {},
    h("h3", {}, t("panels.notes.title")),
    form,
    h("h4", { style: "margin-top: 1em" }, t("panels.notes.so-far")),
    list,
  );
  let last: NoteView[] | null = null;
  let objectivesDrawn = false;
  return {
    id: "notes",
    label: t("panels.notes.title"),
    el,
    update(v: ParticipantView) {
      if (!objectivesDrawn) {
        render(
          objective,
          h("option", { value: "" }, t("panels.notes.general")),
          v.objectives.map((o) => h("option", { value: o.id }, o.text)),
        );
        objectivesDrawn = true;
      }
      if (v.notes === last) return;
      last = v.notes;
      render(
        list,
        v.notes.length
          ? [...v.notes].reverse().map((n) => noteItem(v, n))
          : h("p", { class: "dim" }, t("panels.notes.none")),
      );
    },
  };
}

/** One note: when, by whom, the objective it is tied to. `meta` adds to the meta line (the replay's step link). */
export function noteItem(v: ParticipantView, n: NoteView, meta?: Child): HTMLElement {
  const objective = n.objectiveId ? (v.objectives.find((o) => o.id === n.objectiveId)?.text ?? n.objectiveId) : null;
  return h(
    "div",
    { class: "feed-item" },
    h(
      "div",
      { class: "meta" },
      h("span", {}, when(v.exercise, n.turn, n.phase, n.at)),
      h("span", {}, t("panels.notes.author", { author: n.author, role: n.role })),
      objective ? h("span", { class: "badge accent", title: objective }, clip(objective, 40)) : null,
      meta,
    ),
    own(h("div", { class: "pre" }, n.text)),
  );
}

/** At most `n` characters, cut at a word and marked with "…" when shortened. */
function clip(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.slice(0, n - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > n / 2 ? cut.lastIndexOf(" ") : cut.length)}…`;
}
