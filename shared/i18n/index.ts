// Translation for Deconflict: languages, choosing one, translators, the pseudo-locale. See docs/i18n.md.
export { LANGUAGES, PSEUDO, SOURCE_LANG, directionOf, isLang, isLocale } from "./languages.ts";
export type { Lang, Language, Locale } from "./languages.ts";
export { bestLanguage, parseAcceptLanguage } from "./negotiate.ts";
export { addCatalogue, catalogues, namespaceOf } from "./resources.ts";
export type { Catalogues, Messages } from "./resources.ts";
export { createTranslator } from "./translator.ts";
export type { Params, Translator } from "./translator.ts";
export { PSEUDO_CLOSE, PSEUDO_OPEN, pseudo, unmarked } from "./pseudo.ts";
