// The catalogue check: it passes on the shipped catalogues and names every kind of fault it exists to catch.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { checkCatalogues, parametersOf, type Problem } from "../../shared/i18n/check.ts";
import type { Catalogues } from "../../shared/i18n/index.ts";

const good: Catalogues = {
  en: { demo: { "demo.turns": "{count, plural, one {# turn} other {# turns}} left", "demo.hello": "Hello {name}" } },
  fr: {
    demo: { "demo.turns": "{count, plural, one {# tour} other {# tours}} restant", "demo.hello": "Bonjour {name}" },
  },
  es: { demo: { "demo.turns": "{count, plural, one {# turno} other {# turnos}}", "demo.hello": "Hola {name}" } },
  ar: { demo: { "demo.turns": "{count, plural, one {جولة} other {# جولة}}", "demo.hello": "مرحبًا {name}" } },
};
const uses = [`t("demo.turns", { count }); t('demo.hello', { name })`];
const kinds = (ps: Problem[]) => ps.map((p) => `${p.kind} ${p.lang} ${p.key}`).sort();
const edited = (edit: (c: Catalogues) => void): Catalogues => {
  const copy = structuredClone(good);
  edit(copy);
  return copy;
};

describe("i18n check", () => {
  it("finds nothing wrong in consistent catalogues", () => {
    expect(checkCatalogues(good, uses)).toEqual([]);
  });

  it("names a key missing in a shipped language, and one English does not have", () => {
    const c = edited((x) => {
      delete x.fr!.demo!["demo.hello"];
      x.es!.demo!["demo.stale"] = "viejo";
    });
    expect(kinds(checkCatalogues(c, uses))).toEqual(["extra es demo.stale", "missing fr demo.hello"]);
  });

  it("names a key no source file uses", () => {
    expect(kinds(checkCatalogues(good, [`t("demo.turns")`]))).toEqual(["unused en demo.hello"]);
  });

  it("names a translation that does not parse, or names other parameters than English", () => {
    const c = edited((x) => {
      x.ar!.demo!["demo.turns"] = "{count, plural, one {جولة}";
      x.es!.demo!["demo.hello"] = "Hola {nombre}";
    });
    const problems = checkCatalogues(c, uses);
    expect(kinds(problems)).toEqual(["parameters es demo.hello", "unparsable ar demo.turns"]);
    expect(problems.find((p) => p.kind === "parameters")!.detail).toContain("{nombre}");
  });

  it("names a key filed under the wrong namespace", () => {
    const c = edited((x) => (x.en!.demo!["other.key"] = "Misplaced"));
    expect(kinds(checkCatalogues(c, [...uses, `"other.key"`]))).toContain("misplaced en other.key");
  });

  it("reads the parameters of nested plurals and selects", () => {
    const names = parametersOf("{a, select, yes {{n, plural, one {# x {b}} other {#}}} other {{c, number}}}", "en");
    expect(names instanceof Error ? names : [...names].sort()).toEqual(["a", "b", "c", "n"]);
  });

  it("passes on the shipped catalogues (npm run i18n:check)", () => {
    const out = execFileSync(process.execPath, ["scripts/i18n-check.ts"], { encoding: "utf8" });
    expect(out).toContain("every shipped language has every key");
  });
});
