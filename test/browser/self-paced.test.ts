// Self-paced play in headless Chromium: a trainee starts an exercise alone
// from the lobby, bots play the other seats, the server paces it to its end on
// short timers, and the trainee opens its report and replay from the lobby.
// Screenshots of the start and of control's bot seats at 1280x720 and 1920x1080.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { join } from "node:path";
import { SHOTS_DIR, launch, shot } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  srv = await startTestServer({
    CLIENT_DIR: inject("clientDir"),
    BOT_DELAY_SECONDS: "0.05-0.1",
    SELF_PACED_MIN_PHASE_SECONDS: "1",
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function page(width: number, height: number): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  const p = await ctx.newPage();
  p.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  return p;
}

describe("self-paced play in the browser", () => {
  it("starts alone from the lobby, runs to its end with bots and timers, and its report opens", async () => {
    const trainee = await page(1280, 720);
    await trainee.goto(srv.url);
    await trainee.locator('[data-scenario="tutorial"]').click();
    const solo = trainee.getByRole("form", { name: "Play alone" });
    await solo.getByLabel("Your team").selectOption("austral");
    await solo.getByLabel("Pace").selectOption("1");
    await solo.getByLabel("Your name (optional)").fill("Tia");
    await solo.scrollIntoViewIfNeeded();
    await shot(trainee, "self-paced-start-1280x720");
    await solo.screenshot({ path: join(SHOTS_DIR, "self-paced-form.png") });

    await solo.getByRole("button", { name: "Start playing alone" }).click();
    await trainee.locator(".topbar").waitFor();
    await expect.poll(() => trainee.locator(".topbar").innerText()).toContain("Austral");
    // the server starts it, bots play, phases run out: 4 turns of 5 phases, a second each
    await trainee.getByText("● Live").waitFor({ timeout: 10_000 });
    await shot(trainee, "self-paced-playing-1280x720");
    const roomId = new URL(trainee.url()).pathname.split("/")[2]!;

    // control's console of the same exercise, from the same browser: the bot seats
    const console1280 = await trainee.context().newPage();
    await console1280.goto(`${srv.url}/exercise/${roomId}?as=facilitator`);
    const seats = console1280.getByRole("article", { name: "Bot seats" });
    await seats.locator('[data-seat="borealis"] [data-bot]').waitFor();
    await seats.scrollIntoViewIfNeeded();
    await shot(console1280, "bots-seats-1280x720");
    await seats.screenshot({ path: join(SHOTS_DIR, "bots-seats-card.png") });
    expect(await seats.locator("[data-bot]").count()).toBe(2);
    await expect.poll(() => seats.innerText()).toContain("Self-paced");

    await trainee.getByText("■ Ended").waitFor({ timeout: 60_000 });
    await console1280.close();

    // at the end, the exercise page offers its report and replay
    const debrief = trainee.getByLabel("After the exercise");
    await debrief.waitFor();
    await shot(trainee, "self-paced-end-1280x720");
    const [report] = await Promise.all([
      trainee.context().waitForEvent("page"),
      debrief.getByRole("button", { name: "The after-action report" }).click(),
    ]);
    await report.waitForLoadState();
    await expect.poll(() => report.locator("body").innerText()).toContain("First Light");
    await report.close();

    // and the lobby keeps the exercise played alone, with its replay
    await trainee.goto(srv.url);
    const played = trainee.getByRole("region", { name: "Played alone" });
    await played.locator(`[data-room="${roomId}"]`).waitFor();
    await played.getByRole("link", { name: "replay" }).click();
    await trainee.getByRole("slider").first().waitFor();
    await trainee.context().close();
  });

  it("looks right at 1920x1080: bots chosen at creation, the self-paced start and the bot seats", async () => {
    const p = await page(1920, 1080);
    await p.goto(srv.url);
    await p.locator('[data-scenario="civilian-shield"]').click();
    // control creates an exercise with a hawk in Saranth's seat; its console shows it
    const create = p.getByRole("form", { name: "Create an exercise" });
    await create.getByLabel("Saranth").selectOption("hawk");
    await create.screenshot({ path: join(SHOTS_DIR, "bots-create-form.png") });
    await create.getByRole("button", { name: "Create exercise" }).click();
    await p.waitForURL(/\/codes$/);
    const created = new URL(p.url()).pathname.split("/")[2]!;
    await p.goto(`${srv.url}/exercise/${created}?as=facilitator`);
    await p.getByRole("article", { name: "Bot seats" }).locator('[data-seat="saranth"] [data-bot="hawk"]').waitFor();
    await p.goto(srv.url);
    await p.locator('[data-scenario="civilian-shield"]').click();
    const solo = p.getByRole("form", { name: "Play alone" });
    await solo.scrollIntoViewIfNeeded();
    await shot(p, "self-paced-start-1920x1080");
    await solo.getByLabel("Your name (optional)").fill("Vera");
    await solo.screenshot({ path: join(SHOTS_DIR, "self-paced-form-1920.png") });
    await solo.getByLabel("Pace").selectOption("120");
    await solo.getByRole("button", { name: "Start playing alone" }).click();
    await p.locator(".topbar").waitFor();
    const roomId = new URL(p.url()).pathname.split("/")[2]!;
    await p.goto(`${srv.url}/exercise/${roomId}?as=facilitator`);
    const seats = p.getByRole("article", { name: "Bot seats" });
    await seats.locator("[data-bot]").nth(3).waitFor();
    await seats.scrollIntoViewIfNeeded();
    await shot(p, "bots-seats-1920x1080");
    await p.context().close();
  });
});
