// The exercise's story as this participant may read it, newest first: the
// events its view carries (already redacted for it), put in words here.
import type { EventView, ParticipantView } from "../../shared/engine/index.ts";
import { categoryLabel, describe, glossaryOf } from "../../shared/words/index.ts";
import { h, render } from "../ui/dom.ts";
import { when, type Panel } from "./panel.ts";
import { t, eventWords } from "../i18n/index.ts";

export function logPanel(): Panel {
  const list = h("ol", { class: "plain-list", style: "list-style: none; padding: 0; margin: 0" });
  const el = h("section", {}, h("h3", {}, t("panels.log.title")), list);
  let last: EventView[] | null = null;
  return {
    id: "log",
    label: t("panels.log.title"),
    el,
    update(v: ParticipantView) {
      if (v.log === last) return;
      last = v.log;
      const names = glossaryOf(v);
      render(
        list,
        [...v.log]
          .reverse()
          .slice(0, 300)
          .map((e) =>
            h(
              "li",
              { class: "feed-item" },
              h(
                "div",
                { class: "meta" },
                h("strong", {}, categoryLabel(e, eventWords())),
                h("span", {}, when(v.exercise, e.turn, e.phase, e.at)),
              ),
              h("div", { class: "pre" }, describe(e, names, v.viewer, eventWords())),
            ),
          ),
      );
    },
  };
}
