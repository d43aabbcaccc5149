// The transport: step by command and by turn, play and pause at a chosen
// speed, and the timeline slider over every command (arrow keys step one
// command, Page Up / Page Down jump by turn, Home / End to the ends).
import { h } from "../ui/dom.ts";
import { MARKER_STYLE, markerName, type MarkerKind } from "./markers.ts";
import { t as tr } from "../i18n/index.ts";
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
  const btn = (label: string, title: string, onclick: () => void, cls = "small") => {
    const b = h("button", { type: "button", class: cls, title, "aria-label": title, onclick }, label);
    // its arrow points along the time axis, which runs left to right in every language
    b.dir = "ltr";
    return b;
  };
  const prevTurn = btn(tr("replay.prev-turn"), tr("replay.prev-turn-title"), () => goto(t.prevTurnStart(current())));
  const prev = btn(tr("replay.step-back"), tr("replay.step-back-title"), () => goto(current() - 1));
  const play = h(
    "button",
    {
      type: "button",
      class: "small primary replay-play",
      "aria-label": tr("replay.play"),
      title: tr("replay.play-title"),
      onclick: () => (playing ? stop() : start()),
    },
    icon("play"),
    tr("replay.play"),
  );
  const next = btn(tr("replay.step-forward"), tr("replay.step-forward-title"), () => goto(current() + 1));
  const nextTurn = btn(tr("replay.next-turn"), tr("replay.next-turn-title"), () => {
    const n = t.nextTurnStart(current());
    if (n !== null) goto(n);
  });
  const speed = h(
    "select",
    { "aria-label": tr("replay.speed-label"), class: "replay-speed" },
    SPEEDS.map((s) => h("option", { value: String(s) }, tr("replay.speed", { speed: s }))),
  );
  speed.value = "5";
  const position = h("span", { class: "replay-position", "aria-live": "off" });
  const legend = h(
    "div",
    { class: "replay-legend", "aria-label": tr("replay.legend-label") },
    (Object.keys(MARKER_STYLE) as MarkerKind[]).map((k) => h("span", {}, shape(k), markerName(k))),
    h("span", {}, h("span", { class: "legend-red" }), tr("replay.legend-red")),
    h("span", {}, h("span", { class: "legend-turn" }), tr("replay.legend-turn")),
    h("span", {}, h("span", { class: "legend-cursor" }), tr("replay.legend-cursor")),
  );
  const bar = h(
    "div",
    { class: "replay-transport" },
    h(
      "div",
      {
        class: "row",
        role: "group",
        "aria-label": tr("replay.controls-label"),
        title: tr("replay.controls-title"),
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

  // media controls keep the direction of time, as players do in right-to-left languages
  bar.dir = "ltr";

  const slider = h("input", {
    type: "range",
    class: "replay-slider",
    "aria-label": tr("replay.slider-label"),
    title: tr("replay.slider-title"),
    value: "0",
  });
  // the slider shares the curve's time axis, which runs left to right in every language
  slider.dir = "ltr";
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
    withIcon(play, "pause", tr("replay.pause"));
    play.setAttribute("aria-label", tr("replay.pause"));
    play.title = tr("replay.pause");
    frame = requestAnimationFrame(tick);
  }
  function stop(): void {
    playing = false;
    cancelAnimationFrame(frame);
    withIcon(play, "play", tr("replay.play"));
    play.setAttribute("aria-label", tr("replay.play"));
    play.title = tr("replay.play-title");
  }

  return {
    bar,
    slider,
    sliderRow,
    show(step) {
      if (Number(slider.value) !== step) slider.value = String(step);
      slider.setAttribute("aria-valuetext", tr("replay.step-of", { step, steps: t.total - 1 }));
      const computed = ((t.ready - 1) / Math.max(1, t.total - 1)) * 100;
      slider.style.setProperty("--computed", `${computed}%`);
      position.textContent = tr("replay.step-of", { step, steps: t.total - 1 });
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
