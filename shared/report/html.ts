// The after-action report as ONE self-contained HTML document: inline CSS, the
// escalation curve as inline SVG, no external resource; prints on A4. Every
// text from the recording is escaped.
import type { Analysis } from "./types.ts";
import { esc } from "./escape.ts";
import { reportCss } from "./html-style.ts";
import { reportCspMeta } from "./html-csp.ts";
import { integrityText } from "./integrity.ts";
import { table } from "./html-parts.ts";
import { utc } from "./format.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";
import { escalationSvg } from "./chart.ts";
import { playedBy, roleLabel, seatLabel, summarySentences } from "./summary.ts";
import { findingsSection, metricsSection } from "./html-sections.ts";
import {
  improvementPlan,
  methodSection,
  notesSection,
  timelineSection,
  transcriptSection,
  turnsSection,
} from "./html-detail.ts";

/** The report's sections, in order, with the catalogue keys of their titles. */
export const SECTIONS = [
  ["summary", "report.section.summary"],
  ["overview", "report.section.overview"],
  ["curve", "report.section.curve"],
  ["analysis", "report.section.analysis"],
  ["metrics", "report.section.metrics"],
  ["decisions", "report.section.decisions"],
  ["hotline", "report.section.hotline"],
  ["notes", "report.section.notes"],
  ["plan", "report.section.plan"],
  ["timeline", "report.section.timeline"],
  ["method", "report.section.method"],
] as const;

const OUTCOME_KEYS: Record<Analysis["overview"]["outcome"]["kind"], string> = {
  agreement: "report.outcome.agreement",
  failure: "report.outcome.failure",
  time: "report.outcome.time",
  facilitator: "report.outcome.facilitator",
  unfinished: "report.outcome.unfinished",
};

/** The report as one HTML document, in the language given (analyze with the same language's words). */
export function renderHtml(a: Analysis, rl: ReportLanguage = reportLanguage()): string {
  const o = a.overview;
  const t = rl.tr.t;
  const section = (id: (typeof SECTIONS)[number][0], html: string) => sectionHtml(id, html, rl);
  const body = [
    cover(a, rl),
    section("summary", summary(a, rl)),
    section("overview", overview(a, rl)),
    section("curve", curve(a, rl)),
    section("analysis", findingsSection(a, rl)),
    section("metrics", metricsSection(a, rl)),
    section("decisions", turnsSection(a, rl)),
    section("hotline", transcriptSection(a, rl)),
    section("notes", notesSection(a, rl)),
    section("plan", improvementPlan(a, rl)),
    section("timeline", timelineSection(a, rl)),
    section("method", methodSection(a, rl)),
  ].join("\n");
  return `<!doctype html>
<html lang="${rl.tr.lang}" dir="${rl.tr.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCspMeta(rl.tr.lang)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Deconflict after-action report">
<title>${esc(t("report.html-title", { title: o.exerciseTitle }))}</title>
<style>${reportCss(rl.tr.lang)}</style>
</head>
<body>
<main class="page">
<div class="marking">${esc(t("report.marking"))}</div>
${body}
<div class="marking bottom">${esc(t("report.marking-end", { head: o.integrity.head.slice(0, 16) }))}</div>
</main>
</body>
</html>
`;
}

function sectionHtml(id: (typeof SECTIONS)[number][0], html: string, rl: ReportLanguage): string {
  const n = SECTIONS.findIndex(([s]) => s === id);
  const title = rl.tr.t(SECTIONS[n]![1]);
  const label = id === "timeline" || id === "method" ? title : rl.tr.t("report.section.numbered", { n: n + 1, title });
  return `<section class="major" id="${id}"><h2>${esc(label)}</h2>${html}</section>`;
}

