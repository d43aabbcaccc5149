// The projector display: what the whole room may see, in type big enough for
// the back row. It joins with the exercise's display code as the public viewer
// (never as control or the observers' seat), so nothing secret ever reaches it:
// the phase and its timer, the escalation meter, the latest public injects and
// the last turn's results as the public knows them.
import "./display.css";
import type { ParticipantView } from "../../shared/engine/index.ts";
import { phaseRemainingMs } from "../../shared/engine/index.ts";
import { Session } from "../net/session.ts";
import { call, type JoinTarget } from "../net/api.ts";
import { seatFor } from "../net/seats.ts";
import { onLeavePage } from "../router.ts";
import { countdown, h, noticePage, render, type Child } from "../ui/dom.ts";
import { channelStyle, css, rungColor } from "../board/theme.ts";
import { resultsOf } from "../panels/results.ts";
import { icon } from "../ui/icons.ts";
import { i18n, t } from "../i18n/index.ts";
import { httpRefusalText } from "../net/refusals.ts";
import { own } from "../ui/own-words.ts";

const INJECTS_SHOWN = 3;
const RESULTS_SHOWN = 5;
const BODY_CHARS = 220;

/** The display's code: from the link's fragment (never sent to the server in a URL), or a display seat this browser holds. */
function displayCodeFor(roomId: string): string | null {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("code");
  return fromLink ?? seatFor(roomId, "public")?.code ?? null;
}

/** The page at /display/:id#code=…: the public picture of one exercise, for a projector. */
export async function displayPage(root: HTMLElement, params: Record<string, string>): Promise<void> {
  const roomId = params.id!;
  const code = displayCodeFor(roomId);
  if (!code) {
    noticePage(root, t("display.no-code"));
    return;
  }
  render(root, h("main", { class: "page" }, h("p", { role: "status" }, t("display.opening"))));
  let session: Session;
  try {
    const target = await call<JoinTarget>("POST", "/join", { code });
    // only the public seat may draw this page: a team's or control's code would put secrets on the wall
    if (target.role !== "public" || target.roomId !== roomId) throw new Error(t("display.wrong-code"));
    session = await Session.join(roomId, code, "Projector");
  } catch (err) {
    noticePage(root, openError(err));
    return;
  }
  onLeavePage(() => void session.leave());
  const screen = displayScreen(session);
  render(root, screen.el);
  session.store.subscribe((v) => screen.update(v));
  session.onLink((l) => screen.link(l !== "online"));
  screen.update(session.view);
}

/** Why the projector view did not open, in the reader's language. */
function openError(err: unknown): string {
  const text = (err as { code?: string }).code ? httpRefusalText(err) : (err as Error).message;
  return text || t("display.could-not-open");
}

interface DisplayScreen {
  el: HTMLElement;
  update(v: ParticipantView): void;
  link(lost: boolean): void;
}

function displayScreen(session: Session): DisplayScreen {
  const title = own(h("h1", { class: "display-title" }));
  const where = h("div", { class: "display-where", "aria-label": t("display.where-label") });
  const state = h("div", { class: "display-state", role: "status" });
  const timer = h("div", { class: "display-timer", role: "timer", "aria-label": t("display.timer-label") });
  const meter = h("section", { class: "display-meter", "aria-label": t("display.escalation") });
  const injects = h("section", { class: "display-injects", "aria-label": t("display.injects-label") });
  const results = h("section", { class: "display-results", "aria-label": t("display.results-label") });
  const offline = h("span", { class: "badge danger", hidden: true }, `○ ${t("display.offline")}`);
  const el = h(
    "main",
    { class: "display" },
    h("header", { class: "display-head" }, title, where, state, offline),
    h("div", { class: "display-top" }, timer, meter),
    h("div", { class: "display-bottom" }, injects, results),
  );
  let view: ParticipantView | null = null;
  const tick = () => {
    const left = view?.exercise.phase ? phaseRemainingMs(view.exercise, session.store.serverNow()) : null;
    // a phase without a time limit shows no timer: the meter takes the width
    timer.hidden = left === null;
    timer.textContent = left === null ? "" : countdown(left);
    if (!view) return;
    timer.classList.toggle("low", left !== null && left < 60_000 && view.exercise.status === "running");
    timer.classList.toggle("paused", view.exercise.status === "paused");
  };
  const interval = setInterval(tick, 250);
  onLeavePage(() => clearInterval(interval));
  let drawn = "";
  return {
    el,
    link: (lost) => (offline.hidden = !lost),
    update(v) {
      view = v;
      tick();
      // redrawn only when what it shows changed
      const key = JSON.stringify([v.exercise, v.ladder.value, v.injects.length, v.log.length]);
      if (key === drawn) return;
      drawn = key;
      const x = v.exercise;
      title.textContent = x.title;
      where.textContent = x.phase
        ? t("display.where", { turn: x.turn, turns: x.turns, phase: x.phase.name })
        : t("display.turns", { turns: x.turns });
      render(state, stateBadge(v));
      render(meter, ...meterOf(v));
      render(injects, ...injectsOf(v));
      render(results, ...resultsPart(v));
    },
  };
}

