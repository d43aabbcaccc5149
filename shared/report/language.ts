// The language a report is written in: a translator for the report's own words
// (the `report` namespace) and the engine's words for its events. The report's
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

const BUNDLED: readonly [Lang, string, Messages][] = [
  ["en", "report", enReport],
  ["fr", "report", frReport],
  ["es", "report", esReport],
  ["ar", "report", arReport],
  ["en", "events", enEvents],
  ["fr", "events", frEvents],
  ["es", "events", esEvents],
  ["ar", "events", arEvents],
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