function cover(a: Analysis, rl: ReportLanguage): string {
  const o = a.overview;
  const t = rl.tr.t;
  const played = (from: number) =>
    t("report.cover.played-value", {
      from: utc(from),
      to: utc(o.endedAt ?? from),
      duration: rl.duration(o.durationMs),
    });
  const rows: [string, string][] = [
    [t("report.cover.exercise"), `${o.exerciseTitle} (${o.exerciseId})`],
    [t("report.cover.scenario"), `${o.scenario.title} (${o.scenario.id})`],
    [t("report.cover.played"), o.startedAt === null ? t("report.cover.not-started") : played(o.startedAt)],
    [
      t("report.cover.turns"),
      t("report.cover.turns-value", {
        played: o.turnsPlayed,
        turns: o.scenario.turns,
        adjudicated: o.turnsAdjudicated,
      }),
    ],
    [t("report.cover.created"), utc(o.createdAt)],
    [t("report.cover.commands"), rl.tr.number(o.commandCount)],
    [t("report.cover.seed"), t("report.cover.seed-value", { seed: o.seed, engine: o.engineVersion })],
  ];
  // the exercise's own title reads in its own direction inside a right-to-left report
  const auto = rl.tr.dir === "rtl" ? ' dir="auto"' : "";
  const outcome = t("report.cover.outcome-text", {
    text: o.outcome.text,
    hasTurn: o.outcome.kind === "unfinished" ? "no" : "yes",
    turn: o.outcome.kind === "unfinished" ? 0 : o.outcome.turn,
  });
  return (
    `<header class="cover">
<div class="eyebrow">${esc(t("report.cover.eyebrow"))}</div>
<h1${auto}>${esc(o.exerciseTitle)}</h1>
<p class="subtitle">${esc(subtitle(a, rl))}</p>
<div class="outcome ${o.outcome.kind}"><div class="label">` +
    `${esc(t("report.cover.outcome", { label: t(OUTCOME_KEYS[o.outcome.kind]) }))}</div><div>${esc(outcome)}</div></div>
<table class="meta"><tbody>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("")}</tbody></table>
<div class="integrity ${o.integrity.status}${o.integrity.final === false ? " partial" : ""}">` +
    `${esc(integrityText(o.integrity, o.commandCount, rl))}${o.engineNote ? ` ${esc(o.engineNote)}` : ""}</div>
<p class="small">${esc(t("report.cover.note"))}</p>
<nav class="toc"><h3>${esc(t("report.cover.contents"))}</h3><ol>` +
    `${SECTIONS.map(([id, key]) => `<li><a href="#${id}">${esc(t(key))}</a></li>`).join("")}</ol></nav>
</header>`
  );
}

function subtitle(a: Analysis, rl: ReportLanguage): string {
  const o = a.overview;
  const shape = { teams: o.scenario.teams, mediator: o.scenario.mediator ? "yes" : "no", turns: o.scenario.turns };
  return o.exerciseTitle === o.scenario.title
    ? rl.tr.t("report.subtitle.own", shape)
    : rl.tr.t("report.subtitle.scenario", { ...shape, scenario: o.scenario.title });
}

function tile(k: string, v: string, s: string, tone: "" | "good" | "bad" = ""): string {
  return `<div class="tile${tone ? ` ${tone}` : ""}"><div class="k">${esc(k)}</div><div class="v">${esc(v)}</div><div class="s">${esc(s)}</div></div>`;
}

function summary(a: Analysis, rl: ReportLanguage): string {
  const t = rl.tr.t;
  const n = (v: number) => rl.tr.number(v, { maximumFractionDigits: 1 });
  const m = a.metrics;
  const h = a.hotline.stats;
  const crossed = m.redLines.filter((l) => l.turnsAtAnyPoint > 0);
  const worst = [...m.redLines].sort((x, y) => y.from - x.from).find((l) => l.turnsAtAnyPoint > 0);
  const tiles = [
    tile(
      t("report.tile.peak"),
      n(m.peak.value),
      m.peak.rung,
      m.redLines.some((l) => m.peak.value >= l.from) ? "bad" : "good",
    ),
    tile(
      t("report.tile.final"),
      n(m.final.value),
      m.final.rung,
      m.redLines.some((l) => m.final.value >= l.from) ? "bad" : "good",
    ),
    tile(
      t("report.tile.red-lines"),
      t("report.tile.red-lines-value", { crossed: crossed.length, total: m.redLines.length }),
      worst ? t("report.tile.red-lines-highest", { name: worst.name }) : t("report.tile.red-lines-none"),
      crossed.length ? "bad" : "good",
    ),
    tile(
      t("report.tile.first-contact"),
      m.firstContact ? rl.duration(m.firstContact.ms) : "—",
      m.firstContact ? t("report.tile.first-contact-turn", { turn: m.firstContact.turn }) : t("report.tile.no-message"),
    ),
    tile(
      t("report.tile.timely"),
      t("report.tile.ratio", { n: h.timely, of: h.opened }),
      h.medianMs === null ? t("report.tile.no-answer") : t("report.tile.median", { duration: rl.duration(h.medianMs) }),
      h.opened && h.timely === h.opened ? "good" : h.lapsed ? "bad" : "",
    ),
    tile(
      t("report.tile.unanswered"),
      rl.tr.number(h.lapsed + h.open),
      t("report.tile.unanswered-detail", { lapsed: h.lapsed, open: h.open }),
      h.lapsed + h.open ? "bad" : "good",
    ),
    tile(
      t("report.tile.commitments"),
      t("report.tile.ratio", { n: m.commitments.kept, of: m.commitments.adopted }),
      t("report.tile.broken", { broken: m.commitments.broken }),
      m.commitments.broken ? "bad" : m.commitments.adopted ? "good" : "",
    ),
    tile(
      t("report.tile.misattributions"),
      rl.tr.number(m.misattributions.length),
      t("report.tile.misperceptions", { n: m.misperceptions.length }),
      m.misattributions.length ? "bad" : "good",
    ),
  ];
  const list = (kind: "strength" | "improvement") => {
    const fs = a.findings.filter((f) => f.kind === kind);
    return fs.length
      ? `<ul class="summary-list">${fs.map((f) => `<li><a href="#finding-${esc(f.id)}">${esc(f.title)}</a></li>`).join("")}</ul>`
      : `<p class="empty">${esc(t("report.summary.none"))}</p>`;
  };
  return (
    summarySentences(a, rl)
      .map((s) => `<p>${esc(s)}</p>`)
      .join("") +
    `<div class="tiles">${tiles.join("")}</div>` +
    `<div class="two"><div><h3>${esc(t("report.summary.strengths"))}</h3>${list("strength")}</div>` +
    `<div><h3>${esc(t("report.summary.improvements"))}</h3>${list("improvement")}</div></div>`
  );
}

