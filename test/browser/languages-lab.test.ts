// The lobby's scenario cards in the reader's language: a French browser reads the tutorial's French title and
// summary (from the scenario's translations, asked of /api/scenarios?lang=fr). Screenshot: 62-lobby-cards-fr.png
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

interface File {
  id: string;
  title: string;
  translations: Record<string, Record<string, string>>;
}
const tutorial = JSON.parse(readFileSync("scenarios/tutorial.json", "utf8")) as File;

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
