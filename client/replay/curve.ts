// The escalation curve: escalation after every command across the exercise,
// over the ladder's rungs (bands) and red lines (dashed), with injects,
// decisions and hotline messages as labelled markers in lanes above it, turn
// starts along the bottom and the current step marked. A click anywhere (or on
// a marker) jumps to that moment; with the curve focused, ← → jump from
// marker to marker. Moving the current step only moves the cursor.
import type { Scenario } from "../../shared/scenario/schema.ts";
import { rungIndex, rungIndexById } from "../../shared/engine/escalation.ts";
import { rungColor, css } from "../board/theme.ts";
import { h } from "../ui/dom.ts";
import { MARKER_STYLE, laneName, tenths, type Marker, type MarkerKind } from "./markers.ts";
import { i18n, t as tr } from "../i18n/index.ts";
import { localizeScenario } from "../../shared/scenario/localize.ts";
import type { Timeline } from "./timeline.ts";

/** Plot margins in CSS pixels; the slider above the curve uses the same ones, so both share one x axis. */
export const PLOT_LEFT = 150;
export const PLOT_RIGHT = 24;
const LANE = 16;
const LANES_TOP = 6;
const PLOT_TOP = LANES_TOP + 3 * LANE + 8;
// shorter on a short screen, so the board above keeps its room (1280x720 shows both without scrolling)
const PLOT_H = typeof window !== "undefined" && window.innerHeight < 800 ? 96 : 124;
const HEIGHT = PLOT_TOP + PLOT_H + 22;
const NS = "http://www.w3.org/2000/svg";

type Attrs = Record<string, string | number>;
function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export interface Curve {
  el: HTMLElement;
  /** redraw everything: new states computed, new markers, or a new size */
  draw(markers: Marker[]): void;
  /** move the cursor to a step */
  cursor(step: number): void;
  destroy(): void;
}