function stateBadge(v: ParticipantView): HTMLElement | null {
  const s = v.exercise.status;
  if (s === "paused") return h("span", { class: "badge warn" }, icon("pause"), t("display.paused"));
  if (s === "ended") return h("span", { class: "badge danger" }, `■ ${t("display.ended")}`);
  if (s === "setup") return h("span", { class: "badge" }, t("display.waiting"));
  return null;
}

/** The ladder as one wide bar: each rung a coloured stretch, red lines marked, the value as a needle. */
function meterOf(v: ParticipantView): HTMLElement[] {
  const l = v.ladder;
  const current = l.rungs[l.rung];
  const color = css(rungColor(l.rung, l.rungs.length));
  const stretches = l.rungs.map((r, i) => {
    const to = l.rungs[i + 1]?.from ?? 100;
    const style = `inset-inline-start: ${r.from}%; width: ${to - r.from}%; --rung: ${css(rungColor(i, l.rungs.length))}`;
    return h("div", { class: `display-rung${i === l.rung ? " current" : ""}`, style }, h("span", {}, r.name));
  });
  const lines = l.redLines.flatMap((line) => {
    const at = l.rungs.find((r) => r.id === line.rung)?.from;
    return at === undefined
      ? []
      : [h("div", { class: "display-redline", style: `inset-inline-start: ${at}%`, title: line.name })];
  });
  const needle = h("div", {
    class: "display-needle",
    style: `inset-inline-start: ${Math.min(100, Math.max(0, l.value))}%`,
  });
  return [
    h(
      "div",
      { class: "display-value" },
      h("span", { class: "display-number", style: `color: ${color}` }, i18n().number(Math.round(l.value))),
      h("span", { class: "display-rung-name" }, current?.name ?? ""),
    ),
    h(
      "div",
      {
        class: "display-bar",
        role: "meter",
        "aria-label": t("display.escalation"),
        "aria-valuemin": "0",
        "aria-valuemax": "100",
        "aria-valuenow": String(Math.round(l.value)),
        "aria-valuetext": t("display.meter-text", { value: Math.round(l.value), rung: current?.name ?? "" }),
      },
      stretches,
      lines,
      needle,
    ),
  ];
}

function injectsOf(v: ParticipantView): HTMLElement[] {
  const latest = v.injects
    .filter((i) => i.status === "released")
    .sort((a, b) => (b.releasedAt ?? 0) - (a.releasedAt ?? 0))
    .slice(0, INJECTS_SHOWN);
  if (!latest.length)
    return [h("h2", {}, t("display.injects")), h("p", { class: "display-quiet" }, t("display.no-injects"))];
  return [
    h("h2", {}, t("display.latest-injects")),
    ...latest.map((i) => {
      const ch = channelStyle(i.channel);
      const body = i.body.length > BODY_CHARS ? `${i.body.slice(0, BODY_CHARS - 1)}…` : i.body;
      return h(
        "article",
        { class: "display-inject", style: `--ch: ${css(ch.color)}` },
        h(
          "div",
          { class: "display-inject-head" },
          h("span", { class: "display-channel" }, ch.word),
          own(h("strong", {}, i.title)),
        ),
        own(h("p", {}, body)),
      );
    }),
  ];
}

/** The results of the last turn adjudicated, as the public read them. */
function resultsPart(v: ParticipantView): Child[] {
  const turns = v.log.filter((e) => e.type === "turn.resolved").map((e) => e.turn);
  if (!turns.length)
    return [h("h2", {}, t("display.last-turn")), h("p", { class: "display-quiet" }, t("display.no-turn"))];
  const turn = Math.max(...turns);
  const lines = resultsOf(v, turn);
  return [
    h("h2", {}, t("display.turn-happened", { turn })),
    h(
      "ul",
      { class: "display-result-list" },
      lines.slice(0, RESULTS_SHOWN).map((r) => h("li", {}, h("span", { class: "display-label" }, r.label), r.text)),
    ),
    lines.length > RESULTS_SHOWN
      ? h("p", { class: "display-quiet" }, t("display.more", { count: lines.length - RESULTS_SHOWN }))
      : null,
  ];
}
