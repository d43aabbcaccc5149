// The side panel's tabs: keyboard-usable (arrow keys), with counts of what waits.
import type { ParticipantView } from "../../shared/engine/index.ts";
import type { Panel } from "../panels/panel.ts";
import { h, render } from "./dom.ts";
import { i18n, t } from "../i18n/index.ts";

export function tabs(panels: Panel[]) {
  const list = h("div", { class: "tabs", role: "tablist", "aria-label": t("ui.tabs.label") });
  const area = h("div", { class: "tabpanel", role: "tabpanel", tabindex: 0 });
  const buttons = panels.map((p) => {
    const b = h(
      "button",
      {
        type: "button",
        role: "tab",
        id: `tab-${p.id}`,
        "aria-controls": "tabpanel",
        "aria-selected": "false",
        tabindex: -1,
      },
      p.label,
    );
    b.addEventListener("click", () => select(p.id));
    b.addEventListener("keydown", (e) => {
      const i = panels.indexOf(p);
      const to = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : null;
      if (to === null) return;
      e.preventDefault();
      const next = panels[(to + panels.length) % panels.length]!;
      select(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    });
    return b;
  });
  area.id = "tabpanel";
  render(list, buttons);
  for (const p of panels) p.el.hidden = true;
  render(
    area,
    panels.map((p) => p.el),
  );

  // each tab keeps its own scroll position: coming back to it finds the place left
  const scrolls = new Map<string, number>();
  const listeners = new Set<(id: string) => void>();
  let current: string | null = null;

  function select(id: string): void {
    if (current !== null) scrolls.set(current, area.scrollTop);
    current = id;
    panels.forEach((p, i) => {
      const on = p.id === id;
      p.el.hidden = !on;
      buttons[i]!.setAttribute("aria-selected", String(on));
      buttons[i]!.tabIndex = on ? 0 : -1;
      if (on) {
        area.setAttribute("aria-labelledby", `tab-${p.id}`);
        p.shown?.();
      }
    });
    area.scrollTop = scrolls.get(id) ?? 0;
    for (const l of listeners) l(id);
  }
  select(panels[0]!.id);

  return {
    el: h("aside", { class: "side" }, list, area),
    select,
    /** the tab on screen */
    current: () => current,
    /** called with the tab's id each time one is selected */
    onSelect(l: (id: string) => void): void {
      listeners.add(l);
    },
    refreshBadges(v: ParticipantView) {
      panels.forEach((p, i) => {
        const n = p.badge?.(v) ?? 0;
        const b = buttons[i]!;
        b.querySelector(".count")?.remove();
        if (n > 0)
          b.append(h("span", { class: "count", "aria-label": t("ui.tabs.waiting", { count: n }) }, i18n().number(n)));
      });
    },
  };
}
