// The parts of a list in the studio's forms: each item's move and remove buttons, what a
// collapsed item says beside its title (an inject's schedule), and a filter for long lists.
import { h } from "../ui/dom.ts";
import { i18n, t } from "../i18n/index.ts";
import { FIELDS_NS, kebab } from "./field-keys.ts";

/** Lists longer than this get a filter. */
export const FILTER_FROM = 8;

type Edit = (fn: (l: unknown[]) => void) => void;

export function itemTools(i: number, edit: Edit, move: (l: unknown[], from: number, to: number) => void): HTMLElement {
  const button = (label: string, text: string, fn: (l: unknown[]) => void, cls = "sf-small") =>
    h("button", { type: "button", class: cls, "aria-label": label, onclick: () => edit(fn) }, text);
  return h(
    "span",
    { class: "sf-tools" },
    button(t("studio.form.up", { n: i + 1 }), "↑", (l) => move(l, i, i - 1)),
    button(t("studio.form.down", { n: i + 1 }), "↓", (l) => move(l, i, i + 1)),
    button(t("studio.form.remove", { n: i + 1 }), "✕", (l) => l.splice(i, 1), "sf-small danger"),
  );
}

/** An inject's schedule beside its title: "turn 2 · briefing", or the kind of condition it waits for. */
export function itemNote(item: unknown): string {
  if (typeof item !== "object" || item === null) return "";
  const o = item as { at?: { turn?: unknown; phase?: unknown }; when?: Record<string, unknown> };
  if (o.at && typeof o.at === "object")
    return t("studio.form.at", { turn: String(o.at.turn ?? "?"), phase: String(o.at.phase ?? "") });
  if (o.when && typeof o.when === "object") {
    const raw = typeof o.when.type === "string" ? o.when.type : (Object.keys(o.when)[0] ?? "");
    // the kind's name as the kind select shows it (studio-fields.kind.*)
    const kind = i18n().tryT(`${FIELDS_NS}.kind.${kebab(raw)}`) ?? raw;
    return t("studio.form.when", { kind });
  }
  return "";
}

/** A filter over a long list's collapsed items: by title, id or schedule. */
export function listFilter(label: string, items: HTMLElement[]): HTMLElement | null {
  if (items.length <= FILTER_FROM) return null;
  const input = h("input", {
    type: "search",
    class: "sf-filter",
    autocomplete: "off",
    "aria-label": t("studio.form.filter", { list: label }),
  });
  input.placeholder = t("studio.form.filter", { list: label });
  input.addEventListener("input", () => {
    const q = input.value.trim().toLowerCase();
    for (const el of items)
      el.hidden = q !== "" && !(el.querySelector("summary")?.textContent ?? "").toLowerCase().includes(q);
  });
  return input;
}
