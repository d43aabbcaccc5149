// The balance report's tables: what moved escalation, the events list, the
// perception, attribution and commitment measures, chance against choices,
// and the method with the thresholds table.
import { labTranslator, sectionHeading } from "./words.ts";
import type { Translator } from "../i18n/index.ts";
import { esc } from "../report/escape.ts";
import type { LabReport } from "./types.ts";
import { THRESHOLDS, THRESHOLD_MEANINGS } from "./thresholds.ts";
import { shareBar } from "./html-charts.ts";

const pc = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const n2 = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
const signed = (x: number) => (x > 0 ? `+${n2(x)}` : x < 0 ? `−${n2(-x)}` : "0");

const CAUSES: Record<string, string> = {
  pressure: "Domestic pressure",
  "quiet-turn": "A quiet turn",
  statement: "Joint statements",
  accusation: "Public accusations",
  dispute: "Disputed accusations",
  "cbm-adopted": "Measures adopted",
  breach: "Commitments broken",
  "timeline-missed": "Timelines missed",
  control: "Control's adjustments",
  hotline: "Hotline exchanges",
  inject: "Injects",
  convened: "Talks convened",
  perceived: "Misperceptions",
  action: "Actions",
  disproportionate: "Disproportionate responses",
  developments: "Developments",
  "hostile-activity": "Hostile activity",
  restraint: "Calls for restraint",
};

/** The profiles as table columns: their labels, narrow. */
function heads(r: LabReport): string {
  return r.profiles
    .map((p) => `<th class="num ph" title="${esc(`${p.label}: ${p.about}`)}">${esc(p.short)}</th>`)
    .join("");
}

export function causesSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const kinds = [...new Set(r.profiles.flatMap((p) => p.causes.map((c) => c.kind)))];
  const net = (k: string) => r.profiles.reduce((a, p) => a + (p.causes.find((c) => c.kind === k)?.up ?? 0), 0);
  kinds.sort((a, b) => net(b) - net(a) || a.localeCompare(b));
  const rows = kinds.map((k) => {
    const cells = r.profiles.map((p) => {
      const c = p.causes.find((x) => x.kind === k);
      if (!c) return `<td class="num zero">·</td>`;
      const v = c.up + c.down;
      const cls = v > 0 ? "up" : v < 0 ? "down" : "zero";
      const tip = `+${n2(c.up)} and −${n2(-c.down)} per game; moved escalation in ${pc(c.games)} of games`;
      return `<td class="num ${cls}" title="${esc(tip)}">${signed(v)}</td>`;
    });
    return `<tr><td>${esc(CAUSES[k] ?? k)}</td>${cells.join("")}</tr>`;
  });
  return `${sectionHeading(tr, "causes", "What moved escalation")}
<p>The engine records why escalation moved each time. Net points per game by cause (red: up, green: down); hover a
cell for the points added and removed and how often the cause played a part.</p>
<div class="wide"><table><thead><tr><th>Cause</th>${heads(r)}</tr></thead><tbody>${rows.join("\n")}</tbody></table></div>`;
}

export function injectsSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const never: string[] = [];
  const rows = r.scenario.injects.map((inj, i) => {
    const shares = r.profiles.map((p) => p.injectRelease[i] ?? 0);
    if (shares.every((s) => s === 0)) never.push(inj.title);
    // whole percents: a table of 11 profiles × every inject reads better without decimals
    const cells = shares.map(
      (s) => `<td class="num ${s === 0 ? "zero" : ""}">${s === 0 ? "·" : `${Math.round(s * 100)}%`}</td>`,
    );
    const all = shares.every((s) => s === 0);
    return `<tr><td class="${all ? "never" : ""}">${esc(inj.title)}</td>${cells.join("")}</tr>`;
  });
  return `${sectionHeading(tr, "injects", "The events list: released and never released")}
<p>The share of games in which each inject of the master events list was released (by its schedule or its trigger).
${never.length ? `<strong>Released in no game: ${never.length}</strong> — ${esc(never.join("; "))}.` : "Every inject was released in some game."}</p>
<div class="wide"><table><thead><tr><th>Inject</th>${heads(r)}</tr></thead><tbody>${rows.join("\n")}</tbody></table></div>`;
}

