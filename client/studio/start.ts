// The studio's first screen: the organiser code when the server asks for one, then
// where a scenario starts from: a blank one, a built-in or saved one, or a file.
import { h, render } from "../ui/dom.ts";
import { i18n, t } from "../i18n/index.ts";
import { studioRefusalText } from "./refusals.ts";
import { blankScenario } from "../../shared/studio/blank.ts";
import { organiserCode, setOrganiserCode, studioApi, type LibraryEntry } from "./api.ts";
import type { EditorStart } from "./editor.ts";
import { issuesInLanguage } from "./validate.ts";

type Open = (start: EditorStart) => void;

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** The id a copy of a built-in scenario is offered under. */
export function copyId(id: string): string {
  return `${id}-copy`;
}

export function startScreen(open: Open): HTMLElement {
  const status = h("p", { role: "alert", class: "error-text" });
  const library = h("div", { class: "studio-library" }, h("p", { class: "dim" }, t("studio.start.loading")));

  const code = h("input", {
    id: "studio-organiser",
    type: "password",
    autocomplete: "off",
    value: organiserCode() ?? "",
  });
  const codeForm = h(
    "form",
    { class: "card", hidden: true, "aria-label": t("studio.start.organiser-title") },
    h("h2", {}, t("studio.start.organiser-title")),
    h("label", { for: code.id }, t("studio.start.organiser-label")),
    h(
      "div",
      { class: "row" },
      code,
      h("button", { type: "submit", class: "primary" }, t("studio.start.organiser-use")),
    ),
    h("p", { class: "dim" }, t("studio.start.organiser-hint")),
  );
  codeForm.addEventListener("submit", (e) => {
    e.preventDefault();
    setOrganiserCode(code.value);
    void loadLibrary();
  });
  void studioApi
    .health()
    .then((hl) => (codeForm.hidden = !hl.createCodeRequired))
    .catch(() => {});

  const refused = (err: unknown) => {
    const c = (err as { code?: string }).code;
    if (c === "create-code-required" || c === "wrong-create-code") codeForm.hidden = false;
    status.textContent = studioRefusalText(err);
  };

  const blankId = h("input", {
    id: "studio-blank-id",
    type: "text",
    value: "new-scenario",
    autocomplete: "off",
    dir: "ltr",
  });
  const blankForm = h(
    "form",
    { class: "card", "aria-label": t("studio.start.blank-title") },
    h("h2", {}, t("studio.start.blank-title")),
    h("p", { class: "dim" }, t("studio.start.blank-hint")),
    h("label", { for: blankId.id }, t("studio.start.id-label")),
    h(
      "div",
      { class: "row" },
      blankId,
      h("button", { type: "submit", class: "primary" }, t("studio.start.blank-button")),
    ),
  );
  blankForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const id = blankId.value.trim();
    if (!ID.test(id)) return void (status.textContent = t("studio.start.bad-id", { id }));
    open({ draft: blankScenario(id) as Record<string, unknown>, saved: null });
  });

  const file = h("input", { id: "studio-file", type: "file" });
  file.accept = ".json,.yaml,.yml,application/json,application/yaml";
  const fileIssues = h("div", {});
  file.addEventListener("change", () => void upload());
  const uploadForm = h(
    "form",
    { class: "card", "aria-label": t("studio.start.upload-title") },
    h("h2", {}, t("studio.start.upload-title")),
    h("label", { for: file.id }, t("studio.start.upload-label")),
    file,
    fileIssues,
  );
  uploadForm.addEventListener("submit", (e) => e.preventDefault());

  async function upload(): Promise<void> {
    const f = file.files?.[0];
    if (!f) return;
    render(fileIssues);
    status.textContent = "";
    try {
      const res = await studioApi.import(await f.text(), f.name);
      if (res.ok) return open({ draft: res.scenario, saved: null });
      const issues = issuesInLanguage(res.scenario, res.issues);
      render(
        fileIssues,
        h("p", { class: "error-text" }, t("studio.start.upload-issues", { n: issues.length, file: f.name })),
        h(
          "ul",
          {},
          issues.map((i) => h("li", {}, h("code", { dir: "ltr" }, i.path), " ", i.message)),
        ),
      );
    } catch (err) {
      refused(err);
    }
  }

  async function copyOf(entry: LibraryEntry, id: string): Promise<void> {
    if (!ID.test(id)) return void (status.textContent = t("studio.start.bad-id", { id }));
    try {
      const opened = await studioApi.open(entry.id);
      open({ draft: { ...opened.scenario, id }, saved: null });
    } catch (err) {
      refused(err);
    }
  }

  const row = (s: LibraryEntry) => {
    const copy = h("input", {
      type: "text",
      value: copyId(s.id),
      autocomplete: "off",
      dir: "ltr",
      "aria-label": t("studio.start.copy-id", { title: s.title }),
    });
    const actions = s.builtIn
      ? h(
          "div",
          { class: "row" },
          copy,
          h("button", { type: "button", onclick: () => void copyOf(s, copy.value.trim()) }, t("studio.start.copy")),
        )
      : h("a", { class: "button", href: `/studio/${encodeURIComponent(s.id)}` }, t("studio.start.open"));
    return h(
      "li",
      { class: "card studio-entry", "data-studio-scenario": s.id },
      h("h3", { dir: "auto" }, s.title),
      h(
        "p",
        { class: "dim" },
        h("code", { dir: "ltr" }, s.id),
        " · ",
        s.builtIn
          ? t("studio.start.built-in")
          : t("studio.start.saved", { version: s.version ?? 0, at: s.savedAt ? i18n().dateTime(s.savedAt) : "" }),
        " · ",
        t("studio.start.facts", { turns: s.turns, teams: s.teams }),
      ),
      actions,
    );
  };

  async function loadLibrary(): Promise<void> {
    status.textContent = "";
    try {
      const { scenarios } = await studioApi.list();
      const saved = scenarios.filter((s) => !s.builtIn);
      const builtIn = scenarios.filter((s) => s.builtIn);
      render(
        library,
        h("h2", {}, t("studio.start.saved-title")),
        saved.length
          ? h("ul", { class: "studio-entries" }, saved.map(row))
          : h("p", { class: "dim" }, t("studio.start.none-saved")),
        h("h2", {}, t("studio.start.built-in-title")),
        h("ul", { class: "studio-entries" }, builtIn.map(row)),
      );
    } catch (err) {
      render(library);
      refused(err);
    }
  }
  void loadLibrary();

  return h(
    "div",
    { class: "studio-start" },
    codeForm,
    status,
    h("div", { class: "studio-start-grid" }, blankForm, uploadForm),
    library,
  );
}
