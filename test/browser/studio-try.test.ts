// The studio's Try it panel in headless Chromium: it asks for a save first; on a saved copy of the tutorial,
// "Check balance" runs the lab and lists the lesson checks with pass or fail, and "Play test" seats the designer
// in the first state of a self-paced exercise with bots in the other seats. Screenshots of the panel's checks and of the play test.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir"), BOT_DELAY_SECONDS: "0.05-0.1" });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function person(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  return page;
}

describe("the studio's Try it panel", () => {
  it("asks for a save, then checks the balance of the saved draft and starts a play test", async () => {
    const designer = await person();
    await designer.goto(`${srv.url}/studio`);
    const tutorial = designer.locator('[data-studio-scenario="tutorial"]');
    await tutorial.getByRole("button", { name: "Edit a copy" }).click();
    await expect.poll(() => designer.locator(".studio-state").textContent()).toBe("✓ Valid");
    await designer
      .locator(".studio-side")
      .getByRole("tab", { name: /^Try it/ })
      .click();
    const panel = designer.locator(".studio-try");

    // never saved: both buttons say what to do first
    await panel.getByRole("button", { name: "Check balance" }).click();
    await expect.poll(() => panel.locator('[data-try="save-first"]').isVisible()).toBe(true);

    await designer.getByRole("button", { name: "Save version" }).click();
    await expect.poll(() => designer.locator(".studio-message").textContent()).toContain("Saved as version 1");
    await panel.getByRole("button", { name: "Check balance" }).click();
    expect(await panel.locator('[data-try="save-first"]').isVisible()).toBe(false);
    const checks = panel.locator('[data-try="checks"] li[data-check]');
    await checks.first().waitFor({ timeout: 120_000 });
    const statuses = await checks.evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
    expect(statuses.length).toBeGreaterThan(3);
    for (const s of statuses) expect(["pass", "fail", "unmeasured"]).toContain(s);
    expect(await checks.first().textContent()).toMatch(/^[✓✗–] (pass|fail|not measured) \S/);
    await expect.poll(() => panel.getByRole("status").last().textContent()).toMatch(/^Done: \d+ games\.$/);
    await panel.scrollIntoViewIfNeeded();
    await shot(designer, "studio-try-checks-1280x720");

    await panel.getByRole("button", { name: "Play test" }).click();
    await designer.waitForURL(/\/exercise\/ex-[0-9a-f]{8}\?as=team$/);
    await designer.locator(".topbar").waitFor();
    await expect.poll(() => designer.locator(".topbar").innerText()).toContain("Borealis");
    // the server starts the play test itself, and the bots play the other state
    await designer.getByText("● Live").waitFor({ timeout: 15_000 });
    await designer.locator("canvas").first().waitFor();
    await shot(designer, "studio-try-play-test-1280x720");
  }, 180_000);
});
