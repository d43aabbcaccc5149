// The catalogue check behind `npm run i18n:check`: keys missing or left over, messages that do not parse,
// translations whose parameters differ from English's, keys no source file uses.
import IntlMessageFormat from "intl-messageformat";
import { LANGUAGES, SOURCE_LANG, type Lang } from "./languages.ts";
import type { Catalogues } from "./resources.ts";

export interface Problem {
  kind: "missing" | "extra" | "misplaced" | "unparsable" | "parameters" | "unused";
  lang: Lang;
  key: string;
  detail: string;
}

/** A parsed message's element, as far as the check reads it (intl-messageformat's AST). */
interface Element {
  type: number;
  value?: unknown;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}
// the AST's element types that name a parameter: argument, number, date, time, select, plural (tags do not)
const NAMED = new Set([1, 2, 3, 4, 5, 6]);

/** The parameters a message names ("count", "title"), or an error saying why it does not parse. */
export function parametersOf(message: string, lang: Lang): Set<string> | Error {
  try {
    const ast = new IntlMessageFormat(message, lang, undefined, { ignoreTag: true }).getAst() as Element[];
    const names = new Set<string>();
    const walk = (els: Element[]) => {
      for (const el of els) {
        if (NAMED.has(el.type) && typeof el.value === "string") names.add(el.value);
        for (const option of Object.values(el.options ?? {})) walk(option.value);
        if (el.children) walk(el.children);
      }
    };
    walk(ast);
    return names;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** Every problem in `catalogues`; `sources` are the texts of the files that may use keys (quoted literally). */
export function checkCatalogues(catalogues: Catalogues, sources: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const english = catalogues[SOURCE_LANG] ?? {};
  const used = usedKeys(sources);
  for (const { code: lang } of LANGUAGES) {
    const files = catalogues[lang] ?? {};
    for (const [ns, messages] of Object.entries(files)) {
      for (const [key, message] of Object.entries(messages)) {
        if (!key.startsWith(`${ns}.`))
          problems.push({ kind: "misplaced", lang, key, detail: `keys in ${ns}.json start with "${ns}."` });
        const params = parametersOf(message, lang);
        if (params instanceof Error) {
          problems.push({ kind: "unparsable", lang, key, detail: params.message });
          continue;
        }
        const source = english[ns]?.[key];
        if (lang === SOURCE_LANG) {
          if (!used.has(key)) problems.push({ kind: "unused", lang, key, detail: "no source file quotes this key" });
          continue;
        }
        if (source === undefined) {
          problems.push({ kind: "extra", lang, key, detail: `English (${ns}.json) has no such key` });
          continue;
        }
        const expected = parametersOf(source, SOURCE_LANG);
        if (!(expected instanceof Error) && !sameSet(params, expected))
          problems.push({
            kind: "parameters",
            lang,
            key,
            detail: `uses {${[...params].sort().join(", ")}}; English uses {${[...expected].sort().join(", ")}}`,
          });
      }
    }
    if (lang === SOURCE_LANG) continue;
    for (const [ns, messages] of Object.entries(english))
      for (const key of Object.keys(messages))
        if (files[ns]?.[key] === undefined)
          problems.push({ kind: "missing", lang, key, detail: `not in ${lang}/${ns}.json` });
  }
  return problems;
}

/** One line per problem, for a terminal. */
export function describeProblem(p: Problem): string {
  return `${p.kind.padEnd(10)} ${p.lang}  ${p.key}: ${p.detail}`;
}

/** Every quoted string in the sources that looks like a key ("ns.id", 'ns.id' or `ns.id`). */
function usedKeys(sources: readonly string[]): Set<string> {
  const keys = new Set<string>();
  const quoted = /["'`]([a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)+)["'`]/g;
  for (const text of sources) for (const m of text.matchAll(quoted)) keys.add(m[1]!);
  return keys;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
