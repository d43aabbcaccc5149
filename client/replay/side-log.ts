// The replay's log tab, and what the side panel reads from the log: the
// story as the chosen participant read it, newest first.
import type { GameState } from "../../shared/engine/index.ts";
import { h } from "../ui/dom.ts";
import { more, none, once, patch, stepLink, stepOf, when, type TabDef } from "./tab.ts";
import { viewerLabel } from "./words.ts";
import { LOG_KIND_LABEL } from "../../shared/protocol/labels.ts";

const LIMIT = 300;

export function logTab(): TabDef {
  const list = h("ol", { class: "replay-list", "aria-label": "Log, newest first" });
  const heading = h("h3", {});
  return {
    id: "log",
    label: "Log",
    deps: (s) => [s.log, s.observersSeeAll],
    draw(m, sc) {
      const v = m.view;
      const shown = v.log.slice(-LIMIT).reverse();
      heading.textContent = `Log as ${viewerLabel(sc, m.viewer)} read it`;
      patch(
        list,
        shown.map((e) =>
          once(e, "", () => {
            const step = stepOf(m, "log", e);
            return h(
              "li",
              { class: "feed-item", "data-seq": String(step) },
              h(
                "div",
                { class: "meta" },
                h("strong", {}, LOG_KIND_LABEL[e.kind] ?? e.kind),
                h("span", {}, when(sc, e.turn, e.phase, e.at)),
                stepLink(step),
              ),
              h("div", { class: "pre" }, e.text),
            );
          }),
        ),
      );
      return [heading, shown.length ? list : none(m, sc, "Log"), more(v.log.length, shown.length)];
    },
  };
}

export /** The step at which each inject was released, from the log entry it left. */
function releaseSteps(s: GameState): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of s.log) if (e.kind === "inject" && e.ref) out.set(e.ref, e.seq);
  return out;
}
