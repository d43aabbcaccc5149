// The language picker on the join page and the lobby: the shipped languages by their own names.
import { LANGUAGES, isLocale } from "../../shared/i18n/index.ts";
import { h } from "../ui/dom.ts";
import "./i18n.css";
import { show } from "../router.ts";
import { i18n, setLocale, t } from "./index.ts";

/** A labelled select; a change is remembered in this browser and the page is drawn again in the new language. */
export function languagePicker(): HTMLElement {
  const select = h(
    "select",
    { id: "language", class: "language-picker small", "aria-label": t("common.language") },
    LANGUAGES.map((l) => {
      const option = h("option", { value: l.code }, l.name);
      option.lang = l.code;
      option.dir = l.dir;
      return option;
    }),
  );
  // each language's name is written in that language, never translated
  select.translate = false;
  select.value = i18n().lang;
  select.addEventListener("change", () => {
    if (!isLocale(select.value)) return;
    setLocale(select.value);
    // a ?lang= in the address would win again on reload: it follows the choice
    const url = new URL(location.href);
    if (url.searchParams.has("lang")) {
      url.searchParams.set("lang", select.value);
      history.replaceState(history.state, "", url.pathname + url.search + url.hash);
    }
    void show().then(() => document.getElementById("language")?.focus());
  });
  return h("span", { class: "language-choice" }, select);
}
