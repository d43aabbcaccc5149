// The languages Deconflict ships, with the names people know them by and their writing direction.

/** A shipped language: English is the source every other catalogue translates. */
export type Lang = "en" | "fr" | "es" | "ar";
/** The pseudo-locale: English wrapped in markers, to find visible text outside the catalogues (never in the picker). */
export const PSEUDO = "qps";
export type Locale = Lang | typeof PSEUDO;

export interface Language {
  code: Lang;
  /** the language's name in itself, as the picker shows it */
  name: string;
  dir: "ltr" | "rtl";
}

export const SOURCE_LANG: Lang = "en";

/** Shipped languages, in the picker's order. */
export const LANGUAGES: readonly Language[] = [
  { code: "en", name: "English", dir: "ltr" },
  { code: "fr", name: "Français", dir: "ltr" },
  { code: "es", name: "Español", dir: "ltr" },
  { code: "ar", name: "العربية", dir: "rtl" },
];

/** True for a shipped language's code. */
export function isLang(code: string): code is Lang {
  return LANGUAGES.some((l) => l.code === code);
}

/** True for a shipped language or the pseudo-locale. */
export function isLocale(code: string): code is Locale {
  return code === PSEUDO || isLang(code);
}

/** The writing direction of a locale (the pseudo-locale reads left to right). */
export function directionOf(locale: Locale): "ltr" | "rtl" {
  return LANGUAGES.find((l) => l.code === locale)?.dir ?? "ltr";
}
