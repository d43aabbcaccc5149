// The validator's checks of a scenario's languages: every language it claims
// gives every text (named by path), and every translated path names a text.
import type { Scenario } from "./schema.ts";
import type { ScenarioIssue } from "./cross-check.ts";
import { scenarioTexts } from "./texts.ts";

/** Returns every missing, unclaimed or unknown translation, each naming the language and the text's path. */
export function checkLanguages(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const claimed = s.languages ?? [];
  const translations = s.translations ?? {};
  claimed.forEach((lang, i) => {
    if (claimed.indexOf(lang) !== i)
      issues.push({
        path: `languages[${i}]`,
        message: `"${lang}" is listed twice`,
        key: "studio-fields.check.lang-twice",
        params: { lang },
      });
  });
  const source = claimed[0];
  const texts = scenarioTexts(s);
  for (const [lang, table] of Object.entries(translations)) {
    if (!claimed.includes(lang)) {
      const hint = claimed.length
        ? `add it to "languages" (${claimed.join(", ")})`
        : `list the scenario's languages in "languages"`;
      issues.push({
        path: `translations.${lang}`,
        message: `"${lang}" is not one of the scenario's languages: ${hint}`,
        ...(claimed.length
          ? { key: "studio-fields.check.lang-unclaimed", params: { lang, languages: claimed.join(", ") } }
          : { key: "studio-fields.check.lang-none-claimed", params: { lang } }),
      });
      continue;
    }
    if (lang === source) {
      issues.push({
        path: `translations.${lang}`,
        message: `"${lang}" is the language the scenario is written in: its texts stay where they are`,
        key: "studio-fields.check.lang-source",
        params: { lang },
      });
      continue;
    }
    for (const path of Object.keys(table))
      if (!texts.has(path))
        issues.push({
          path: `translations.${lang}`,
          message: `"${path}" names no text of the scenario`,
          key: "studio-fields.check.lang-unknown-path",
          params: { path },
        });
  }
  for (const lang of claimed.slice(1)) {
    const table = translations[lang] ?? {};
    for (const path of texts.keys())
      if (table[path] === undefined)
        issues.push({
          path: `translations.${lang}`,
          message: `the ${lang} text of "${path}" is missing`,
          key: "studio-fields.check.lang-missing",
          params: { lang, path },
        });
  }
  return issues;
}
