// The replay's step strip in the four languages: every recorded command of two real exercises, worded
// from the `commands` catalogue; English from the catalogue reads exactly as the engine's own English.
import { beforeAll, describe as suite, expect, it } from "vitest";
import { loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";
import { createTranslator } from "../../shared/i18n/index.ts";
import { describeActor, describeCommand } from "../../shared/words/commands.ts";
import { commandWords } from "../../shared/words/commands-catalogue.ts";
import { languageOf } from "../../shared/words/index.ts";
import { fixtureExercise, gridExercise } from "../report/exercises.ts";
import type { Driver } from "../helpers/driver.ts";

beforeAll(() => {
  loadCataloguesFromDisk();
});

/** Every command of a driver as the step strip shows it: who, then what. */
function steps(d: Driver, lang?: "en" | "fr" | "es" | "ar"): string[] {
  const sc = d.state.scenario;
  const w = lang ? commandWords(createTranslator(lang)) : undefined;
  const language = lang ? languageOf(lang) : undefined;
  return d.commands.map((rc) => {
    const events = d.state.log.filter((e) => e.seq === rc.seq);
    return `${describeActor(rc.actor, sc, w)} ${describeCommand(rc, sc, { events }, w, language)}`;
  });
}

suite("recorded commands in the four languages", () => {
  it("English from the catalogue is the engine's own English, command for command", () => {
    for (const d of [gridExercise(), fixtureExercise()]) {
      expect(d.commands.length).toBeGreaterThan(5);
      expect(steps(d, "en")).toEqual(steps(d));
    }
  });

  it("French, Spanish and Arabic word every command from their catalogue, without a key or a brace left over", () => {
    for (const d of [gridExercise(), fixtureExercise()]) {
      const english = steps(d);
      for (const lang of ["fr", "es", "ar"] as const) {
        const lines = steps(d, lang);
        lines.forEach((line, i) => {
          expect(line).not.toMatch(/commands\.|\{|\}/);
          expect(line, `${lang}: ${english[i]}`).not.toBe(english[i]);
        });
      }
    }
    const fr = steps(gridExercise(), "fr");
    expect(fr.some((l) => l.includes("a lancé l’exercice"))).toBe(true);
    const ar = steps(gridExercise(), "ar");
    expect(ar.some((l) => l.includes("بدأ التمرين"))).toBe(true);
  });
});
