// The scenario studio (/studio, /studio/:id): designers write scenarios in forms, check them as they
// type, preview the board, and save versions the lobby offers at once (docs/protocol.md, "Studio").
import { brand, h, render } from "../ui/dom.ts";
import { t } from "../i18n/index.ts";
import { languagePicker } from "../i18n/picker.ts";
import { studioRefusalText } from "../studio/refusals.ts";
import { onLeavePage } from "../router.ts";
import { startScreen, copyId } from "../studio/start.ts";
import { mountEditor, type EditorStart } from "../studio/editor.ts";
import { studioApi } from "../studio/api.ts";
import "../studio/studio.css";

export async function studioPage(root: HTMLElement, params: Record<string, string>): Promise<void> {
  document.title = `${t("studio.title")} · Deconflict`;
  const edit = (start: EditorStart) => onLeavePage(mountEditor(root, start));
  if (!params.id) {
    render(
      root,
      h(
        "main",
        { class: "page studio-page" },
        h(
          "header",
          { class: "page-header" },
          brand(),
          h("span", { class: "dim" }, t("studio.title")),
          languagePicker(),
        ),
        h("h1", {}, t("studio.start.title")),
        h("p", { class: "dim" }, t("studio.start.intro")),
        startScreen(edit),
      ),
    );
    return;
  }
  try {
    const opened = await studioApi.open(params.id);
    // a built-in file is never overwritten: the designer edits a copy under a new id
    if (opened.builtIn) edit({ draft: { ...opened.scenario, id: copyId(opened.id) }, saved: null });
    else edit({ draft: opened.scenario, saved: { id: opened.id, version: opened.version ?? 0 } });
  } catch (err) {
    render(
      root,
      h(
        "main",
        { class: "page" },
        h("header", { class: "page-header" }, brand()),
        h("p", { role: "alert", class: "error-text" }, studioRefusalText(err)),
        h("a", { href: "/studio" }, t("studio.back")),
      ),
    );
  }
}
