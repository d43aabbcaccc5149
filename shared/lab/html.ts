// The balance report as one self-contained HTML file: no script, inline CSS
// and SVG, nothing fetched (see html-style.ts for its CSP).
import { directionOf, type Lang, type Translator } from "../i18n/index.ts";
import { checkTitle, labTranslator, said, sectionHeading, statusText } from "./words.ts";
import { esc } from "../report/escape.ts";
import type { LabReport } from "./types.ts";
import { LAB_CSP_META, LAB_CSS } from "./html-style.ts";
import { causesSection, injectsSection, measuresSection, methodSection, varianceSection } from "./html-sections.ts";
import { fanSvg, shareBar } from "./html-charts.ts";
import { ablationSection, unfoldingSection } from "./html-crisis.ts";
import { measuredText, thresholdText, whyText } from "./check-words.ts";
import { labNumbers } from "./numbers.ts";

export const pc = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const n2 = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
/** An escalation value: whole numbers as they are, others to one decimal. */
const esc1 = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
const STATUS = { pass: "pass", fail: "fail", unmeasured: "not measured" } as const;

/** The balance report of a lab run. */
export function labHtml(r: LabReport, lang: Lang = "en"): string {
  const tr = labTranslator(lang);
  const title = said(tr, "lab-report.title", `Balance report — ${r.scenario.title}`, { scenario: r.scenario.title });
  const dir = directionOf(lang) === "rtl" ? ' dir="rtl"' : "";
  return [
    "<!doctype html>",
    `<html lang="${lang}"${dir}><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${esc(LAB_CSP_META)}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(title)}</title><style>${LAB_CSS}</style></head>`,
    `<body><main class="page">`,
    header(r, tr),
    checksSection(r, tr),
    outcomesSection(r, tr),
    ablationSection(r, tr),
    unfoldingSection(r, tr),
    fansSection(r, tr),
    causesSection(r, tr),
    injectsSection(r, tr),
    measuresSection(r, tr),
    varianceSection(r, tr),
    methodSection(r, tr),
    `</main></body></html>`,
  ].join("\n");
}

function header(r: LabReport, tr: Translator): string {
  const passed = r.checks.filter((c) => c.status === "pass").length;
  const chance = r.variance.find((v) => v.measure === "score");
  const played = r.gamesPerProfile * (r.profiles.length + r.ablation.length);
  const ablated = r.ablation.length ? `, ${r.ablation.length} more with trust or standing off` : "";
  const d = r.profiles.find((p) => p.id === "diplomats");
  const tile = (v: string, k: string, cls = "") =>
    `<div class="tile ${cls}"><div class="v">${esc(v)}</div><div class="k">${esc(k)}</div></div>`;
  const num = labNumbers(tr);
  const eyebrow = said(tr, "lab-report.eyebrow", "Deconflict · simulation lab · balance report");
  return `<div class="eyebrow">${esc(eyebrow)}</div>
<h1${tr.locale === "en" ? "" : ' dir="auto"'}>${esc(r.scenario.title)}</h1>
<p class="subtitle">${esc(
    said(
      tr,
      "lab-report.subtitle",
      `${r.gamesPerProfile.toLocaleString("en")} games per profile, ${r.profiles.length} profiles${ablated} ` +
        `(${played.toLocaleString("en")} games) · seed “${r.seed}” · ` +
        `${r.scenario.teams.length} states${r.scenario.mediator ? " and the mediator bot" : ""} · ` +
        `${r.scenario.turns} turns · rules ${r.engineVersion}`,
      {
        games: r.gamesPerProfile,
        profiles: r.profiles.length,
        ablated: r.ablation.length ? "yes" : "no",
        more: r.ablation.length,
        played,
        seed: r.seed,
        states: r.scenario.teams.length,
        mediator: r.scenario.mediator ? "yes" : "no",
        turns: r.scenario.turns,
        rules: r.engineVersion,
      },
    ),
  )}</p>
<div class="tiles">
${tile(
  said(tr, "lab-report.tile.passed-value", `${passed} of ${r.checks.length}`, { passed, total: r.checks.length }),
  said(tr, "lab-report.tile.passed", "lesson checks passed"),
  passed === r.checks.length ? "good" : "bad",
)}
${d ? tile(num.pc(d.outcomes.agreement.share), said(tr, "lab-report.tile.settle", "careful diplomats settle")) : ""}
${chance ? tile(num.pc(chance.chance), said(tr, "lab-report.tile.chance", "of outcome variance is chance")) : ""}
${tile(num.int(r.scenario.injects.length), said(tr, "lab-report.tile.injects", "injects in the events list"))}
${(["trust", "standing"] as const).map((off) => ablationTile(r, off, tile, tr)).join("\n")}
</div>`;
}

