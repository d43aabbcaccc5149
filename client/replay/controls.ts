// The transport: step by command and by turn, play and pause at a chosen
// speed, and the timeline slider over every command (arrow keys step one
// command, Page Up / Page Down jump by turn, Home / End to the ends).
import { h } from "../ui/dom.ts";
import { MARKER_STYLE, type MarkerKind } from "./markers.ts";
import { PLOT_LEFT, PLOT_RIGHT } from "./curve.ts";
import type { Timeline } from "./timeline.ts";
import { icon, withIcon } from "../ui/icons.ts";

export const SPEEDS = [1, 2, 5, 10, 50] as const;
const THUMB = 18;

export interface Controls {
  /** the buttons and the legend, above the slider */
  bar: HTMLElement;
  slider: HTMLInputElement;
  sliderRow: HTMLElement;
  /** reflect the current step (and what is computed so far) */
  show(step: number): void;
  stop(): void;
}

export function transport(
  t: Timeline,
  goto: (step: number, source?: "slider") => void,
  current: () => number,
): Controls {
  const btn = (label: string, title: string, onclick: () => void, cls = "small") =>
    h("button", { type: "button", class: cls, title, "aria-label": title, onclick }, label);
  const prevTurn = btn("« Turn", "Previous turn start", () => goto(t.prevTurnStart(current())));
  const prev = btn("Step back", "Step back one command", () => goto(current() - 1));
  const play = h(
    "button",
    {
      type: "button",
      class: "small primary replay-play",
      "aria-label": "Play",
      title: "Play from here",
      onclick: () => (playing ? stop() : start()),
    },
    icon("play"),
    "Play",
  );
  const next = btn("Step forward", "Step forward one command", () => goto(current() + 1));
  const nextTurn = btn("Turn »", "Next turn start", () => {
    const n = t.nextTurnStart(current());
    if (n !== null) goto(n);
  });
  const speed = h(
    "select",
    { "aria-label": "Playback speed", class: "replay-speed" },
    SPEEDS.map((s) => h("option", { value: String(s) }, `${s} command${s === 1 ? "" : "s"}/s`)),
  );
  speed.value = "5";
  const position = h("span", { class: "replay-position", "aria-live": "off" });
  const legend = h(
    "div",
    { class: "replay-legend", "aria-label": "Legend of the escalation curve" },
    (Object.keys(MARKER_STYLE) as MarkerKind[]).map((k) => h("span", {}, shape(k), MARKER_STYLE[k].name)),
    h("span", {}, h("span", { class: "legend-red" }), "Red line"),
    h("span", {}, h("span", { class: "legend-turn" }), "Turn start"),
    h("span", {}, h("span", { class: "legend-cursor" }), "This step"),
  );
  const bar = h(
    "div",
    { class: "replay-transport" },
    h(
      "div",
      {
        class: "row",
        role: "group",
        "aria-label": "Replay controls",
        title: "Keys anywhere on the page: ← → one command · Page Up / Page Down one turn · Home / End",
      },
      prevTurn,
      prev,
      play,
      next,
      nextTurn,
      speed,
      position,
    ),
    legend,
  );

  const slider = h("input", {
    type: "range",
    class: "replay-slider",
    "aria-label": "Timeline: step through the recorded commands",
    title: "← → one command · Page Up / Page Down one turn · Home / End",
    value: "0",
  });
  slider.min = "0";
  slider.step = "1";
  slider.max = String(t.total - 1);
  slider.addEventListener("input", () => goto(Number(slider.value), "slider"));
  slider.addEventListener("keydown", (e) => {
    if (e.key === "PageUp" || e.key === "PageDown") {
      e.preventDefault();
      const to = e.key === "PageUp" ? t.prevTurnStart(current()) : t.nextTurnStart(current());
      if (to !== null) goto(to);
    }
  });
  // the slider's thumb travels exactly over the curve's plot area
  const sliderRow = h(
    "div",
    { class: "replay-slider-row", style: `padding: 0 ${PLOT_RIGHT - THUMB / 2}px 0 ${PLOT_LEFT - THUMB / 2}px` },
    slider,
  );

  let playing = false;
  let frame = 0;
  let last = 0;
  let carry = 0;
  const tick = (now: number) => {
    if (!playing) return;
    carry += ((now - last) / 1000) * Number(speed.value);
    last = now;
    const n = Math.floor(carry);
    if (n > 0) {
      carry -= n;
      const to = Math.min(t.ready - 1, current() + n);
      goto(to);
      if (to >= t.total - 1) return stop();
    }
    frame = requestAnimationFrame(tick);
  };
  function start(): void {
    if (current() >= t.ready - 1) goto(0);
    playing = true;
    last = performance.now();
    carry = 1; // the first step at once
    withIcon(play, "pause", "Pause");
    play.setAttribute("aria-label", "Pause");
    play.title = "Pause";
    frame = requestAnimationFrame(tick);
  }
  function stop(): void {
    playing = false;
    cancelAnimationFrame(frame);
    withIcon(play, "play", "Play");
    play.setAttribute("aria-label", "Play");
    play.title = "Play from here";
  }

  return {
    bar,
    slider,
    sliderRow,
    show(step) {
      if (Number(slider.value) !== step) slider.value = String(step);
      slider.setAttribute("aria-valuetext", `Step ${step} of ${t.total - 1}`);
      const computed = ((t.ready - 1) / Math.max(1, t.total - 1)) * 100;
      slider.style.setProperty("--computed", `${computed}%`);
      position.textContent = `Step ${step.toLocaleString()} of ${(t.total - 1).toLocaleString()}`;
      prev.disabled = step <= 0;
      prevTurn.disabled = step <= 0;
      next.disabled = step >= t.ready - 1;
      nextTurn.disabled = t.nextTurnStart(step) === null;
    },
    stop,
  };
}

function shape(kind: MarkerKind): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 12 12");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "legend-shape");
  const color = MARKER_STYLE[kind].color;
  const e = document.createElementNS(ns, kind === "inject" ? "polygon" : kind === "decision" ? "rect" : "circle");
  const attrs: Record<string, string> =
    kind === "inject"
      ? { points: "6,0 12,6 6,12 0,6" }
      : kind === "decision"
        ? { x: "1", y: "1", width: "10", height: "10" }
        : { cx: "6", cy: "6", r: "5" };
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.setAttribute("fill", color);
  svg.append(e);
  return svg;
}
