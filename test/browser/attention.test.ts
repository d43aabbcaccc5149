// Hard to miss: a team member in the browser gets a toast and a count in the
// tab's title when another team writes to it on the hotline, and the hotline
// opens on that conversation; each side tab keeps its scroll position; the
// header says OFFLINE while the connection is lost and LIVE when it is back.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { createExercise, Participant, startTestServer, type Created, type TestServer } from "../helpers/server.ts";
import { layoutBoard, unitFor } from "../../client/board/layout.ts";
import { freePort, killAll, startProcess } from "../server/server-process.ts";

let srv: TestServer;
let browser: Browser;
let ex: Created;
let ctl: Participant;
let bo: Participant;

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
  ex = await createExercise(srv.url, "tutorial", "attention-seed");
  ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
  bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
  await ctl.command({ type: "exercise.start" });
  await ctl.command({ type: "phase.advance" }); // deliberation: the hotline is open
});
afterAll(async () => {
  killAll();
  await Promise.all([ctl?.leave(), bo?.leave()]);
  await browser?.close();
  await srv?.close();
});

async function austral(width: number, height: number, url = srv.url, created = ex): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  await page.goto(`${url}/join?code=${encodeURIComponent(created.codes.teams.austral!)}`);
  await page.getByLabel("Your name").fill("Al");
  await page.getByRole("button", { name: "Enter the exercise" }).click();
  await page.locator(".topbar").waitFor();
  return page;
}

const tab = (page: Page, name: string) =>
  page
    .getByRole("tab", { name: new RegExp(`^${name}`) })
    .first()
    .click();
const scrollTop = (page: Page) => page.locator(".tabpanel").evaluate((el) => el.scrollTop);
const state = (page: Page) => page.locator(".topbar .badge").last().textContent();

/** The toasts sit clear of the escalation ladder (the board's layout says where it is) and of the orders' submit button. */
async function clearOfMeterAndSubmit(page: Page, which = ".attention-toast"): Promise<void> {
  const board = (await page.locator(".board").boundingBox())!;
  const ladder = layoutBoard(board.width, board.height, unitFor(board.width, board.height, 1), {
    top: 1,
    bottom: 1,
  }).ladder;
  // measured at once: a command's verdict does not stay long
  const boxes = await page.locator(which).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  await tab(page, "Orders");
  const button = page.getByRole("button", { name: "Submit orders" });
  await button.scrollIntoViewIfNeeded();
  const submit = (await button.boundingBox())!;
  for (const box of boxes) {
    expect(box.x + box.width).toBeLessThan(board.x + ladder.x);
    const overlaps =
      box.x < submit.x + submit.width &&
      submit.x < box.x + box.width &&
      box.y < submit.y + submit.height &&
      submit.y < box.y + box.height;
    expect(overlaps).toBe(false);
  }
}

