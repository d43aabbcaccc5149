// The studio's spreadsheet panel in headless Chromium: export the events list as XLSX, change a row and
// add one with ExcelJS (as a designer's spreadsheet would), import it, see the diff and the one bad row
// named by row and column; correct it, import again, apply, and find the rows in the draft. Screenshot of the diff.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Browser, Download, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { rawScenario } from "../helpers/scenarios.ts";
import { createTranslator } from "../../shared/i18n/index.ts";
import { loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";

let srv: TestServer;
let browser: Browser;
const tutorial = rawScenario("tutorial");
const injects = tutorial.injects as { id: string; title: string }[];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function person(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  return page;
}

async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([
    page.waitForEvent("download"),
    page.locator(`[data-msel="${button}"]`).click(),
  ])) as [Download, void];
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

function column(ws: ExcelJS.Worksheet, name: string): number {
  const i = (ws.getRow(1).values as unknown[]).indexOf(name);
  if (i < 1) throw new Error(`no column ${name}`);
  return i;
}

describe("the studio's spreadsheet panel", () => {
  it("exports XLSX, imports an edited copy with its diff and bad row, and applies the corrected one", async () => {
    const designer = await person();
    await designer.goto(`${srv.url}/studio`);
    await designer.locator('[data-studio-scenario="tutorial"]').getByRole("button", { name: "Edit a copy" }).click();
    await expect.poll(() => designer.locator(".studio-state").textContent()).toBe("✓ Valid");
    const panel = designer.locator('[data-panel="msel"]');
    const tab = await panel.getAttribute("aria-labelledby");
    await designer.locator(`[id="${tab}"]`).click();
    await panel.waitFor();

    const xlsx = await downloaded(designer, "export-xlsx");
    expect(xlsx.name).toMatch(/^tutorial-[a-z0-9-]*msel\.xlsx$/); // the copy's id
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Injects")!;
    expect(ws.actualRowCount).toBe(injects.length + 1);
    ws.getCell(3, column(ws, "title")).value = "Second report, reworded";
    const added = ws.addRow([]);
    const cells: Record<string, string | number> = {
      id: "harbour-rumour",
      turn: "seven",
      phase: "briefing",
      audience: "all",
      title: "Harbour rumour",
      text: "A rumour spreads about the harbour's cranes.",
      effects: "escalation +1",
    };
    for (const [k, v] of Object.entries(cells)) added.getCell(column(ws, k)).value = v;
    const file = (buffer: Buffer) => ({ name: "edited.xlsx", mimeType: XLSX, buffer });
    await panel.locator('[data-msel="file"]').setInputFiles(file(Buffer.from(await wb.xlsx.writeBuffer())));

    const injectsDiff = panel.locator('[data-diff="injects"]');
    await injectsDiff.waitFor();
    expect(await injectsDiff.locator("[data-added]").textContent()).toBe("1 row added: harbour-rumour");
    expect(await injectsDiff.locator(`[data-changed="${injects[1]!.id}"]`).textContent()).toBe(
      `${injects[1]!.id}: title`,
    );
    const problems = panel.locator('[data-msel="problems"] li');
    expect(await problems.count()).toBe(1);
    const row = injects.length + 2;
    expect(await problems.first().getAttribute("data-row")).toBe(String(row));
    expect(await problems.first().getAttribute("data-column")).toBe("turn");
    expect(await problems.first().textContent()).toBe(
      `Row ${row}, column turn: expected a whole number from 1 to ${tutorial.turns}, got "seven"`,
    );
    expect(await panel.locator('[data-msel="apply"]').isDisabled()).toBe(true);
    await panel.scrollIntoViewIfNeeded();
    await shot(designer, "studio-msel-diff-1280x720");

    added.getCell(column(ws, "turn")).value = 2;
    await panel.locator('[data-msel="file"]').setInputFiles(file(Buffer.from(await wb.xlsx.writeBuffer())));
    await panel.locator('[data-msel="apply"]:enabled').waitFor();
    expect(await panel.locator('[data-msel="problems"]').count()).toBe(0);
    // the tutorial is given in four languages: the new row's title and text still lack their translations,
    // which the import shows (the rows can be applied; the forms fix the rest)
    const missing = 2 * ((tutorial.languages as string[]).length - 1);
    const issues = panel.locator('[data-msel="issues"] li');
    expect(await issues.count()).toBe(missing);
    for (const text of await issues.allTextContents())
      expect(text).toMatch(/^translations\.\w+: .*injects\.harbour-rumour\./);
    await panel.locator('[data-msel="apply"]').click();
    await expect
      .poll(() => panel.getByRole("status").first().textContent())
      .toBe("Applied to the draft. Save a version to keep it.");
    await expect.poll(() => designer.locator(".studio-state").textContent()).toBe(`${missing} issues`);

    // the draft now holds the rows: a fresh export carries them
    const csv = await downloaded(designer, "export-csv");
    const rows = Papa.parse<string[]>(csv.bytes.toString("utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    const at = (name: string) => rows[0]!.indexOf(name);
    expect(rows).toHaveLength(injects.length + 2);
    expect(rows[2]![at("title")]).toBe("Second report, reworded");
    expect(rows.at(-1)!.slice(0, 3)).toEqual(["harbour-rumour", "2", "briefing"]);
  });

  it("words a bad row in the designer's language: Arabic, right to left", async () => {
    loadCataloguesFromDisk();
    const designer = await person();
    await designer.goto(`${srv.url}/studio?lang=ar`);
    await designer.locator('[data-studio-scenario="tutorial"] button').click();
    const panel = designer.locator('[data-panel="msel"]');
    await designer.locator(`[id="${await panel.getAttribute("aria-labelledby")}"]`).click();
    const csv = await downloaded(designer, "export-csv");
    expect(csv.name).toMatch(/^tutorial-[a-z0-9-]*injects\.csv$/);
    const rows = Papa.parse<string[]>(csv.bytes.toString("utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    rows[3]![rows[0]!.indexOf("turn")] = "9";
    const file = { name: "edited.csv", mimeType: "text/csv", buffer: Buffer.from(Papa.unparse(rows)) };
    await panel.locator('[data-msel="file"]').setInputFiles(file);
    const problem = panel.locator('[data-msel="problems"] li');
    await problem.waitFor();
    const ar = createTranslator("ar");
    const message = ar.t("studio-msel.problem.number", {
      whole: "yes",
      min: 1,
      max: tutorial.turns as number,
      got: '"9"',
    });
    expect(await problem.textContent()).toBe(ar.t("studio-msel.where", { row: 4, column: "turn", message }));
    expect(await designer.locator("html").getAttribute("dir")).toBe("rtl");
    await panel.scrollIntoViewIfNeeded();
    await shot(designer, "studio-msel-problem-ar-1280x720");
  });
});
