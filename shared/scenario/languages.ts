// The scenario file's own languages: which it claims, and its texts in each
// language other than the one it is written in (docs/scenario-format.md, "Languages").
import { z } from "zod";

const langCode = z.string().regex(/^[a-z]{2,3}$/, 'a language code of two or three lowercase letters, e.g. "fr"');

export const scenarioLanguages = z
  .array(langCode)
  .min(1, "list at least the language the scenario is written in")
  .optional()
  .describe("the languages the scenario's texts are given in; the first is the one it is written in");

export const scenarioTranslations = z
  .record(langCode, z.record(z.string(), z.string().min(1, "a non-empty text")))
  .optional()
  .describe(
    'per language, the scenario\'s texts in it by path, e.g. { "fr": { "title": "…", "injects.blackout.body": "…" } }',
  );
