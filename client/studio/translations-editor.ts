// The studio's Languages tab: the scenario's languages (the one it is written in, the ones it is translated
// into) and its translations side by side, one row per text, edited through the draft as every form is.
import { h, render } from "../ui/dom.ts";
import { i18n, t } from "../i18n/index.ts";
import { confirmDialog } from "../ui/dialog.ts";
import { getAt, joinPath, setAt } from "./paths.ts";
import type { FormCtx } from "./form.ts";
import { translationTable } from "./translations-editor-table.ts";
import "./translations-editor.css";
import {
  languagesOf,
  listedLanguages,
  missingPaths,
  signatureOf,
  tableOf,
  textRows,
  type TextRow,
} from "./translations-editor-rows.ts";

const CODE = /^[a-z]{2,3}$/;

/** A language's name in the designer's language, with its code: "French (fr)". */
function languageName(code: string): string {
  let name = code;
  try {
    name = new Intl.DisplayNames([i18n().lang], { type: "language" }).of(code) ?? code;
  } catch {
    // not a code Intl knows: the code alone
  }
  return t("studio-translate.language", { name, code });
}

/** The editor of `languages` and `translations` (it replaces both generic forms in the Languages tab). */
export function translationsEditor(ctx: FormCtx): HTMLElement {
  const root = h("section", { class: "st-editor", "data-path": "translations" });
  root.setAttribute("aria-label", t("studio-translate.heading"));
  let target: string | undefined;
  let drawn = "";
  let rows: TextRow[] = [];

  const writeLanguages = (list: string[]) => {
    setAt(ctx.draft(), "languages", list);
    ctx.changed("languages");
  };

  function write(lang: string, path: string, text: string): void {
    const at = joinPath(joinPath("translations", lang), path);
    if (text === "" && getAt(ctx.draft(), at) === undefined) return;
    setAt(ctx.draft(), at, text === "" ? undefined : text);
    ctx.changed(joinPath("translations", lang));
  }

  function missingLine(lang: string): string {
    const n = missingPaths(ctx.draft(), lang, rows).size;
    return t("studio-translate.missing-count", { language: languageName(lang), n, total: rows.length });
  }

  function chip(lang: string, on: boolean): HTMLElement {
    const n = missingPaths(ctx.draft(), lang, rows).size;
    const b = h(
      "button",
      {
        type: "button",
        class: `st-chip${n ? " st-chip-missing" : ""}`,
        "aria-pressed": String(on),
        "data-lang": lang,
        // another language's issues mark its chip (the shown one's are listed above its table)
        "data-path": on ? undefined : joinPath("translations", lang),
      },
      h("span", {}, languageName(lang)),
      h("span", { class: "st-chip-count" }, t("studio-translate.chip-count", { n })),
    );
    b.addEventListener("click", () => {
      target = lang;
      draw();
    });
    return b;
  }

  function sourceField(source: string): HTMLElement {
    const box = h("input", { id: "sf-languages-0", type: "text", dir: "ltr", maxlength: 3, class: "st-code" });
    box.value = source;
    box.setAttribute("autocomplete", "off");
    box.addEventListener("input", () => {
      const v = box.value.trim();
      if (v === languagesOf(ctx.draft()).source) return;
      const list = listedLanguages(ctx.draft());
      writeLanguages(list.length ? [v, ...list.slice(1)] : [v]);
    });
    // the columns follow once the designer leaves the box
    box.addEventListener("change", () => draw());
    return h(
      "div",
      { class: "st-source-lang" },
      h("label", { for: box.id }, t("studio-translate.written-in")),
      box,
      h("span", { class: "dim" }, languageName(source)),
    );
  }

  function adder(): HTMLElement {
    const box = h("input", { id: "sf-translations-new-key", type: "text", dir: "ltr", maxlength: 3, class: "st-code" });
    box.setAttribute("autocomplete", "off");
    const said = h("p", { class: "error-text st-add-error", role: "alert" });
    const add = () => {
      const code = box.value.trim().toLowerCase();
      const { source, targets } = languagesOf(ctx.draft());
      if (!CODE.test(code)) return void (said.textContent = t("studio-translate.add-bad-code"));
      if (code === source || targets.includes(code))
        return void (said.textContent = t("studio-translate.add-listed", { language: languageName(code) }));
      const list = listedLanguages(ctx.draft());
      writeLanguages([...(list.length ? list : [source]), code]);
      target = code;
      draw();
      root.querySelector<HTMLElement>(`.st-chip[data-lang="${code}"]`)?.focus();
    };
    box.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      e.preventDefault();
      add();
    });
    return h(
      "div",
      { class: "st-add" },
      h("label", { for: box.id }, t("studio-translate.add-label")),
      box,
      h("button", { type: "button", class: "sf-add", onclick: add }, t("studio-translate.add")),
      said,
    );
  }

  async function remove(lang: string): Promise<void> {
    const n = Object.keys(tableOf(ctx.draft(), lang)).length;
    const yes = await confirmDialog({
      title: t("studio-translate.remove-title", { language: languageName(lang) }),
      body: t("studio-translate.remove-body", { n }),
      confirm: t("studio-translate.remove-confirm"),
      danger: true,
    });
    if (!yes) return;
    writeLanguages(listedLanguages(ctx.draft()).filter((l) => l !== lang));
    const all = getAt(ctx.draft(), "translations");
    if (typeof all === "object" && all !== null) {
      const rest = { ...(all as Record<string, unknown>) };
      delete rest[lang];
      setAt(ctx.draft(), "translations", Object.keys(rest).length ? rest : undefined);
      ctx.changed("translations");
    }
    target = undefined;
    draw();
  }

  function draw(): void {
    const draft = ctx.draft();
    rows = textRows(draft);
    drawn = signatureOf(draft, rows);
    const { source, targets } = languagesOf(draft);
    if (!target || !targets.includes(target)) target = targets[0];
    const chips = h(
      "div",
      { class: "st-chips", role: "group" },
      targets.map((l) => chip(l, l === target)),
    );
    chips.setAttribute("aria-label", t("studio-translate.pick"));
    const bar = h(
      "div",
      { class: "st-bar", "data-path": "languages" },
      sourceField(source),
      targets.length ? chips : null,
      adder(),
      h("ul", { class: "sf-errors", role: "alert" }),
    );
    let body: HTMLElement;
    if (!target) body = h("p", { class: "dim st-alone" }, t("studio-translate.no-target"));
    else {
      const lang = target;
      const status = h("span", { class: "st-status", role: "status" }, missingLine(lang));
      const removeButton = h(
        "button",
        { type: "button", class: "sf-small danger st-remove", onclick: () => void remove(lang) },
        t("studio-translate.remove", { language: languageName(lang) }),
      );
      body = translationTable(
        {
          draft: ctx.draft,
          rows,
          source,
          target: lang,
          name: languageName,
          write: (path, text) => write(lang, path, text),
          counted: () => {
            status.textContent = missingLine(lang);
            root.querySelector(`.st-chip[data-lang="${lang}"]`)?.replaceWith(chip(lang, true));
          },
        },
        status,
      );
      body.querySelector(".st-tools")?.append(removeButton);
    }
    render(
      root,
      h("h3", {}, t("studio-translate.heading")),
      h("p", { class: "sf-desc" }, t("studio-translate.intro")),
      h("ul", { class: "sf-errors", role: "alert" }),
      bar,
      body,
    );
    ctx.drawn(root);
  }

  // a text or a language changed in another tab: drawn again when the tab shows
  const seen = new IntersectionObserver((entries) => {
    if (!root.isConnected) return seen.disconnect();
    if (!entries.some((e) => e.isIntersecting)) return;
    if (signatureOf(ctx.draft(), textRows(ctx.draft())) !== drawn) draw();
  });
  seen.observe(root);
  draw();
  return root;
}
