// The spreadsheet round trip in memory: a scenario's rows read back onto it change nothing,
// and edited rows come back as a diff and as problems named by row and column.
import { describe, expect, it } from "vitest";
import { applyMsel, MselFileError, sheetRows, type MselSheet, type SheetTable } from "../../shared/studio/msel.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { rawScenario, scenarioFiles } from "../helpers/scenarios.ts";

/** The rows as a file gives them back: every cell a string, the header on row 1. */
function table(rows: (string | number)[][]): SheetTable {
  const [header = [], ...rest] = rows;
  return { header: header.map(String), rows: rest.map((cells, i) => ({ row: i + 2, cells: cells.map(String) })) };
}

function tables(scenario: unknown): Record<MselSheet, SheetTable> {
  return { injects: table(sheetRows(scenario, "injects")), actions: table(sheetRows(scenario, "actions")) };
}

const ids = scenarioFiles().map((f) => f.replace(/\.json$/, ""));

describe("every built-in scenario round-trips through its rows", () => {
  it.each(ids)("%s: rows applied onto it change nothing", (id) => {
    const sc = rawScenario(id);
    const r = applyMsel(sc, tables(sc));
    expect(r.problems).toMatchObject([]);
    expect(r.issues).toEqual([]);
    expect(r.diff).toEqual({
      added: [],
      changed: [],
      removed: [],
      actions: { added: [], changed: [], removed: [] },
    });
    expect(JSON.stringify(r.scenario)).toBe(JSON.stringify(sc));
  });

  it.each(ids)("%s: rows alone rebuild every inject and action", (id) => {
    const sc = rawScenario(id);
    const empty = { ...sc, injects: [], actions: [] };
    const r = applyMsel(empty, tables(sc));
    expect(r.problems).toMatchObject([]);
    expect(r.diff.added).toEqual((sc.injects as { id: string }[]).map((i) => i.id));
    const rebuilt = parseScenario(r.scenario);
    const original = parseScenario(sc);
    expect(rebuilt.ok && original.ok).toBe(true);
    if (rebuilt.ok && original.ok) expect(rebuilt.scenario).toEqual(original.scenario);
  });
});

describe("edited rows", () => {
  const sc = rawScenario("tutorial");
  const injects = sc.injects as { id: string; title: string }[];
  const header = sheetRows(sc, "injects")[0]!.map(String);
  const col = (name: string) => header.indexOf(name);

  it("names a changed row's fields, an added row and a removed row", () => {
    const rows = sheetRows(sc, "injects");
    rows[1]![col("title")] = "A new title";
    rows[1]![col("effects")] = "escalation +7";
    const added = [...rows[2]!];
    added[col("id")] = "late-news";
    added[col("trigger")] = "turn >= 2 and not misattribution";
    rows.splice(3, 1); // the third inject goes
    rows.push(added);
    const r = applyMsel(sc, { injects: table(rows) });
    expect(r.problems).toMatchObject([]);
    expect(r.diff.changed).toEqual([{ id: injects[0]!.id, fields: ["title", "effects"] }]);
    expect(r.diff.added).toEqual(["late-news"]);
    expect(r.diff.removed).toEqual([injects[2]!.id]);
    const merged = r.scenario as { injects: Record<string, unknown>[] };
    expect(merged.injects[0]).toMatchObject({ title: "A new title", effects: [{ type: "escalation", delta: 7 }] });
    expect(merged.injects.at(-1)!.when).toEqual({
      all: [{ type: "turn", atLeast: 2 }, { not: { type: "misattribution" } }],
    });
  });

  it("names a bad row by its row number and column, and gives no scenario", () => {
    const rows = sheetRows(sc, "injects");
    rows[6]![col("turn")] = "seven";
    rows[3]![col("audience")] = "all, narnia";
    const r = applyMsel(sc, { injects: table(rows) });
    expect(r.scenario).toBeNull();
    expect(r.problems).toMatchObject([
      {
        sheet: "injects",
        row: 4,
        column: "audience",
        message: expect.stringContaining('"narnia" is not an audience'),
        key: "studio-msel.problem.audience",
        params: { got: '"narnia"', options: "all, mediator, observers, facilitator, borealis, austral" },
      },
      {
        sheet: "injects",
        row: 7,
        column: "turn",
        message: `expected a whole number from 1 to ${sc.turns}, got "seven"`,
        key: "studio-msel.problem.number",
        params: { whole: "yes", min: 1, max: sc.turns as number, got: '"seven"' },
      },
    ]);
  });

  it("finds a duplicate id and a half schedule", () => {
    const rows = sheetRows(sc, "injects");
    rows[2]![col("id")] = injects[0]!.id;
    rows[4]![col("phase")] = "";
    rows[4]![col("trigger")] = "";
    const r = applyMsel(sc, { injects: table(rows) });
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [3, "id"],
      [5, "phase"],
    ]);
    expect(r.problems[0]!.message).toBe(`the id "${injects[0]!.id}" is also on row 2`);
  });

  it("returns the merged scenario's issues at their row and column", () => {
    const rows = sheetRows(sc, "injects");
    rows[2]![col("effects")] = "sector borealis plumbing -5";
    const r = applyMsel(sc, { injects: table(rows) });
    expect(r.problems).toMatchObject([]);
    expect(r.scenario).not.toBeNull();
    expect(r.issues[0]).toMatchObject({
      sheet: "injects",
      row: 3,
      column: "effects",
      path: "injects[1].effects[0].sector",
    });
  });

  it("changes an action's cost and refuses a category it does not know", () => {
    const rows = sheetRows(sc, "actions");
    const ah = rows[0]!.map(String);
    rows[1]![ah.indexOf("cost")] = 3;
    let r = applyMsel(sc, { actions: table(rows) });
    expect(r.diff.actions.changed).toEqual([{ id: (sc.actions as { id: string }[])[0]!.id, fields: ["cost"] }]);
    rows[2]![ah.indexOf("category")] = "sneaky";
    r = applyMsel(sc, { actions: table(rows) });
    expect(r.problems).toMatchObject([
      {
        sheet: "actions",
        row: 3,
        column: "category",
        message: expect.stringMatching(/^expected one of the categories: offensive, .*got "sneaky"$/),
      },
    ]);
  });

  it("refuses a sheet without a column it needs, and one with too many rows", () => {
    const rows = sheetRows(sc, "injects").map((r) => r.filter((_, i) => i !== col("audience")));
    expect(() => applyMsel(sc, { injects: table(rows) })).toThrow(MselFileError);
    expect(() => applyMsel(sc, { injects: table(rows) })).toThrow('no "audience" column');
    const many = [header, ...Array.from({ length: 2001 }, () => sheetRows(sc, "injects")[1]!)];
    expect(() => applyMsel(sc, { injects: table(many) })).toThrow("at most 2000");
  });

  it("keeps fields without a column of their own in the other column", () => {
    const withMore = {
      ...sc,
      injects: [{ ...injects[0]!, attachments: [{ kind: "link", url: "https://example.org", title: "Site" }] }],
    };
    const rows = sheetRows(withMore, "injects");
    expect(rows[1]![header.indexOf("other")]).toBe(
      '{"attachments":[{"kind":"link","url":"https://example.org","title":"Site"}]}',
    );
    const r = applyMsel({ ...withMore, injects: [] }, { injects: table(rows) });
    expect((r.scenario as { injects: unknown[] }).injects[0]).toEqual(withMore.injects[0]);
  });
});
