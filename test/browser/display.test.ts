// The projector view, as a facilitator uses it: "Projector view" in the Control
// tab opens the public display in a new window, which shows the phase timer
// running, the meter at the exercise's value and the public inject, in large
// type; every frame its socket receives is checked for planted secrets, with
// observers allowed to see every channel. "Board only" on the console says it
// is control's view. Screenshots at 1280x720 and 1920x1080.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { createExercise, Participant, startTestServer, type Created, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
let browser: Browser;
let ex: Created;
let ctl: Participant;
let bo: Participant;

const PUBLIC = "PUBLIC-BULLETIN Ports reopen";
const SECRETS = ["BOREALIS-SECRET-7731", "CHAT-SECRET-5519", "CONTROL-NOTE-2208", "PRIVATE-ESC-9034"];

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
  ex = await createExercise(srv.url, "tutorial", "display-browser-seed");
  ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
  bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
  await ctl.command({ type: "observers.visibility", seeAll: true });
  await ctl.command({ type: "exercise.start" });
  await ctl.command({ type: "phase.advance" });
});
afterAll(async () => {
  await Promise.all([ctl?.leave(), bo?.leave()]);
  await browser?.close();
  await srv?.close();
});

/** Everything a page's sockets receive, as text (Colyseus frames carry strings as UTF-8). */
function record(page: Page, frames: string[]): void {
  page.on("websocket", (ws) =>
    ws.on("framereceived", (f) => frames.push(typeof f.payload === "string" ? f.payload : f.payload.toString("utf8"))),
  );
}

async function advanceTo(phase: string): Promise<void> {
  while (ctl.view.exercise.phase?.id !== phase) {
    const seq = ctl.view.seq!;
    await ctl.command({ type: "phase.advance" });
    await ctl.until(() => ctl.view.seq! > seq, "the advance");
  }
}

async function fontPx(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/** The smallest type of every text on the display. */
async function smallestPx(page: Page): Promise<number> {
  return page.locator("main.display").evaluate((root) => {
    const sizes = [...root.querySelectorAll("*")]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    return Math.min(...sizes);
  });
}

describe("the projector view", () => {
  it("opens from the console as the public display: timer, meter, public injects, nothing secret", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const frames: string[] = [];
    const page = await ctx.newPage();
    // only the display's own sockets are recorded (the console's receive control's picture)
    ctx.on("page", (p) => {
      record(p, frames);
      p.on("pageerror", (e) => {
        throw new Error(`page error: ${e.message}`);
      });
    });
    await page.goto(`${srv.url}/join?code=${encodeURIComponent(ex.codes.facilitator)}`);
    await page.getByLabel("Your name").fill("Control");
    await page.getByRole("button", { name: "Enter the exercise" }).click();
    const link = page.getByRole("link", { name: "Projector view" });
    await expect.poll(() => link.getAttribute("href")).toMatch(/^\/display\/.+#code=/);

    const href = await link.getAttribute("href");
    const popup = ctx.waitForEvent("page");
    await link.click();
    const display = await popup;
    const shown = frames.length;
    const timer = display.getByRole("timer", { name: "Time left in this phase" });
    await expect.poll(() => timer.textContent(), { timeout: 10_000 }).toMatch(/^\d\d:\d\d$/);
    const first = await timer.textContent();
    await expect.poll(() => timer.textContent(), { timeout: 5_000 }).not.toBe(first);

    // what happens next reaches the display live: public things shown, secrets never received
    await bo.command({ type: "team.chat", text: SECRETS[1]! });
    await ctl.command({ type: "note.add", text: SECRETS[2]! });
    await ctl.command({
      type: "inject.create",
      title: "Borealis only",
      body: SECRETS[0]!,
      channel: "intelligence",
      audience: ["borealis"],
    });
    await ctl.command({
      type: "inject.create",
      title: PUBLIC,
      body: "Shipping resumes at dawn.",
      channel: "news",
      audience: ["all"],
    });
    await ctl.command({ type: "escalation.adjust", delta: 12, reason: "Street protests", note: SECRETS[3]! });
    const meter = display.getByRole("meter");
    const value = ctl.view.ladder.value;
    await expect.poll(() => meter.getAttribute("aria-valuenow")).toBe(String(value));
    const rung = ctl.view.ladder.rungs[ctl.view.ladder.rung]!.name;
    await expect.poll(() => display.locator(".display-rung-name").textContent()).toBe(rung);
    await display.getByText(PUBLIC).waitFor();
    await expect
      .poll(() => display.locator(".display-where").textContent())
      .toBe(`Turn 1 of ${ctl.view.exercise.turns} · ${ctl.view.exercise.phase!.name}`);
    // legible from the back of the room
    expect(await fontPx(display, ".display-timer")).toBeGreaterThanOrEqual(96);
    expect(await fontPx(display, ".display-number")).toBeGreaterThanOrEqual(72);
    expect(await fontPx(display, ".display-inject")).toBeGreaterThanOrEqual(24);
    expect(await smallestPx(display)).toBeGreaterThanOrEqual(16);
    await shot(display, "display-1280x720");

    const received = frames.join("\n");
    expect(frames.length).toBeGreaterThan(shown);
    expect(received).toContain(PUBLIC);
    for (const s of SECRETS) expect(received.includes(s), `the display received ${s}`).toBe(false);
    for (const t of ctl.view.me?.kind === "control" ? Object.values(ctl.view.me.briefings) : [])
      expect(received.includes(t), "the display received a team's briefing").toBe(false);
    expect(await display.getByText(SECRETS[0]!).count()).toBe(0);
    expect(await display.getByText("Offline").isVisible()).toBe(false);

    // control's own board says it is not the projector's
    await page.bringToFront();
    const label = page.getByText("Control's view — not for the projector");
    expect(await label.isVisible()).toBe(false);
    await page.getByRole("button", { name: "Board only" }).click();
    await label.waitFor();
    await page.getByRole("button", { name: "Show panels" }).click();
    await label.waitFor({ state: "hidden" });

    // after the adjudication the display tells the turn's results as the public read them
    await advanceTo("summary");
    await display.getByRole("heading", { name: "Turn 1 — what happened" }).waitFor();
    await expect.poll(() => display.locator(".display-result-list li").count()).toBeGreaterThan(0);
    await shot(display, "display-summary-1280x720");

    // the same link at full HD, opened on the projector's own machine
    const big = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const wall = await big.newPage();
    await wall.goto(`${srv.url}${href}`);
    await expect.poll(() => wall.getByRole("meter").getAttribute("aria-valuenow")).toBe(String(ctl.view.ladder.value));
    await wall.getByText(PUBLIC).waitFor();
    await wall.getByRole("heading", { name: "Turn 1 — what happened" }).waitFor();
    expect(await fontPx(wall, ".display-timer")).toBeGreaterThanOrEqual(180);
    await shot(wall, "display-1920x1080");
    // the display code typed on the join page opens the same public display
    const code = decodeURIComponent(href!.split("#code=")[1]!);
    await wall.goto(`${srv.url}/join?code=${encodeURIComponent(code)}`);
    await wall.getByLabel("Your name").fill("Projector");
    await wall.getByRole("button", { name: "Enter the exercise" }).click();
    await wall.waitForURL(`${srv.url}/display/${ex.roomId}`);
    await wall.getByRole("meter").waitFor();
    await big.close();
    await ctx.close();
  });
});
