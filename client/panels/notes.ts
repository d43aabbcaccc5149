// Timestamped notes tied to the exercise's objectives (observers and control).
import type { NoteView, ParticipantView } from "../../shared/engine/index.ts";
import { keepDraft } from "../net/seats.ts";
import { h, render, type Child } from "../ui/dom.ts";
import { statusLine, submit, when, type Panel, type PanelCtx } from "./panel.ts";

export function notesPanel(ctx: PanelCtx): Panel {
  const objective = h("select", { id: "note-objective" });
  const text = h("textarea", { id: "note-text", maxlength: 2000, rows: 3, placeholder: "What did you observe?" });
  const clearDraft = keepDraft(text, `note:${ctx.seat.exerciseId}:${ctx.seat.role}`);
  const add = h("button", { class: "primary", type: "submit" }, "Add note");
  const status = statusLine();
  const list = h("div", {});
  const form = h(
    "form",
    { class: "card", "aria-label": "Add a note" },
    h("label", { for: "note-objective" }, "Objective"),
    objective,
    h("label", { for: "note-text" }, "Note"),
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
    if (await submit(ctx, add, status, cmd, "Note saved")) {
      text.value = "";
      clearDraft();
    }
  });
  const el = h("section", {}, h("h3", {}, "Notes"), form, h("h4", { style: "margin-top: 1em" }, "Notes so far"), list);
  let last: NoteView[] | null = null;
  let objectivesDrawn = false;
  return {
    id: "notes",
    label: "Notes",
    el,
    update(v: ParticipantView) {
      if (!objectivesDrawn) {
        render(
          objective,
          h("option", { value: "" }, "— general —"),
          v.objectives.map((o) => h("option", { value: o.id }, o.text)),
        );
        objectivesDrawn = true;
      }
      if (v.notes === last) return;
      last = v.notes;
      render(
        list,
        v.notes.length ? [...v.notes].reverse().map((n) => noteItem(v, n)) : h("p", { class: "dim" }, "No notes yet."),
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
      h("span", {}, `${n.author} (${n.role})`),
      objective ? h("span", { class: "badge accent", title: objective }, clip(objective, 40)) : null,
      meta,
    ),
    h("div", { class: "pre" }, n.text),
  );
}

/** At most `n` characters, cut at a word and marked with "…" when shortened. */
function clip(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.slice(0, n - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > n / 2 ? cut.lastIndexOf(" ") : cut.length)}…`;
}
