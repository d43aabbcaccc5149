// The lobby's scenario cards in the reader's language: a French browser reads the tutorial's French title and
// summary (from the scenario's translations, asked of /api/scenarios?lang=fr); the lab's check titles come from the
// lab-report catalogue. Screenshots: 62-lobby-cards-fr.png, 62-lab-checks-fr.png, 62-lab-checks-ar.png, 62-lab-report-ar.png
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { unmarkedText } from "../helpers/pseudo-scan.ts";
import { labTranslator } from "../../shared/lab/words.ts";

interface File {
  id: string;
  title: string;
  translations: Record<string, Record<string, string>>;
}
const tutorial = JSON.parse(readFileSync("scenarios/tutorial.json", "utf8")) as File;

const fr = labTranslator("fr");
const ar = labTranslator("ar");
let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

describe("lobby cards in the reader's language", () => {
  it("a French facilitator reads the tutorial's card in French", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "fr-FR" });
    const page = await ctx.newPage();
    await page.goto(`${srv.url}/`);
    const card = page.locator(`.scenario-card[data-scenario="${tutorial.id}"]`);
    await expect.poll(() => card.locator("h3").textContent()).toBe(tutorial.translations.fr!.title);
    await expect.poll(() => card.locator("p").first().textContent()).toBe(tutorial.translations.fr!.summary);
    await shot(page, "62-lobby-cards-fr");
    await ctx.close();
  });
});

describe("the lab's lesson checks in the reader's language", () => {
  it("the pseudo-locale finds the check titles and table in the catalogues; French and Arabic read them", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    await page.goto(`${srv.url}/lab/tutorial?lang=qps`);
    await page.locator("#lab-games").selectOption("20");
    await page.locator("button[type=submit]").click();
    const table = page.locator("tr[data-check]");
    await table.first().waitFor({ timeout: 120_000 });
    // the measured values (third column) are the lab's English sentences, not converted yet
    expect(await unmarkedText(page, "table.plain", ["td:nth-child(3)"])).toEqual([]);
    await page.goto(`${srv.url}/lab/tutorial?lang=fr`);
    await page.locator("#lab-games").selectOption("20");
    await page.locator("button[type=submit]").click();
    const first = page.locator("tr[data-check='careful-beats-reckless'] td:nth-child(2)");
    await expect
      .poll(() => first.textContent(), { timeout: 120_000 })
      .toBe(fr.t("lab-report.check.careful-beats-reckless"));
    // the scenario's own title in the heading comes from its French translation
    expect(await page.locator("h1").textContent()).toContain(tutorial.translations.fr!.title);
    await shot(page, "62-lab-checks-fr");
    await page.goto(`${srv.url}/lab/tutorial?lang=ar`);
    await page.locator("#lab-games").selectOption("20");
    await page.locator("button[type=submit]").click();
    const arFirst = page.locator("tr[data-check='careful-beats-reckless'] td:nth-child(2)");
    await expect
      .poll(() => arFirst.textContent(), { timeout: 120_000 })
      .toBe(ar.t("lab-report.check.careful-beats-reckless"));
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await shot(page, "62-lab-checks-ar");
    // the balance report the page links to is in Arabic too, right to left
    const href = await page.getByRole("link", { name: "فتح تقرير التوازن" }).getAttribute("href");
    expect(href).toMatch(/\?lang=ar$/);
    await page.goto(href!);
    await expect.poll(() => page.locator("h2#checks").textContent()).toBe(ar.t("lab-report.checks-heading"));
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await shot(page, "62-lab-report-ar");
    await ctx.close();
  }, 240_000);
});
