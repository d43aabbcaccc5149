// The balance report's sections for issue 12's measures: how each profile's
// games unfold (scheduled events released, the earliest agreement, games not
// calmer than they began, the seed's share of the spread), and the ablation:
// each ablated profile's outcomes with trust off and with standing off,
// against itself with the whole model. In the reader's language (lab-report).
import { labTranslator, said, saidHtml, sectionHeading } from "./words.ts";
import type { Translator } from "../i18n/index.ts";
import { esc } from "../report/escape.ts";
import type { AblationLine, LabReport, ProfileStats } from "./types.ts";
import { THRESHOLDS } from "./thresholds.ts";
import { shareBar } from "./html-charts.ts";
import { profileWord } from "./check-words.ts";
import { labNumbers } from "./numbers.ts";
import { outcomeLabels, th } from "./html-outcomes.ts";

/** A change in points of a share, signed (± at zero). */
function points(tr: Translator, x: number): string {
  const sign = x > 0 ? "+" : x < 0 ? "−" : "±";
  const v = Math.round(Math.abs(x) * 1000) / 10;
  return `${sign}${tr.locale === "en" ? v.toFixed(1) : tr.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`;
}

export function unfoldingSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const num = labNumbers(tr);
  const n = (x: number) => (tr.locale === "en" ? String(x) : tr.number(x));
  const rows = r.profiles.map((p) => {
    const seed = p.seedShare === null ? "·" : num.pc(p.seedShare);
    const low = p.seedShare !== null && p.seedShare < THRESHOLDS.seedShareMin ? "up" : "";
    return `<tr><td>${esc(profileWord(tr, p.id, "label", p.label))}</td><td class="num">${
      r.scenario.scheduled.length ? num.pc(p.scheduledRelease) : "·"
    }</td>
<td class="num">${p.earliestAgreement === null ? "·" : n(p.earliestAgreement)}</td><td class="num">${n(p.earlyAgreements)}</td>
<td class="num">${num.pc(p.notCalmer.share)}</td><td class="num">${num.n2(p.finalVariance)}</td>
<td class="num ${low}">${seed}</td></tr>`;
  });
  const intro = saidHtml(
    tr,
    "lab-report.unfolding.intro",
    `The scheduled events list is the ${r.scenario.scheduled.length} injects with a time (<code>at</code>); a game's share
leaves out those its seed dropped (a <code>chance</code> or <code>group</code> draw). An agreement before turn
${r.scenario.midpoint} (the midpoint, ceil((turns + 1) / 2)) is early. <em>Not calmer</em>: games that ended at or
above the starting escalation (${r.scenario.start}), or in failure. <em>Seed's share</em>: a profile's variance of final
escalation over its seeds, divided by the variance over every deliberate game pooled (${num.n2(r.deliberateVariance)};
every profile but random).`,
    {
      scheduled: r.scenario.scheduled.length,
      midpoint: r.scenario.midpoint,
      start: r.scenario.start,
      pooled: num.n2(r.deliberateVariance),
    },
  );
  return `${sectionHeading(tr, "unfolding", "How the games unfold")}
<p>${intro}</p>
<div class="wide"><table><thead><tr>${th(tr, "lab-report.col.profile", "Profile")}${th(
    tr,
    "lab-report.col.scheduled-released",
    "Scheduled released",
    true,
  )}
${th(tr, "lab-report.col.earliest-agreement", "Earliest agreement", true)}${th(
    tr,
    "lab-report.col.early-agreements",
    "Early agreements",
    true,
  )}${th(tr, "lab-report.col.not-calmer", "Not calmer", true)}
${th(tr, "lab-report.col.final-variance", "Variance of final", true)}${th(
    tr,
    "lab-report.col.seed-share",
    "Seed's share",
    true,
  )}</tr></thead>
<tbody>${rows.join("\n")}</tbody></table></div>`;
}

function ablationRow(tr: Translator, line: AblationLine, full: ProfileStats): string {
  const num = labNumbers(tr);
  const o = line.outcomes;
  const o3 = outcomeLabels(tr);
  const bar = shareBar(
    [
      { share: o.agreement.share, colour: "#1e6b3a", label: o3.agreement },
      { share: o.time.share, colour: "#8a94a3", label: o3.time },
      { share: o.failure.share, colour: "#b3261e", label: o3.failure },
    ],
    tr,
  );
  const moved = Math.max(Math.abs(line.shift.agreement), Math.abs(line.shift.failure)) >= THRESHOLDS.ablationShift;
  const part =
    line.off === "trust"
      ? said(tr, "lab-report.ablation.trust-off", "Trust off")
      : said(tr, "lab-report.ablation.standing-off", "Standing off");
  const withIt = (v: string) => esc(said(tr, "lab-report.ablation.with-it", `${v} with it`, { value: v }));
  return `<tr><td>${esc(profileWord(tr, full.id, "label", full.label))}</td><td>${esc(part)}</td>
<td class="num">${num.pc(o.agreement.share)}<div class="small">${withIt(num.pc(full.outcomes.agreement.share))}</div></td>
<td class="num">${num.pc(o.failure.share)}<div class="small">${withIt(num.pc(full.outcomes.failure.share))}</div></td>
<td class="num ${moved ? "up" : ""}">${points(tr, line.shift.agreement)} / ${points(tr, line.shift.failure)}</td>
<td class="num">${num.n2(line.finalMean)}<div class="small">${withIt(num.n2(full.final.mean))}</div></td><td>${bar}</td></tr>`;
}

export function ablationSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const heading = sectionHeading(tr, "ablation", "Trust and standing switched off");
  if (!r.ablation.length)
    return `${heading}<p>${saidHtml(tr, "lab-report.ablation.none", "No profile was played with a part switched off.")}</p>`;
  const rows = r.ablation.map((l) =>
    ablationRow(
      tr,
      l,
      r.profiles.find((p) => p.id === l.profile)!,
    ),
  );
  const shift = labNumbers(tr).pc(THRESHOLDS.ablationShift);
  const intro = saidHtml(
    tr,
    "lab-report.ablation.intro",
    `The ablation: these profiles were played again on the same seeds with trust between states switched off (it then
changes nothing), and again with international standing switched off. Beside each share, the same profile's with the
whole model; the change is in points of agreement / failure (red: ${shift} or more).`,
    { shift },
  );
  return `${heading}
<p>${intro}</p>
<div class="wide"><table><thead><tr>${th(tr, "lab-report.col.profile", "Profile")}${th(
    tr,
    "lab-report.col.switched-off",
    "Switched off",
  )}${th(tr, "lab-report.outcome.agreement", "Agreement", true)}
${th(tr, "lab-report.outcome.failure", "Failure", true)}${th(tr, "lab-report.col.change", "Change", true)}${th(
    tr,
    "lab-report.col.final-escalation",
    "Final escalation",
    true,
  )}<th></th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table></div>`;
}
