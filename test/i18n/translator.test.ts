// The translation API: messages with parameters, plurals in each shipped language, fallbacks, the pseudo-locale, Intl.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";
import { LANGUAGES, createTranslator, directionOf, unmarked } from "../../shared/i18n/index.ts";

beforeAll(() => loadCataloguesFromDisk());

describe("translator", () => {
  it("words a key in each shipped language, never as English copies", () => {
    const titles = LANGUAGES.map((l) => createTranslator(l.code).t("join.title"));
    expect(titles[0]).toBe("Join an exercise");
    expect(new Set(titles).size).toBe(LANGUAGES.length);
    expect(createTranslator("fr").t("join.title")).toBe("Rejoindre un exercice");
  });

  it("fills named parameters", () => {
    const fr = createTranslator("fr");
    expect(fr.t("refusals.http.unknown-scenario", { scenario: "tutorial" })).toBe(
      "Ce serveur n’a pas de scénario « tutorial ».",
    );
  });

  it("chooses plural forms by each language's rules", () => {
    const facts = (lang: "en" | "fr" | "es" | "ar", n: number) =>
      createTranslator(lang).t("lobby.scenario-facts", { turns: n, phases: "P", injects: 1 });
    expect(facts("en", 1)).toBe("1 turn · P · 1 inject");
    expect(facts("en", 4)).toBe("4 turns · P · 1 inject");
    // French counts 0 and 1 as singular
    expect(facts("fr", 0).startsWith("0 tour ")).toBe(true);
    expect(facts("fr", 2).startsWith("2 tours ")).toBe(true);
    expect(facts("es", 1).startsWith("1 turno ")).toBe(true);
    expect(facts("es", 5).startsWith("5 turnos ")).toBe(true);
    // Arabic: one, two, few (3–10), many (11–99), other (100…); digits as Intl writes them for "ar"
    const ar = (n: number) => new Intl.NumberFormat("ar").format(n);
    expect(facts("ar", 1).startsWith("جولة واحدة")).toBe(true);
    expect(facts("ar", 2).startsWith("جولتان")).toBe(true);
    expect(facts("ar", 4).startsWith(`${ar(4)} جولات`)).toBe(true);
    expect(facts("ar", 11).startsWith(`${ar(11)} جولة`)).toBe(true);
    expect(facts("ar", 100).startsWith(`${ar(100)} جولة`)).toBe(true);
  });

  it("selects inside a message", () => {
    const en = createTranslator("en");
    const chosen = (mediator: string) => en.t("lobby.chosen", { title: "T", teams: 2, mediator, turns: 4 });
    expect(chosen("yes")).toBe("Scenario: T — 2 teams and a mediator, 4 turns.");
    expect(chosen("no")).toBe("Scenario: T — 2 teams, 4 turns.");
  });

  it("shows the key for an unknown key, and tryT says undefined for it and for missing parameters", () => {
    const es = createTranslator("es");
    expect(es.t("join.no-such-key")).toBe("join.no-such-key");
    expect(es.tryT("join.no-such-key")).toBeUndefined();
    expect(es.tryT("refusals.http.too-many-wrong-codes")).toBeUndefined();
    expect(es.tryT("refusals.http.too-many-wrong-codes", { wait: 2 })).toContain("2 segundos");
  });

  it("marks every string in the pseudo-locale, so unmarked text stands out", () => {
    const qps = createTranslator("qps");
    expect(qps.lang).toBe("en");
    expect(qps.t("join.title")).toBe("⟦Join an exercise⟧");
    expect(unmarked(`Deconflict ${qps.t("join.title")} typed here ⟦a ⟦nested⟧ one⟧`)).toEqual([
      "Deconflict",
      "typed here",
    ]);
  });

  it("knows each language's direction: only Arabic reads right to left", () => {
    expect(LANGUAGES.map((l) => [l.code, directionOf(l.code)])).toEqual([
      ["en", "ltr"],
      ["fr", "ltr"],
      ["es", "ltr"],
      ["ar", "rtl"],
    ]);
    expect(createTranslator("ar").dir).toBe("rtl");
    expect(directionOf("qps")).toBe("ltr");
  });

  it("formats numbers, dates and times for the chosen locale", () => {
    const at = Date.UTC(2026, 10, 30, 14, 5);
    const utc = { timeZone: "UTC" } as const;
    expect(createTranslator("en").number(12345.5)).toBe("12,345.5");
    expect(createTranslator("fr").number(12345.5)).toBe("12\u202f345,5");
    expect(createTranslator("es").date(at, { ...utc, dateStyle: "long" })).toBe("30 de noviembre de 2026");
    expect(createTranslator("fr").time(at, { ...utc, timeStyle: "short" })).toBe("14:05");
    expect(createTranslator("ar").date(at, { ...utc, month: "long" })).toBe("نوفمبر");
  });
});
