import { describe, expect, it } from "vitest";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { localizeScenario } from "../../shared/scenario/localize.ts";
import { scenarioTexts } from "../../shared/scenario/texts.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { loadScenario, rawScenario } from "../helpers/scenarios.ts";

type Raw = { languages?: string[]; translations?: Record<string, Record<string, string>> } & Record<string, unknown>;

function tutorial(): Raw {
  return rawScenario("tutorial") as Raw;
}

function issuesOf(raw: Raw): { path: string; message: string }[] {
  const r = parseScenario(raw);
  // the English the validator writes (each issue also carries the studio's catalogue key)
  return r.ok ? [] : r.issues.map(({ path, message }) => ({ path, message }));
}

describe("a scenario's languages", () => {
  it("the tutorial gives every one of its texts in French, Spanish and Arabic", () => {
    const s = loadScenario("tutorial");
    expect(s.languages).toEqual(["en", "fr", "es", "ar"]);
    const paths = [...scenarioTexts(s).keys()];
    expect(paths).toContain("teams.borealis.briefing");
    expect(paths).toContain("injects.blackout.body");
    expect(paths).toContain("ladder.rungs.crisis.name");
    for (const lang of ["fr", "es", "ar"])
      expect(Object.keys(s.translations![lang]!).sort()).toEqual([...paths].sort());
  });

  it("names a missing text by its path and language", () => {
    const raw = tutorial();
    delete raw.translations!.fr!["injects.blackout.body"];
    delete raw.translations!.ar!["teams.austral.objectives.2"];
    expect(issuesOf(raw)).toEqual([
      { path: "translations.fr", message: 'the fr text of "injects.blackout.body" is missing' },
      { path: "translations.ar", message: 'the ar text of "teams.austral.objectives.2" is missing' },
    ]);
  });

  it("a claimed language without translations misses every text", () => {
    const raw = tutorial();
    raw.languages = ["en", "de"];
    delete raw.translations;
    const issues = issuesOf(raw);
    expect(issues).toHaveLength(scenarioTexts(loadScenario("tutorial")).size);
    expect(issues[0]).toEqual({ path: "translations.de", message: 'the de text of "title" is missing' });
  });

  it("refuses a path that names nothing, and an array index in place of an id", () => {
    const raw = tutorial();
    raw.translations!.es!["injects.no-such-inject.title"] = "Nada";
    raw.translations!.es!["injects.0.title"] = "Nada";
    expect(issuesOf(raw)).toEqual([
      { path: "translations.es", message: '"injects.no-such-inject.title" names no text of the scenario' },
      { path: "translations.es", message: '"injects.0.title" names no text of the scenario' },
    ]);
  });

  it("refuses translations into a language the scenario does not claim, or into its own", () => {
    const raw = tutorial();
    raw.translations!.de = { title: "Erstes Licht" };
    raw.translations!.en = { title: "First Light" };
    const issues = issuesOf(raw);
    expect(issues.find((i) => i.path === "translations.de")?.message).toMatch(/not one of the scenario's languages/);
    expect(issues.find((i) => i.path === "translations.en")?.message).toMatch(
      /the language the scenario is written in/,
    );
  });

  it("refuses a language listed twice, a malformed code and an empty text", () => {
    const twice = tutorial();
    twice.languages = ["en", "fr", "es", "ar", "fr"];
    expect(issuesOf(twice)).toContainEqual({ path: "languages[4]", message: '"fr" is listed twice' });
    const code = tutorial();
    code.languages = ["en", "French"];
    expect(issuesOf(code)[0]?.path).toBe("languages[1]");
    const empty = tutorial();
    empty.translations!.fr!.title = "";
    expect(issuesOf(empty)).toContainEqual({ path: "translations.fr.title", message: "a non-empty text" });
  });

  it("a scenario without languages is English alone and needs nothing more", () => {
    const raw = tutorial();
    delete raw.languages;
    delete raw.translations;
    expect(parseScenario(raw).ok).toBe(true);
  });
});

describe("localizeScenario", () => {
  const s = loadScenario("tutorial");

  it("gives every text in the language asked for, and leaves the source unchanged", () => {
    const before = structuredClone(s);
    const fr = localizeScenario(s, "fr");
    expect(fr.teams[0]!.briefing).toBe(s.translations!.fr!["teams.borealis.briefing"]);
    expect(fr.injects.find((i) => i.id === "blackout")!.title).toBe("Panne générale dans la capitale de Borealis");
    expect(fr.ladder.rungs.find((r) => r.id === "crisis")!.name).toBe("Cybercrise");
    expect(fr.teams[1]!.objectives[1]).toBe("Protéger vos propres infrastructures");
    const ar = localizeScenario(s, "ar");
    expect(ar.mediator!.name).toBe("مؤسسة لانترن");
    for (const [path, text] of scenarioTexts(ar)) expect(text).toBe(s.translations!.ar![path]);
    expect(s).toEqual(before);
  });

  it("keeps the play: only texts change", () => {
    const strip = (x: Scenario) => JSON.stringify(x, (_k, v: unknown) => (typeof v === "string" ? "" : v));
    expect(strip(localizeScenario(s, "es"))).toBe(strip(s));
  });

  it("falls back to the source language, text by text", () => {
    const partial: Scenario = { ...s, translations: { fr: { title: "Premier essai" } } };
    const fr = localizeScenario(partial, "fr");
    expect(fr.title).toBe("Premier essai");
    expect(fr.summary).toBe(s.summary);
    expect(localizeScenario(s, "de")).toBe(s);
    expect(localizeScenario(s, "en")).toBe(s);
  });
});
