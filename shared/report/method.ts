// How each figure in the report is computed, in words: printed as the
// report's method appendix so that readers can check the numbers.
import type { Analysis } from "./types.ts";
import { RULE_KEYS, THEME_KEYWORDS } from "./rules.ts";
import { duration } from "../words/index.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";
import { integrityText } from "./integrity.ts";
import { own } from "./summary.ts";

export interface Definition {
  term: string;
  text: string;
}

/** The method's terms, each with its catalogue keys (literal, so the catalogue check finds them). */
const TERMS = [
  ["report-method.times.term", "report-method.times.text"],
  ["report-method.curve.term", "report-method.curve.text"],
  ["report-method.peak.term", "report-method.peak.text"],
  ["report-method.above.term", "report-method.above.text"],
  ["report-method.first-contact.term", "report-method.first-contact.text"],
] as const;
const MEASURES = [
  ["report-method.commitments.term", "report-method.commitments.text"],
  ["report-method.misattributions.term", "report-method.misattributions.text"],
  ["report-method.misperceptions.term", "report-method.misperceptions.text"],
  ["report-method.injects.term", "report-method.injects.text"],
] as const;

/** Every definition and rule, in the report's language. */
export function definitions(a: Analysis, rl: ReportLanguage = reportLanguage()): Definition[] {
  const t = rl.tr.t;
  const timely = rl.english
    ? duration(a.hotline.stats.timelySeconds * 1000)
    : rl.duration(a.hotline.stats.timelySeconds * 1000);
  // the keywords match the objectives' own (English) words, so they are quoted as they are
  const keywords = Object.entries(THEME_KEYWORDS)
    .map(([k, r]) => `${k}: ${r.source.replace(/\|/g, ", ")}`)
    .join("; ");
  const pair = ([term, text]: readonly [string, string]) => ({ term: t(term), text: t(text) });
  return [
    {
      term: t("report-method.source.term"),
      text: t("report-method.source.text", {
        integrity: integrityText(a.overview.integrity, a.overview.commandCount, rl),
      }),
    },
    ...TERMS.map(pair),
    { term: t("report-method.response.term"), text: t("report-method.response.text", { window: timely }) },
    ...MEASURES.map(pair),
    {
      term: t("report-method.objectives.term"),
      text: t("report-method.objectives.text", { keywords: own(rl, keywords) }),
    },
    ...Object.entries(RULE_KEYS).map(([id, key]) => ({
      // an id is kept whole on one line (non-breaking hyphens): broken across lines it would reorder right to left
      term: t("report-method.rule.term", { id: rl.tr.dir === "rtl" ? own(rl, id.replace(/-/g, "\u2011")) : id }),
      text: t(key),
    })),
  ];
}
