// "What happened this turn": once orders are resolved, a card over the board
// lists the adjudication's outcomes this participant may see, so nobody has to
// dig through the log. It can be closed, and comes back with the next turn.
// Everything on it is computed from the events of the board's view (already
// chosen and redacted for its viewer by the engine) and put in shared/words' words.
import type { EventView, ParticipantView, Viewer } from "../../shared/engine/index.ts";
import { groupKey } from "../../shared/protocol/identity.ts";
import { categoryLabel, describe, glossaryOf, signed, type Glossary } from "../../shared/words/index.ts";
import { h, render } from "../ui/dom.ts";

const SHOWN = 8;

/** One line of the card: the event, its category's label and its sentence. */
export interface ResultLine {
  event: EventView;
  label: string;
  text: string;
}

export interface TurnResults {
  el: HTMLElement;
  update(view: ParticipantView): void;
}

/**
 * A reader who is nobody in particular: the engine's redaction for it leaves
 * what every reader of an event was told (a covert act's public cause, an
 * attribution without its verdict).
 */
const ANYONE: Viewer = { role: "team", teamId: "\u0000" };

/** The order of the card: the turn's summary leads, then red lines crossed, then the rest as it happened. */
const RANK: Partial<Record<EventView["type"], number>> = { "turn.resolved": 0, "redline.crossed": 1 };

/**
 * The events the adjudication of a turn produced, as the card tells them, the
 * turn's summary first. They are the view's events of the turn's adjudication
 * phase (but the phase's own beginning). The card sits on the board, which may
 * be on a projector: on control's own board it keeps the events told to all,
 * worded as everyone read them (the rest is in its Log tab).
 */
export function resultsOf(v: ParticipantView, turn: number): ResultLine[] {
  const adjudication = v.exercise.phases.find((p) => p.kind === "adjudication")?.id;
  const projected = v.viewer.role === "facilitator";
  const events = v.log.filter(
    (e) =>
      e.turn === turn &&
      e.phase === adjudication &&
      e.type !== "phase.began" &&
      (!projected || e.audience?.includes("all") === true),
  );
  const reader = projected ? ANYONE : v.viewer;
  const names = projected ? publicGlossary(v) : glossaryOf(v);
  return events
    .map((event, i) => ({ event, i, rank: RANK[event.type] ?? 2 }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ event }) => ({ event, label: categoryLabel(event), text: describe(event, names, reader) }));
}

/**
 * The names control's view holds, with its catalogue's visibility, which the
 * engine's redaction reads to tell a covert act's public cause.
 */
function publicGlossary(v: ParticipantView): Glossary {
  const g = glossaryOf(v);
  return v.me?.kind === "control" ? { ...g, actions: v.me.actions } : g;
}

/** A badge for the lines that matter most: the turn's net escalation, a red line crossed. */
function mark(e: EventView): HTMLElement | null {
  if (e.type === "turn.resolved") {
    const d = e.to - e.from;
    if (!d) return h("span", { class: "badge" }, "escalation unchanged");
    return h("span", { class: `badge ${d > 0 ? "danger" : "ok"}` }, `escalation ${signed(d)} ${d > 0 ? "▲" : "▼"}`);
  }
  return e.type === "redline.crossed" ? h("span", { class: "badge danger" }, "red line") : null;
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
      // redrawn when the board's viewer changes (control looking through a team's eyes) or events arrive
      const signature = `${groupKey(v.viewer)}:${id}:${items.map((i) => i.event.id).join(",")}`;
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
                .map((line) =>
                  h(
                    "li",
                    { class: "feed-item", "data-event": line.event.type },
                    h("div", { class: "meta" }, h("strong", {}, line.label), mark(line.event)),
                    h("div", { class: "pre" }, line.text),
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
