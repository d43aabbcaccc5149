// The engine's words in a participant's language: a `Language` made from the
// `events` catalogue for one translator. describe(event, sc, viewer, languageFor(tr))
// tells an event in that translator's language; without a language, English (en.ts).
import type { EventCategory } from "../engine/events.ts";
import { createTranslator, type Locale, type Translator } from "../i18n/index.ts";
import { helpersFor } from "./catalogue-helpers.ts";
import { catalogueWords } from "./catalogue-words.ts";
import { reviewWords } from "./review.ts";
import type { Language } from "./describe.ts";

const CATEGORY_KEYS: { readonly [C in EventCategory]: string } = {
  flow: "events.category.flow",
  inject: "events.category.inject",
  escalation: "events.category.escalation",
  hotline: "events.category.hotline",
  orders: "events.category.orders",
  outcome: "events.category.outcome",
  perception: "events.category.perception",
  incident: "events.category.incident",
  attribution: "events.category.attribution",
  agreement: "events.category.agreement",
  commitment: "events.category.commitment",
  mediator: "events.category.mediator",
  diplomacy: "events.category.diplomacy",
  sector: "events.category.sector",
  control: "events.category.control",
};

const CHANNEL_KEYS: Readonly<Record<string, string>> = {
  news: "events.channel.news",
  intelligence: "events.channel.intelligence",
  cert: "events.channel.cert",
  cable: "events.channel.cable",
  social: "events.channel.social",
  control: "events.channel.control",
};

const made = new WeakMap<Translator, Language>();

/** The engine's words in this translator's language (catalogues loaded first: client/i18n, JSON imports, or scripts/i18n-catalogues.ts). */
export function languageFor(tr: Translator): Language {
  let lang = made.get(tr);
  if (!lang) {
    const category = Object.fromEntries(Object.entries(CATEGORY_KEYS).map(([c, key]) => [c, tr.t(key)]));
    const channel = Object.fromEntries(Object.entries(CHANNEL_KEYS).map(([c, key]) => [c, tr.t(key)]));
    const helpers = helpersFor(tr);
    lang = {
      words: catalogueWords(helpers),
      review: reviewWords(helpers),
      category: category as Language["category"],
      channel,
    };
    made.set(tr, lang);
  }
  return lang;
}

/** The engine's words in a locale, for servers and scripts (loadCataloguesFromDisk() first). */
export function languageOf(locale: Locale): Language {
  return languageFor(createTranslator(locale));
}