export function measuresSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const rows = r.profiles.map(
    (p) => `<tr><td>${esc(p.label)}</td><td class="num">${p.perception.rolls.toLocaleString("en")}</td>
<td class="num">${p.perception.rolls ? pc(p.perception.rate) : "·"}</td><td class="num">${n2(p.misperceptions)}</td>
<td class="num">${p.perception.notifiedRolls ? `${p.perception.notifiedMisreadings}/${p.perception.notifiedRolls}` : "·"}</td>
<td class="num">${n2(p.attributions)}</td><td class="num">${n2(p.misattributions)}</td>
<td class="num">${n2(p.commitments.adopted)}</td><td class="num">${n2(p.commitments.kept)}</td>
<td class="num">${n2(p.commitments.broken)}</td><td class="num">${n2(p.settled.endTurn)}</td>
<td class="num">${p.refusals}/${p.botCommands.toLocaleString("en")}</td></tr>`,
  );
  return `${sectionHeading(tr, "measures", "Perception, attribution and commitments")}
<p>Perception rolls are the engine's chances for a target to misread an action; misperceptions, attributions,
misattributions (accusing a state that did not do it) and commitments are per game. The last columns: the mean turn
of settled games, and bot commands the engine refused out of all they sent.</p>
<div class="wide"><table><thead><tr><th>Profile</th><th class="num">Perception rolls</th><th class="num">Misread</th>
<th class="num">Misperceptions</th><th class="num">After notice</th><th class="num">Attributions</th>
<th class="num">Misattributions</th><th class="num">Commitments</th><th class="num">kept</th><th class="num">broken</th>
<th class="num">Settled in turn</th><th class="num">Refused</th></tr></thead><tbody>${rows.join("\n")}</tbody></table></div>`;
}

export function varianceSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const rows = r.variance.map(
    (v) => `<tr><td>${esc(v.measure)}</td><td class="num">${pc(v.choices)}</td><td class="num">${pc(v.chance)}</td>
<td class="num">${pc(v.seed)}</td><td class="num">${pc(v.interaction)}</td><td>${shareBar([
      { share: v.choices, colour: "#14365d", label: "Choices" },
      { share: v.seed, colour: "#c77700", label: "The seed alike for all" },
      { share: v.interaction, colour: "#e8b96a", label: "The seed, differently by profile" },
    ])}</td></tr>`,
  );
  return `${sectionHeading(tr, "chance", "Chance and choices")}
<p>Every profile plays the same seeds, so the games form a table of profiles by seeds. The spread of a measure over
all games splits exactly into the part between profiles (what the players chose) and the part within profiles (what
the dice did); within, a seed's effect alike on every profile and the rest (dice that help one way of playing and hurt
another) are shown apart. This is the two-way analysis of variance without replication (η²). The shares depend on
which profiles are compared: here, all of them.</p>
<div class="legend"><span><i class="lc"></i>Choices</span>
<span><i class="ls"></i>Seed alike for all</span><span><i class="lx"></i>Seed × profile</span></div>
<table><thead><tr><th>Measure</th><th class="num">Choices</th><th class="num">Chance</th><th class="num">of which: seed</th>
<th class="num">seed × profile</th><th></th></tr></thead><tbody>${rows.join("\n")}</tbody></table>`;
}

export function methodSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const t = (Object.keys(THRESHOLDS) as (keyof typeof THRESHOLDS)[]).map(
    (k) =>
      `<tr><td>${esc(k)}</td><td class="num">${esc(String(THRESHOLDS[k]))}</td><td>${esc(THRESHOLD_MEANINGS[k])}</td></tr>`,
  );
  return `${sectionHeading(tr, "method", "Method")}
<ul class="method">
<li>Each game is played in-process by bots (shared/bots): each seat's policy sees only its seat's view and sends
commands through the engine like a person; a scripted control starts the exercise and advances every phase.
${r.scenario.mediator ? "The mediator seat is always played by the mediator bot." : "The scenario has no mediator."}</li>
<li>Game <em>i</em> of every profile uses the seed “${esc(r.seed)}:<em>i</em>”, so profiles are compared on the same dice.
Where one state plays a different part (the provocateur, the lone hawk), the part passes from state to state with
<em>i</em>.</li>
<li>The ablation plays some profiles again on the same seeds with trust switched off, and with standing switched off
(the engine's <code>ablate</code> option: the part then has no consequence); it never enters the other measures.</li>
<li>Shares carry Wilson 95% intervals; score gaps between two profiles are paired by seed, with a normal 95% interval.
Percentiles interpolate between games.</li>
<li>The same scenario, profiles, games and seed give the same report, however many worker threads played it.</li>
</ul>
<h3>Thresholds</h3>
<p class="small">One table (shared/lab/thresholds.ts) the checks read; docs/lessons.md gives the reason for each.</p>
<table class="narrow"><tbody>${t.join("")}</tbody></table>`;
}
