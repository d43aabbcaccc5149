// The after-action report's own sections in the reader's language (headless Chromium): the pseudo-locale
// finds no visible text outside the catalogues in the summary, overview, findings' frame, metrics' heads,
// decisions, transcript, plan and timeline heads; Arabic reads right to left there.
// Screenshots: 61-report-sections-*.png
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { unmarkedText } from "../helpers/pseudo-scan.ts";
import { renderReport } from "../../shared/report/index.ts";
import { gridRecording } from "../report/exercises.ts";

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(lang: "qps" | "ar" | "fr"): Promise<Page> {
  const r = renderReport(gridRecording(), "html", undefined, lang);
  if (!r.ok) throw new Error(r.error);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.setContent(r.body);
  return page;
}

describe("the report's own sections in the reader's language", () => {
  it("the pseudo-locale: no visible text outside the catalogues in the converted sections", async () => {
    const page = await open("qps");
    const converted = [
      "section#summary > p",
      "section#overview h3",
      "section#overview thead",
      "section#overview table:first-of-type td:first-child",
      "section#analysis > p",
      ".capability > h3",
      ".finding .tag",
      ".finding .rec strong",
      ".finding p.rule",
      "section#metrics h3",
      "section#metrics h4",
      "section#metrics thead",
      "section#decisions h3",
      "section#decisions h4",
      "section#decisions thead",
      "section#hotline > p",
      "section#hotline thead",
      "section#hotline .pill",
      "section#plan > p",
      "section#plan thead",
      "section#timeline > p",
      "table.timeline thead",
    ].join(", ");
    expect(await unmarkedText(page, converted)).toEqual([]);
    await page.context().close();
  });

  it("Arabic: the summary, decisions and transcript in Arabic, right to left; French as well", async () => {
    const page = await open("ar");
    await page.locator("#summary").scrollIntoViewIfNeeded();
    expect(await page.locator("section#summary > p").nth(1).textContent()).toMatch(/^بدأ التصعيد عند /);
    // the summary's sentences start at the right edge of the page's text
    const p = await page.locator("section#summary > p").first().boundingBox();
    const main = await page.locator("main.page").boundingBox();
    expect(main!.x + main!.width - (p!.x + p!.width)).toBeLessThan(80);
    await shot(page, "61-report-sections-ar-summary");
    await page.locator("#hotline").scrollIntoViewIfNeeded();
    expect(await page.locator("section#hotline thead th").nth(5).textContent()).toBe("الرسالة");
    await shot(page, "61-report-sections-ar-hotline");
    await page.context().close();
    const fr = await open("fr");
    await fr.locator("#decisions").scrollIntoViewIfNeeded();
    expect(await fr.locator("section#decisions h4").first().textContent()).toBe("Résultats arbitrés");
    await shot(fr, "61-report-sections-fr-decisions");
    await fr.context().close();
  });
});
