// Choosing a recording file: a file input, or a file dropped anywhere on the zone.
import { h } from "../ui/dom.ts";
import { icon } from "../ui/icons.ts";
import { t } from "../i18n/index.ts";

export function filePicker(onFile: (file: File) => void): HTMLElement {
  const input = h("input", { type: "file", id: "replay-file", class: "replay-file-input" });
  input.accept = "application/json,.json";
  input.addEventListener("change", () => {
    const f = input.files?.[0];
    if (f) onFile(f);
    input.value = "";
  });
  const zone = h(
    "section",
    { class: "card replay-drop", "aria-label": t("replay.picker-label") },
    h("div", { class: "replay-drop-icon", "aria-hidden": "true" }, icon("download")),
    h("h2", {}, t("replay.picker-drop")),
    h("p", { class: "dim" }, t("replay.picker-or")),
    h("label", { for: "replay-file", class: "button primary" }, t("replay.picker-choose")),
    input,
    h("p", { class: "dim" }, t("replay.picker-hint")),
  );
  acceptDrops(zone, onFile);
  return zone;
}

/** Lets files be dropped on an element (the zone highlights while one is dragged over it). */
export function acceptDrops(el: HTMLElement, onFile: (file: File) => void): void {
  el.addEventListener("dragover", (e) => {
    e.preventDefault();
    el.classList.add("dragging");
  });
  el.addEventListener("dragleave", () => el.classList.remove("dragging"));
  el.addEventListener("drop", (e) => {
    e.preventDefault();
    el.classList.remove("dragging");
    const f = e.dataTransfer?.files[0];
    if (f) onFile(f);
  });
}
