// The exercise's story as this participant may read it, newest first.
import type { LogEntryView, ParticipantView } from "../../shared/engine/index.ts";
import { h, render } from "../ui/dom.ts";
import { when, type Panel } from "./panel.ts";
import { LOG_KIND_LABEL } from "../../shared/protocol/labels.ts";

export function logPanel(): Panel {
  const list = h("ol", { class: "plain-list", style: "list-style: none; padding: 0; margin: 0" });
  const el = h("section", {}, h("h3", {}, "Log"), list);
  let last: LogEntryView[] | null = null;
  return {
    id: "log",
    label: "Log",
    el,
    update(v: ParticipantView) {
      if (v.log === last) return;
      last = v.log;
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
                h("strong", {}, LOG_KIND_LABEL[e.kind] ?? e.kind),
                h("span", {}, when(v, e.turn, e.phase, e.at)),
              ),
              h("div", { class: "pre" }, e.text),
            ),
          ),
      );
    },
  };
}
