// Parallel cells compared: escalation curves on one chart, outcomes, metrics
// and key decisions side by side.
import { brand, duration, h, noticePage, render } from "../ui/dom.ts";
import { call, type CellComparison } from "../net/api.ts";
import { courseFor } from "../net/seats.ts";
import { outcomeWords } from "../../shared/words/index.ts";
import { i18n, t, eventWords } from "../i18n/index.ts";
import { httpRefusalText } from "../net/refusals.ts";
import { own } from "../ui/own-words.ts";
import { findingItem } from "./compare-findings.ts";

type Cell = CellComparison;

/** line patterns, so cells differ by more than colour */
const DASHES = ["", "10 5", "3 4", "12 4 3 4", "1 6", "16 6"];
/** A cell's status in words. */
function statusWord(s: string): string {
  if (s === "setup") return t("compare.status-setup");
  if (s === "running") return t("compare.status-running");
  if (s === "paused") return t("compare.status-paused");
  return s === "ended" ? t("compare.status-ended") : s;
}

/** How a cell ended, in a few words. */
function outcomeWord(kind: string): string {
  if (kind === "agreement") return t("compare.outcome-agreement");
  if (kind === "failure") return t("compare.outcome-failure");
  if (kind === "time") return t("compare.outcome-time");
  return kind === "facilitator" ? t("compare.outcome-facilitator") : kind;
}
const COLORS = [
  "#4da3ff",
  "#f2b84b",
  "#3fb97a",
  "#ff7eb6",
  "#b48cff",
  "#ef5a5a",
  "#5ee0d0",
  "#ffa26b",
  "#c6e06b",
  "#8fa8ff",
  "#e08fe0",
  "#a9b8cd",
];
const SVG = "http://www.w3.org/2000/svg";