function overview(a: Analysis, rl: ReportLanguage): string {
  const o = a.overview;
  const t = rl.tr.t;
  // the scenario's and the participants' own words read in their own direction inside a right-to-left report
  const auto = rl.tr.dir === "rtl" ? ' dir="auto"' : "";
  const own = (html: string) => (auto ? `<span${auto}>${html}</span>` : html);
  const participants = table(
    [t("report.overview.role"), t("report.overview.seat"), t("report.overview.participants")],
    o.participants.map((p) => [
      esc(roleLabel(p.role, rl)),
      own(esc(seatLabel(p, rl))),
      p.names.length || p.bots.length
        ? own(esc(playedBy(p, rl)))
        : `<span class="empty">${esc(t("report.overview.no-command"))}</span>`,
    ]),
  );
  const objectives = o.objectives.length
    ? table(
        [{ head: "#", cls: "num" }, t("report.overview.objective"), t("report.overview.id")],
        o.objectives.map((x, i) => [`O${i + 1}`, own(esc(x.text)), `<span class="small">${esc(x.id)}</span>`]),
      )
    : `<p class="empty">${esc(t("report.overview.no-objective"))}</p>`;
  return (
    `<h3>${esc(t("report.overview.scenario"))}</h3><p${auto}>${esc(o.scenario.summary)}</p>` +
    `<h3>${esc(t("report.overview.participants"))}</h3>${participants}` +
    `<h3>${esc(t("report.overview.objectives"))}</h3>${objectives}`
  );
}

function ladderTable(a: Analysis, rl: ReportLanguage): string {
  const t = rl.tr.t;
  // the scenario's own words read in their own direction inside a right-to-left report
  const own = (html: string) => (rl.tr.dir === "rtl" ? `<div dir="auto">${html}</div>` : html);
  return table(
    [{ head: t("report.ladder.from"), cls: "num" }, t("report.ladder.rung"), t("report.ladder.red-line")],
    [...a.ladder.rungs].reverse().map((r) => [
      rl.tr.number(r.from, { maximumFractionDigits: 1 }),
      own(
        `<strong>${esc(r.name)}</strong>${r.description ? `<br><span class="small">${esc(r.description)}</span>` : ""}`,
      ),
      own(
        esc(
          a.ladder.redLines
            .filter((l) => l.rung === r.id)
            .map((l) => l.name)
            .join("; "),
        ),
      ),
    ]),
  );
}

function curve(a: Analysis, rl: ReportLanguage): string {
  const t = rl.tr.t;
  const key = (cls: string, text: string) => `<span><i class="${cls}"></i>${esc(text)}</span>`;
  return (
    `${escalationSvg(a, rl)}
<div class="legend">${key("li", t("report.curve.inject"))}${key("ld", t("report.curve.decision"))}` +
    `${key("lh", t("report.curve.hotline"))}${key("lr", t("report.curve.red-line"))}</div>
<p class="small">${esc(t("report.curve.note"))}</p>
<h3>${esc(t("report.ladder.title"))}</h3>` +
    `<p>${esc(t("report.ladder.note", { start: rl.tr.number(a.ladder.start, { maximumFractionDigits: 1 }) }))}</p>` +
    `${ladderTable(a, rl)}`
  );
}
