// The bot policies' names in each language (headless Chromium): control's seat controls come from the `bots`
// catalogue, the pseudo-locale finds no text outside it, and French and Arabic control read their own words.
// Screenshots: 66-bots-*.png
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { shot } from "../helpers/browser.ts";
import { createExercise } from "../helpers/server.ts";
import { unmarkedText } from "../helpers/pseudo-scan.ts";
import { languageRig } from "../helpers/language-rig.ts";

const rig = languageRig();

/** Control joins with its code and opens its console, where the bot seats are. */
async function controlConsole(page: Page, url: string, code: string, name: string): Promise<void> {
  await page.goto(url);
  await page.locator("#code").fill(code);
  await page.locator("#name").fill(name);
  await page.locator("form button[type=submit]").click();
  await page.locator(".topbar").waitFor();
  await page.locator("#tab-control").click();
  await page.locator("#tabpanel [data-seat] select").first().waitFor();
}

/** The names the first seat's choice offers, as a person reads them. */
function choices(page: Page): Promise<string[]> {
  return page.locator("#tabpanel [data-seat] select").first().locator("option").allTextContents();
}

const SEATS = "#tabpanel .card:has([data-seat])";

describe("bot policies in each language", () => {
  it("the pseudo-locale finds no text outside the catalogues in the bot seats, a bot's badge included", async () => {
    const ex = await createExercise(rig.srv.url, "tutorial", "bots-qps");
    const page = await rig.browserIn("en-US");
    await controlConsole(page, `${rig.srv.url}/join?lang=qps`, ex.codes.facilitator, "Quinn");
    // the seat rows name the scenario's states: its words, read in their own direction
    const scan = () => unmarkedText(page, SEATS, ["[dir=auto]", "[data-seat] strong"]);
    expect((await choices(page)).every((c) => c.startsWith("⟦"))).toBe(true);
    await page.locator("#tabpanel [data-seat] select").first().selectOption("hawk");
    await page.locator("#tabpanel [data-seat] button").first().click();
    await page.locator("#tabpanel [data-bot=hawk]").waitFor();
    expect(await page.locator("#tabpanel [data-bot=hawk]").textContent()).toMatch(/^⟦/);
    expect(await scan()).toEqual([]);
  });

  it("French control reads the policies in French; Arabic control in Arabic, right to left", async () => {
    const ex = await createExercise(rig.srv.url, "tutorial", "bots-fr-ar");
    const fr = await rig.browserIn("fr-FR");
    await controlConsole(fr, `${rig.srv.url}/join`, ex.codes.facilitator, "Claire");
    expect(await choices(fr)).toEqual(["Diplomate prudent", "Faucon", "Opportuniste", "Passif", "Aléatoire"]);
    await fr.locator(SEATS).scrollIntoViewIfNeeded();
    await shot(fr, "66-bots-fr");

    const ar = await rig.browserIn("ar-EG");
    await controlConsole(ar, `${rig.srv.url}/join`, ex.codes.facilitator, "سلمى");
    expect(await ar.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await choices(ar)).toEqual(["دبلوماسي حذر", "صقر", "انتهازي", "سلبي", "عشوائي"]);
    await ar.locator("#tabpanel [data-seat] select").first().selectOption("cautious-diplomat");
    await ar.locator("#tabpanel [data-seat] button").first().click();
    await expect
      .poll(() => ar.locator("#tabpanel [data-bot]").first().getAttribute("title"))
      .toBe("يرد على الخط الساخن، ويتحقق من الأدلة، ويُخطر قبل التصرف، ويقترح تدابير");
    await ar.locator(SEATS).scrollIntoViewIfNeeded();
    await shot(ar, "66-bots-ar");
  });
});
