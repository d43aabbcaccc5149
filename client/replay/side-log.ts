// The replay's log tab, and what the side panel reads from the log: the
// story as the chosen participant read it, newest first.
import type { GameState } from "../../shared/engine/index.ts";
import { h } from "../ui/dom.ts";
import { more, none, once, patch, stepLink, stepOf, type TabDef } from "./tab.ts";
import { when } from "../panels/panel.ts";
import { viewerLabel } from "./words.ts";
import { categoryLabel, describe, glossaryOf } from "../../shared/words/index.ts";
import { t as tr, eventWords } from "../i18n/index.ts";

const LIMIT = 300;

export function logTab(): TabDef {
  const list = h("ol", { class: "replay-list", "aria-label": tr("replay.log-label") });
  const heading = h("h3", {});
  return {
    id: "log",
    label: tr("replay.tab-log"),
    deps: (s) => [s.log, s.observersSeeAll],
    draw(m, sc) {
      const v = m.view;
      const shown = v.log.slice(-LIMIT).reverse();
      heading.textContent = tr("replay.log-as", { who: viewerLabel(sc, m.viewer) });
      // the events its view carries, in the words its live log panel uses
      const names = glossaryOf(v);
      patch(
        list,
        shown.map((e) =>
          once(e, m.viewerKey, () => {
            const step = stepOf(m, "log", e);
            return h(
              "li",
              { class: "feed-item", "data-seq": String(step) },
              h(
                "div",
                { class: "meta" },
                h("strong", {}, categoryLabel(e, eventWords())),
                h("span", {}, when(sc, e.turn, e.phase, e.at)),
                stepLink(step),
              ),
              h("div", { class: "pre" }, describe(e, names, m.viewer, eventWords())),
            );
          }),
        ),
      );
      return [heading, shown.length ? list : none(m, sc, tr("replay.tab-log")), more(v.log.length, shown.length)];
    },
  };
}

/** The step at which each inject was released, from the event its release left. */
export function releaseSteps(s: GameState): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of s.log) if (e.type === "inject.released") out.set(e.inject, e.seq);
  return out;
}
