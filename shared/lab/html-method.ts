// The balance report's method: how the games are played and compared, and the
// thresholds table the checks read, in the reader's language (lab-report).
import { labTranslator, said, saidHtml, sectionHeading } from "./words.ts";
import type { Translator } from "../i18n/index.ts";
import { esc } from "../report/escape.ts";
import type { LabReport } from "./types.ts";
import { THRESHOLDS, THRESHOLD_MEANINGS } from "./thresholds.ts";

/** Each threshold's meaning key, by the threshold's name. */
const MEANING_KEYS: { readonly [K in keyof typeof THRESHOLDS]: string } = {
  carefulGap: "lab-report.meaning.careful-gap",
  restraintGap: "lab-report.meaning.restraint-gap",
  retaliationSometimes: "lab-report.meaning.retaliation-sometimes",
  passiveFailure: "lab-report.meaning.passive-failure",
  passiveRise: "lab-report.meaning.passive-rise",
  hastyEscalation: "lab-report.meaning.hasty-escalation",
  hastyMoreMisattributions: "lab-report.meaning.hasty-more-misattributions",
  noticeRatio: "lab-report.meaning.notice-ratio",
  noticeMinRolls: "lab-report.meaning.notice-min-rolls",
  repetitionMax: "lab-report.meaning.repetition-max",
  chanceMin: "lab-report.meaning.chance-min",
  chanceMax: "lab-report.meaning.chance-max",
  unfoldShare: "lab-report.meaning.unfold-share",
  cooperativeMin: "lab-report.meaning.cooperative-min",
  cooperativeMax: "lab-report.meaning.cooperative-max",
  earlyAgreementsMax: "lab-report.meaning.early-agreements-max",
  scheduledRelease: "lab-report.meaning.scheduled-release",
  hawksFailure: "lab-report.meaning.hawks-failure",
  passiveAgreementsMax: "lab-report.meaning.passive-agreements-max",
  passiveNotCalmer: "lab-report.meaning.passive-not-calmer",
  hawkGap: "lab-report.meaning.hawk-gap",
  hastyFailureRise: "lab-report.meaning.hasty-failure-rise",
  hastyFinalRise: "lab-report.meaning.hasty-final-rise",
  spamMargin: "lab-report.meaning.spam-margin",
  ablationShift: "lab-report.meaning.ablation-shift",
  seedShareMin: "lab-report.meaning.seed-share-min",
  mixedSameMax: "lab-report.meaning.mixed-same-max",
};

export function methodSection(r: LabReport, tr: Translator = labTranslator("en")): string {
  const value = (v: number | boolean) =>
    tr.locale === "en" || typeof v !== "number" ? String(v) : tr.number(v, { maximumFractionDigits: 3 });
  const t = (Object.keys(THRESHOLDS) as (keyof typeof THRESHOLDS)[]).map(
    (k) =>
      `<tr><td>${esc(k)}</td><td class="num">${esc(value(THRESHOLDS[k]))}</td><td>${esc(
        said(tr, MEANING_KEYS[k], THRESHOLD_MEANINGS[k]),
      )}</td></tr>`,
  );
  const li = (key: string, english: string, params?: Record<string, string | number>) =>
    `<li>${saidHtml(tr, key, english, params)}</li>`;
  const mediator = r.scenario.mediator ? "yes" : "no";
  return `${sectionHeading(tr, "method", "Method")}
<ul class="method">
${li(
  "lab-report.method.bots",
  `Each game is played in-process by bots (shared/bots): each seat's policy sees only its seat's view and sends
commands through the engine like a person; a scripted control starts the exercise and advances every phase.
${r.scenario.mediator ? "The mediator seat is always played by the mediator bot." : "The scenario has no mediator."}`,
  { mediator },
)}
${li(
  "lab-report.method.seeds",
  `Game <em>i</em> of every profile uses the seed “${esc(r.seed)}:<em>i</em>”, so profiles are compared on the same dice.
Where one state plays a different part (the provocateur, the lone hawk), the part passes from state to state with
<em>i</em>.`,
  { seed: r.seed },
)}
${li(
  "lab-report.method.ablation",
  `The ablation plays some profiles again on the same seeds with trust switched off, and with standing switched off
(the engine's <code>ablate</code> option: the part then has no consequence); it never enters the other measures.`,
)}
${li(
  "lab-report.method.intervals",
  `Shares carry Wilson 95% intervals; score gaps between two profiles are paired by seed, with a normal 95% interval.
Percentiles interpolate between games.`,
)}
${li(
  "lab-report.method.same",
  "The same scenario, profiles, games and seed give the same report, however many worker threads played it.",
)}
</ul>
<h3>${esc(said(tr, "lab-report.method.thresholds", "Thresholds"))}</h3>
<p class="small">${saidHtml(
    tr,
    "lab-report.method.thresholds-note",
    "One table (shared/lab/thresholds.ts) the checks read; docs/lessons.md gives the reason for each.",
  )}</p>
<table class="narrow"><tbody>${t.join("")}</tbody></table>`;
}
