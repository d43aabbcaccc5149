// What a translated report must not show: text outside the pseudo-locale's markers that is not the
// recording's own words, and the English of the report's own sentences.
import { unmarked } from "../../shared/i18n/pseudo.ts";
import enReport from "../../shared/i18n/locales/en/report.json" with { type: "json" };
import enFindings from "../../shared/i18n/locales/en/report-findings.json" with { type: "json" };
import enMethod from "../../shared/i18n/locales/en/report-method.json" with { type: "json" };

/** The catalogue keys of the findings, the method, the integrity note, the injects' cells and the Markdown. */
export const OWN = ["report-findings.", "report-method.", "report.integrity.", "report.injects.", "report.md."];

/** Every text the recording holds that a person wrote or the scenario words (ids, lower-case with dashes, are not). */
export function recordedTexts(rec: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      // ids (lower case with dashes) only count whole: a stray English word is not excused by a command's type
      if (/[A-Z\s]/.test(v) || /^[a-z0-9]+(-[a-z0-9]+)+$/.test(v)) out.push(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(rec);
  return out;
}

/** What the pseudo-locale shows outside the markers that is not the recording's own words, times or numbers. */
export function outsideCatalogues(body: string, texts: readonly string[]): string[] {
  const plain = body
    .replace(/<[^>]+>/g, "\n")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  const pieces = unmarked(plain)
    .flatMap((p) => p.split(/\n|\||,|\(|\)|→|·|—|:|\*\*|"/))
    .map((p) =>
      p
        .trim()
        .replace(/^[-*#>\s]+|[*\s]+$/g, "")
        .replace(/^O\d+ /, ""),
    )
    .filter((p) => /\p{L}/u.test(p) && !/^(T\+[\d:]+|O\d+|[\dTZ:. -]+(UTC)?)$/.test(p));
  const ids = new Set(texts.filter((t) => /^[a-z0-9-]+$/.test(t)));
  // Markdown escapes a recorded text's punctuation with backslashes; HTML shows its own backslashes as they are
  const found = (p: string) =>
    [p, p.replace(/\\(.)/g, "$1")].some((q) => ids.has(q) || texts.some((t) => !ids.has(t) && t.includes(q)));
  return [...new Set(pieces.filter((p) => !found(p)))];
}

/** The English of the report's own sentences that need no parameter, for a translation to leave none of. */
export function englishSentences(prefixes: readonly string[]): string[] {
  return Object.entries({ ...enReport, ...enFindings, ...enMethod } as Record<string, string>)
    .filter(([k, v]) => prefixes.some((p) => k.startsWith(p)) && !v.includes("{") && v.length > 16)
    .map(([, v]) => v);
}
