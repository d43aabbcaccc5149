// A course's controls on its dashboard: start, pause, resume, advance and an ad-hoc inject for every cell at once.
import { h, render } from "../ui/dom.ts";
import { call } from "../net/api.ts";
import type { ScenarioTeams } from "../ui/code-table.ts";
import { confirmDialog } from "../ui/dialog.ts";
import { t } from "../i18n/index.ts";
import { httpRefusalText } from "../net/refusals.ts";

type Action = "start" | "pause" | "resume" | "advance" | "inject";
interface CellResult {
  exerciseId: string;
  title: string;
  ok: boolean;
  message?: string;
}

/** The course-wide commands, worded when drawn (in the reader's language). */
const ACTIONS = (): { action: Exclude<Action, "inject">; label: string; question: string; what: string }[] => [
  {
    action: "start",
    label: t("course.start-all"),
    question: t("course.start-question"),
    what: t("course.start-what"),
  },
  {
    action: "pause",
    label: t("course.pause-all"),
    question: t("course.pause-question"),
    what: t("course.pause-what"),
  },
  {
    action: "resume",
    label: t("course.resume-all"),
    question: t("course.resume-question"),
    what: t("course.resume-what"),
  },
  {
    action: "advance",
    label: t("course.advance-all"),
    question: t("course.advance-question"),
    what: t("course.advance-what"),
  },
];

/** Start, pause, resume, advance and an ad-hoc inject for every cell at once, each cell's answer listed. */
export function courseControls(
  groupId: string,
  code: string,
  sc: ScenarioTeams | undefined,
  after: () => Promise<void>,
) {
  const results = h("div", { role: "status", "aria-live": "polite", "data-course-results": "" });
  const buttons: HTMLButtonElement[] = [];
  const send = async (body: { action: Action } & Record<string, unknown>) => {
    buttons.forEach((b) => (b.disabled = true));
    try {
      const r = await call<{ results: CellResult[] }>("POST", `/groups/${groupId}/control`, body, code);
      const done = r.results.filter((c) => c.ok).length;
      render(
        results,
        h("p", {}, t("course.done", { done, cells: r.results.length })),
        h(
          "ul",
          {},
          r.results.map((c) =>
            h(
              "li",
              { "data-cell": c.exerciseId, class: c.ok ? "" : "error-text" },
              c.ok
                ? `✓ ${c.title}`
                : `✕ ${t("course.cell-refused", { title: c.title, reason: c.message ?? t("course.refused") })}`,
            ),
          ),
        ),
      );
      await after();
      return true;
    } catch (err) {
      render(results, h("p", { class: "error-text" }, `✕ ${httpRefusalText(err)}`));
      return false;
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  };
  const reason = h("input", { id: "course-pause-reason", maxlength: 200, placeholder: t("course.reason-placeholder") });
  for (const a of ACTIONS())
    buttons.push(
      h(
        "button",
        {
          type: "button",
          "data-course-action": a.action,
          onclick: async () => {
            const yes = await confirmDialog({ title: a.question, body: a.what, confirm: a.label });
            const why = a.action === "pause" && reason.value.trim() ? { reason: reason.value.trim() } : {};
            if (yes) await send({ action: a.action, ...why });
          },
        },
        a.label,
      ),
    );
  return h(
    "section",
    { class: "card", "aria-label": t("course.controls"), style: "margin-bottom: 1em" },
    h("h2", {}, t("course.controls")),
    h("p", { class: "dim" }, t("course.controls-hint")),
    h("div", { class: "row" }, buttons),
    h("label", { for: "course-pause-reason" }, t("course.reason-label")),
    reason,
    results,
    h("details", {}, h("summary", {}, t("course.inject-summary")), injectForm(sc, send, buttons)),
  );
}

function injectForm(
  sc: ScenarioTeams | undefined,
  send: (body: { action: Action } & Record<string, unknown>) => Promise<boolean>,
  buttons: HTMLButtonElement[],
): HTMLElement {
  const title = h("input", { id: "course-inject-title", maxlength: 200, required: true });
  const text = h("textarea", { id: "course-inject-text", maxlength: 2000, rows: 3, required: true });
  const opt = (value: string, label: string, checked = false) =>
    h("label", { class: "row" }, h("input", { type: "checkbox", value, checked }), label);
  const audienceBox = h(
    "fieldset",
    {},
    h("legend", {}, t("course.audience")),
    opt("all", t("course.everyone"), true),
    (sc?.teams ?? []).map((x) => opt(x.id, x.name)),
    sc?.mediator ? opt("mediator", t("course.mediator")) : null,
    opt("observers", t("course.observers")),
    opt("facilitator", t("course.control-only")),
  );
  const problem = h("p", { class: "error-text", role: "alert" });
  const release = h("button", { type: "submit", class: "primary" }, t("course.release"));
  buttons.push(release);
  const form = h(
    "form",
    { "aria-label": t("course.inject-label") },
    h("label", { for: "course-inject-title" }, t("course.inject-title")),
    title,
    h("label", { for: "course-inject-text" }, t("course.inject-text")),
    text,
    audienceBox,
    release,
    problem,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const audience = [...audienceBox.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
    problem.textContent = audience.length ? "" : `✕ ${t("course.choose-audience")}`;
    if (!audience.length) return;
    const yes = await confirmDialog({
      title: t("course.release-question", { title: title.value.trim() }),
      body: t("course.release-what"),
      confirm: t("course.release"),
      danger: true,
    });
    if (!yes) return;
    if (await send({ action: "inject", title: title.value, text: text.value, audience })) {
      title.value = "";
      text.value = "";
    }
  });
  return form;
}
