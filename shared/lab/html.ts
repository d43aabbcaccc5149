// The balance report as one self-contained HTML file: no script, inline CSS
// and SVG, nothing fetched (see html-style.ts for its CSP).
import { directionOf, type Lang, type Translator } from "../i18n/index.ts";
import { checkTitle, labTranslator, said, sectionHeading, statusText } from "./words.ts";
import { esc } from "../report/escape.ts";
import type { LabReport } from "./types.ts";
import { LAB_CSP_META, LAB_CSS } from "./html-style.ts";
import { causesSection, injectsSection, measuresSection, methodSection, varianceSection } from "./html-sections.ts";
import { fansSection, outcomesSection } from "./html-outcomes.ts";
import { ablationSection, unfoldingSection } from "./html-crisis.ts";
import { measuredText, thresholdText, whyText } from "./check-words.ts";
import { labNumbers } from "./numbers.ts";

export const pc = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
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
