// The balance report's tables: what moved escalation, the events list, the
// perception, attribution and commitment measures, chance against choices,
// in the reader's language (the method: html-method.ts).
import { labTranslator, said, saidHtml, sectionHeading } from "./words.ts";
import type { Translator } from "../i18n/index.ts";
import { esc } from "../report/escape.ts";
import type { LabReport } from "./types.ts";
import { shareBar } from "./html-charts.ts";
import { profileWord } from "./check-words.ts";
import { labNumbers } from "./numbers.ts";
import { th } from "./html-outcomes.ts";

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

/** Each cause's name key (keys literal, so the catalogue check finds them). */
const CAUSE_KEYS: Record<string, string> = {
  pressure: "lab-report.cause.pressure",
  "quiet-turn": "lab-report.cause.quiet-turn",
  statement: "lab-report.cause.statement",
  accusation: "lab-report.cause.accusation",
  dispute: "lab-report.cause.dispute",
  "cbm-adopted": "lab-report.cause.cbm-adopted",
  breach: "lab-report.cause.breach",
  "timeline-missed": "lab-report.cause.timeline-missed",
  control: "lab-report.cause.control",
  hotline: "lab-report.cause.hotline",
  inject: "lab-report.cause.inject",
  convened: "lab-report.cause.convened",
  perceived: "lab-report.cause.perceived",
  action: "lab-report.cause.action",
  disproportionate: "lab-report.cause.disproportionate",
  developments: "lab-report.cause.developments",
  "hostile-activity": "lab-report.cause.hostile-activity",
  restraint: "lab-report.cause.restraint",
};

/** The profiles as table columns: their short names, narrow, the label and description on hover. */
function heads(r: LabReport, tr: Translator): string {
  return r.profiles
    .map((p) => {
      const label = profileWord(tr, p.id, "label", p.label);
      const about = profileWord(tr, p.id, "about", p.about);
      return `<th class="num ph" title="${esc(`${label}: ${about}`)}">${esc(profileWord(tr, p.id, "short", p.short))}</th>`;
    })
    .join("");
}

export function causesSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const num = labNumbers(tr);
  const kinds = [...new Set(r.profiles.flatMap((p) => p.causes.map((c) => c.kind)))];
  const net = (k: string) => r.profiles.reduce((a, p) => a + (p.causes.find((c) => c.kind === k)?.up ?? 0), 0);
  kinds.sort((a, b) => net(b) - net(a) || a.localeCompare(b));
  const rows = kinds.map((k) => {
    const cells = r.profiles.map((p) => {
      const c = p.causes.find((x) => x.kind === k);
      if (!c) return `<td class="num zero">·</td>`;
      const v = c.up + c.down;
      const cls = v > 0 ? "up" : v < 0 ? "down" : "zero";
      const english = `+${num.n2(c.up)} and −${num.n2(-c.down)} per game; moved escalation in ${num.pc(c.games)} of games`;
      const tip = said(tr, "lab-report.causes.tip", english, {
        up: num.n2(c.up),
        down: num.n2(-c.down),
        games: num.pc(c.games),
      });
      return `<td class="num ${cls}" title="${esc(tip)}">${num.signed(v)}</td>`;
    });
    const key = CAUSE_KEYS[k];
    const name = key === undefined ? k : said(tr, key, CAUSES[k] ?? k);
    return `<tr><td>${esc(name)}</td>${cells.join("")}</tr>`;
  });
  const intro = saidHtml(
    tr,
    "lab-report.causes.intro",
    `The engine records why escalation moved each time. Net points per game by cause (red: up, green: down); hover a
cell for the points added and removed and how often the cause played a part.`,
  );
  return `${sectionHeading(tr, "causes", "What moved escalation")}
<p>${intro}</p>
<div class="wide"><table><thead><tr>${th(tr, "lab-report.col.cause", "Cause")}${heads(r, tr)}</tr></thead><tbody>${rows.join(
    "\n",
  )}</tbody></table></div>`;
}

export function injectsSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const num = labNumbers(tr);
  const never: string[] = [];
  const rows = r.scenario.injects.map((inj, i) => {
    const shares = r.profiles.map((p) => p.injectRelease[i] ?? 0);
    if (shares.every((s) => s === 0)) never.push(inj.title);
    // whole percents: a table of 11 profiles × every inject reads better without decimals
    const cells = shares.map((s) => `<td class="num ${s === 0 ? "zero" : ""}">${s === 0 ? "·" : num.pc0(s)}</td>`);
    const all = shares.every((s) => s === 0);
    return `<tr><td class="${all ? "never" : ""}"${tr.locale === "en" ? "" : ' dir="auto"'}>${esc(inj.title)}</td>${cells.join("")}</tr>`;
  });
  const intro = saidHtml(
    tr,
    "lab-report.injects.intro",
    `The share of games in which each inject of the master events list was released (by its schedule or its trigger).`,
  );
  const list = esc(never.join("; "));
  const count = never.length;
  const neverLine =
    tr.locale === "en"
      ? never.length
        ? `<strong>Released in no game: ${count}</strong> — ${list}.`
        : "Every inject was released in some game."
      : never.length
        ? `<strong>${esc(said(tr, "lab-report.injects.never", "", { count }))}</strong> — <span dir="auto">${list}</span>.`
        : esc(said(tr, "lab-report.injects.all", "Every inject was released in some game."));
  return `${sectionHeading(tr, "injects", "The events list: released and never released")}
<p>${intro}
${neverLine}</p>
<div class="wide"><table><thead><tr>${th(tr, "lab-report.col.inject", "Inject")}${heads(r, tr)}</tr></thead><tbody>${rows.join(
    "\n",
  )}</tbody></table></div>`;
}

