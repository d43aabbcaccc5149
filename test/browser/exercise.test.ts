// A short exercise played in headless Chromium, in separate browser contexts
// (separate people): control creates it from the lobby, two teams and the
// mediator join by link, an inject reaches its audience only, the hotline is
// used, orders are submitted, the meter moves, control pauses and resumes.
// Screenshots of every screen land in test-results/screenshots/. An open board
// draws only when something changes, and still shows every change.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { createExercise, Participant, startTestServer, type TestServer } from "../helpers/server.ts";
import { boardSettled, countDraws, drawCount, frames } from "./board-drawing.ts";

let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
// each test's people leave when it ends, so their pages cost nothing to the next
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

async function person(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  return page;
}

async function joinByLink(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Enter the exercise" }).click();
  await page
    .locator(".topbar")
    .waitFor()
    .catch(async (err) => {
      await shot(page, `failed-join-${name}`);
      throw err;
    });
}

const tab = (page: Page, name: string) => page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
const board = (page: Page) => page.locator(".board + div + .sr-only, .sr-only[aria-live=polite]").first();

describe("an exercise in the browser", () => {
  it("is created, joined by link, and played by separate people", async () => {
    // control creates the exercise in the lobby
    const control = await person();
    await control.goto(srv.url);
    await control.locator("[data-scenario=tutorial]").waitFor();
    await shot(control, "01-lobby");
    await control.locator("[data-scenario=tutorial]").click();
    await control.getByLabel("Title (optional)").fill("Browser test run");
    await control.getByRole("button", { name: "Create exercise" }).click();
    await control.locator(".code-table").waitFor();
    await shot(control, "02-join-codes");
    const linkOf = async (seat: string) =>
      (await control.locator(`tr[data-seat="${seat}"] .link`).textContent())!.replace(/^http:\/\/[^/]+/, srv.url);
    const links = {
      borealis: await linkOf("Borealis"),
      austral: await linkOf("Austral"),
      mediator: await linkOf("Mediator"),
    };

    await control.getByRole("link", { name: /Open the control console/ }).click();
    await control.getByRole("button", { name: "Start the exercise" }).click();
    await control.getByRole("button", { name: /Advance to Deliberation/ }).waitFor();

    // two teams and the mediator join by link
    const bo = await person();
    const al = await person();
    const mia = await person();
    await joinByLink(bo, links.borealis, "Bo");
    await joinByLink(al, links.austral, "Al");
    await joinByLink(mia, links.mediator, "Mia");
    await expect.poll(() => bo.locator(".seat").textContent()).toContain("Borealis");
    await expect.poll(() => mia.locator(".seat").textContent()).toContain("Lantern Foundation");
    await shot(bo, "03-team-briefing");

    // an ad-hoc inject for Borealis only, with markup that must stay text
    await control.getByLabel("Title").fill("Leak <img src=x onerror=window.__xss=1>");
    await control.getByLabel("Text").fill("Borealis only: <script>window.__xss=2</script> sources say…");
    await control.locator("fieldset input[value=all]").uncheck();
    await control.locator("fieldset input[value=borealis]").check();
    await control.getByRole("button", { name: "Release inject" }).click();
    await expect
      .poll(() => control.locator("[role=status]").allTextContents())
      .toContainEqual(expect.stringContaining("released"));
    await tab(bo, "Injects");
    const leak = bo.locator("article", { hasText: "Borealis only:" });
    await leak.waitFor();
    expect(await leak.textContent()).toContain("<script>window.__xss=2</script>");
    expect(await bo.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await shot(bo, "04-team-injects");
    await tab(al, "Injects");
    await expect.poll(() => al.locator("[role=feed]").textContent()).toContain("Blackout in the Borealis capital");
    expect(await al.locator("body").textContent()).not.toContain("Borealis only:");
    expect(await mia.locator("body").textContent()).not.toContain("Borealis only:");

    // the hotline: Borealis asks, Austral answers; markup stays text
    await control.getByRole("button", { name: /Advance to Deliberation/ }).click();
    await tab(bo, "Hotline");
    await bo.getByRole("tab", { name: /^Austral/ }).click();
    await bo.getByLabel("Kind").selectOption("confirm");
    await bo.getByLabel("Message", { exact: true }).fill("Were your units involved? <b>yes/no</b>");
    await bo.getByRole("button", { name: "Send", exact: true }).click();
    await tab(al, "Hotline");
    await expect.poll(() => al.getByRole("tab", { name: /^Borealis/ }).textContent()).toMatch(/1/);
    await al.getByRole("tab", { name: /^Borealis/ }).click();
    await expect
      .poll(() => al.locator(".message").first().textContent())
      .toContain("Were your units involved? <b>yes/no</b>");
    expect(await al.locator(".message b").count()).toBe(0);
    await expect.poll(() => al.locator(".waiting").first().textContent()).toMatch(/waiting/);
    await shot(al, "05-team-hotline-waiting");
    await al.getByLabel("Kind").selectOption("assess");
    await al.getByLabel("Message", { exact: true }).fill("No. Our tools were stolen last year.");
    await al.getByRole("button", { name: "Send", exact: true }).click();
    await expect
      .poll(() => bo.locator(".message").allTextContents())
      .toContainEqual(expect.stringContaining("Our tools were stolen"));
    await expect.poll(() => bo.locator(".message").first().textContent()).toMatch(/answered after/);
    await shot(bo, "06-team-hotline");

    // through the mediator: Borealis writes to it, the mediator rewords and relays to Austral, who sees it is news and whose it is
    await bo.getByRole("tab", { name: /^Lantern Foundation/ }).click();
    await bo.getByLabel("Message", { exact: true }).fill("Tell Austral we will not retaliate.");
    await bo.getByRole("button", { name: "Send", exact: true }).click();
    await tab(mia, "Hotline");
    await mia.getByRole("tab", { name: /^Borealis/ }).click();
    await mia
      .getByLabel("Relayed text (leave empty to pass it on as it came)")
      .fill("Borealis says it will not retaliate.");
    await mia.getByLabel("Relay to").selectOption("austral");
    await mia.getByRole("button", { name: "Relay", exact: true }).click();
    await expect.poll(() => al.getByRole("tab", { name: /^Lantern Foundation/ }).textContent()).toMatch(/1$/);
    await al.getByRole("tab", { name: /^Lantern Foundation/ }).click();
    await expect
      .poll(() => al.locator(".message").last().textContent())
      .toMatch(/Relayed by the mediator from Borealis.*Borealis says it will not retaliate\./s);
    expect(await al.locator("body").textContent()).not.toContain("Tell Austral we will not retaliate.");
    // once seen, the relay stops counting as new
    await expect
      .poll(() => al.getByRole("tab", { name: /^Lantern Foundation/ }).textContent())
      .toBe("Lantern Foundation");

    // orders: each team drafts and submits during Decision
    await control.getByRole("button", { name: /Advance to Decision/ }).click();
    await tab(bo, "Orders");
    await bo.getByRole("button", { name: "Add Harden critical infrastructure to the draft" }).click();
    await bo.getByRole("button", { name: "Submit orders" }).click();
    await expect.poll(() => bo.locator("[aria-label='Submitted orders']").textContent()).toContain("drafted by Bo");
    await shot(bo, "07-team-orders");
    await tab(al, "Orders");
    await al.getByRole("button", { name: "Add Public reassurance to the draft" }).click();
    await al.getByRole("button", { name: "Submit orders" }).click();
    await expect
      .poll(() => al.locator("[aria-label='Submitted orders']").textContent())
      .toContain("Public reassurance");
    // Austral never sees what Borealis ordered
    expect(await al.locator("body").textContent()).not.toContain("Harden critical infrastructure — drafted");
    await expect
      .poll(() => control.locator("[aria-label='Orders this turn']").textContent())
      .toMatch(/Borealis: ✓ submitted by Bo.*Austral: ✓ submitted by Al/s);
    // a second Borealis member cannot wipe Bo's orders by accident: replacing them asks first
    const bea = await person();
    await joinByLink(bea, links.borealis, "Bea");
    await tab(bea, "Orders");
    await bea.getByRole("button", { name: "Replace them with no action…" }).click();
    // the application's own dialog asks (not the browser's); Escape cancels it
    const asked = bea.getByRole("dialog");
    await expect
      .poll(() => asked.textContent())
      .toMatch(/Replace your team's orders with your draft \(no action\)\?.*already submitted by Bo \(1 action\)/);
    await bea.keyboard.press("Escape");
    await expect.poll(() => asked.count()).toBe(0);
    await expect
      .poll(() => bo.locator("[aria-label='Submitted orders']").textContent())
      .toContain("Harden critical infrastructure");
    expect(await bea.locator("[aria-label='Submitted orders']").textContent()).toContain("drafted by Bo");

    // the escalation meter moves for everyone; a refusal shows the server's reason
    const before = await board(bo).textContent();
    await control.getByLabel("Change").fill("0");
    await control.getByLabel("Reason").fill("nothing");
    await control.getByRole("button", { name: "Adjust escalation" }).click();
    await expect
      .poll(() => control.locator("form[aria-label='Adjust escalation'] [role=status]").textContent())
      .toContain("An adjustment of 0 changes nothing");
    await control.getByLabel("Change").fill("20");
    await control.getByLabel("Reason").fill("Parliament demands retaliation");
    await control.getByRole("button", { name: "Adjust escalation" }).click();
    // a change of 15 points or more asks first, in the application's dialog
    await control
      .getByRole("dialog")
      .getByRole("button", { name: /^Adjust to \d+$/ })
      .click();
    await expect.poll(() => board(bo).textContent()).not.toBe(before);
    await expect.poll(() => board(bo).textContent()).toMatch(/Escalation (3[5-9]|[4-9]\d)/);
    await expect.poll(() => board(mia).textContent()).toMatch(/Escalation (3[5-9]|[4-9]\d)/);
    await shot(control, "08-control-console");

    // pause and resume
    await control.getByRole("button", { name: "Pause", exact: true }).click();
    await expect.poll(() => bo.locator(".topbar").textContent()).toContain("Paused");
    // the time left stays in sight, frozen
    await expect.poll(() => bo.locator(".timer").textContent()).toMatch(/^\d+:\d\d$/);
    expect(await bo.locator(".timer.paused svg.icon-pause").count()).toBe(1);
    await expect.poll(() => al.locator(".topbar").textContent()).toContain("Paused");
    await shot(bo, "09-team-paused");
    await control.getByRole("button", { name: "Resume" }).click();
    await expect.poll(() => bo.locator(".topbar").textContent()).toContain("Live");

    // adjudication reveals outcomes; the mediator's board and panels
    await control.getByRole("button", { name: /Advance to Adjudication/ }).click();
    // the summary under the board says what came of the orders (escalation from → to), and can be closed
    await expect.poll(() => bo.locator(".turn-results").textContent()).toContain("Turn 1 — what changed");
    await expect.poll(() => bo.locator(".ts-escalation .ts-big").textContent()).toMatch(/^\d+ → \d+/);
    await shot(bo, "09b-turn-results");
    await bo.getByRole("button", { name: "Close the turn summary" }).click();
    await expect.poll(() => bo.locator(".turn-results").isVisible()).toBe(false);
    await tab(bo, "Log");
    await expect.poll(() => bo.locator(".tabpanel").textContent()).toContain("Turn 1 resolved");
    await tab(mia, "Hotline");
    await shot(mia, "10-mediator");
    await tab(control, "MSEL");
    // each inject's schedule in words, with the scenario's names (a rung's name, not its id)
    await expect.poll(() => control.locator("#msel-parliament .meta").textContent()).toContain("turn 2, Briefing");
    expect(await control.locator("#msel-markets .meta").textContent()).toContain(
      "when escalation reaches “Public dispute”",
    );
    await shot(control, "11-control-msel");
  });

  it("shows a banner when the connection drops, reconnects by itself, and keeps what was typed", async () => {
    const created = await (
      await fetch(`${srv.url}/api/exercises`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId: "tutorial" }),
      })
    ).json();
    const page = await person();
    await joinByLink(page, `${srv.url}/join?code=${created.codes.teams.borealis}`, "Bo");
    await tab(page, "Team chat");
    await page.getByLabel("Message to your team").fill("half-written plan");
    await page.context().setOffline(true);
    await expect.poll(() => page.locator(".banner").textContent(), { timeout: 20_000 }).toContain("Connection lost");
    await shot(page, "12-connection-lost");
    await page.context().setOffline(false);
    await expect.poll(() => page.locator(".banner").count(), { timeout: 30_000 }).toBe(0);
    expect(await page.getByLabel("Message to your team").inputValue()).toBe("half-written plan");
    await page.getByRole("button", { name: "Send" }).click();
    await expect
      .poll(() => page.locator(".message").allTextContents())
      .toContainEqual(expect.stringContaining("half-written plan"));
  });

  it("keeps control's seat when the facilitator tries a team link in the same browser", async () => {
    const page = await person();
    await page.goto(srv.url);
    await page.locator("[data-scenario=tutorial]").click();
    await page.getByRole("button", { name: "Create exercise" }).click();
    await page.locator(".code-table").waitFor();
    const codesUrl = page.url();
    const teamLink = (await page.locator('tr[data-seat="Austral"] .link').textContent())!.replace(
      /^http:\/\/[^/]+/,
      srv.url,
    );
    await joinByLink(page, teamLink, "Trying it out");
    await expect.poll(() => page.locator(".seat").textContent()).toContain("Austral");
    // back to the codes page: the codes are still there, and the console opens as control
    await page.goto(codesUrl);
    await page.locator(".code-table").waitFor();
    await page.getByRole("link", { name: /Open the control console/ }).click();
    await expect.poll(() => page.locator(".seat").textContent()).toContain("control");
    await page.getByRole("button", { name: "Start the exercise" }).waitFor();
    // for the projector: the board alone across the screen, and back
    await page.getByRole("button", { name: /Board only/ }).click();
    await expect.poll(() => page.locator(".side").isVisible()).toBe(false);
    await expect
      .poll(() => page.locator(".board canvas").evaluate((c) => c.getBoundingClientRect().width))
      .toBeGreaterThan(1200);
    await page.getByRole("button", { name: /Show panels/ }).click();
    await expect.poll(() => page.locator(".side").isVisible()).toBe(true);
  });

  it("draws the board only when something changes, and still shows each change and the pointer over a card", async () => {
    const created = await createExercise(srv.url, "tutorial");
    const control = await Participant.join(srv.url, created.roomId, created.codes.facilitator, "Control");
    try {
      await control.command({ type: "exercise.start" });
      const page = await person();
      await countDraws(page);
      await joinByLink(page, `${srv.url}/join?code=${created.codes.teams.borealis}`, "Bo");
      await page.locator(".board canvas").waitFor();
      await boardSettled(page);
      // an open board with nothing new draws nothing
      const idle = await drawCount(page);
      await frames(page, 30);
      expect(await drawCount(page)).toBe(idle);

      // a change is drawn, its animation plays to the end (the meter glides, the "+20" fades out after ~4 s), then the board rests
      const before = await board(page).textContent();
      const sent = Date.now();
      await control.command({ type: "escalation.adjust", delta: 20, reason: "Parliament demands retaliation" });
      await expect.poll(() => board(page).textContent()).not.toBe(before);
      await boardSettled(page);
      expect(Date.now() - sent).toBeGreaterThan(3000);
      const drawn = await drawCount(page);
      expect(drawn).toBeGreaterThan(idle);
      await frames(page, 30);
      expect(await drawCount(page)).toBe(drawn);

      // the pointer over the newest inject card highlights it, and leaving it puts the card back as it was
      const box = (await page.locator(".board canvas").boundingBox())!;
      const card = { x: box.x + 12, y: box.y + box.height - 60, width: 150, height: 50 };
      const plain = await page.screenshot({ clip: card });
      await page.mouse.move(card.x + card.width / 2, card.y + card.height / 2);
      await expect.poll(async () => (await page.screenshot({ clip: card })).equals(plain)).toBe(false);
      await page.mouse.move(box.x + box.width / 2, box.y + 20);
      await expect.poll(async () => (await page.screenshot({ clip: card })).equals(plain)).toBe(true);
      await boardSettled(page);
    } finally {
      await control.leave();
    }
  });

  it("refuses a wrong code with a clear message", async () => {
    const page = await person();
    await page.goto(`${srv.url}/join?code=AAAA-BBBB-CCCC-DDDD-EEEE`);
    await page.getByLabel("Your name").fill("Eve");
    await page.getByRole("button", { name: "Enter the exercise" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("No exercise on this server has that join code");
  });
});
