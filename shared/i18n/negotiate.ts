// Choosing the best shipped language from a person's preferences (navigator.languages, an Accept-Language header).
import { LANGUAGES, SOURCE_LANG, type Lang } from "./languages.ts";

/**
 * The first preference a shipped language serves: an exact tag first ("fr-CA" → "fr"),
 * matching on the primary subtag; English when none matches.
 */
export function bestLanguage(preferences: readonly string[]): Lang {
  for (const pref of preferences) {
    const primary = pref.trim().toLowerCase().split(/[-_]/)[0] ?? "";
    const hit = LANGUAGES.find((l) => l.code === primary);
    if (hit) return hit.code;
  }
  return SOURCE_LANG;
}

/** An Accept-Language header's tags, best first (by their q weights; q=0 means "not this one"). */
export function parseAcceptLanguage(header: string): string[] {
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((p) => p.tag !== "" && p.tag !== "*" && p.q > 0 && !Number.isNaN(p.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((p) => p.tag);
}
