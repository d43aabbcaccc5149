// A tiny DOM builder. Text is always inserted as text nodes, never as markup,
// so whatever participants type is shown exactly as typed.
import { i18n, t } from "../i18n/index.ts";

export type Child = Node | string | number | null | undefined | false | Child[];
type Handler<E extends Event> = (event: E) => void;

export interface Attrs {
  class?: string;
  id?: string;
  role?: string;
  title?: string;
  type?: string;
  name?: string;
  value?: string;
  placeholder?: string;
  href?: string;
  for?: string;
  disabled?: boolean;
  checked?: boolean;
  required?: boolean;
  hidden?: boolean;
  tabindex?: number;
  maxlength?: number;
  rows?: number;
  autocomplete?: string;
  style?: string;
  /** "auto" for text that is not the interface's (names people typed, scenario words) */
  dir?: "auto" | "ltr" | "rtl";
  onclick?: Handler<MouseEvent>;
  oninput?: Handler<Event>;
  onchange?: Handler<Event>;
  onsubmit?: Handler<SubmitEvent>;
  onkeydown?: Handler<KeyboardEvent>;
  [attr: `aria-${string}`]: string | undefined;
  [data: `data-${string}`]: string | undefined;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value as EventListener);
    else if (key === "class") el.className = String(value);
    else if (key === "value" && "value" in el) (el as HTMLInputElement).value = String(value);
    else if (key === "checked" && "checked" in el) (el as HTMLInputElement).checked = Boolean(value);
    // through the CSSOM, which the Content-Security-Policy allows (a style attribute it refuses)
    else if (key === "style") el.style.cssText = String(value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
}

/** Replaces an element's content. */
export function render(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** "4 min", "35 s": how long something took or has waited. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const n = i18n().number;
  if (s < 60) return t("ui.duration.seconds", { s: n(s) });
  const m = Math.floor(s / 60);
  return m < 60
    ? t("ui.duration.minutes", { m: n(m) })
    : t("ui.duration.hours", { h: n(Math.floor(m / 60)), m: n(m % 60) });
}

/** "04:59" for a phase timer. */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

/** The logo; with its name on pages outside an exercise. */
export function brand(withName = true): HTMLElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 32 32");
  svg.setAttribute("aria-hidden", "true");
  const rect = document.createElementNS(svg.namespaceURI, "rect");
  Object.entries({ width: "32", height: "32", rx: "6", fill: "#172133" }).forEach(([k, v]) => rect.setAttribute(k, v));
  const path = document.createElementNS(svg.namespaceURI, "path");
  Object.entries({ d: "M7 23 L16 8 L25 23", stroke: "#4da3ff", "stroke-width": "3", fill: "none" }).forEach(([k, v]) =>
    path.setAttribute(k, v),
  );
  svg.append(rect, path);
  return h("a", { class: "brand", href: "/", "aria-label": t("ui.brand.home") }, svg, withName ? "Deconflict" : null);
}

/** A page that can only say why it shows nothing (no seat or code in this browser), under the brand. */
export function noticePage(root: Element, ...content: Child[]): void {
  render(
    root,
    h("main", { class: "page" }, h("header", { class: "page-header" }, brand()), h("p", { role: "alert" }, ...content)),
  );
}
