// The catalogues loaded so far: one set of messages per language and namespace.
// Browsers load them with Vite (client/i18n/load.ts), Node tools with scripts/i18n-catalogues.ts or JSON imports.
import type { Lang } from "./languages.ts";

/** Key → ICU message, for one language and one namespace. */
export type Messages = Record<string, string>;
export type Catalogues = Partial<Record<Lang, Record<string, Messages>>>;

const loaded: Catalogues = {};

/** Adds (or replaces) one catalogue file's messages. */
export function addCatalogue(lang: Lang, namespace: string, messages: Messages): void {
  (loaded[lang] ??= {})[namespace] = messages;
}

/** Every catalogue loaded so far. */
export function catalogues(): Catalogues {
  return loaded;
}

/** The namespace a key belongs to: its first segment ("join.title" → "join"). */
export function namespaceOf(key: string): string {
  const dot = key.indexOf(".");
  return dot > 0 ? key.slice(0, dot) : key;
}
