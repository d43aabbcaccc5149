// The turn summary: once orders are resolved, a strip under the board (in
// place of the inject rail, never over the meter) shows what the turn changed
// as figures from → to — escalation with its causes, each state's sectors,
// standing and pressure, trust between pairs — and the turn's full list of
// outcomes one click away. Each seat's summary holds what its own view holds
// (chosen and redacted by the engine); control's is complete, as the projector
// has its own public view. Words come from shared/words.
import type { EventView, ParticipantView } from "../../shared/engine/index.ts";
import { groupKey } from "../../shared/protocol/identity.ts";
import { categoryLabel, describe, glossaryOf } from "../../shared/words/index.ts";
import { i18n, t, eventWords } from "../i18n/index.ts";
import { own, signedNumber } from "./panel.ts";
import { h, render } from "../ui/dom.ts";
import "./results.css";
import { icon } from "../ui/icons.ts";
import {
  adjudicationEvents,
  resolved,
  turnSummary,
  type Baseline,
  type Change,
  type TurnSummary,
} from "./turn-summary.ts";

/** One line of the full list: the event, its category's label and its sentence. */
export interface ResultLine {
  event: EventView;
  label: string;
  text: string;
}

export interface TurnResults {
  el: HTMLElement;
  /** Shows the summary of the view's turn if its orders are resolved; says whether it is shown. */
  update(view: ParticipantView, before: Baseline | null): boolean;
}

/** The order of the list: the turn's summary leads, then red lines crossed, then the rest as it happened. */
const RANK: Partial<Record<EventView["type"], number>> = { "turn.resolved": 0, "redline.crossed": 1 };

/** The events the adjudication of a turn produced, as the viewer's view tells them, the turn's summary first. */
export function resultsOf(v: ParticipantView, turn: number): ResultLine[] {
  const names = glossaryOf(v);
  return adjudicationEvents(v, turn)
    .map((event, i) => ({ event, i, rank: RANK[event.type] ?? 2 }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ event }) => ({
      event,
      label: categoryLabel(event, eventWords()),
      text: describe(event, names, v.viewer, eventWords()),
    }));
}

/** "60 → 55 ▼5": a figure's change, its direction by a shape and a word for screen readers, good or bad by colour. */
function delta(c: Change, higherIsBetter: boolean): HTMLElement {
  if (c.from === null || c.from === c.to) return h("span", { class: "ts-value" }, i18n().number(c.to));
  const d = c.to - c.from;
  const good = d > 0 === higherIsBetter;
  return h(
    "span",
    { class: "ts-value" },
    t("results.from-to", { from: c.from, to: c.to }),
    " ",
    h(
      "span",
      {
        class: `ts-delta ${good ? "good" : "bad"}`,
        "aria-label": d > 0 ? t("results.up", { by: d }) : t("results.down", { by: -d }),
      },
      icon(d > 0 ? "up" : "down"),
      signedNumber(d),
    ),
  );
}

function escalationPart(s: TurnSummary): HTMLElement | null {
  const e = s.escalation;
  if (!e) return null;
  const d = e.to - e.from;
  return h(
    "section",
    { class: "ts-part ts-escalation", "aria-label": t("results.escalation") },
    h("h4", {}, t("results.escalation")),
    h(
      "div",
      { class: "ts-big" },
      t("results.from-to", { from: e.from, to: e.to }),
      " ",
      d
        ? h("span", { class: `ts-delta ${d > 0 ? "bad" : "good"}` }, icon(d > 0 ? "up" : "down"), signedNumber(d))
        : h("span", { class: "ts-delta" }, t("results.unchanged")),
    ),
    own(h("div", { class: "ts-rung" }, e.rung)),
    h(
      "ul",
      { class: "ts-causes" },
      e.causes.map((c) => h("li", {}, h("strong", {}, signedNumber(c.delta)), " ", c.text)),
    ),
  );
}

