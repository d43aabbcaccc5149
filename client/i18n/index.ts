// The participant's language in this browser: ?lang= first, then the remembered choice, then the browser's preferences.
// Each browser chooses for itself; nothing here reaches the server or other participants.
import "./load.ts";
import {
  bestLanguage,
  createTranslator,
  isLang,
  isLocale,
  type Locale,
  type Params,
  type Translator,
} from "../../shared/i18n/index.ts";

import { EN, type Language } from "../../shared/words/describe.ts";
import { languageFor } from "../../shared/words/catalogue.ts";
import { policyWords } from "../../shared/words/bots.ts";
import { commandWords } from "../../shared/words/commands-catalogue.ts";
import { enCommands, type CommandWords } from "../../shared/words/commands-en.ts";

const KEY = "deconflict:lang";

/** The locale this page starts in. A shipped language given by `?lang=` is remembered; the pseudo-locale is not. */
export function chooseLocale(search: string = globalThis.location?.search ?? ""): Locale {
  const asked = new URLSearchParams(search).get("lang")?.trim().toLowerCase() ?? "";
  if (isLocale(asked)) {
    if (isLang(asked)) remember(asked);
    return asked;
  }
  const kept = readKept();
  if (kept !== null && isLang(kept)) return kept;
  const nav = globalThis.navigator;
  return bestLanguage(nav?.languages?.length ? nav.languages : [nav?.language ?? ""]);
}

let current: Translator = createTranslator(chooseLocale());
applyToDocument();

/** The translator of the chosen locale (dates, times and numbers too). */
export function i18n(): Translator {
  return current;
}

/**
 * The engine's words (event sentences, causes, schedules, outcomes, labels) in the participant's language.
 * English readers keep the engine's own English sentences (shared/words/en.ts), which tests and recordings quote.
 */
export function eventWords(): Language {
  return current.locale === "en" ? EN : languageFor(current);
}

/** The bot policies' names and hints in the participant's language (control's seats, the self-paced start). */
export function botWords(): ReturnType<typeof policyWords> {
  return current.locale === "en" ? policyWords() : policyWords(current);
}

/** Recorded commands' phrases (the replay's step strip) in the participant's language; pass eventWords() beside them. */
export function stepWords(): CommandWords {
  return current.locale === "en" ? enCommands : commandWords(current);
}

/** The message for `key` in the participant's language. */
export function t(key: string, params?: Params): string {
  return current.t(key, params);
}

/** Switches this browser to `locale` and remembers it (shipped languages only); the caller redraws the page. */
export function setLocale(locale: Locale): void {
  if (isLang(locale)) remember(locale);
  current = createTranslator(locale);
  applyToDocument();
}

/** `<html lang dir>` follow the chosen locale: Arabic mirrors the layout. */
function applyToDocument(): void {
  if (typeof document === "undefined") return;
  document.documentElement.lang = current.lang;
  document.documentElement.dir = current.dir;
}

function remember(lang: string): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // storage may be off (private windows): the choice then lasts as long as the page
  }
}

function readKept(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}
