// The colour theme, a person's choice kept in this browser: dark (the
// default), light or high contrast. Set on the html element before the first
// page is drawn; the board reads its palette from the same variables.
import { h } from "./dom.ts";
import { t } from "../i18n/index.ts";
import "./themes.css";

export type Theme = "dark" | "light" | "contrast";
const KEY = "deconflict:theme";
const NAMES: Record<Theme, string> = {
  dark: "common.theme-dark",
  light: "common.theme-light",
  contrast: "common.theme-contrast",
};

export function currentTheme(): Theme {
  const t = localStorage.getItem(KEY);
  return t === "light" || t === "contrast" ? t : "dark";
}

/** Applies the remembered theme (main.ts calls it before the first page). */
export function applyTheme(theme: Theme = currentTheme()): void {
  if (theme === "dark") document.documentElement.removeAttribute("data-theme");
  else document.documentElement.dataset.theme = theme;
}

/**
 * A select to change the theme; it is remembered. The board draws with the
 * palette it read when it was made, so a page with a board is reloaded.
 */
export function themePicker(): HTMLSelectElement {
  const select = h(
    "select",
    { class: "theme-picker small no-print", "aria-label": t("common.theme") },
    (Object.keys(NAMES) as Theme[]).map((theme) => h("option", { value: theme }, t(NAMES[theme]))),
  );
  select.value = currentTheme();
  select.addEventListener("change", () => {
    const t = select.value as Theme;
    localStorage.setItem(KEY, t);
    applyTheme(t);
    if (document.querySelector(".board canvas, .replay canvas")) location.reload();
  });
  return select;
}

/** Puts a theme picker in every page header and top bar that appears under `root` (pages are drawn and redrawn later). */
export function themePickers(root: HTMLElement): void {
  const add = () => {
    for (const bar of root.querySelectorAll<HTMLElement>(".page-header, .topbar"))
      if (!bar.querySelector(":scope > .theme-picker")) bar.append(themePicker());
  };
  new MutationObserver(add).observe(root, { childList: true, subtree: true });
  add();
}
