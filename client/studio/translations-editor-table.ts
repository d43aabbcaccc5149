// One target language's side of the translation editor: a row per text, the original on the start side and
// a text box in the target language beside it; missing texts marked; a "missing only" filter and a search.
import { h, type Attrs, type Child } from "../ui/dom.ts";
import { t } from "../i18n/index.ts";
import { inputId } from "./fields.ts";
import { joinPath } from "./paths.ts";
import { manyLines, tableOf, unknownPaths, type TextRow } from "./translations-editor-rows.ts";

/** What the table needs from the editor around it. */
export interface TableCtx {
  draft(): Record<string, unknown>;
  rows: readonly TextRow[];
  source: string;
  target: string;
  /** "French (fr)" */
  name(code: string): string;
  /** writes one text ("" removes it) and validates */
  write(path: string, text: string): void;
  /** after a text became missing or present */
  counted(): void;
}

const RTL = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"]);

/** The writing direction of a language code. */
export function dirOf(code: string): "ltr" | "rtl" {
  return RTL.has(code) ? "rtl" : "ltr";
}

/** A header cell of a row or a column. */
function cell(scope: "row" | "col", attrs: Attrs, ...children: Child[]): HTMLTableCellElement {
  const th = h("th", attrs, ...children);
  th.scope = scope;
  return th;
}

/** The scenario's own words and ids: shown as written, never translated by the browser. */
function own<T extends HTMLElement>(el: T): T {
  el.setAttribute("translate", "no");
  return el;
}

function grow(box: HTMLTextAreaElement): void {
  if (CSS.supports("field-sizing", "content")) return;
  box.style.height = "auto";
  box.style.height = `${box.scrollHeight + 2}px`;
}

/**
 * Every box is an auto-growing text area, so a translation longer than its original is never cut off; a text of
 * one line (a name, a title) stays one line: Enter adds no line break there.
 */
function textBox(c: TableCtx, row: TextRow, id: string, labelled: string): HTMLTextAreaElement {
  const now = tableOf(c.draft(), c.target)[row.path];
  const value = typeof now === "string" ? now : "";
  const box = h("textarea", { id, rows: 1, class: "st-grow" });
  box.value = value;
  box.setAttribute("lang", c.target);
  box.dir = dirOf(c.target);
  box.setAttribute("aria-labelledby", labelled);
  box.autocomplete = "off";
  if (!manyLines(row.text, value))
    box.addEventListener("keydown", (e) => {
      if (e.key === "Enter") e.preventDefault();
    });
  requestAnimationFrame(() => grow(box));
  return box;
}

/** The table of one target language, with its filter and search; `status` shows its count. */
export function translationTable(c: TableCtx, status: HTMLElement): HTMLElement {
  const head = `st-col-${c.target}`;
  const missingBadge = () => h("span", { class: "st-badge" }, t("studio-translate.missing"));
  const rows = c.rows.map((row, i) => {
    const pathId = `st-path-${c.target}-${i}`;
    const id = inputId(joinPath(joinPath("translations", c.target), row.path));
    const box = textBox(c, row, id, `${head} ${pathId}`);
    const badge = h("span", { class: "st-badge-slot" });
    const tr = h(
      "tr",
      { class: "st-row", "data-text": row.path },
      cell("row", {}, own(h("code", { id: pathId, dir: "ltr" }, row.path)), badge),
      own(h("td", { class: "st-source", dir: "auto" }, row.text)),
      h("td", { class: "st-target" }, box),
    );
    tr.querySelector(".st-source")!.setAttribute("lang", c.source);
    const mark = () => {
      const missing = box.value === "";
      tr.classList.toggle("st-missing", missing);
      badge.replaceChildren(...(missing ? [missingBadge()] : []));
    };
    mark();
    box.addEventListener("input", () => {
      c.write(row.path, box.value);
      grow(box);
      const was = tr.classList.contains("st-missing");
      mark();
      if (was !== tr.classList.contains("st-missing")) c.counted();
    });
    return { tr, row, box };
  });

  const searchId = `st-search-${c.target}`;
  const search = h("input", { id: searchId, type: "search", autocomplete: "off", class: "st-search" });
  const onlyId = `st-only-${c.target}`;
  const only = h("input", { id: onlyId, type: "checkbox" });
  const none = h("p", { class: "dim st-none", hidden: true }, t("studio-translate.no-match"));
  const filter = () => {
    const q = search.value.trim().toLocaleLowerCase();
    let shown = 0;
    for (const r of rows) {
      const words = `${r.row.path}\n${r.row.text}\n${r.box.value}`.toLocaleLowerCase();
      r.tr.hidden = (only.checked && !r.tr.classList.contains("st-missing")) || (q !== "" && !words.includes(q));
      if (!r.tr.hidden) shown++;
    }
    none.hidden = shown > 0 || rows.length === 0;
  };
  search.addEventListener("input", filter);
  only.addEventListener("change", filter);

  const table = h(
    "table",
    { class: "st-table" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        cell("col", {}, t("studio-translate.col-text")),
        cell("col", {}, t("studio-translate.col-source", { language: c.name(c.source) })),
        cell("col", { id: head }, c.name(c.target)),
      ),
    ),
    h(
      "tbody",
      {},
      rows.map((r) => r.tr),
    ),
  );
  return h(
    "div",
    { class: "st-lang", "data-path": joinPath("translations", c.target) },
    h("ul", { class: "sf-errors st-errors", role: "alert" }),
    h(
      "div",
      { class: "st-tools" },
      status,
      h("label", { class: "st-only" }, only, t("studio-translate.missing-only")),
      h("span", { class: "st-find" }, h("label", { for: searchId }, t("studio-translate.search")), search),
    ),
    rows.length ? table : h("p", { class: "dim" }, t("studio-translate.no-texts")),
    none,
    orphans(c),
  );
}

/** Translated paths that name no text of the scenario, each with a button that removes it. */
function orphans(c: TableCtx): HTMLElement | null {
  const lost = unknownPaths(c.draft(), c.target, c.rows);
  if (!lost.length) return null;
  const box: HTMLElement = h(
    "section",
    { class: "st-orphans" },
    h("h4", {}, t("studio-translate.unknown-heading")),
    h(
      "ul",
      {},
      lost.map((path) => {
        const li: HTMLElement = h(
          "li",
          {},
          own(h("code", { dir: "ltr" }, path)),
          h(
            "button",
            {
              type: "button",
              class: "sf-small danger",
              onclick: () => {
                c.write(path, "");
                li.remove();
                if (!box.querySelector("li")) box.remove();
              },
            },
            t("studio-translate.unknown-remove"),
          ),
        );
        return li;
      }),
    ),
  );
  return box;
}
