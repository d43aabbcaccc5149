// The studio's translation editor lists every text of a scenario once, by the path the validator uses, and
// counts a language's missing texts exactly as the validator's own languages check reports them.
import { describe, expect, it } from "vitest";
import { checkLanguages } from "../../shared/scenario/check-languages.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { scenarioTexts } from "../../shared/scenario/texts.ts";
import { scenario, type Scenario } from "../../shared/scenario/schema.ts";
import { loadScenario, rawScenario, scenarioFiles } from "../helpers/scenarios.ts";
import { languagesOf, missingPaths, textRows, unknownPaths } from "../../client/studio/translations-editor-rows.ts";

const ids = scenarioFiles().map((f) => f.replace(/\.json$/, ""));

/** The draft as the schema reads it (the languages check is run by the test itself). */
function parsed(draft: Record<string, unknown>): Scenario {
  return scenario.parse(draft);
}

/** The validator's languages issues about one language. */
const issuesOf = (s: Scenario, lang: string) => checkLanguages(s).filter((i) => i.path === `translations.${lang}`);

describe("the translation editor's rows", () => {
  it.each(ids)("%s: every text path appears once, with the scenario's own words", (id) => {
    const rows = textRows(rawScenario(id));
    const texts = scenarioTexts(loadScenario(id));
    expect(texts.size).toBeGreaterThan(20);
    expect(rows.map((r) => r.path)).toEqual([...texts.keys()]);
    expect(new Set(rows.map((r) => r.path)).size).toBe(rows.length);
    for (const r of rows) expect(r.text).toBe(texts.get(r.path));
  });

  it.each(ids)("%s: a draft that does not validate yet still lists every text", (id) => {
    const draft = { ...rawScenario(id), turns: "three" };
    expect(parseScenario(draft).ok).toBe(false);
    expect(textRows(draft).map((r) => r.path)).toEqual([...scenarioTexts(loadScenario(id)).keys()]);
  });

  it("counts a language's missing texts as the validator's issues do (tutorial, texts removed)", () => {
    const draft = rawScenario("tutorial");
    const rows = textRows(draft);
    const { source, targets } = languagesOf(draft);
    expect([source, ...targets]).toEqual(["en", "fr", "es", "ar"]);
    const tables = draft.translations as Record<string, Record<string, string>>;
    for (const lang of targets) {
      expect(missingPaths(draft, lang, rows).size).toBe(0);
      expect(issuesOf(parsed(draft), lang)).toEqual([]);
    }
    // French loses every seventh text, Spanish its first three, Arabic none
    const removed: Record<string, string[]> = {
      fr: rows.filter((_, i) => i % 7 === 0).map((r) => r.path),
      es: rows.slice(0, 3).map((r) => r.path),
      ar: [],
    };
    for (const [lang, paths] of Object.entries(removed)) for (const p of paths) delete tables[lang]![p];
    for (const lang of targets) {
      const missing = missingPaths(draft, lang, rows);
      expect([...missing].sort()).toEqual([...removed[lang]!].sort());
      expect(missing.size).toBe(issuesOf(parsed(draft), lang).length);
    }
    expect(removed.fr!.length).toBeGreaterThan(3);
  });

  it("a language just added lacks every text, as the validator says (grid-intrusion, English only)", () => {
    const draft = { ...rawScenario("grid-intrusion"), languages: ["en", "fr"] };
    const rows = textRows(draft);
    expect(languagesOf(rawScenario("grid-intrusion"))).toEqual({ source: "en", targets: [] });
    expect(missingPaths(draft, "fr", rows).size).toBe(rows.length);
    expect(issuesOf(parsed(draft), "fr").length).toBe(rows.length);
    // one text translated: one fewer missing, for both
    const first = rows[0]!.path;
    const one = { ...draft, translations: { fr: { [first]: "Intrusion dans le réseau" } } };
    expect(missingPaths(one, "fr", rows).has(first)).toBe(false);
    expect(missingPaths(one, "fr", rows).size).toBe(rows.length - 1);
    expect(issuesOf(parsed(one), "fr").length).toBe(rows.length - 1);
  });

  it("lists a translated path that names no text, which the validator reports too", () => {
    const draft = rawScenario("tutorial");
    (draft.translations as Record<string, Record<string, string>>).fr!["injects.nowhere.title"] = "Nulle part";
    const rows = textRows(draft);
    expect(unknownPaths(draft, "fr", rows)).toEqual(["injects.nowhere.title"]);
    expect(unknownPaths(draft, "es", rows)).toEqual([]);
    expect(issuesOf(parsed(draft), "fr").length).toBe(1);
  });
});
