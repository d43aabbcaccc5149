// The after-action report in the facilitator's language (headless Chromium): the console asks the real
// server's report route with ?lang=, and the report reads in French, or in Arabic right to left; the
// pseudo-locale finds no visible text outside the catalogues in the report's converted parts.
// Screenshots: 61-report-*.png
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { createExercise, startTestServer, type Created, type TestServer } from "../helpers/server.ts";
import { unmarkedText } from "../helpers/pseudo-scan.ts";
import { renderReport } from "../../shared/report/index.ts";
import { gridRecording } from "../report/exercises.ts";

let srv: TestServer;
let browser: Browser;
let ex: Created;

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launch();
  ex = await createExercise(srv.url, "tutorial", "report-languages");
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

/** The report as the console downloads it, opened in a 1280×720 page. */
async function openReport(lang: string): Promise<Page> {
  const res = await fetch(`${srv.url}/api/exercises/${ex.exerciseId}/report?format=html&lang=${lang}`, {
    headers: { authorization: `Bearer ${ex.codes.facilitator}` },
  });
  expect(res.status).toBe(200);
  return pageWith(await res.text());
}

async function pageWith(html: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.setContent(html);
  return page;
}

/** Where the text of the first element matching `selector` is drawn. */
async function textBox(page: Page, selector: string): Promise<{ left: number; right: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right };
    });
}

describe("the report in the facilitator's language", () => {
  it("French: the cover, the contents and the sections read in French", async () => {
    const page = await openReport("fr");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    await expect.poll(() => page.locator(".eyebrow").textContent()).toBe("Rapport après action et plan d’amélioration");
    expect(await page.locator("section#summary h2").textContent()).toBe("1. Synthèse");
    expect(await page.locator("nav.toc h3").textContent()).toBe("Sommaire");
    expect(await page.locator("table.meta th").first().textContent()).toBe("Exercice");
    await shot(page, "61-report-fr");
    await page.locator("#curve").scrollIntoViewIfNeeded();
    expect(await page.locator("svg.chart text.lane").first().textContent()).toBe("Stimuli");
    await shot(page, "61-report-fr-curve");
    await page.context().close();
  });

  it("Arabic: right to left, the labels on the right, the events in Arabic", async () => {
    const page = await openReport("ar");
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      "ar",
      "rtl",
    ]);
    expect(await page.locator("section#summary h2").textContent()).toBe("1. الملخص التنفيذي");
    // the cover's labels stand on the right of their values, as Arabic reads
    const label = await textBox(page, "table.meta th");
    const value = await textBox(page, "table.meta td");
    expect(label.left).toBeGreaterThan(value.right);
    // the heading starts at the right edge of the page's text
    const h2 = await textBox(page, "section#summary h2");
    const page1 = await page.locator("main.page").boundingBox();
    expect(page1!.x + page1!.width - h2.right).toBeLessThan(80);
    // this exercise has not started: the cover says so in Arabic
    expect(await page.locator(".outcome .label").textContent()).toBe("النتيجة: لم يكتمل");
    await shot(page, "61-report-ar");
    await page.context().close();
    // a played exercise's report: its events in Arabic, its curve laid out left to right
    const played = renderReport(gridRecording(), "html", undefined, "ar");
    if (!played.ok) throw new Error(played.error);
    const grid = await pageWith(played.body);
    await grid.locator("#curve").scrollIntoViewIfNeeded();
    await shot(grid, "61-report-ar-curve");
    await grid.locator("#timeline").scrollIntoViewIfNeeded();
    expect(await grid.locator("table.timeline td.text").first().textContent()).toMatch(/^بدأ التمرين: /);
    await shot(grid, "61-report-ar-timeline");
    await grid.context().close();
  });

  it("the pseudo-locale: no visible text outside the catalogues in the report's converted parts", async () => {
    const r = renderReport(gridRecording(), "html", undefined, "qps");
    if (!r.ok) throw new Error(r.error);
    const page = await pageWith(r.body);
    const converted = [
      ".marking",
      "header.cover .eyebrow",
      "header.cover .subtitle",
      "header.cover .outcome",
      "table.meta th",
      "header.cover p.small",
      "nav.toc",
      "section.major > h2",
      ".tiles .k",
      "section#summary h3",
      "section#curve h3",
      "section#curve > p",
      "section#curve table thead",
      ".legend",
      "svg.chart text.lane",
      "svg.chart text.turn-label",
      "svg.chart text.red-label",
      "svg.chart text.peak",
      "table.timeline td.text",
    ].join(", ");
    expect(await unmarkedText(page, converted)).toEqual([]);
    await page.context().close();
  });
});