export function measuresSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const num = labNumbers(tr);
  const plain = (x: number) => (tr.locale === "en" ? String(x) : num.int(x));
  const rows = r.profiles.map(
    (
      p,
    ) => `<tr><td>${esc(profileWord(tr, p.id, "label", p.label))}</td><td class="num">${num.int(p.perception.rolls)}</td>
<td class="num">${p.perception.rolls ? num.pc(p.perception.rate) : "·"}</td><td class="num">${num.n2(p.misperceptions)}</td>
<td class="num">${p.perception.notifiedRolls ? `${plain(p.perception.notifiedMisreadings)}/${plain(p.perception.notifiedRolls)}` : "·"}</td>
<td class="num">${num.n2(p.attributions)}</td><td class="num">${num.n2(p.misattributions)}</td>
<td class="num">${num.n2(p.commitments.adopted)}</td><td class="num">${num.n2(p.commitments.kept)}</td>
<td class="num">${num.n2(p.commitments.broken)}</td><td class="num">${num.n2(p.settled.endTurn)}</td>
<td class="num">${plain(p.refusals)}/${num.int(p.botCommands)}</td></tr>`,
  );
  const intro = saidHtml(
    tr,
    "lab-report.measures.intro",
    `Perception rolls are the engine's chances for a target to misread an action; misperceptions, attributions,
misattributions (accusing a state that did not do it) and commitments are per game. The last columns: the mean turn
of settled games, and bot commands the engine refused out of all they sent.`,
  );
  const h = (key: string, english: string) => th(tr, key, english, true);
  return `${sectionHeading(tr, "measures", "Perception, attribution and commitments")}
<p>${intro}</p>
<div class="wide"><table><thead><tr>${th(tr, "lab-report.col.profile", "Profile")}${h("lab-report.col.rolls", "Perception rolls")}${h(
    "lab-report.col.misread",
    "Misread",
  )}
${h("lab-report.col.misperceptions", "Misperceptions")}${h("lab-report.col.after-notice", "After notice")}${h(
    "lab-report.col.attributions",
    "Attributions",
  )}
${h("lab-report.col.misattributions", "Misattributions")}${h("lab-report.col.commitments", "Commitments")}${h(
    "lab-report.col.kept",
    "kept",
  )}${h("lab-report.col.broken", "broken")}
${h("lab-report.col.settled-turn", "Settled in turn")}${h("lab-report.col.refused", "Refused")}</tr></thead><tbody>${rows.join(
    "\n",
  )}</tbody></table></div>`;
}

export function varianceSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const num = labNumbers(tr);
  const l = (key: string, english: string) => said(tr, key, english);
  const rows = r.variance.map(
    (v) => `<tr><td>${esc(
      v.measure === "score"
        ? l("lab-report.chance.measure-score", v.measure)
        : l("lab-report.chance.measure-final", v.measure),
    )}</td><td class="num">${num.pc(v.choices)}</td><td class="num">${num.pc(v.chance)}</td>
<td class="num">${num.pc(v.seed)}</td><td class="num">${num.pc(v.interaction)}</td><td>${shareBar(
      [
        { share: v.choices, colour: "#14365d", label: l("lab-report.chance.choices", "Choices") },
        { share: v.seed, colour: "#c77700", label: l("lab-report.chance.seed-bar", "The seed alike for all") },
        {
          share: v.interaction,
          colour: "#e8b96a",
          label: l("lab-report.chance.interaction-bar", "The seed, differently by profile"),
        },
      ],
      tr,
    )}</td></tr>`,
  );
  const intro = saidHtml(
    tr,
    "lab-report.chance.intro",
    `Every profile plays the same seeds, so the games form a table of profiles by seeds. The spread of a measure over
all games splits exactly into the part between profiles (what the players chose) and the part within profiles (what
the dice did); within, a seed's effect alike on every profile and the rest (dice that help one way of playing and hurt
another) are shown apart. This is the two-way analysis of variance without replication (η²). The shares depend on
which profiles are compared: here, all of them.`,
  );
  const e = (key: string, english: string) => esc(l(key, english));
  return `${sectionHeading(tr, "chance", "Chance and choices")}
<p>${intro}</p>
<div class="legend"><span><i class="lc"></i>${e("lab-report.chance.choices", "Choices")}</span>
<span><i class="ls"></i>${e("lab-report.chance.seed-legend", "Seed alike for all")}</span><span><i class="lx"></i>${e(
    "lab-report.chance.interaction",
    "Seed × profile",
  )}</span></div>
<table><thead><tr>${th(tr, "lab-report.col.measure", "Measure")}${th(tr, "lab-report.chance.choices", "Choices", true)}${th(
    tr,
    "lab-report.chance.chance",
    "Chance",
    true,
  )}${th(tr, "lab-report.chance.of-which-seed", "of which: seed", true)}
${th(tr, "lab-report.chance.interaction-col", "seed × profile", true)}<th></th></tr></thead><tbody>${rows.join("\n")}</tbody></table>`;
}

export { methodSection } from "./html-method.ts";
