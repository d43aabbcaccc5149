// The lobby's scenario cards in the reader's language: a French browser reads the tutorial's French title and
// summary (from the scenario's translations, asked of /api/scenarios?lang=fr); the lab's check titles come from the
// lab-report catalogue, and so do the measured values; the course comparison's findings come from the compare
// catalogue. Screenshots: 62-lobby-cards-fr.png, 62-lab-checks-fr.png, 62-lab-checks-ar.png, 62-lab-report-ar.png,
// 63-lab-report-fr.png, 63-compare-findings-fr.png
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { Participant, api, startTestServer, type TestServer } from "../helpers/server.ts";
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
    // every cell of the checks table, the measured values included, comes from a catalogue
    expect(await unmarkedText(page, "table.plain", [])).toEqual([]);
    await expect
      .poll(() => page.locator("tr[data-check] td:nth-child(3)").first().textContent())
      .toMatch(/^⟦score gap/);
    await page.goto(`${srv.url}/lab/tutorial?lang=fr`);
    await page.locator("#lab-games").selectOption("20");
    await page.locator("button[type=submit]").click();
    const first = page.locator("tr[data-check='careful-beats-reckless'] td:nth-child(2)");
    await expect
      .poll(() => first.textContent(), { timeout: 120_000 })
      .toBe(fr.t("lab-report.check.careful-beats-reckless"));
    // the measured value in French words and numbers
    const measured = page.locator("tr[data-check='careful-beats-reckless'] td:nth-child(3)");
    await expect.poll(() => measured.textContent()).toMatch(/^écart de score -?\d+,\d\d \(IC à 95\u00a0% de /);
    // the scenario's own title in the heading comes from its French translation
    expect(await page.locator("h1").textContent()).toContain(tutorial.translations.fr!.title);
    await shot(page, "62-lab-checks-fr");
    // the balance report in French: its sections' bodies too, with French numbers
    const frHref = await page.getByRole("link", { name: "Ouvrir le rapport d’équilibre" }).getAttribute("href");
    await page.goto(frHref!);
    await page.locator("#outcomes").scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.locator("#outcomes + p").textContent())
      .toMatch(/^Comment les parties se sont terminées/);
    expect(await page.locator(".tiles .v").nth(1).textContent()).toMatch(/^\d+,\d[\u00a0\u202f]%$/);
    await shot(page, "63-lab-report-fr");
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

describe("the course comparison's findings in the reader's language", () => {
  it("the pseudo-locale finds every finding in the catalogues, and a French organiser reads them in French", async () => {
    const made = await api(srv.url, "POST", "/groups", { scenarioId: "tutorial", cells: 2, title: "Cours", seed: "s" });
    expect(made.status).toBe(201);
    const { groupId, code, cells } = made.body as {
      groupId: string;
      code: string;
      cells: { roomId: string; codes: { facilitator: string } }[];
    };
    // cell A starts and nobody uses the hotline: its findings say so
    const control = await Participant.join(srv.url, cells[0]!.roomId, cells[0]!.codes.facilitator, "Camille");
    await control.command({ type: "exercise.start" });
    await control.leave();
    const course = JSON.stringify([{ groupId, code, title: "Cours", savedAt: 1 }]);
    for (const locale of ["en-US", "fr-FR"]) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale });
      await ctx.addInitScript((c) => localStorage.setItem("deconflict:courses", c), course);
      const page = await ctx.newPage();
      if (locale === "en-US") {
        await page.goto(`${srv.url}/course/${groupId}/compare?lang=qps`);
        const items = page.locator("section[aria-label='⟦Findings⟧'] li[data-finding]");
        await items.first().waitFor();
        // the cells' titles are the course's own words; everything else, findings included, is the catalogues'
        expect(await unmarkedText(page, "section[aria-label='⟦Findings⟧']", ["h3"])).toEqual([]);
        await expect
          .poll(() => page.locator("li[data-finding='hotline-unused']").textContent())
          .toBe("△ ⟦The hotline was not used⟧");
      } else {
        await page.goto(`${srv.url}/course/${groupId}/compare`);
        const unused = page.locator("li[data-finding='hotline-unused']");
        await expect.poll(() => unused.textContent()).toBe("△ La ligne directe n’a pas été utilisée");
        await page.locator("section[aria-label='Constats']").scrollIntoViewIfNeeded();
        await shot(page, "63-compare-findings-fr");
      }
      await ctx.close();
    }
  }, 120_000);
});
