// The saved versions of the scenario: newest first, each restorable (restoring saves a copy as the newest).
import { h, render } from "../ui/dom.ts";
import { i18n, t } from "../i18n/index.ts";
import { studioRefusalText } from "./refusals.ts";
import { downloadFile, studioApi, type Opened, type VersionEntry } from "./api.ts";

export interface Versions {
  el: HTMLElement;
  /** shows the versions of a saved scenario (null: never saved) */
  load(id: string | null): Promise<void>;
}

/** `restored` receives the scenario as the restore left it (the new newest version). */
export function versionsPane(restored: (opened: Opened) => void): Versions {
  const list = h("div", { class: "studio-versions" });
  const status = h("p", { role: "status" });
  const el = h("section", { "aria-label": t("studio.versions.title") }, list, status);
  let id: string | null = null;

  const row = (v: VersionEntry, newest: boolean) =>
    h(
      "li",
      { "data-version": String(v.version) },
      h("strong", {}, t("studio.versions.version", { n: v.version })),
      " ",
      h("span", { class: "dim" }, i18n().dateTime(v.savedAt)),
      v.note ? h("span", { class: "studio-note", dir: "auto" }, v.note) : null,
      newest
        ? h("span", { class: "badge" }, t("studio.versions.current"))
        : h(
            "button",
            { type: "button", class: "sf-small", onclick: () => void restore(v.version) },
            t("studio.versions.restore", { n: v.version }),
          ),
    );

  async function restore(version: number): Promise<void> {
    if (!id) return;
    status.textContent = t("studio.versions.restoring");
    try {
      const saved = await studioApi.restore(id, version);
      const opened = await studioApi.open(id);
      restored(opened);
      status.textContent = t("studio.versions.restored", { from: version, to: saved.version });
      await load(id);
    } catch (err) {
      status.textContent = studioRefusalText(err);
    }
  }

  async function load(next: string | null): Promise<void> {
    id = next;
    if (!id) {
      render(list, h("p", { class: "dim" }, t("studio.versions.unsaved")));
      return;
    }
    try {
      const opened = await studioApi.open(id);
      const current = id;
      render(
        list,
        h(
          "div",
          { class: "row" },
          h(
            "button",
            { type: "button", onclick: () => void download(current, "json") },
            t("studio.versions.download-json"),
          ),
          h(
            "button",
            { type: "button", onclick: () => void download(current, "yaml") },
            t("studio.versions.download-yaml"),
          ),
        ),
        opened.versions.length
          ? h(
              "ol",
              { class: "studio-version-list" },
              opened.versions.map((v, i) => row(v, i === 0)),
            )
          : h("p", { class: "dim" }, t("studio.versions.built-in")),
      );
    } catch (err) {
      render(list, h("p", { class: "error-text" }, studioRefusalText(err)));
    }
  }

  async function download(current: string, format: "json" | "yaml"): Promise<void> {
    try {
      await downloadFile(current, format);
    } catch (err) {
      status.textContent = (err as Error).message;
    }
  }

  return { el, load };
}
