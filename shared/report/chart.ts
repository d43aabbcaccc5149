// The escalation curve as inline SVG: the ladder's rungs as bands, red lines
// dashed, the value as a step line over the commands, and lanes of markers for
// injects, adjudications and hotline exchanges. Every marker links to its
// command in the timeline (#seq-N) and carries data-seq for a replay UI.
import type { Analysis, Annotation, AnnotationKind } from "./types.ts";
import { esc } from "./escape.ts";
import { elapsed } from "./format.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";

const W = 960;
const LEFT = 40;
const RIGHT = 212;
const TOP = 26;
const PLOT_H = 270;
const LANE_H = 20;
const LANES: { kind: AnnotationKind; label: string }[] = [
  { kind: "inject", label: "report.chart.lane.inject" },
  { kind: "decision", label: "report.chart.lane.decision" },
  { kind: "hotline", label: "report.chart.lane.hotline" },
];
const H = TOP + PLOT_H + 14 + LANES.length * LANE_H + 8;
const PLOT_W = W - LEFT - RIGHT;

export function bandColour(i: number, n: number): string {
  const hue = Math.round(140 - (140 * i) / Math.max(1, n - 1));
  return `hsl(${hue} 55% ${i % 2 ? 92 : 95}%)`;
}

/** The curve as SVG, its words in the report's language (the plot itself reads left to right). */
export function escalationSvg(a: Analysis, rl: ReportLanguage = reportLanguage()): string {
  const t = rl.tr.t;
  const n = (v: number) => rl.tr.number(v, { maximumFractionDigits: 1 });
  const last = Math.max(1, a.curve.lastSeq);
  // half a command of room at each end, so first and last markers stay inside the plot
  const x = (seq: number) => LEFT + (PLOT_W * (seq + 0.5)) / (last + 1);
  const y = (v: number) => TOP + PLOT_H * (1 - v / 100);
  const start = a.overview.startedAt;
  const out: string[] = [];
  out.push(
    // time runs left to right in every language: the plot is laid out left to right
    `<svg class="chart" viewBox="0 0 ${W} ${H}" width="100%" role="group" aria-labelledby="chart-title chart-desc" ` +
      `direction="ltr" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="chart-title">${esc(t("report.chart.title"))}</title>`,
    `<desc id="chart-desc">${esc(
      t("report.chart.desc", {
        start: n(a.metrics.start.value),
        peak: n(a.metrics.peak.value),
        final: n(a.metrics.final.value),
        commands: a.curve.lastSeq,
      }),
    )}</desc>`,
  );
  // rungs as bands, named on the right
  const rungs = a.ladder.rungs;
  rungs.forEach((r, i) => {
    const top = i + 1 < rungs.length ? rungs[i + 1]!.from : 100;
    const y0 = y(top);
    const h = y(r.from) - y0;
    out.push(`<rect x="${LEFT}" y="${y0}" width="${PLOT_W}" height="${h}" fill="${bandColour(i, rungs.length)}"/>`);
    if (h >= 9)
      out.push(`<text class="rung" x="${LEFT + PLOT_W + 8}" y="${y0 + h / 2 + 4}">${esc(clip(r.name, 32))}</text>`);
  });
  // value axis
  for (let v = 0; v <= 100; v += 20)
    out.push(
      `<line class="grid" x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${y(v)}" y2="${y(v)}"/><text class="tick" ` +
        `x="${LEFT - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
    );
  // turns
  for (const turn of a.curve.turnStarts) {
    const tx = x(turn.seq - 0.5);
    out.push(
      `<line class="turn" x1="${tx}" x2="${tx}" y1="${TOP}" y2="${TOP + PLOT_H + 14 + LANES.length * LANE_H}"/>`,
    );
    out.push(
      `<text class="turn-label" x="${tx + 4}" y="${TOP - 8}">${esc(t("report.chart.turn", { turn: turn.turn }))}</text>`,
    );
  }
  // red lines
  for (const l of a.ladder.redLines) {
    out.push(`<line class="red-line" x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${y(l.from)}" y2="${y(l.from)}"/>`);
    out.push(
      `<text class="red-label" x="${LEFT + 4}" y="${y(l.from) - 4}">${esc(t("report.chart.red-line", { name: clip(l.name, 60) }))}</text>`,
    );
  }
  // the curve: a step line
  const pts = a.curve.points;
  let d = `M${LEFT},${y(pts[0]?.value ?? a.ladder.start)}`;
  for (const p of pts.slice(1)) d += ` H${x(p.seq)} V${y(p.value)}`;
  d += ` H${LEFT + PLOT_W}`;
  out.push(`<path class="curve" d="${d}"/>`);
  for (const p of pts.slice(1))
    out.push(
      `<circle class="point" cx="${x(p.seq)}" cy="${y(p.value)}" ` +
        `r="2.2"><title>${esc(t("report.chart.point", { seq: p.seq, turn: p.turn, value: n(p.value) }))}</title></circle>`,
    );
  const peak = a.metrics.peak;
  if (peak.seq !== null)
    out.push(
      `<text class="peak" x="${Math.min(x(peak.seq) + 4, LEFT + PLOT_W - 60)}" ` +
        `y="${Math.max(y(peak.value) - 6, TOP + 10)}">${esc(t("report.chart.peak", { value: n(peak.value) }))}</text>`,
    );
  // marker lanes
  LANES.forEach((lane, i) => {
    const ly = TOP + PLOT_H + 14 + i * LANE_H + LANE_H / 2;
    out.push(`<text class="lane" x="${LEFT + PLOT_W + 8}" y="${ly + 4}">${esc(t(lane.label))}</text>`);
    out.push(`<line class="lane-line" x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${ly}" y2="${ly}"/>`);
    for (const m of a.curve.annotations.filter((n) => n.kind === lane.kind))
      out.push(marker(m, x(m.seq), ly, start, rl));
  });
  out.push("</svg>");
  return out.join("");
}

