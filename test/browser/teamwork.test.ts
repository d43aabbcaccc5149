// Teamwork in headless Chromium, separate contexts: a team's draft is shared
// live between its members (who added what) and never reaches the other team
// (checked on every frame its socket receives); withdrawing the team's orders
// asks first in the app's dialog and tells the teammate. Screenshots: 51-*.png
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { createExercise, Participant, startTestServer, type Created, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
let browser: Browser;
let ex: Created;
let ctl: Participant;

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
  ex = await createExercise(srv.url, "tutorial", "teamwork");
  ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
  await ctl.command({ type: "exercise.start" });
  await ctl.command({ type: "phase.advance" });
  await ctl.command({ type: "phase.advance" }); // decision: orders open
});
afterAll(async () => {
  await ctl?.leave();
  await browser?.close();
  await srv?.close();
});

/** A person in their own browser context, with every WebSocket frame their page receives kept. */
async function person(code: string, name: string): Promise<{ ctx: BrowserContext; page: Page; frames: Buffer[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  const frames: Buffer[] = [];
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  page.on("websocket", (ws) =>
    ws.on("framereceived", (f) => frames.push(typeof f.payload === "string" ? Buffer.from(f.payload) : f.payload)),
  );
  await page.goto(`${srv.url}/join?code=${encodeURIComponent(code)}`);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Enter the exercise" }).click();
  await page.getByRole("tab", { name: /^Orders/ }).click();
  return { ctx, page, frames };
}

const draftRows = (page: Page) => page.locator('[aria-label="Draft orders"] [data-action]');
/** msgpack's encoding of the message type "draft": in no frame of a seat outside the team */
const DRAFT_TYPE = Buffer.from([0xa5, ...Buffer.from("draft")]);

describe("teamwork", () => {
  it("the draft is shared live within the team only; withdrawing asks and tells the teammate", async () => {
    const people = await Promise.all([
      person(ex.codes.teams.borealis!, "Bo One"),
      person(ex.codes.teams.borealis!, "Bo Two"),
      person(ex.codes.teams.austral!, "Al"),
    ]);
    try {
      const [one, two, al] = people.map((p) => p.page) as [Page, Page, Page];
      await one.getByRole("button", { name: "Add Harden critical infrastructure to the draft" }).click();
      await one.getByRole("button", { name: "Add Public reassurance to the draft" }).click();
      // Bo Two sees both, live, with who added them
      await expect.poll(() => draftRows(two).count()).toBe(2);
      expect(await draftRows(two).first().textContent()).toContain("added by Bo One");
      await expect
        .poll(() => two.locator('[aria-label="Draft orders"]').textContent())
        .toContain("last changed by Bo One");
      // Bo Two removes one: Bo One's draft follows
      await two.getByRole("button", { name: "Remove Public reassurance" }).click();
      await expect.poll(() => draftRows(one).count()).toBe(1);
      await shot(two, "51-draft-shared-1280x720");

      // Austral: its own empty draft, and not one frame of Borealis's
      expect(await draftRows(al).count()).toBe(0);
      await al.evaluate(() => new Promise((r) => setTimeout(r, 0)));
      expect(people[2]!.frames.some((f) => f.includes(DRAFT_TYPE))).toBe(false);
      expect(people[1]!.frames.some((f) => f.includes(DRAFT_TYPE))).toBe(true);

      // Bo Two submits; Bo One's Withdraw asks first (Cancel sends nothing), then withdraws
      await two.getByRole("button", { name: "Submit orders" }).click();
      await one.locator('[aria-label="Submitted orders"]').waitFor();
      await one.getByRole("button", { name: "Withdraw", exact: true }).click();
      const dialog = one.getByRole("dialog");
      await expect.poll(() => dialog.textContent()).toContain("Withdraw your team's orders?");
      expect(await dialog.textContent()).toContain("Submitted by Bo Two (1 action). Your teammates are told.");
      await shot(one, "51-withdraw-asks-1280x720");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      expect(await one.locator('[aria-label="Submitted orders"]').isVisible()).toBe(true);
      await one.getByRole("button", { name: "Withdraw", exact: true }).click();
      await one.getByRole("dialog").getByRole("button", { name: "Withdraw the orders" }).click();
      // Bo Two is told
      await two.locator(".attention-toast", { hasText: "Bo One withdrew your team's orders" }).waitFor();
      await expect.poll(() => two.locator('[aria-label="Submitted orders"]').count()).toBe(0);
      await shot(two, "51-withdraw-told-1280x720");
      // Austral was told nothing
      expect(await al.locator(".attention-toast", { hasText: "withdrew" }).count()).toBe(0);

      // Bo Two hardens; after the adjudication, Bo One's summary (its page saw the board before) gives the
      // energy sector's health from → to, up
      await two.getByRole("button", { name: "Add Harden critical infrastructure to the draft" }).click();
      await two.getByRole("button", { name: "Submit orders" }).click();
      await one.locator('[aria-label="Submitted orders"]').waitFor();
      await ctl.command({ type: "phase.advance" });
      const energy = one.locator('.ts-team[data-team="borealis"] [data-sector="energy"] .ts-value');
      await expect.poll(() => energy.textContent()).toMatch(/^\d+ → \d+/);
      const [, from, to] = /^(\d+) → (\d+)/.exec((await energy.textContent())!)!;
      expect(Number(to)).toBeGreaterThan(Number(from));
      await shot(one, "51-turn-summary-from-to-1280x720");
    } finally {
      await Promise.all(people.map((p) => p.ctx.close()));
    }
  });
});
