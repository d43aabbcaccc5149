// The after-action report as ONE self-contained HTML document: inline CSS, the
// escalation curve as inline SVG, no external resource; prints on A4. Every
// text from the recording is escaped.
import type { Analysis } from "./types.ts";
import { esc } from "./escape.ts";
import { REPORT_CSS } from "./html-style.ts";
import { REPORT_CSP_META } from "./html-csp.ts";
import { OUTCOME_LABEL, table } from "./html-parts.ts";
import { plural, utc } from "./format.ts";
import { duration, fmt } from "../words/index.ts";
import { escalationSvg } from "./chart.ts";
import { playedBy, roleLabel, summarySentences } from "./summary.ts";
import { findingsSection, metricsSection } from "./html-sections.ts";
import {
  improvementPlan,
  methodSection,
  notesSection,
  timelineSection,
  transcriptSection,
  turnsSection,
} from "./html-detail.ts";

export const SECTIONS = [
  ["summary", "Executive summary"],
  ["overview", "Exercise overview"],
  ["curve", "Escalation curve"],
  ["analysis", "Strengths and areas for improvement"],
  ["metrics", "Metrics"],
  ["decisions", "Decisions per turn"],
  ["hotline", "Hotline transcript"],
  ["notes", "Observer and control notes"],
  ["plan", "Improvement plan"],
  ["timeline", "Appendix A — Timeline"],
  ["method", "Appendix B — Method and rules"],
] as const;

export function renderHtml(a: Analysis): string {
  const o = a.overview;
  const body = [
    cover(a),
    section("summary", summary(a)),
    section("overview", overview(a)),
    section("curve", curve(a)),
    section("analysis", findingsSection(a)),
    section("metrics", metricsSection(a)),
    section("decisions", turnsSection(a)),
    section("hotline", transcriptSection(a)),
    section("notes", notesSection(a)),
    section("plan", improvementPlan(a)),
    section("timeline", timelineSection(a)),
    section("method", methodSection(a)),
  ].join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP_META}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Deconflict after-action report">
