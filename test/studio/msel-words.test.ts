// Each row problem travels with a catalogue key and its parameters: a French, Spanish or Arabic designer
// reads the whole problem in their language, and English words it as the server's own message does.
import { describe, expect, it } from "vitest";
import { applyMsel, sheetRows, type SheetTable } from "../../shared/studio/msel.ts";
import { createTranslator, type Locale } from "../../shared/i18n/index.ts";
import { loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";
import { rawScenario } from "../helpers/scenarios.ts";

loadCataloguesFromDisk();

const sc = rawScenario("grid-intrusion");
const rows = sheetRows(sc, "injects");
const header = rows[0]!.map(String);
const at = (name: string) => header.indexOf(name);
const scheduled = rows.slice(1).filter((r) => r[at("turn")] !== "" && r[at("trigger")] === "");

/** One bad cell per row, each a different kind of mistake. */
const mistakes: [string, string][] = [
  ["id", "Bad Id"],
  ["turn", "seven"],
  ["phase", "lunch"],
  ["channel", "tv"],
  ["audience", "all, narnia"],
  ["audience", ""],
  ["title", " "],
  ["trigger", "moon full"],
  ["trigger", "misattribution and turn >= 2 or turn >= 3"],
  ["trigger", "(misattribution"],
  ["trigger", "attribution correct maybe"],
  ["trigger", "misattribution )"],
  ["trigger", "misattribution and"],
  ["trigger", "{oops"],
  ["effects", "explode all"],
  ["effects", "escalation lots"],
  ["effects", "trust actor"],
  ["effects", "standing actor +1 now"],
  ["effects", "[1]"],
  ["chance", "2"],
  ["incident", "[]"],
  ["other", '{"title":"x"}'],
  ["id", ""],
  ["phase", ""],
  ["turn", ""],
];

function problems() {
  // good scheduled rows under new ids, as many as needed
  const edited = Array.from({ length: mistakes.length + 1 }, (_, i) => {
    const cells = scheduled[i % scheduled.length]!.map(String);
    cells[at("id")] = `row-${i}`;
    return cells;
  });
  mistakes.forEach(([column, value], i) => (edited[i]![at(column)] = value));
  edited[mistakes.length]![at("id")] = String(edited[1]![at("id")]); // the last row repeats the second's id
  const table: SheetTable = { header, rows: edited.map((cells, i) => ({ row: i + 2, cells })) };
  return applyMsel(sc, { injects: table }).problems;
}

describe("row problems in four languages", () => {
  const found = problems();

  it("finds every mistake at its row and column", () => {
    expect(found.map((p) => [p.row, p.column])).toEqual([
      ...mistakes.map(([column], i) => [i + 2, column]),
      [mistakes.length + 2, "id"],
    ]);
    expect(new Set(found.map((p) => p.key)).size).toBeGreaterThan(18);
  });

  it.each<Locale>(["en", "fr", "es", "ar"])("%s words each one whole from its catalogue", (lang) => {
    const tr = createTranslator(lang);
    for (const p of found) {
      const text = tr.tryT(p.key, p.params);
      expect(text, p.key).toBeDefined();
      // every parameter filled: once the values are taken out, no brace is left
      const rest = Object.values(p.params).reduce<string>((t, v) => t.split(String(v)).join(""), text ?? "");
      expect(rest, p.key).not.toMatch(/[{}]/);
      if (lang === "en") expect(text, p.key).toBe(p.message);
    }
  });

  it("words the actions' problems too", () => {
    const actions = sheetRows(sc, "actions").map((r) => r.map(String));
    const head = actions[0]!;
    actions[1]![head.indexOf("cost")] = "-1";
    actions[2]![head.indexOf("availableTo")] = "narnia";
    const table: SheetTable = { header: head, rows: actions.slice(1).map((cells, i) => ({ row: i + 2, cells })) };
    const found = applyMsel(sc, { actions: table }).problems;
    expect(found.map((p) => [p.sheet, p.row, p.column, p.key])).toEqual([
      ["actions", 2, "cost", "studio-msel.problem.number-min"],
      ["actions", 3, "availableTo", "studio-msel.problem.team"],
    ]);
    for (const lang of ["en", "fr", "es", "ar"] as const)
      for (const p of found) expect(createTranslator(lang).tryT(p.key, p.params), p.key).toBeDefined();
    expect(createTranslator("en").tryT(found[0]!.key, found[0]!.params)).toBe(found[0]!.message);
  });
});
