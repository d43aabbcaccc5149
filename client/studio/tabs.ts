// A row of tabs over panes (keyboard: arrow keys), each tab with a count badge.
import { h } from "../ui/dom.ts";

export interface Pane {
  id: string;
  label: string;
  el: HTMLElement;
  shown?(): void;
}

export interface Tabs {
  el: HTMLElement;
  select(id: string): void;
  current(): string;
  /** a number on the tab (issues in it); 0 hides it */
  count(id: string, n: number, label?: string): void;
}

/** `scroller`: the element that scrolls the panes; each tab keeps its own place in it. */
export function studioTabs(name: string, panes: Pane[], prefix: string, scroller?: () => HTMLElement | null): Tabs {
  const places = new Map<string, number>();
  const list = h("div", { class: "tabs studio-tabs", role: "tablist", "aria-label": name });
  const counts = new Map<string, HTMLElement>();
  let now = panes[0]?.id ?? "";
  const buttons = panes.map((p, i) => {
    const count = h("span", { class: "sf-tab-count" });
    counts.set(p.id, count);
    const b = h("button", { type: "button", role: "tab", id: `${prefix}-${p.id}`, "data-tab": p.id }, p.label, count);
    b.addEventListener("click", () => select(p.id));
    b.addEventListener("keydown", (e) => {
      const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (!step) return;
      e.preventDefault();
      const next = panes[(i + step + panes.length) % panes.length]!;
      select(next.id);
      document.getElementById(`${prefix}-${next.id}`)?.focus();
    });
    p.el.setAttribute("role", "tabpanel");
    p.el.setAttribute("aria-labelledby", b.id);
    return b;
  });
  list.append(...buttons);
  function select(id: string): void {
    const box = scroller?.();
    if (box && id !== now) {
      places.set(now, box.scrollTop);
      requestAnimationFrame(() => (box.scrollTop = places.get(id) ?? 0));
    }
    now = id;
    panes.forEach((p, i) => {
      const on = p.id === id;
      p.el.hidden = !on;
      buttons[i]!.setAttribute("aria-selected", String(on));
      buttons[i]!.tabIndex = on ? 0 : -1;
      if (on) p.shown?.();
    });
  }
  select(now);
  return {
    el: h(
      "div",
      { class: "studio-tabbed" },
      list,
      panes.map((p) => p.el),
    ),
    select,
    current: () => now,
    count(id, n, label) {
      const c = counts.get(id);
      if (!c) return;
      c.textContent = n ? String(n) : "";
      if (label) c.setAttribute("aria-label", label);
      else c.removeAttribute("aria-label");
    },
  };
}