function teamsPart(s: TurnSummary): HTMLElement[] {
  return s.teams.map((team) =>
    h(
      "section",
      { class: "ts-part ts-team", style: `--team: ${team.color}`, "data-team": team.id, "aria-label": team.name },
      h("h4", {}, team.name),
      h(
        "ul",
        {},
        h("li", {}, h("span", { class: "ts-label" }, t("results.standing")), delta(team.standing, true)),
        h("li", {}, h("span", { class: "ts-label" }, t("results.pressure")), delta(team.pressure, false)),
        team.sectors.map((sec) =>
          h(
            "li",
            { "data-sector": sec.kind },
            h("span", { class: "ts-label" }, sec.name),
            delta(sec, true),
            h(
              "span",
              { class: `ts-status ${sec.status}` },
              icon(sec.status === "down" ? "down-sector" : sec.status),
              t("results.status", { status: sec.status }),
            ),
          ),
        ),
      ),
    ),
  );
}

function trustPart(s: TurnSummary): HTMLElement | null {
  if (!s.trust.length) return null;
  return h(
    "section",
    { class: "ts-part ts-trust", "aria-label": t("results.trust") },
    h("h4", {}, t("results.trust")),
    h(
      "ul",
      {},
      s.trust.map((pair) =>
        h(
          "li",
          {},
          h("span", { class: "ts-label" }, t("results.pair", { a: pair.names[0], b: pair.names[1] })),
          delta(pair.change, true),
        ),
      ),
    ),
  );
}

function fullList(lines: ResultLine[]): HTMLElement {
  return lines.length
    ? h(
        "ul",
        { class: "plain-list ts-list" },
        lines.map((line) =>
          h(
            "li",
            { class: "feed-item", "data-event": line.event.type },
            h("div", { class: "meta" }, h("strong", {}, line.label)),
            h("div", { class: "pre" }, line.text),
          ),
        ),
      )
    : h("p", { class: "dim" }, t("results.nothing"));
}

export function turnResults(key: string, openLog: () => void): TurnResults {
  const el = h("aside", { class: "turn-results", "aria-label": t("results.label"), hidden: true });
  const closedKey = `deconflict:results-closed:${key}`;
  let shownFor = "";
  let expanded = false;
  let last: ParticipantView | null = null;
  let lastBefore: Baseline | null = null;
  const draw = (v: ParticipantView, before: Baseline | null) => {
    const turn = v.exercise.turn;
    const summary = turnSummary(v, turn, before);
    const lines = resultsOf(v, turn);
    const close = h(
      "button",
      { type: "button", class: "small", "aria-label": t("results.close-label") },
      t("results.close"),
      icon("close"),
    );
    close.addEventListener("click", () => {
      sessionStorage.setItem(closedKey, `${turn}`);
      el.hidden = true;
      el.dispatchEvent(new Event("toggle-summary", { bubbles: true }));
    });
    const more = h(
      "button",
      { type: "button", class: "small", "aria-expanded": String(expanded) },
      t("results.full-list", { count: lines.length }),
    );
    more.addEventListener("click", () => {
      expanded = !expanded;
      if (last) draw(last, lastBefore);
    });
    const all = h(
      "button",
      { type: "button", class: "small" },
      t("results.everything"),
      icon(i18n().dir === "rtl" ? "back" : "right"),
    );
    all.addEventListener("click", openLog);
    const parts = [escalationPart(summary), ...teamsPart(summary), trustPart(summary)];
    el.classList.toggle("expanded", expanded);
    render(
      el,
      h(
        "div",
        { class: "ts-head" },
        h("h3", {}, t("results.title", { turn })),
        h("div", { class: "row" }, more, all, close),
      ),
      expanded ? fullList(lines) : h("div", { class: "ts-parts" }, parts),
    );
  };
  return {
    el,
    update(v, before) {
      const x = v.exercise;
      const id = `${x.turn}`;
      if (!resolved(v) || x.status === "ended" || sessionStorage.getItem(closedKey) === id) {
        el.hidden = true;
        return false;
      }
      last = v;
      lastBefore = before;
      // redrawn when the board's viewer changes (control looking through a team's eyes) or events arrive
      const signature = JSON.stringify([groupKey(v.viewer), id, v.log.length, v.teams, v.trust, before?.turn]);
      el.hidden = false;
      if (signature === shownFor) return true;
      if (shownFor.split(",")[1] !== signature.split(",")[1]) expanded = false;
      shownFor = signature;
      draw(v, before);
      return true;
    },
  };
}