function marker(m: Annotation, cx: number, cy: number, start: number | null, rl: ReportLanguage): string {
  const value = rl.tr.number(m.value, { maximumFractionDigits: 1 });
  const words = { label: m.label, seq: m.seq, turn: m.turn, elapsed: elapsed(m.at, start), value };
  const tip = `<title>${esc(rl.tr.t("report.chart.marker", words))}</title>`;
  const shape =
    m.kind === "inject"
      ? `<path class="m-inject" d="M${cx},${cy - 6} L${cx + 5},${cy} L${cx},${cy + 6} L${cx - 5},${cy} Z"/>`
      : m.kind === "decision"
        ? `<circle class="m-decision" cx="${cx}" cy="${cy}" r="5.5"/>`
        : `<rect class="m-hotline" x="${cx - 4}" y="${cy - 4}" width="8" height="8" rx="1.5"/>`;
  return `<a href="#seq-${m.seq}" data-seq="${m.seq}" data-kind="${m.kind}">${tip}${shape}</a>`;
}

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** The chart's styles (inline in the document). */
export const CHART_CSS = `
.chart{display:block;max-width:100%;height:auto;font-family:inherit}
.chart .rung{font-size:11px;fill:#3b4350}
.chart .tick{font-size:10px;fill:#5b6470}
.chart .grid{stroke:#ffffff;stroke-width:1}
.chart .turn{stroke:#8a94a3;stroke-width:1;stroke-dasharray:2 3}
.chart .turn-label{font-size:11px;fill:#3b4350;font-weight:600}
.chart .red-line{stroke:#b3261e;stroke-width:1.4;stroke-dasharray:6 4}
.chart .red-label{font-size:10px;fill:#b3261e;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.chart .curve{fill:none;stroke:#14365d;stroke-width:2.4;stroke-linejoin:round}
.chart .point{fill:#14365d}
.chart .peak{font-size:11px;font-weight:700;fill:#14365d;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.chart .lane{font-size:11px;fill:#3b4350}
.chart .lane-line{stroke:#d5dae1;stroke-width:1}
.chart .m-inject{fill:#c77700;stroke:#fff;stroke-width:1}
.chart .m-decision{fill:#14365d;stroke:#fff;stroke-width:1}
.chart .m-hotline{fill:#0f7b6c;stroke:#fff;stroke-width:1}
.chart a:hover .m-inject,.chart a:hover .m-decision,.chart a:hover .m-hotline{stroke:#000;stroke-width:1.5}
`;
