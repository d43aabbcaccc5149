// A scenario with its texts in one language, each falling back to the language
// it is written in. The engine and recordings keep the source language.
import type { Scenario } from "./schema.ts";
import { scenarioTextSlots } from "./texts.ts";

/** The scenario's languages: those it claims, else only English (the language of a file that says nothing). */
export function languagesOf(s: Pick<Scenario, "languages">): string[] {
  return s.languages?.length ? s.languages : ["en"];
}

/** Returns a copy of `s` whose texts are in `lang` where the file gives them; `s` is left as it was. */
export function localizeScenario(s: Scenario, lang: string): Scenario {
  const table = s.translations?.[lang];
  if (!table || lang === languagesOf(s)[0]) return s;
  const copy = structuredClone(s);
  for (const x of scenarioTextSlots(copy)) {
    const text = table[x.path];
    if (text !== undefined) x.set(text);
  }
  return copy;
}