/** The largest change of an agreement or failure share when `off` is switched off, as a tile (none if not played). */
function ablationTile(
  r: LabReport,
  off: "trust" | "standing",
  tile: (v: string, k: string) => string,
  tr: Translator,
): string {
  const lines = r.ablation.filter((l) => l.off === off);
  if (!lines.length) return "";
  const moved = Math.max(...lines.map((l) => Math.max(Math.abs(l.shift.agreement), Math.abs(l.shift.failure))));
  const points = Math.round(moved * 1000) / 10;
  const label =
    off === "trust"
      ? said(tr, "lab-report.tile.trust-off", "largest outcome change with trust off")
      : said(tr, "lab-report.tile.standing-off", "largest outcome change with standing off");
  return tile(said(tr, "lab-report.tile.points", `${points} pts`, { points }), label);
}

function checksSection(r: LabReport, tr: Translator): string {
  const rows = r.checks.map(
    (c) => `<tr><td><span class="pill ${c.status}">${esc(statusText(tr, c.status, STATUS[c.status]))}</span></td>
<td><div class="title">${esc(checkTitle(tr, c.id, c.title))}</div><div class="why">${esc(whyText(tr, c))}</div></td>
<td>${esc(measuredText(tr, c))}</td><td>${esc(thresholdText(tr, c))}</td></tr>`,
  );
  const intro = said(
    tr,
    "lab-report.checks-intro",
    "Does the scenario teach what the exercise is meant to teach? Each check compares profiles of bots that play\n" +
      "their policies in good faith. A check that could not be measured (its moves never happened) does not pass.",
  );
  const th = (key: string, english: string) => `<th>${esc(said(tr, key, english))}</th>`;
  return `<h2 id="checks">${esc(said(tr, "lab-report.checks-heading", "Lesson checks"))}</h2>
<p>${esc(intro)}</p>
<table class="checks"><thead><tr>${th("lab-report.col-result", "Result")}${th("lab-report.col-check", "Check")}${th(
    "lab-report.col-measured",
    "Measured",
  )}${th("lab-report.col-threshold", "Threshold")}</tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

function outcomesSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const rows = r.profiles.map((p) => {
    const o = p.outcomes;
    const cell = (x: typeof o.agreement) =>
      `<td class="num">${pc(x.share)}<div class="small">${pc(x.low)}–${pc(x.high)}</div></td>`;
    const bar = shareBar([
      { share: o.agreement.share, colour: "#1e6b3a", label: "Agreement" },
      { share: o.time.share, colour: "#8a94a3", label: "Time ran out" },
      { share: o.failure.share, colour: "#b3261e", label: "Failure" },
    ]);
    const score = p.score.mean < 0 ? `−${n2(-p.score.mean)}` : n2(p.score.mean);
    return `<tr><td><strong>${esc(p.label)}</strong><div class="small">${esc(p.about)}</div></td>
${cell(o.agreement)}${cell(o.time)}${cell(o.failure)}
<td class="num">${score}<div class="small">± ${n2(1.96 * p.score.se)}</div></td><td>${bar}</td></tr>`;
  });
  return `${sectionHeading(tr, "outcomes", "Outcomes by profile")}
<p>How the games ended: the parties concluded the scenario's agreement, the turns ran out, or escalation reached the
top rung (failure). Under each share, its Wilson 95% interval. The score counts agreement +1, time 0, failure −1.</p>
<div class="legend"><span><i class="la"></i>Agreement</span><span><i class="lt"></i>Time ran out</span>
<span><i class="lf"></i>Failure</span></div>
<div class="wide"><table><thead><tr><th>Profile</th><th class="num">Agreement</th><th class="num">Time</th>
<th class="num">Failure</th><th class="num">Score</th><th></th></tr></thead><tbody>${rows.join("\n")}</tbody></table></div>`;
}

function fansSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const fans = r.profiles.map(
    (p) => `<div class="fan"><h3>${esc(p.label)}</h3>
<p class="about">${esc(
      `Peak ${esc1(p.peak.mean)} on average (80% of games ${esc1(p.peak.p10)}–${esc1(p.peak.p90)}); ` +
        `final ${esc1(p.final.mean)} (${esc1(p.final.p10)}–${esc1(p.final.p90)}).`,
    )}</p>${fanSvg(r, p)}</div>`,
  );
  return `${sectionHeading(tr, "escalation", "Escalation by turn")}
<p>Escalation at the start and at the end of each turn, over every game of a profile: the median, the middle half
and the middle 80% of games. A game that ended early keeps its last value. The bands behind are the ladder's rungs.</p>
<div class="legend"><span><i class="lm"></i>Median</span><span><i class="l50"></i>Middle 50%</span>
<span><i class="l90"></i>Middle 80%</span><span><i class="lr"></i>Red line</span></div>
<div class="fans">${fans.join("\n")}</div>`;
}
