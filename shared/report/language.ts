// The language a report is written in: a translator for the report's own words
// (the `report` namespace, and `report-findings` and `report-method` for the findings and the
// method appendix), the engine's words for its events and the recording's
// integrity statement (the `integrity` namespace, as the replay words it). The report's
// and the events' catalogues are bundled here, so a report needs no disk access.
import {
  addCatalogue,
  catalogues,
  createTranslator,
  type Lang,
  type Locale,
  type Messages,
  type Translator,
} from "../i18n/index.ts";
import { EN, languageFor, type Language } from "../words/index.ts";
import { helpersFor } from "../words/catalogue-helpers.ts";
import enReport from "../i18n/locales/en/report.json" with { type: "json" };
import frReport from "../i18n/locales/fr/report.json" with { type: "json" };
import esReport from "../i18n/locales/es/report.json" with { type: "json" };
import arReport from "../i18n/locales/ar/report.json" with { type: "json" };
import enEvents from "../i18n/locales/en/events.json" with { type: "json" };
import frEvents from "../i18n/locales/fr/events.json" with { type: "json" };
import esEvents from "../i18n/locales/es/events.json" with { type: "json" };
import arEvents from "../i18n/locales/ar/events.json" with { type: "json" };
import enFindings from "../i18n/locales/en/report-findings.json" with { type: "json" };
import frFindings from "../i18n/locales/fr/report-findings.json" with { type: "json" };
import esFindings from "../i18n/locales/es/report-findings.json" with { type: "json" };
import arFindings from "../i18n/locales/ar/report-findings.json" with { type: "json" };
import enMethod from "../i18n/locales/en/report-method.json" with { type: "json" };
import frMethod from "../i18n/locales/fr/report-method.json" with { type: "json" };
import esMethod from "../i18n/locales/es/report-method.json" with { type: "json" };
import arMethod from "../i18n/locales/ar/report-method.json" with { type: "json" };
import enIntegrity from "../i18n/locales/en/integrity.json" with { type: "json" };
import frIntegrity from "../i18n/locales/fr/integrity.json" with { type: "json" };
import esIntegrity from "../i18n/locales/es/integrity.json" with { type: "json" };
import arIntegrity from "../i18n/locales/ar/integrity.json" with { type: "json" };

const BUNDLED: readonly [Lang, string, Messages][] = [
  ["en", "report", enReport],
  ["fr", "report", frReport],
  ["es", "report", esReport],
  ["ar", "report", arReport],
  ["en", "events", enEvents],
  ["fr", "events", frEvents],
  ["es", "events", esEvents],
  ["ar", "events", arEvents],
  ["en", "report-findings", enFindings],
  ["fr", "report-findings", frFindings],
  ["es", "report-findings", esFindings],
  ["ar", "report-findings", arFindings],
  ["en", "report-method", enMethod],
  ["fr", "report-method", frMethod],
  ["es", "report-method", esMethod],
  ["ar", "report-method", arMethod],
  ["en", "integrity", enIntegrity],
  ["fr", "integrity", frIntegrity],
  ["es", "integrity", esIntegrity],
  ["ar", "integrity", arIntegrity],
];

/** A report's language: its locale, direction, words and formatters. */
export interface ReportLanguage {
  tr: Translator;
  /** English proper (not the pseudo-locale): the report keeps its own English words as they always were */
  english: boolean;
  /** the engine's words for events (English: en.ts, as every English reader has them) */
  words: Language;
  /** "4 min 10 s", in the locale */
  duration: (ms: number) => string;
  /** a hotline message's kind, a sector, an event's category: English keeps the engine's id */
  ids: {
    kind: (id: string) => string;
    sector: (id: string) => string;
    category: (id: string) => string;
  };
}

const made = new Map<Locale, ReportLanguage>();

/** The report's language for a locale (English unless asked). */
export function reportLanguage(locale: Locale = "en"): ReportLanguage {
  let rl = made.get(locale);
  if (!rl) {
    const loaded = catalogues();
    for (const [lang, ns, messages] of BUNDLED) if (!loaded[lang]?.[ns]) addCatalogue(lang, ns, messages);
    const tr = createTranslator(locale);
    const h = helpersFor(tr);
    const words = locale === "en" ? EN : languageFor(tr);
    const en = locale === "en";
    const category = (id: string) => (words.category as Readonly<Record<string, string>>)[id] ?? id;
    const ids = {
      kind: en ? (id: string) => id : h.kind,
      sector: en ? (id: string) => id : h.sector,
      category: en ? (id: string) => id : category,
    };
    rl = { tr, english: en, words, duration: h.duration, ids };
    made.set(locale, rl);
  }
  return rl;
}
