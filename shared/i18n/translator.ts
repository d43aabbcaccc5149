// A translator for one locale: t(key, params) from the ICU catalogues, and Intl formatting for that locale.
import i18next, { type i18n } from "i18next";
import ICU from "i18next-icu";
import { directionOf, PSEUDO, SOURCE_LANG, type Lang, type Locale } from "./languages.ts";
import { catalogues, namespaceOf } from "./resources.ts";
import { pseudo } from "./pseudo.ts";

/** A message's named parameters. */
export type Params = Record<string, string | number | Date>;

export interface Translator {
  locale: Locale;
  /** the language whose catalogue and Intl rules are used (English for the pseudo-locale) */
  lang: Lang;
  dir: "ltr" | "rtl";
  /** The message for `key` ("<namespace>.<id>") with its parameters; English when this language lacks it. */
  t(key: string, params?: Params): string;
  /** The message, or undefined when no catalogue has `key` or the parameters do not fit it (callers with a fallback). */
  tryT(key: string, params?: Params): string | undefined;
  /** True when some loaded catalogue has `key`. */
  has(key: string): boolean;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  date(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
  time(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
  dateTime(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
}

/** Makes a translator over the catalogues loaded so far (load them first: client/i18n, JSON imports, or scripts/i18n-catalogues.ts). */
export function createTranslator(locale: Locale): Translator {
  const lang: Lang = locale === PSEUDO ? SOURCE_LANG : locale;
  const instance = createInstance(lang);
  const mark = locale === PSEUDO ? pseudo : (s: string) => s;
  const has = (key: string) => instance.exists(key, { ns: namespaceOf(key) });
  const tryT = (key: string, params: Params = {}): string | undefined => {
    if (!has(key)) return undefined;
    try {
      return mark(instance.t(key, { ...params, ns: namespaceOf(key) }));
    } catch {
      return undefined;
    }
  };
  return {
    locale,
    lang,
    dir: directionOf(locale),
    // a missing key or parameter shows the key itself, so it is seen and fixed (npm run i18n:check lists them)
    t: (key, params) => tryT(key, params) ?? key,
    tryT,
    has,
    number: (value, options) => new Intl.NumberFormat(lang, options).format(value),
    date: (value, options = { dateStyle: "medium" }) => new Intl.DateTimeFormat(lang, options).format(value),
    time: (value, options = { timeStyle: "short" }) => new Intl.DateTimeFormat(lang, options).format(value),
    dateTime: (value, options = { dateStyle: "medium", timeStyle: "short" }) =>
      new Intl.DateTimeFormat(lang, options).format(value),
  };
}

function createInstance(lang: Lang): i18n {
  const loaded = catalogues();
  const instance = i18next.createInstance();
  // a message whose parameters are missing throws, rather than showing its ICU source
  const icu = new ICU({
    parseErrorHandler: (err) => {
      throw err;
    },
  });
  void instance.use(icu).init({
    lng: lang,
    fallbackLng: SOURCE_LANG,
    resources: loaded,
    ns: Object.keys(loaded[SOURCE_LANG] ?? {}),
    // keys are flat ids with dots in them ("join.title"), never paths
    keySeparator: false,
    nsSeparator: false,
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