describe("attention", () => {
  it("a hotline message from another team: toast, title count, the hotline opens on it", async () => {
    const al = await austral(1280, 720);
    await expect.poll(() => al.title()).toMatch(/^Deconflict — /);

    // each side tab keeps its own scroll position
    await tab(al, "Briefing");
    const panel = al.locator(".tabpanel");
    const room = await panel.evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(room).toBeGreaterThan(100);
    await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight - el.clientHeight - 20));
    const briefingAt = await scrollTop(al);
    expect(briefingAt).toBeGreaterThan(80);
    await tab(al, "Injects");
    expect(await scrollTop(al)).toBe(0);
    await tab(al, "Briefing");
    expect(await scrollTop(al)).toBe(briefingAt);

    // Borealis writes while Austral reads its briefing
    await bo.command({ type: "hotline.send", to: "austral", kind: "confirm", text: "Was the blackout yours?" });
    const toast = al.locator(".attention-toast");
    await expect.poll(() => toast.textContent()).toBe("Hotline from Borealis (confirm): Was the blackout yours?×");
    expect(await al.locator(".attention").getAttribute("aria-live")).toBe("polite");
    await expect.poll(() => al.title()).toMatch(/^\(1\) Deconflict — /);
    await shot(al, "40-attention-toast-1280x720");
    await clearOfMeterAndSubmit(al);

    // opening the hotline shows the conversation that waits (not the mediator's, the first in the list)
    await tab(al, "Hotline");
    await expect
      .poll(() => al.locator("[aria-label=Conversations] [aria-selected=true]").textContent())
      .toMatch(/^Borealis/);
    await al.getByLabel("Messages").getByText("Was the blackout yours?").waitFor();
    // seen: the count leaves the title, the toast goes
    await expect.poll(() => al.title()).toMatch(/^Deconflict — /);
    await expect.poll(() => al.locator(".attention-toast").count()).toBe(0);

    // three at most, stacked; at 1920x1080 too
    await al.setViewportSize({ width: 1920, height: 1080 });
    await tab(al, "Briefing");
    for (const text of ["One", "Two", "Three", "Four"])
      await bo.command({ type: "hotline.send", to: "austral", kind: "notify", text });
    await expect
      .poll(() => al.locator(".attention-toast").allTextContents())
      .toEqual([
        "Hotline from Borealis (notify): Two×",
        "Hotline from Borealis (notify): Three×",
        "Hotline from Borealis (notify): Four×",
      ]);
    await expect.poll(() => al.title()).toMatch(/^\(4\) Deconflict — /);
    await shot(al, "40-attention-toasts-1920x1080");
    await clearOfMeterAndSubmit(al);

    // a toast's click opens its message in its conversation, and what the hotline shows is seen
    await tab(al, "Team chat");
    await al.getByRole("button", { name: "Hotline from Borealis (notify): Four" }).click();
    await expect.poll(() => al.locator("[role=tab][aria-selected=true]").first().textContent()).toMatch(/^Hotline/);
    await al.getByLabel("Messages").getByText("Four", { exact: true }).waitFor();
    await expect.poll(() => al.title()).toMatch(/^Deconflict — /);

    // a command's verdict stays clear of them too
    await al.getByLabel("Message", { exact: true }).fill("Not ours.");
    await al.getByRole("button", { name: "Send", exact: true }).click();
    await al.locator(".toast", { hasText: "Message sent to Borealis" }).waitFor();
    await shot(al, "40-attention-command-toast-1920x1080");
    await clearOfMeterAndSubmit(al, ".toast");
    await al.context().close();
  });

  it("the header says OFFLINE while the connection is lost, and LIVE when it is back", async () => {
    const al = await austral(1280, 720);
    await expect.poll(() => state(al)).toBe("● Live");
    await al.context().setOffline(true);
    await expect.poll(() => state(al)).toBe("○ Offline");
    await shot(al, "40-attention-offline-1280x720");
    await al.context().setOffline(false);
    await expect.poll(() => state(al), { timeout: 20_000 }).toBe("● Live");

    // the sound is off until the person turns it on, and stays on in this browser
    const sound = al.getByRole("button", { name: /^Sound/ });
    expect(await sound.textContent()).toBe("Sound off");
    await sound.click();
    expect(await sound.getAttribute("aria-pressed")).toBe("true");
    await al.reload();
    await expect.poll(() => al.getByRole("button", { name: /^Sound/ }).textContent()).toBe("Sound on");
    await al.context().close();
  });

  it("after a server restart, the page says the server paused the exercise, not control", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "deconflict-attention-"));
    const port = await freePort();
    const env = { CLIENT_DIR: inject("clientDir") };
    let proc = await startProcess(dataDir, port, env);
    const created = await createExercise(proc.url, "tutorial", "restart-seed");
    const control = await Participant.join(proc.url, created.roomId, created.codes.facilitator, "Control");
    await control.command({ type: "exercise.start" });
    await control.command({ type: "phase.advance" });
    await control.leave();
    const al = await austral(1280, 720, proc.url, created);
    await tab(al, "Hotline");
    await expect.poll(() => state(al)).toBe("● Live");

    proc.child.kill("SIGKILL");
    await expect.poll(() => state(al), { timeout: 20_000 }).toBe("○ Offline");
    proc = await startProcess(dataDir, port, env);
    // the page comes back by itself, to an exercise the server paused
    await expect.poll(() => state(al), { timeout: 30_000 }).toBe("Paused");
    const said = "Paused: the server restarted; control resumes when everyone is back";
    await expect.poll(() => al.locator("[aria-label='Write a hotline message']").textContent()).toContain(said);
    await expect.poll(() => al.locator(".sr-only[aria-live=polite]").first().textContent()).toContain(said);
    expect(await al.locator("body").textContent()).not.toContain("Control has paused");
    await shot(al, "40-attention-server-restarted-1280x720");
    await al.context().close();
    proc.child.kill("SIGKILL");
  });
});
