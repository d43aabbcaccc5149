// The studio's editing screen: the scenario's parts in tabs of forms, validated as the
// designer types; beside them the issues, the live preview, the versions and the side panels.
import { h, render } from "../ui/dom.ts";
import { t } from "../i18n/index.ts";
import { studioRefusalText } from "./refusals.ts";
import { validateDraft } from "./validate.ts";
import { scenarioSchema } from "./schema-node.ts";
import { fieldLabel } from "./field-words.ts";
import { field, type FormCtx } from "./form.ts";
import { translationsEditor } from "./translations-editor.ts";
import { sections, sectionOf } from "./sections.ts";
import { issuesList, markIssues, normalizeIssues, reveal, type Issue } from "./issues.ts";
import { studioTabs, type Pane } from "./tabs.ts";
import { preview } from "./preview.ts";
import { versionsPane } from "./versions.ts";
import { organiserHeaders, studioApi, type Saved } from "./api.ts";
import { sidePanels } from "./panels.ts";
import { confirmDialog } from "../ui/dialog.ts";
import { navigate } from "../router.ts";
import type { StudioPanelContext } from "./panel.ts";

export interface EditorStart {
  draft: Record<string, unknown>;
  saved: { id: string; version: number } | null;
}

const DEBOUNCE_MS = 250;

/** Mounts the editor; returns what closes it. */
export function mountEditor(root: HTMLElement, start: EditorStart): () => void {
  let draft = structuredClone(start.draft);
  let saved = start.saved;
  let issues: Issue[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // changes not saved yet: leaving asks first
  let dirty = false;
  const schema = scenarioSchema();
  const required = new Set(schema.required ?? []);
  const list = sections();

  const ctx: FormCtx = {
    draft: () => draft,
    changed: () => {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(validate, DEBOUNCE_MS);
    },
    drawn: () => markIssues(form, issues),
  };
  const form = h("div", { class: "studio-form" });
  const panes: Pane[] = list.map((s) => ({
    id: s.id,
    label: s.label,
    el: h("div", { class: "studio-section", "data-section": s.id }),
  }));
  const formTabs = studioTabs(t("studio.tabs-label"), panes, "studio-tab", () => form);
  form.append(formTabs.el);

  function drawForms(): void {
    list.forEach((s, i) => {
      // the Languages tab's two parts are one editor, translations side by side
      const parts = s.keys.map((key) =>
        key === "languages"
          ? null
          : key === "translations"
            ? translationsEditor(ctx)
            : field(ctx, {
                path: key,
                key,
                label: fieldLabel(key, key),
                words: key,
                node: schema.properties![key]!,
                optional: !required.has(key),
              }),
      );
      render(panes[i]!.el, ...parts);
    });
  }

  const view = preview();
  const versions = versionsPane((opened) => replace(opened.scenario, { id: opened.id, version: opened.version ?? 0 }));
  const issuesBox = h("div", {});
  const panelCtx: StudioPanelContext = {
    draft: () => draft,
    update: (next) => {
      replace(next, saved);
      dirty = true;
    },
    saved: () => saved,
    headers: organiserHeaders,
  };
  const sidePanes: Pane[] = [
    { id: "issues", label: t("studio.side.issues"), el: issuesBox },
    { id: "preview", label: t("studio.side.preview"), el: view.el, shown: () => view.shown() },
    { id: "versions", label: t("studio.side.versions"), el: versions.el },
    ...sidePanels().map((p) => ({ id: p.id, label: p.label, el: p.panel(panelCtx) })),
  ];
  const side = studioTabs(
    t("studio.side-label"),
    sidePanes,
    "studio-side",
    () => form.nextElementSibling as HTMLElement | null,
  );

  const state = h("span", { class: "studio-state", role: "status" });
  const note = h("input", { id: "studio-note", type: "text", maxlength: 200, autocomplete: "off" });
  const saveButton = h("button", { type: "button", class: "primary", disabled: true }, t("studio.save"));
  const message = h("p", { class: "studio-message", role: "alert" });
  const titleEl = h("span", { class: "studio-title", dir: "auto" });
  saveButton.addEventListener("click", () => void save());

  function jump(path: string): void {
    formTabs.select(sectionOf(path, list).id);
    // after the tab has put back its own scroll place
    requestAnimationFrame(() => {
      reveal(form, path);
      markIssues(form, issues);
    });
  }

  function validate(): void {
    clearTimeout(timer);
    const res = validateDraft(draft);
    issues = res.ok ? [] : normalizeIssues(res.issues);
    markIssues(form, issues);
    render(issuesBox, issuesList(issues, jump));
    for (const s of list) {
      const n = issues.filter((i) => sectionOf(i.path, list).id === s.id).length;
      formTabs.count(s.id, n, n ? t("studio.issues.count", { n }) : undefined);
    }
    side.count("issues", issues.length);
    saveButton.disabled = !res.ok;
    state.className = `studio-state ${res.ok ? "ok-text" : "error-text"}`;
    state.textContent = res.ok ? t("studio.valid") : t("studio.issues.summary", { n: issues.length });
    titleEl.textContent = typeof draft.title === "string" ? draft.title : "";
    view.show(res.ok ? res.scenario : null);
  }

  function replace(next: unknown, nextSaved: { id: string; version: number } | null): void {
    draft = structuredClone(next) as Record<string, unknown>;
    saved = nextSaved;
    drawForms();
    validate();
  }

  const back = h("a", { href: "/studio", class: "studio-back" }, t("studio.back"));
  back.addEventListener("click", (e) => {
    if (!dirty) return;
    // the router would leave at once: ask first, then navigate ourselves
    e.preventDefault();
    e.stopPropagation();
    void confirmDialog({
      title: t("studio.leave-title"),
      body: t("studio.leave-body"),
      confirm: t("studio.leave-confirm"),
      danger: true,
    }).then((yes) => {
      if (!yes) return;
      dirty = false;
      navigate("/studio");
    });
  });
  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (dirty) e.preventDefault();
  };
  window.addEventListener("beforeunload", beforeUnload);

  async function save(): Promise<void> {
    validate();
    if (issues.length) return;
    const id = String(draft.id);
    saveButton.disabled = true;
    message.className = "studio-message pending-text";
    message.textContent = t("studio.saving");
    try {
      const res: Saved = await studioApi.save(id, draft, note.value.trim());
      saved = { id: res.id, version: res.version };
      dirty = false;
      note.value = "";
      history.replaceState(null, "", `/studio/${encodeURIComponent(res.id)}`);
      message.className = "studio-message ok-text";
      message.textContent = t("studio.saved", { version: res.version, id: res.id });
      await versions.load(res.id);
    } catch (err) {
      message.className = "studio-message error-text";
      message.textContent = studioRefusalText(err);
    } finally {
      saveButton.disabled = issues.length > 0;
    }
  }

  render(
    root,
    h(
      "main",
      { class: "studio" },
      h(
        "header",
        { class: "studio-bar" },
        back,
        h("h1", {}, t("studio.title")),
        titleEl,
        state,
        h("label", { for: note.id, class: "studio-note-label" }, t("studio.note")),
        note,
        saveButton,
      ),
      message,
      h(
        "div",
        { class: "studio-body" },
        form,
        h("aside", { class: "studio-side", "aria-label": t("studio.side-label") }, side.el),
      ),
    ),
  );
  drawForms();
  validate();
  void versions.load(saved?.id ?? null);
  return () => {
    window.removeEventListener("beforeunload", beforeUnload);
    clearTimeout(timer);
    view.destroy();
  };
}
