// The lab report's words in a reader's language (namespace lab-report): check titles, status words, the report's
// title and the checks table. English readers keep the lab's own English, so English output is unchanged.
import {
  addCatalogue,
  catalogues,
  createTranslator,
  type Lang,
  type Messages,
  type Translator,
} from "../i18n/index.ts";
import en from "../i18n/locales/en/lab-report.json" with { type: "json" };
import fr from "../i18n/locales/fr/lab-report.json" with { type: "json" };
import es from "../i18n/locales/es/lab-report.json" with { type: "json" };
import { esc } from "../report/escape.ts";
import ar from "../i18n/locales/ar/lab-report.json" with { type: "json" };

const BUNDLED: readonly [Lang, Messages][] = [
  ["en", en],
  ["fr", fr],
  ["es", es],
  ["ar", ar],
];

/** Each check's title key, by check id (keys literal, so the catalogue check finds them). */
const CHECK_TITLES: Readonly<Record<string, string>> = {
  "careful-beats-reckless": "lab-report.check.careful-beats-reckless",
  "restraint-beats-retaliation": "lab-report.check.restraint-beats-retaliation",
  "doing-nothing-unsafe": "lab-report.check.doing-nothing-unsafe",
  "hasty-attribution-costs": "lab-report.check.hasty-attribution-costs",
  "notice-lowers-misperception": "lab-report.check.notice-lowers-misperception",
  "no-repetition-wins": "lab-report.check.no-repetition-wins",
  "chance-not-decisive": "lab-report.check.chance-not-decisive",
  "crisis-unfolds": "lab-report.check.crisis-unfolds",
  "cooperation-earned": "lab-report.check.cooperation-earned",
  "cooperative-crisis-unfolds": "lab-report.check.cooperative-crisis-unfolds",
  "hawks-fail": "lab-report.check.hawks-fail",
  "passive-goes-nowhere": "lab-report.check.passive-goes-nowhere",
  "caution-against-hawk": "lab-report.check.caution-against-hawk",
  "hasty-attribution-harms": "lab-report.check.hasty-attribution-harms",
  "spam-no-better": "lab-report.check.spam-no-better",
  "trust-matters": "lab-report.check.trust-matters",
  "standing-matters": "lab-report.check.standing-matters",
  "seed-explains": "lab-report.check.seed-explains",
  "mixed-not-fixed": "lab-report.check.mixed-not-fixed",
};

const STATUS_KEYS = {
  pass: "lab-report.status.pass",
  fail: "lab-report.status.fail",
  unmeasured: "lab-report.status.unmeasured",
} as const;

/** A translator for the lab's words in `lang`, its catalogues bundled (Node and the browser alike). */
export function labTranslator(lang: Lang): Translator {
  const loaded = catalogues();
  for (const [l, messages] of BUNDLED) if (!loaded[l]?.["lab-report"]) addCatalogue(l, "lab-report", messages);
  return createTranslator(lang);
}

/** A check's title in the reader's language; `english` (the lab's own) for English readers or an unknown check. */
export function checkTitle(tr: Translator, id: string, english: string): string {
  const key = CHECK_TITLES[id];
  if (key === undefined) return english;
  return said(tr, key, english);
}

/** The message for `key`, or `english` (the lab's own words, byte for byte) for an English reader. */
export function said(tr: Translator, key: string, english: string, params?: Record<string, string | number>): string {
  if (tr.locale === "en") return english;
  return tr.tryT(key, params) ?? english;
}

/**
 * HTML for a passage: the lab's own English HTML (markup included) for an English reader, else the message for
 * `key`, escaped. Translations are plain text: the markup of the English passage is not theirs to carry.
 */
export function saidHtml(tr: Translator, key: string, englishHtml: string, params?: Record<string, string | number>) {
  if (tr.locale === "en") return englishHtml;
  const text = tr.tryT(key, params);
  return text === undefined ? englishHtml : esc(text);
}

/** "pass", "fail" or "not measured" in the reader's language. */
export function statusText(tr: Translator, status: keyof typeof STATUS_KEYS, english: string): string {
  return said(tr, STATUS_KEYS[status], english);
}

/** The report's section headings' keys, by the section's anchor. */
const SECTION_KEYS = {
  outcomes: "lab-report.section.outcomes",
  escalation: "lab-report.section.escalation",
  unfolding: "lab-report.section.unfolding",
  ablation: "lab-report.section.ablation",
  causes: "lab-report.section.causes",
  injects: "lab-report.section.injects",
  measures: "lab-report.section.measures",
  chance: "lab-report.section.chance",
  method: "lab-report.section.method",
} as const;

/** A section's `<h2>` with its anchor, in the reader's language. */
export function sectionHeading(tr: Translator, id: keyof typeof SECTION_KEYS, english: string): string {
  return `<h2 id="${id}">${esc(said(tr, SECTION_KEYS[id], english))}</h2>`;
}
