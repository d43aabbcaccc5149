import { beforeAll, describe as suite, expect, it } from "vitest";
import { loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";
import { createTranslator } from "../../shared/i18n/index.ts";
import { categoryLabel, describe, languageOf, scheduleWords } from "../../shared/words/index.ts";
import type { Viewer } from "../../shared/engine/index.ts";
import { fixtureExercise, gridExercise } from "../report/exercises.ts";
import { policyWords } from "../../shared/words/bots.ts";
import { POLICY_WORDS } from "../../shared/words/bots-en.ts";
import { POLICY_NAMES } from "../../shared/bots/policy.ts";
import { describeReviewCommand } from "../../shared/words/review-en.ts";
import type { EventView } from "../../shared/engine/events.ts";

const CONTROL: Viewer = { role: "facilitator" };

beforeAll(() => {
  loadCataloguesFromDisk();
});

/** Every event of a real exercise, told to control in a language. */
function told(lang: "en" | "fr" | "es" | "ar", driver = gridExercise()): string[] {
  const language = languageOf(lang);
  return driver.state.log.map((e) => describe(e, driver.state.scenario, CONTROL, language));
}

suite("the engine's words in the four languages", () => {
  it("every event of two real exercises is told in each language from its catalogue, without a key left over", () => {
    for (const driver of [gridExercise(), fixtureExercise()]) {
      const english = driver.state.log.map((e) => describe(e, driver.state.scenario, CONTROL));
      for (const lang of ["fr", "es", "ar"] as const) {
        const lines = told(lang, driver);
        expect(lines).toHaveLength(english.length);
        for (const line of lines) {
          expect(line).not.toMatch(/events\.|\{|\}/);
          expect(line.length).toBeGreaterThan(0);
        }
        // the same events in other words: only "Team: action" (names alone, from the scenario) reads as in English
        const same = lines.filter((l, i) => l === english[i] && driver.state.log[i]!.type !== "action.resolved");
        expect(same).toEqual([]);
      }
    }
  });

  it("French reads French: the turn, a proportion, an attribution and the hotline", () => {
    const lines = told("fr");
    const phase = gridExercise().state.scenario.phases[0]!.name;
    expect(lines).toContain(`Tour 1 sur 5\u00a0: ${phase}`);
    expect(lines.some((l) => l.startsWith("Exercice lancé\u00a0: "))).toBe(true);
    expect(lines.some((l) => /^Ligne directe .+ → .+ \(/.test(l))).toBe(true);
    expect(lines.some((l) => /degré de confiance \d+\u00a0%/.test(l))).toBe(true);
  });

  it("Arabic reads Arabic, and Spanish Spanish", () => {
    const ar = told("ar");
    expect(ar[0]).toMatch(/^بدأ التمرين: /);
    expect(ar.some((l) => l.startsWith("الجولة 1 من 5: "))).toBe(true);
    const es = told("es");
    expect(es[0]).toMatch(/^Ejercicio iniciado: /);
  });

  it("Arabic counts in its plural forms", () => {
    const w = languageOf("ar").words;
    const orders = (actions: number, cost: number) =>
      w["orders.submitted"]({ by: "Ada", team: "Alpha", actions, cost });
    expect(orders(0, 0)).toBe("قدّم Ada أوامر Alpha (لا إجراءات في هذه الجولة)");
    expect(orders(1, 2)).toBe("قدّم Ada أوامر Alpha (إجراء واحد، نقطتان)");
    expect(orders(2, 5)).toBe("قدّم Ada أوامر Alpha (إجراءان، 5 نقاط)");
    expect(orders(11, 11)).toBe("قدّم Ada أوامر Alpha (11 إجراءً، 11 نقطة)");
  });

  it("category and channel labels follow the language; English stays as it was", () => {
    expect(categoryLabel({ type: "hotline.sent" }, languageOf("fr"))).toBe("Ligne directe");
    expect(categoryLabel({ type: "hotline.sent" }, languageOf("ar"))).toBe("الخط الساخن");
    expect(categoryLabel({ type: "hotline.sent" })).toBe("Hotline");
    const d = gridExercise();
    const english = d.state.log.map((e) => describe(e, d.state.scenario, CONTROL));
    // the catalogue's English tells every event of this exercise as the English words do,
    // except that it joins two names with "and" (Intl.ListFormat) where en.ts writes a comma
    const fromCatalogue = told("en", d);
    expect(fromCatalogue.map((l) => l.replace(/Valdoria and Kestria/g, "Valdoria, Kestria"))).toEqual(english);
    expect(fromCatalogue).toContain("Valdoria and Kestria adopted “Pre-notification of defensive operations”");
  });

  it("the schedule's words: a condition in French", () => {
    const d = gridExercise();
    const sc = d.state.scenario;
    const text = scheduleWords([{ kind: "turn", turn: 2, phase: sc.phases[0]!.id }], sc, languageOf("fr"));
    expect(text).toBe(`tour 2, ${sc.phases[0]!.name}`);
  });

  it("the pseudo-locale marks every sentence", () => {
    const line = describe(gridExercise().state.log[0]!, gridExercise().state.scenario, CONTROL, languageOf("qps"));
    expect(line.startsWith("⟦")).toBe(true);
    expect(createTranslator("qps").lang).toBe("en");
  });
});

suite("a public call for restraint, in each of its results", () => {
  it("is worded in French and Arabic", () => {
    loadCataloguesFromDisk();
    const fr = languageOf("fr").words["restraint.called"];
    expect(fr({ caller: "Alpha", target: "Beta", result: "already-eased" })).toBe(
      "Alpha appelle publiquement Beta à la retenue\u00a0; un appel précédent a déjà apaisé la crise ce tour-ci",
    );
    const ar = languageOf("ar").words["restraint.called"];
    expect(ar({ caller: "Alpha", target: "Beta", result: "undercut" })).toBe(
      "يدعو Alpha علنًا Beta إلى ضبط النفس، لكن أعماله العدائية العلنية تقوّض هذه الدعوة",
    );
  });
});

suite("the bot policies' names in the four languages", () => {
  it("every policy has a name and a hint in each language; English repeats the engine's own words", () => {
    const en = policyWords(createTranslator("en"));
    expect(en).toEqual(POLICY_WORDS);
    for (const lang of ["fr", "es", "ar"] as const) {
      const words = policyWords(createTranslator(lang));
      for (const p of POLICY_NAMES) {
        expect(words[p].label).not.toMatch(/bots\.|\{/);
        expect(words[p].label).not.toBe(POLICY_WORDS[p].label);
        expect(words[p].hint).not.toBe(POLICY_WORDS[p].hint);
      }
    }
    expect(policyWords(createTranslator("fr")).hawk.label).toBe("Faucon");
    expect(policyWords(createTranslator("ar"))["cautious-diplomat"].label).toBe("دبلوماسي حذر");
  });
});

suite("control's review in the four languages", () => {
  const sc = gridExercise().state.scenario;
  const [a, b] = sc.teams.map((x) => x.id);
  const base = { id: "e1", at: 0, turn: 1, phase: "p" };
  const trust = {
    ...base,
    type: "value.set" as const,
    what: "trust" as const,
    team: a!,
    other: b!,
    sector: null,
    incident: null,
    title: null,
    from: 0.4,
    to: 0.7,
    suspect: null,
    reason: "talks",
  };
  const evidence = { ...trust, what: "evidence" as const, team: null, other: null, title: "Grid", suspect: null };
  const events = [
    trust,
    evidence,
    { ...base, type: "adjudication.mode", mode: "review" },
    { ...base, type: "adjudication.mode", mode: "auto" },
    { ...base, type: "adjudication.under-review" },
    { ...base, type: "adjudication.approved" },
    { ...base, type: "order.struck", team: a!, action: sc.actions[0]!.id, reason: "too early" },
  ] as EventView[];
  const commands = [
    { type: "adjudication.approve", strike: [], set: [] },
    { type: "adjudication.approve", strike: [{ team: a!, index: 0 }], set: [] },
    { type: "adjudication.approve", strike: [{ team: a!, index: 0 }], set: [{ what: "escalation", value: 3 }, trust] },
  ] as unknown as Parameters<typeof describeReviewCommand>[0][];

  it("English from the catalogue reads exactly as the engine's own English", () => {
    const en = languageOf("en");
    for (const e of events) expect(describe(e, sc, CONTROL, en)).toBe(describe(e, sc, CONTROL));
    for (const c of commands)
      expect(describeReviewCommand(c, sc, [], en.review)).toBe(describeReviewCommand(c, sc, []));
  });

  it("French, Spanish and Arabic tell every review event and command in their own words, numbers in the locale", () => {
    for (const lang of ["fr", "es", "ar"] as const) {
      const language = languageOf(lang);
      const lines = [
        ...events.map((e) => describe(e, sc, CONTROL, language)),
        ...commands.map((c) => describeReviewCommand(c, sc, [], language.review)),
      ];
      const english = [
        ...events.map((e) => describe(e, sc, CONTROL)),
        ...commands.map((c) => describeReviewCommand(c, sc, [])),
      ];
      lines.forEach((l, i) => {
        expect(l).not.toMatch(/review\.|\{|\}/);
        expect(l).not.toBe(english[i]);
      });
    }
    expect(describe(evidence, sc, CONTROL, languageOf("fr"))).toContain("40\u00a0%");
    expect(describe(evidence, sc, CONTROL, languageOf("ar"))).toContain("الثقة في الأدلة بشأن «Grid»");
    expect(describeReviewCommand(commands[2]!, sc, [], languageOf("fr").review)).toBe(
      "a approuvé l’arbitrage avec des modifications (1 élément d’ordre annulé et 2 valeurs fixées)",
    );
  });
});