export function escalationCurve(t: Timeline, source: Scenario, goto: (step: number) => void): Curve {
  // rung names and red lines in the reader's language, from the recording's scenario translations
  const sc = localizeScenario(source, i18n().lang);
  const svg = el("svg", {
    class: "replay-curve-svg",
    height: HEIGHT,
    role: "group",
    tabindex: 0,
    "aria-label": tr("replay.curve-label"),
    // a time axis runs left to right in every language; Arabic words inside still read right to left
    direction: "ltr",
  });
  const base = el("g");
  const stems = el("g", { "pointer-events": "none" });
  const marks = el("g");
  // the cursor lives in its own small layer: moving it never repaints the curve and its markers
  const cur = el("svg", { class: "replay-cursor", height: HEIGHT, "aria-hidden": "true", direction: "ltr" });
  const curLine = el("line", { stroke: "#ffd166", "stroke-width": 2 });
  const curDot = el("circle", { r: 5, fill: "#ffd166", stroke: "#0f1724", "stroke-width": 2 });
  const curText = el("text", { class: "cursor-label", "text-anchor": "start" });
  cur.append(curLine, curDot, curText);
  svg.append(base, stems, marks);
  const box = h("div", { class: "replay-curve-box" });
  box.append(svg, cur);

  let width = 800;
  let step = 0;
  let markers: Marker[] = [];
  const x = (s: number) => PLOT_LEFT + ((width - PLOT_LEFT - PLOT_RIGHT) * s) / Math.max(1, t.total - 1);
  const y = (v: number) => PLOT_TOP + PLOT_H - (PLOT_H * v) / 100;
  const stepAt = (px: number) =>
    Math.round(((px - PLOT_LEFT) / Math.max(1, width - PLOT_LEFT - PLOT_RIGHT)) * (t.total - 1));

  const drawBase = () => {
    base.replaceChildren();
    const rungs = sc.ladder.rungs;
    rungs.forEach((r, i) => {
      const top = i + 1 < rungs.length ? rungs[i + 1]!.from : 100;
      const y0 = y(top);
      const y1 = y(r.from);
      base.append(
        el("rect", {
          x: PLOT_LEFT,
          y: y0,
          width: Math.max(0, width - PLOT_LEFT - PLOT_RIGHT),
          height: Math.max(0, y1 - y0),
          fill: css(rungColor(i, rungs.length)),
          "fill-opacity": 0.16,
        }),
      );
      if (y1 - y0 >= 13) {
        const label = el(
          "text",
          { x: PLOT_LEFT - 8, y: (y0 + y1) / 2 + 4, "text-anchor": "end", class: "rung-label" },
          r.name.length > 20 ? `${r.name.slice(0, 19)}…` : r.name,
        );
        label.append(el("title", {}, r.name));
        base.append(label);
      }
    });
    for (const v of [0, 50, 100])
      base.append(
        el("text", { x: PLOT_LEFT + 3, y: y(v) + (v === 100 ? 11 : -3), class: "axis-label" }, i18n().number(v)),
      );
    // red lines, dashed; their names stacked upwards from the lowest so they never overlap
    const lines = sc.ladder.redLines.flatMap((line) => {
      const rung = rungs[rungIndexById(sc.ladder, line.rung)];
      return rung ? [{ name: line.name, y: y(rung.from) }] : [];
    });
    let above = Infinity;
    for (const line of [...lines].sort((a, b) => b.y - a.y)) {
      base.append(el("line", { x1: PLOT_LEFT, x2: width - PLOT_RIGHT, y1: line.y, y2: line.y, class: "red-line" }));
      above = Math.min(line.y - 4, above - 14);
      base.append(
        el(
          "text",
          { x: width - PLOT_RIGHT - 4, y: above, "text-anchor": "end", class: "red-line-label" },
          tr("replay.red-line-label", { name: line.name }),
        ),
      );
    }
    // lanes for the markers, named on the left
    (Object.keys(MARKER_STYLE) as MarkerKind[]).forEach((k) => {
      const s = MARKER_STYLE[k];
      const cy = LANES_TOP + s.lane * LANE + LANE / 2;
      base.append(el("line", { x1: PLOT_LEFT, x2: width - PLOT_RIGHT, y1: cy, y2: cy, class: "lane" }));
      base.append(
        el(
          "text",
          { x: PLOT_LEFT - 8, y: cy + 4, "text-anchor": "end", class: "lane-label", fill: s.color },
          laneName(k),
        ),
      );
    });
    // turn starts along the bottom, from the events that began each turn
    t.turnStarts.forEach(({ step: s, turn }) => {
      base.append(el("line", { x1: x(s), x2: x(s), y1: LANES_TOP, y2: PLOT_TOP + PLOT_H, class: "turn-line" }));
      const right = x(s) > width - PLOT_RIGHT - 50;
      base.append(
        el(
          "text",
          {
            x: x(s) + (right ? -3 : 3),
            y: PLOT_TOP + PLOT_H + 15,
            "text-anchor": right ? "end" : "start",
            class: "axis-label",
          },
          tr("replay.turn-n", { turn }),
        ),
      );
    });
    base.append(
      el(
        "text",
        { x: PLOT_LEFT - 8, y: PLOT_TOP + PLOT_H + 15, "text-anchor": "end", class: "axis-label" },
        tr("replay.axis-commands"),
      ),
    );
    // the curve: a step line through the values that changed
    const n = t.ready;
    let d = `M${x(0).toFixed(1)},${y(t.escalation[0] ?? 0).toFixed(1)}`;
    for (let i = 1; i < n; i++) {
      const v = t.escalation[i]!;
      if (v !== t.escalation[i - 1]) d += `H${x(i).toFixed(1)}V${y(v).toFixed(1)}`;
    }
    d += `H${x(n - 1).toFixed(1)}`;
    base.append(
      el("path", { d: `${d}V${y(0)}H${x(0)}Z`, class: "curve-area" }),
      el("path", { d, class: "curve-line" }),
    );
    if (n < t.total) {
      base.append(
        el("rect", {
          x: x(n - 1),
          y: PLOT_TOP,
          width: Math.max(0, x(t.total - 1) - x(n - 1)),
          height: PLOT_H,
          class: "pending-area",
        }),
      );
      base.append(
        el(
          "text",
          {
            x: (x(n - 1) + x(t.total - 1)) / 2,
            y: PLOT_TOP + PLOT_H / 2,
            "text-anchor": "middle",
            class: "axis-label",
          },
          t.error ? tr("replay.stopped-here") : tr("replay.replaying"),
        ),
      );
    }
  };

  const drawMarkers = () => {
    marks.replaceChildren();
    stems.replaceChildren();
    // a thin stem ties a marker to the curve, unless its kind is so frequent that stems would hide the curve
    const count: Record<MarkerKind, number> = { inject: 0, decision: 0, hotline: 0 };
    for (const m of markers) count[m.kind]++;
    let lastLabel = -Infinity;
    for (const m of markers) {
      const s = MARKER_STYLE[m.kind];
      const cx = x(m.step);
      const cy = LANES_TOP + s.lane * LANE + LANE / 2;
      const g = el("g", {
        class: `marker marker-${m.kind}`,
        "data-step": m.step,
        "data-kind": m.kind,
        "data-ref": m.ref,
        role: "img",
        "aria-label": tr("replay.marker-aria", { label: m.label, step: m.step }),
      });
      if (count[m.kind] <= 120)
        stems.append(
          el("line", {
            x1: cx,
            x2: cx,
            y1: cy,
            y2: y(t.escalation[m.step] ?? 0),
            class: "marker-stem",
            stroke: s.color,
          }),
        );
      if (m.kind === "inject")
        g.append(
          el("polygon", { points: `${cx},${cy - 6} ${cx + 6},${cy} ${cx},${cy + 6} ${cx - 6},${cy}`, fill: s.color }),
        );
      else if (m.kind === "decision") {
        g.append(el("rect", { x: cx - 5, y: cy - 5, width: 10, height: 10, fill: s.color }));
        // decisions are few: each gets a visible label when there is room for it
        if (m.short && cx - lastLabel > 90 && cx < width - PLOT_RIGHT - 80) {
          g.append(el("text", { x: cx + 9, y: cy + 4, class: "marker-label", fill: s.color }, m.short));
          lastLabel = cx;
        }
      } else g.append(el("circle", { cx, cy, r: 4.5, fill: s.color }));
      g.append(el("title", {}, tr("replay.marker-title", { label: m.label, step: m.step })));
      marks.append(g);
    }
  };

  const moveCursor = () => {
    const cx = x(step);
    const v = t.escalation[step] ?? 0;
    curLine.setAttribute("x1", String(cx));
    curLine.setAttribute("x2", String(cx));
    curLine.setAttribute("y1", String(LANES_TOP));
    curLine.setAttribute("y2", String(PLOT_TOP + PLOT_H));
    curDot.setAttribute("cx", String(cx));
    curDot.setAttribute("cy", String(y(v)));
    const right = cx > width - 220;
    curText.setAttribute("x", String(cx + (right ? -8 : 8)));
    curText.setAttribute("y", String(Math.max(PLOT_TOP + 12, y(v) - 8)));
    curText.setAttribute("text-anchor", right ? "end" : "start");
    curText.textContent = tr("replay.cursor", {
      value: tenths(v),
      rung: sc.ladder.rungs[rungIndex(sc.ladder, v)]?.name ?? "",
    });
  };

  svg.addEventListener("click", (e) => {
    const m = (e.target as Element).closest(".marker");
    const r = svg.getBoundingClientRect();
    const s = m ? Number(m.getAttribute("data-step")) : stepAt(e.clientX - r.left);
    goto(Math.max(0, Math.min(t.ready - 1, s)));
  });
  svg.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    e.preventDefault();
    const steps = [...new Set(markers.map((m) => m.step))].sort((a, b) => a - b);
    const to = e.key === "ArrowRight" ? steps.find((s) => s > step) : steps.findLast((s) => s < step);
    if (to !== undefined) goto(to);
  });

  const measure = () => Math.max(PLOT_LEFT + PLOT_RIGHT + 100, Math.floor(box.clientWidth));
  const resize = new ResizeObserver(() => {
    const w = measure();
    if (w === width || !box.isConnected) return;
    width = w;
    svg.setAttribute("width", String(width));
    cur.setAttribute("width", String(width));
    drawBase();
    drawMarkers();
    moveCursor();
  });
  resize.observe(box);

  return {
    el: box,
    draw(next) {
      markers = next;
      width = measure();
      svg.setAttribute("width", String(width));
      cur.setAttribute("width", String(width));
      drawBase();
      drawMarkers();
      moveCursor();
    },
    cursor(s) {
      step = s;
      moveCursor();
    },
    destroy() {
      resize.disconnect();
    },
  };
}
