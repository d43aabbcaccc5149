// "What happened this turn": once orders are resolved, a card over the board
// lists the adjudication's outcomes this participant may see, so nobody has to
// dig through the log. It can be closed, and comes back with the next turn.
import type { LogEntryView, ParticipantView } from "../../shared/engine/index.ts";
import { LOG_KIND_LABEL } from "../../shared/protocol/labels.ts";
import { h, render } from "../ui/dom.ts";

const SHOWN = 8;

export interface TurnResults {
  el: HTMLElement;
  update(view: ParticipantView): void;
}

/**
 * The entries the adjudication of a turn produced, its summary line first.
 * The card sits on the board, which may be on a projector: control's own view
 * keeps only what everyone was told (the rest is in its Log tab).
 */
export function resultsOf(v: ParticipantView, turn: number): LogEntryView[] {
  const adjudication = v.exercise.phases.find((p) => p.kind === "adjudication")?.id;
  const publicOnly = v.viewer.role === "facilitator";
  const entries = v.log.filter(
    (e) =>
      e.turn === turn &&
      e.phase === adjudication &&
      !(e.kind === "flow" && /^Turn \d+ of \d+:/.test(e.text)) &&
      (!publicOnly || e.audience?.includes("all")),
  );
  // the turn's summary line ("Turn 1 resolved: escalation 19 → 16") leads
  return [...entries.filter((e) => e.kind === "flow"), ...entries.filter((e) => e.kind !== "flow")];
}

export function turnResults(key: string, openLog: () => void): TurnResults {
  const el = h("aside", { class: "turn-results", "aria-label": "This turn's results", hidden: true });
  const closedKey = `deconflict:results-closed:${key}`;
  let shownFor = "";
  return {
    el,
    update(v) {
      const x = v.exercise;
      const kind = x.phase?.kind;
      const turn = x.turn;
      const id = `${turn}`;
      if (
        (kind !== "adjudication" && kind !== "summary") ||
        x.status === "ended" ||
        sessionStorage.getItem(closedKey) === id
      ) {
        el.hidden = true;
        return;
      }
      const items = resultsOf(v, turn);
      // redrawn when the board's viewer changes (control looking through a team's eyes) or lines arrive
      const signature = `${JSON.stringify(v.viewer)}:${id}:${items.length}`;
      el.hidden = false;
      if (signature === shownFor) return;
      shownFor = signature;
      const close = h("button", { type: "button", class: "small", "aria-label": "Close the turn results" }, "Close ✕");
      close.addEventListener("click", () => {
        sessionStorage.setItem(closedKey, id);
        el.hidden = true;
      });
      const all = h("button", { type: "button", class: "small" }, "Everything in the Log →");
      all.addEventListener("click", openLog);
      render(
        el,
        h(
          "div",
          { class: "row", style: "justify-content: space-between" },
          h("h3", { style: "margin: 0" }, `Turn ${turn} — what happened`),
          close,
        ),
        items.length
          ? h(
              "ul",
              { class: "plain-list" },
              items
                .slice(0, SHOWN)
                .map((e) =>
                  h(
                    "li",
                    { class: "feed-item" },
                    h("div", { class: "meta" }, h("strong", {}, LOG_KIND_LABEL[e.kind] ?? e.kind)),
                    h("div", { class: "pre" }, e.text),
                  ),
                ),
            )
          : h("p", { class: "dim" }, "Nothing you could see came of this turn's orders."),
        h(
          "div",
          { class: "row" },
          items.length > SHOWN ? h("span", { class: "dim" }, `${items.length - SHOWN} more.`) : null,
          all,
        ),
      );
    },
  };
}