export async function comparePage(root: HTMLElement, params: Record<string, string>): Promise<void> {
  const stored = courseFor(params.id!);
  if (!stored) {
    noticePage(root, t("compare.no-code"), " ", h("a", { href: "/join" }, t("compare.join-page")));
    return;
  }
  let data: { title: string; scenarioId: string; scenarioTitle: string; cells: Cell[] };
  try {
    data = await call("GET", `/groups/${params.id}/comparison`, undefined, stored.code);
  } catch (err) {
    render(root, h("main", { class: "page" }, h("p", { role: "alert", class: "error-text" }, httpRefusalText(err))));
    return;
  }
  const cells = data.cells;
  const n = (v: number) => i18n().number(v);
  const row = (label: string, f: (c: Cell) => string) =>
    h(
      "tr",
      {},
      h("th", {}, label),
      cells.map((c) => h("td", {}, f(c))),
    );
  render(
    root,
    h(
      "main",
      { class: "page", style: "max-width: 1400px" },
      h(
        "header",
        { class: "page-header no-print" },
        brand(),
        h(
          "div",
          { class: "row" },
          h(
            "a",
            { class: "button", href: `/course/${params.id}` },
            t("compare.dashboard", { arrow: i18n().dir === "rtl" ? "→" : "←" }),
          ),
          h("button", { type: "button", onclick: () => window.print() }, t("compare.print")),
        ),
      ),
      own(h("h1", {}, t("compare.title", { title: data.title }))),
      h("p", { class: "dim" }, t("compare.intro", { cells: cells.length, scenario: data.scenarioTitle })),
      h(
        "section",
        { class: "card", "aria-label": t("compare.curves-label") },
        h("h2", {}, t("compare.escalation")),
        chart(cells),
        legend(cells),
      ),
      h(
        "section",
        { class: "card", "aria-label": t("compare.metrics") },
        h("h2", {}, t("compare.metrics")),
        h(
          "table",
          { class: "plain" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", {}, ""),
              cells.map((c, i) =>
                h(
                  "th",
                  {},
                  h("span", { class: "swatch", style: `background:${COLORS[i % COLORS.length]}` }),
                  own(h("span", {}, c.title)),
                ),
              ),
            ),
          ),
          h(
            "tbody",
            {},
            row(t("compare.row-status"), (c) => statusWord(c.status)),
            row(t("compare.row-outcome"), (c) =>
              c.outcome ? outcomeWords(c.outcome.kind, c.outcome.reason, c, eventWords()) : "—",
            ),
            row(t("compare.row-turns"), (c) => n(c.turnsPlayed)),
            row(t("compare.row-peak"), (c) =>
              t("compare.value-rung", { value: c.metrics.peak.value, rung: c.metrics.peak.rung }),
            ),
            row(t("compare.row-final"), (c) =>
              t("compare.value-rung", { value: c.metrics.final.value, rung: c.metrics.final.rung }),
            ),
            ...(cells[0]?.metrics.redLines ?? []).map((l, li) =>
              row(t("compare.row-red-line", { name: l.name }), (c) => n(c.metrics.redLines[li]?.turnsAtAnyPoint ?? 0)),
            ),
            row(t("compare.row-first-contact"), (c) =>
              c.metrics.firstContactMs === null
                ? t("compare.none")
                : t("compare.after", { time: duration(c.metrics.firstContactMs) }),
            ),
            row(t("compare.row-answered"), (c) =>
              t("compare.answered", {
                answered: c.metrics.hotline.answered,
                opened: c.metrics.hotline.opened,
                timely: c.metrics.hotline.timely,
              }),
            ),
            row(t("compare.row-median"), (c) =>
              c.metrics.hotline.medianMs === null ? "—" : duration(c.metrics.hotline.medianMs),
            ),
            row(
              t("compare.row-commitments"),
              (c) =>
                `${n(c.metrics.commitments.adopted)} / ${n(c.metrics.commitments.kept)} / ${n(c.metrics.commitments.broken)}`,
            ),
            row(t("compare.row-misattributions"), (c) => n(c.metrics.misattributions)),
            row(t("compare.row-misperceptions"), (c) => n(c.metrics.misperceptions)),
          ),
        ),
      ),
      h(
        "section",
        { class: "card", "aria-label": t("compare.decisions") },
        h("h2", {}, t("compare.decisions")),
        h(
          "table",
          { class: "plain" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", {}, t("compare.turn")),
              cells.map((c) => own(h("th", {}, c.title))),
            ),
          ),
          h(
            "tbody",
            {},
            Array.from({ length: Math.max(0, ...cells.map((c) => c.decisions.length)) }, (_, turn) =>
              h(
                "tr",
                {},
                h("th", {}, n(turn + 1)),
                cells.map((c) =>
                  h(
                    "td",
                    {},
                    (c.decisions[turn]?.teams ?? []).map((d) =>
                      h("div", {}, h("strong", {}, `${d.team}: `), d.actions.join(", ") || t("compare.no-action")),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
      h(
        "section",
        { class: "card", "aria-label": t("compare.findings") },
        h("h2", {}, t("compare.findings")),
        h(
          "div",
          { class: "grid" },
          cells.map((c) => h("div", {}, own(h("h3", {}, c.title)), h("ul", {}, c.findings.map(findingItem)))),
        ),
      ),
    ),
  );
}

/** x: turns (a point's place within its turn by command count); y: escalation 0–100. */
function chart(cells: Cell[]): SVGSVGElement {
  const W = 1000;
  const H = 320;
  const pad = { l: 40, r: 10, t: 10, b: 28 };
  const turns = Math.max(1, ...cells.map((c) => Math.max(c.turns, c.turnStarts.length)));
  const x = (v: number) => pad.l + (v / turns) * (W - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - v / 100) * (H - pad.t - pad.b);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("compare.chart-label", { cells: cells.length }));
  // turns run left to right in every language, as the replay's curve does
  svg.setAttribute("direction", "ltr");
  svg.style.width = "100%";
  const el = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text) e.textContent = text;
    svg.append(e);
    return e;
  };
  const ladder = cells[0]?.ladder;
  for (const r of ladder?.rungs ?? []) {
    el("line", { x1: pad.l, x2: W - pad.r, y1: y(r.from), y2: y(r.from), stroke: "#31425f", "stroke-width": 1 });
    el("text", { x: pad.l + 4, y: y(r.from) - 3, fill: "#a9b8cd", "font-size": 11, class: "rung-name" }, r.name);
  }
  for (const l of ladder?.redLines ?? []) {
    el("line", {
      x1: pad.l,
      x2: W - pad.r,
      y1: y(l.from),
      y2: y(l.from),
      stroke: "#ef5a5a",
      "stroke-dasharray": "6 4",
      "stroke-width": 1.5,
    });
    el(
      "text",
      { x: W - pad.r - 4, y: y(l.from) - 3, fill: "#ff9b9b", "font-size": 11, "text-anchor": "end" },
      t("compare.red-line", { name: l.name }),
    );
  }
  for (let turn = 0; turn <= turns; turn++) {
    el("line", { x1: x(turn), x2: x(turn), y1: pad.t, y2: H - pad.b, stroke: "#26354f" });
    if (turn < turns)
      el(
        "text",
        { x: x(turn + 0.5), y: H - 8, fill: "#a9b8cd", "font-size": 12, "text-anchor": "middle" },
        t("compare.turn-n", { turn: turn + 1 }),
      );
  }
  cells.forEach((c, i) => {
    if (c.status === "setup") return;
    const pos = (seq: number, turn: number) => {
      if (turn < 1) return 0;
      const start = c.turnStarts.find((s) => s.turn === turn)?.seq ?? seq;
      const end = c.turnStarts.find((s) => s.turn === turn + 1)?.seq ?? c.lastSeq + 1;
      return turn - 1 + Math.min(1, (seq - start) / Math.max(1, end - start));
    };
    let path = "";
    let last = c.curve[0]?.value ?? 0;
    for (const p of c.curve) {
      const px = x(pos(p.seq, p.turn));
      path += path ? ` H${px.toFixed(1)} V${y(p.value).toFixed(1)}` : `M${px.toFixed(1)} ${y(p.value).toFixed(1)}`;
      last = p.value;
    }
    const endTurn =
      c.status === "ended" ? pos(c.lastSeq, c.curve.at(-1)?.turn ?? 1) : pos(c.lastSeq + 1, c.curve.at(-1)?.turn ?? 1);
    path += ` H${x(endTurn).toFixed(1)}`;
    el("path", {
      d: path,
      fill: "none",
      stroke: COLORS[i % COLORS.length]!,
      "stroke-width": 3,
      "stroke-dasharray": DASHES[i % DASHES.length]!,
      "data-cell": c.exerciseId,
    });
    // the cell's letter at the end of its line
    el(
      "text",
      { x: x(endTurn) + 4, y: y(last) + 4, fill: COLORS[i % COLORS.length]!, "font-size": 12, "font-weight": 700 },
      letter(c, i),
    );
  });
  return svg;
}

function legend(cells: Cell[]): HTMLElement {
  const state = (c: Cell, i: number) => {
    const who = { letter: letter(c, i), title: c.title };
    if (c.outcome) return t("compare.legend-state", { ...who, state: outcomeWord(c.outcome.kind) });
    if (c.status === "setup" || c.status === "paused")
      return t("compare.legend-state", { ...who, state: statusWord(c.status) });
    return t("compare.legend", who);
  };
  const sample = (i: number) => {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "34");
    svg.setAttribute("height", "10");
    svg.setAttribute("aria-hidden", "true");
    const line = document.createElementNS(SVG, "line");
    for (const [k, v] of Object.entries({
      x1: 0,
      x2: 34,
      y1: 5,
      y2: 5,
      stroke: COLORS[i % COLORS.length]!,
      "stroke-width": 3,
      "stroke-dasharray": DASHES[i % DASHES.length]!,
    }))
      line.setAttribute(k, String(v));
    svg.append(line);
    svg.style.marginInlineEnd = "0.4em";
    return svg;
  };
  return h(
    "div",
    { class: "row" },
    cells.map((c, i) => h("span", { class: "legend-item" }, sample(i), state(c, i))),
  );
}

/** "A" for "… — cell A", else the cell's position as a letter. */
function letter(c: Cell, i: number): string {
  return /cell ([A-Z])$/.exec(c.title)?.[1] ?? String.fromCharCode(65 + i);
}
