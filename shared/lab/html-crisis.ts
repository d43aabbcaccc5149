// The balance report's sections for issue 12's measures: how each profile's
// games unfold (scheduled events released, the earliest agreement, games not
// calmer than they began, the seed's share of the spread), and the ablation:
// each ablated profile's outcomes with trust off and with standing off,
// against itself with the whole model.
import { labTranslator, sectionHeading } from "./words.ts";
import type { Translator } from "../i18n/index.ts";
import { esc } from "../report/escape.ts";
import type { AblationLine, LabReport, ProfileStats } from "./types.ts";
import { THRESHOLDS } from "./thresholds.ts";
import { shareBar } from "./html-charts.ts";

const pc = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const n2 = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
const points = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${(Math.round(Math.abs(x) * 1000) / 10).toFixed(1)}`;
const PART = { trust: "Trust off", standing: "Standing off" } as const;

export function unfoldingSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const rows = r.profiles.map((p) => {
    const seed = p.seedShare === null ? "·" : pc(p.seedShare);
    const low = p.seedShare !== null && p.seedShare < THRESHOLDS.seedShareMin ? "up" : "";
    return `<tr><td>${esc(p.label)}</td><td class="num">${r.scenario.scheduled.length ? pc(p.scheduledRelease) : "·"}</td>
<td class="num">${p.earliestAgreement ?? "·"}</td><td class="num">${p.earlyAgreements}</td>
<td class="num">${pc(p.notCalmer.share)}</td><td class="num">${n2(p.finalVariance)}</td>
<td class="num ${low}">${seed}</td></tr>`;
  });
  return `${sectionHeading(tr, "unfolding", "How the games unfold")}
<p>The scheduled events list is the ${r.scenario.scheduled.length} injects with a time (<code>at</code>); a game's share
leaves out those its seed dropped (a <code>chance</code> or <code>group</code> draw). An agreement before turn
${r.scenario.midpoint} (the midpoint, ceil((turns + 1) / 2)) is early. <em>Not calmer</em>: games that ended at or
above the starting escalation (${r.scenario.start}), or in failure. <em>Seed's share</em>: a profile's variance of final
escalation over its seeds, divided by the variance over every deliberate game pooled (${n2(r.deliberateVariance)};
every profile but random).</p>
<div class="wide"><table><thead><tr><th>Profile</th><th class="num">Scheduled released</th>
<th class="num">Earliest agreement</th><th class="num">Early agreements</th><th class="num">Not calmer</th>
<th class="num">Variance of final</th><th class="num">Seed's share</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table></div>`;
}

function ablationRow(line: AblationLine, full: ProfileStats): string {
  const o = line.outcomes;
  const bar = shareBar([
    { share: o.agreement.share, colour: "#1e6b3a", label: "Agreement" },
    { share: o.time.share, colour: "#8a94a3", label: "Time ran out" },
    { share: o.failure.share, colour: "#b3261e", label: "Failure" },
  ]);
  const moved = Math.max(Math.abs(line.shift.agreement), Math.abs(line.shift.failure)) >= THRESHOLDS.ablationShift;
  return `<tr><td>${esc(full.label)}</td><td>${PART[line.off]}</td>
<td class="num">${pc(o.agreement.share)}<div class="small">${pc(full.outcomes.agreement.share)} with it</div></td>
<td class="num">${pc(o.failure.share)}<div class="small">${pc(full.outcomes.failure.share)} with it</div></td>
<td class="num ${moved ? "up" : ""}">${points(line.shift.agreement)} / ${points(line.shift.failure)}</td>
<td class="num">${n2(line.finalMean)}<div class="small">${n2(full.final.mean)} with it</div></td><td>${bar}</td></tr>`;
}

export function ablationSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  if (!r.ablation.length)
    return `${sectionHeading(tr, "ablation", "Trust and standing switched off")}<p>No profile was played with a part switched off.</p>`;
  const rows = r.ablation.map((l) =>
    ablationRow(
      l,
      r.profiles.find((p) => p.id === l.profile)!,
    ),
  );
  return `${sectionHeading(tr, "ablation", "Trust and standing switched off")}
<p>The ablation: these profiles were played again on the same seeds with trust between states switched off (it then
changes nothing), and again with international standing switched off. Beside each share, the same profile's with the
whole model; the change is in points of agreement / failure (red: ${pc(THRESHOLDS.ablationShift)} or more).</p>
<div class="wide"><table><thead><tr><th>Profile</th><th>Switched off</th><th class="num">Agreement</th>
<th class="num">Failure</th><th class="num">Change</th><th class="num">Final escalation</th><th></th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table></div>`;
}