<title>${esc(`After-action report — ${o.exerciseTitle}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main class="page">
<div class="marking">Exercise — after-action report / improvement plan — exercise material</div>
${body}
<div class="marking bottom">End of report — generated from the recording ${esc(o.integrity.head.slice(0, 16))}…</div>
</main>
</body>
</html>
`;
}

function section(id: (typeof SECTIONS)[number][0], html: string): string {
  const n = SECTIONS.findIndex(([s]) => s === id);
  const title = SECTIONS[n]![1];
  const label = id === "timeline" || id === "method" ? title : `${n + 1}. ${title}`;
  return `<section class="major" id="${id}"><h2>${esc(label)}</h2>${html}</section>`;
}

function cover(a: Analysis): string {
  const o = a.overview;
  const rows: [string, string][] = [
    ["Exercise", `${o.exerciseTitle} (${o.exerciseId})`],
    ["Scenario", `${o.scenario.title} (${o.scenario.id})`],
    [
      "Played",
      o.startedAt === null
        ? "not started"
        : `${utc(o.startedAt)} – ${utc(o.endedAt ?? o.startedAt)} (${duration(o.durationMs)})`,
    ],
    ["Turns", `${o.turnsPlayed} of ${o.scenario.turns} (${o.turnsAdjudicated} adjudicated)`],
    ["Recording created", utc(o.createdAt)],
    ["Commands recorded", String(o.commandCount)],
    ["Seed / engine", `${o.seed} / engine ${o.engineVersion}`],
  ];
  return (
    `<header class="cover">
<div class="eyebrow">After-action report and improvement plan</div>
<h1>${esc(o.exerciseTitle)}</h1>
<p class="subtitle">${esc(subtitle(a))}</p>
<div class="outcome ${o.outcome.kind}"><div class="label">Outcome: ${esc(OUTCOME_LABEL[o.outcome.kind])}</div>` +
    `<div>${esc(o.outcome.text)}${o.outcome.kind === "unfinished" ? "" : ` — turn ${o.outcome.turn}`}.</div></div>
<table class="meta"><tbody>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("")}</tbody></table>
<div class="integrity ${o.integrity.status}${o.integrity.final === false ? " partial" : ""}">` +
    `${esc(o.integrity.text)}${o.engineNote ? ` ${esc(o.engineNote)}` : ""}</div>
<p class="small">This report is computed from the exercise recording. Its findings follow the rules stated in ` +
    `Appendix B and are a starting point for the hot wash and the evaluators' own analysis.</p>
<nav class="toc"><h3>Contents</h3><ol>${SECTIONS.map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`).join("")}</ol></nav>
</header>`
  );
}

function subtitle(a: Analysis): string {
  const o = a.overview;
  const shape = `${o.scenario.teams} states${o.scenario.mediator ? " and a mediator" : ""}, ${o.scenario.turns} turns`;
  return o.exerciseTitle === o.scenario.title
    ? `Cyber-crisis exercise — ${shape}`
    : `Scenario “${o.scenario.title}” — ${shape}`;
}

function tile(k: string, v: string, s: string, tone: "" | "good" | "bad" = ""): string {
  return `<div class="tile${tone ? ` ${tone}` : ""}"><div class="k">${esc(k)}</div><div class="v">${esc(v)}</div><div class="s">${esc(s)}</div></div>`;
}

function summary(a: Analysis): string {
  const m = a.metrics;
  const h = a.hotline.stats;
  const crossed = m.redLines.filter((l) => l.turnsAtAnyPoint > 0);
  const worst = [...m.redLines].sort((x, y) => y.from - x.from).find((l) => l.turnsAtAnyPoint > 0);
  const tiles = [
    tile(
      "Peak escalation",
      fmt(m.peak.value),
      m.peak.rung,
      m.redLines.some((l) => m.peak.value >= l.from) ? "bad" : "good",
    ),
    tile(
      "Final escalation",
      fmt(m.final.value),
      m.final.rung,
      m.redLines.some((l) => m.final.value >= l.from) ? "bad" : "good",
    ),
    tile(
      "Red lines crossed",
      `${crossed.length} of ${m.redLines.length}`,
      worst ? `highest: ${worst.name}` : "none crossed",
      crossed.length ? "bad" : "good",
    ),
    tile(
      "First hotline contact",
      m.firstContact ? duration(m.firstContact.ms) : "—",
      m.firstContact ? `turn ${m.firstContact.turn}, after the start` : "no message",
    ),
    tile(
      "Hotline answered in time",
      `${h.timely} / ${h.opened}`,
      h.medianMs === null ? "no answer" : `median ${duration(h.medianMs)}`,
      h.opened && h.timely === h.opened ? "good" : h.lapsed ? "bad" : "",
    ),
    tile(
      "Unanswered messages",
      String(h.lapsed + h.open),
      `${h.lapsed} lapsed, ${h.open} open`,
      h.lapsed + h.open ? "bad" : "good",
    ),
    tile(
      "Commitments kept",
      `${m.commitments.kept} / ${m.commitments.adopted}`,
      `${m.commitments.broken} broken`,
      m.commitments.broken ? "bad" : m.commitments.adopted ? "good" : "",
    ),
    tile(
      "Misattributions",
      String(m.misattributions.length),
      `${plural(m.misperceptions.length, "misperception")}`,
      m.misattributions.length ? "bad" : "good",
    ),
  ];
  const list = (kind: "strength" | "improvement") => {
    const fs = a.findings.filter((f) => f.kind === kind);
    return fs.length
      ? `<ul class="summary-list">${fs.map((f) => `<li><a href="#finding-${esc(f.id)}">${esc(f.title)}</a></li>`).join("")}</ul>`
      : `<p class="empty">None identified by the rules.</p>`;
  };
  return (
    summarySentences(a)
      .map((s) => `<p>${esc(s)}</p>`)
      .join("") +
    `<div class="tiles">${tiles.join("")}</div>` +
    `<div class="two"><div><h3>Strengths</h3>${list("strength")}</div><div><h3>Areas for improvement</h3>${list("improvement")}</div></div>`
  );
}

function overview(a: Analysis): string {
  const o = a.overview;
  const participants = table(
    ["Role", "Seat", "Participants"],
    o.participants.map((p) => [
      esc(roleLabel(p.role)),
      esc(p.label),
      p.names.length || p.bots.length ? esc(playedBy(p)) : `<span class="empty">no command recorded</span>`,
    ]),
  );
  const objectives = o.objectives.length
    ? table(
        [{ head: "#", cls: "num" }, "Objective", "Id"],
        o.objectives.map((x, i) => [`O${i + 1}`, esc(x.text), `<span class="small">${esc(x.id)}</span>`]),
      )
    : `<p class="empty">The scenario lists no exercise objective.</p>`;
  return `<h3>Scenario</h3><p>${esc(o.scenario.summary)}</p><h3>Participants</h3>${participants}<h3>Exercise objectives</h3>${objectives}`;
}

function ladderTable(a: Analysis): string {
  return table(
    [{ head: "From", cls: "num" }, "Rung", "Red line at this rung"],
    [...a.ladder.rungs].reverse().map((r) => [
      fmt(r.from),
      `<strong>${esc(r.name)}</strong>${r.description ? `<br><span class="small">${esc(r.description)}</span>` : ""}`,
      esc(
        a.ladder.redLines
          .filter((l) => l.rung === r.id)
          .map((l) => l.name)
          .join("; "),
      ),
    ]),
  );
}

function curve(a: Analysis): string {
  return (
    `${escalationSvg(a)}
<div class="legend"><span><i class="li"></i>Inject released</span><span><i class="ld"></i>Turn adjudicated</span>` +
    `<span><i class="lh"></i>Hotline exchange opened</span><span><i class="lr"></i>Red line</span></div>
<p class="small">Escalation (0–100) after each command; the coloured bands are the ladder's rungs. Each marker links to its command in Appendix A.</p>
<h3>The escalation ladder</h3><p>Escalation runs from 0 to 100 and started at ${fmt(a.ladder.start)}; reaching ` +
    `the top rung ends the exercise in failure. A red line is crossed when escalation reaches its rung.</p>` +
    `${ladderTable(a)}`
  );
}
