// The balance report's outcomes by profile and escalation fans, in the reader's language: English readers get
// the lab's own English HTML byte for byte; other readers the lab-report catalogue and their locale's numbers.
import type { Translator } from "../i18n/index.ts";
import { labTranslator, said, saidHtml, sectionHeading } from "./words.ts";
import { profileWord } from "./check-words.ts";
import { labNumbers } from "./numbers.ts";
import { esc } from "../report/escape.ts";
import type { LabReport, ProfileStats } from "./types.ts";
import { fanSvg, shareBar } from "./html-charts.ts";

/** An escalation value: whole numbers as they are, others to one decimal (in the reader's locale). */
function esc1(tr: Translator, x: number): string {
  if (tr.locale === "en") return Number.isInteger(x) ? String(x) : x.toFixed(1);
  const d = Number.isInteger(x) ? 0 : 1;
  return tr.number(Math.round(x * 10) / 10, { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** The three ways a game ends, as the legend and the bars name them. */
export function outcomeLabels(tr: Translator) {
  return {
    agreement: said(tr, "lab-report.outcome.agreement", "Agreement"),
    time: said(tr, "lab-report.outcome.time-ran-out", "Time ran out"),
    failure: said(tr, "lab-report.outcome.failure", "Failure"),
  };
}

/** A header cell: `num` for a number column. */
export function th(tr: Translator, key: string, english: string, num = false): string {
  return `<th${num ? ' class="num"' : ""}>${tr.locale === "en" ? english : esc(said(tr, key, english))}</th>`;
}

export function outcomesSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const num = labNumbers(tr);
  const o3 = outcomeLabels(tr);
  const rows = r.profiles.map((p) => {
    const o = p.outcomes;
    const cell = (x: typeof o.agreement) =>
      `<td class="num">${num.pc(x.share)}<div class="small">${num.pc(x.low)}–${num.pc(x.high)}</div></td>`;
    const bar = shareBar(
      [
        { share: o.agreement.share, colour: "#1e6b3a", label: o3.agreement },
        { share: o.time.share, colour: "#8a94a3", label: o3.time },
        { share: o.failure.share, colour: "#b3261e", label: o3.failure },
      ],
      tr,
    );
    const mean = p.score.mean;
    const score = tr.locale === "en" ? (mean < 0 ? `−${num.n2(-mean)}` : num.n2(mean)) : num.n2(mean);
    return `<tr><td><strong>${esc(profileWord(tr, p.id, "label", p.label))}</strong><div class="small">${esc(
      profileWord(tr, p.id, "about", p.about),
    )}</div></td>
${cell(o.agreement)}${cell(o.time)}${cell(o.failure)}
<td class="num">${score}<div class="small">± ${num.n2(1.96 * p.score.se)}</div></td><td>${bar}</td></tr>`;
  });
  const intro = saidHtml(
    tr,
    "lab-report.outcomes.intro",
    `How the games ended: the parties concluded the scenario's agreement, the turns ran out, or escalation reached the
top rung (failure). Under each share, its Wilson 95% interval. The score counts agreement +1, time 0, failure −1.`,
  );
  return `${sectionHeading(tr, "outcomes", "Outcomes by profile")}
<p>${intro}</p>
<div class="legend"><span><i class="la"></i>${esc(o3.agreement)}</span><span><i class="lt"></i>${esc(o3.time)}</span>
<span><i class="lf"></i>${esc(o3.failure)}</span></div>
<div class="wide"><table><thead><tr>${th(tr, "lab-report.col.profile", "Profile")}${th(
    tr,
    "lab-report.outcome.agreement",
    "Agreement",
    true,
  )}${th(tr, "lab-report.col.time", "Time", true)}
${th(tr, "lab-report.outcome.failure", "Failure", true)}${th(tr, "lab-report.col.score", "Score", true)}<th></th></tr></thead><tbody>${rows.join(
    "\n",
  )}</tbody></table></div>`;
}

function fanAbout(tr: Translator, p: ProfileStats): string {
  const e = (x: number) => esc1(tr, x);
  return said(
    tr,
    "lab-report.fan.about",
    `Peak ${e(p.peak.mean)} on average (80% of games ${e(p.peak.p10)}–${e(p.peak.p90)}); ` +
      `final ${e(p.final.mean)} (${e(p.final.p10)}–${e(p.final.p90)}).`,
    {
      peak: e(p.peak.mean),
      peakLow: e(p.peak.p10),
      peakHigh: e(p.peak.p90),
      final: e(p.final.mean),
      finalLow: e(p.final.p10),
      finalHigh: e(p.final.p90),
    },
  );
}

export function fansSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const fans = r.profiles.map(
    (p) => `<div class="fan"><h3>${esc(profileWord(tr, p.id, "label", p.label))}</h3>
<p class="about">${esc(fanAbout(tr, p))}</p>${fanSvg(r, p, tr)}</div>`,
  );
  const intro = saidHtml(
    tr,
    "lab-report.fan.intro",
    `Escalation at the start and at the end of each turn, over every game of a profile: the median, the middle half
and the middle 80% of games. A game that ended early keeps its last value. The bands behind are the ladder's rungs.`,
  );
  const l = (key: string, english: string) => esc(said(tr, key, english));
  return `${sectionHeading(tr, "escalation", "Escalation by turn")}
<p>${intro}</p>
<div class="legend"><span><i class="lm"></i>${l("lab-report.fan.median", "Median")}</span><span><i class="l50"></i>${l(
    "lab-report.fan.middle-50",
    "Middle 50%",
  )}</span>
<span><i class="l90"></i>${l("lab-report.fan.middle-80", "Middle 80%")}</span><span><i class="lr"></i>${l(
    "lab-report.fan.red-line",
    "Red line",
  )}</span></div>
<div class="fans">${fans.join("\n")}</div>`;
}
