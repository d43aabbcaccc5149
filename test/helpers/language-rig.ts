// What the languages browser tests share: one server and one Chromium per file, a browser context per
// person preferring a locale (1280×720; a page error fails the test), joining through the join page.
import { afterAll, beforeAll, expect, inject } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launch } from "./browser.ts";
import { Participant, startTestServer, type Created, type TestServer } from "./server.ts";

export interface LanguageRig {
  /** the running server (set once the file's beforeAll has run) */
  readonly srv: TestServer;
  readonly browser: Browser;
  /** A new person whose browser prefers `locale`; `init` runs before the page's first script. */
  browserIn(locale: string, init?: (page: Page) => Promise<void>): Promise<Page>;
  /** A participant over the real SDK, left when the file ends. */
  join(ex: Created, code: string, name: string): Promise<Participant>;
}

/** Starts a server and Chromium for this file, and closes every context and participant after it. */
export function languageRig(): LanguageRig {
  let srv: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const people: Participant[] = [];
  beforeAll(async () => {
    srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
    browser = await launch();
  });
  afterAll(async () => {
    for (const p of people) await p.leave();
    for (const ctx of contexts) await ctx.close();
    await browser?.close();
    await srv?.close();
  });
  return {
    get srv() {
      return srv!;
    },
    get browser() {
      return browser!;
    },
    async browserIn(locale, init) {
      const ctx = await browser!.newContext({ viewport: { width: 1280, height: 720 }, locale });
      contexts.push(ctx);
      const page = await ctx.newPage();
      page.on("pageerror", (e) => {
        throw new Error(`page error: ${e.message}\n${e.stack}`);
      });
      await init?.(page);
      return page;
    },
    async join(ex, code, name) {
      const p = await Participant.join(srv!.url, ex.roomId, code, name);
      people.push(p);
      return p;
    },
  };
}

/** Joins through the join page with `code` and waits for the exercise page's top bar. */
export async function joinAs(page: Page, url: string, code: string, name: string): Promise<void> {
  await page.goto(url);
  await page.locator("#code").fill(code);
  await page.locator("#name").fill(name);
  await page.locator("form button[type=submit]").click();
  await page.locator(".topbar").waitFor();
}

/** Opens a side panel's tab and waits until it is the selected one. */
export async function openTab(page: Page, id: string): Promise<void> {
  await page.locator(`#tab-${id}`).click();
  await expect.poll(() => page.locator(`#tab-${id}`).getAttribute("aria-selected")).toBe("true");
}
