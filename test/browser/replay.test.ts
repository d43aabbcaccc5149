// The replay viewer in headless Chromium: a short exercise is played over real
// sockets, then replayed from the server (with the facilitator's seat in the
// browser) and from the downloaded file. Scrubbing, points of view, the
// escalation curve, stepping by turn, refusing a tampered file, and the board
// at rest after scrubbing on a page scrolled to its timeline (1280x720).
// Screenshots: test-results/screenshots/20-replay-*.png
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, shot as save } from "../helpers/browser.ts";
import { boardSettled, countDraws, drawCount, frames } from "./board-drawing.ts";
import { api, createExercise, Participant, startTestServer, type Created, type TestServer } from "../helpers/server.ts";
import { loadRecording } from "../../shared/protocol/integrity.ts";
import type { Recording } from "../../shared/protocol/recording.ts";

let srv: TestServer;
let browser: Browser;
let ex: Created;
let rec: Recording;
const dir = mkdtempSync(join(tmpdir(), "deconflict-replay-"));
const SECRET = "Borealis eyes only: Austral units stood down";

/** The seq (= replay step) of the n-th recorded command of a type. */
const stepOf = (type: string, n = 0) => rec.commands.filter((c) => c.command.type === type)[n]!.seq;

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
  // a short scripted exercise over real sockets
  ex = await createExercise(srv.url, "tutorial", "replay-seed");
  const ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
  const bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
  const al = await Participant.join(srv.url, ex.roomId, ex.codes.teams.austral!, "Al");
  await ctl.command({ type: "exercise.start" });
  await ctl.command({
    type: "inject.create",
    title: SECRET,
    body: "Signals intelligence: the units Borealis suspects were on leave.",
    channel: "intelligence",
    audience: ["borealis"],
  });
  await ctl.command({ type: "phase.advance" });
  await bo.command({
    type: "hotline.send",
    to: "austral",
    kind: "confirm",
    text: "Were your units involved in the blackout?",
  });
  await al.command({
    type: "hotline.send",
    to: "borealis",
    kind: "assess",
    text: "No. Our tools were stolen last year.",
  });
  await bo.command({ type: "team.chat", text: "They deny it. Harden first, then investigate." });
  await ctl.command({ type: "phase.advance" });
  await bo.command({ type: "orders.submit", actions: [{ actionId: "harden" }] });
  await al.command({ type: "orders.submit", actions: [{ actionId: "reassure" }] });
  await ctl.command({ type: "escalation.adjust", delta: 20, reason: "Parliament demands retaliation" });
  await ctl.command({ type: "phase.advance" }); // adjudication
  await ctl.command({ type: "phase.advance" }); // turn summary
  await ctl.command({ type: "phase.advance" }); // turn 2
  await Promise.all([ctl.leave(), bo.leave(), al.leave()]);
  const r = await api(srv.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator);
  expect(r.status).toBe(200);
  rec = r.body as Recording;
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function person(viewport = { width: 1440, height: 900 }): Promise<Page> {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  return page;
}

/** A screenshot once the board's animations have settled. */
async function shot(page: Page, name: string): Promise<void> {
  await boardSettled(page);
  await save(page, name);
}
const current = (page: Page) => page.locator(".replay").getAttribute("data-step").then(Number);
const strip = (page: Page) => page.locator(".replay-step").textContent();
const boardText = (page: Page) => page.locator("#replay-board-text").textContent();
const tab = (page: Page, name: string) => page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
const side = (page: Page) => page.locator(".replay-side .tabpanel").textContent();
async function scrub(page: Page, step: number): Promise<void> {
  await page.locator(".replay-slider").evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, step);
  await expect.poll(() => current(page)).toBe(step);
}
async function pov(page: Page, value: string): Promise<void> {
  await page.getByLabel("Point of view").selectOption(value);
}
async function ready(page: Page): Promise<void> {
  await page.locator(".replay[data-board=ready]").waitFor();
  await expect.poll(() => page.locator(".replay-progress").isHidden()).toBe(true);
}
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("the replay viewer", () => {
  it("replays an exercise from the server: scrub, points of view, the curve, turns", async () => {
    const page = await person();
    await page.goto(srv.url);
    await page.evaluate(
      ([roomId, code]) =>
        localStorage.setItem(
          "deconflict:seats",
          JSON.stringify([
            {
              roomId,
              code,
              name: "Control",
              title: "Replay test",
              role: "facilitator",
              seatName: "Control",
              savedAt: Date.now(),
            },
          ]),
        ),
      [ex.roomId, ex.codes.facilitator] as const,
    );
    await page.goto(`${srv.url}/replay/${ex.roomId}`);
    await ready(page);
    // the browser holds no key: the chain is intact, but nothing green claims the origin or that it is final
    const note = page.locator(".replay-footer [data-integrity=intact]");
    expect(await note.textContent()).toBe(
      "○ Hash chain intact, origin not verified · the file says: recording taken while the exercise was still running (turn 2)",
    );
    expect(await note.getAttribute("title")).toContain(`${rec.commands.length} commands`);
    expect(await page.locator(".replay-footer .ok-text").count()).toBe(0);

    // scrub to the first hotline message: the command in words, the board at that moment
    const ask = stepOf("hotline.send");
    await scrub(page, ask);
    await expect
      .poll(() => strip(page))
      .toContain(
        "Bo (Borealis team) messaged Austral on the hotline (confirm): “Were your units involved in the blackout?”",
      );
    expect(await strip(page)).toContain("Turn 1 · Deliberation");
    await expect.poll(() => boardText(page)).toContain("Turn 1 of 4, Deliberation.");
    await tab(page, "Hotline");
    await expect.poll(() => side(page)).toContain("Were your units involved in the blackout?");
    await shot(page, "20-replay-control-hotline");

    // the slider is keyboard accessible: one arrow key, one command
    await page.locator(".replay-slider").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => current(page)).toBe(ask + 1);
    await expect.poll(() => strip(page)).toContain("Al (Austral team) answered Borealis on the hotline (assess)");
    await expect.poll(() => side(page)).toContain("answered after");

    // points of view: the inject for Borealis only, one step after its release
    const secret = stepOf("inject.create");
    await scrub(page, secret + 1);
    await tab(page, "Injects");
    await pov(page, "team:borealis");
    await expect.poll(() => side(page)).toContain(SECRET);
    await expect.poll(() => boardText(page)).toContain(SECRET);
    await expect.poll(() => page.locator(".outcome").textContent()).toContain("Seen by Borealis");
    await shot(page, "20-replay-borealis-inject");
    await pov(page, "team:austral");
    await expect.poll(() => side(page)).toContain("Blackout in the Borealis capital");
    expect(await side(page)).not.toContain(SECRET);
    await expect.poll(() => boardText(page)).not.toContain(SECRET);
    expect(await page.locator("body").textContent()).not.toContain(SECRET);
    await shot(page, "20-replay-austral-view");
    // at the release itself, Austral's strip tells that Control acted, not what it did
    await scrub(page, secret);
    await expect.poll(() => strip(page)).toContain("Control acted out of Austral's sight");
    expect(await page.locator("body").textContent()).not.toContain(SECRET);
    await pov(page, "facilitator");
    await expect.poll(() => side(page)).toContain(SECRET);
    await tab(page, "Log");
    await expect.poll(() => side(page)).toContain(`Intelligence: ${SECRET}`);

    // the curve: a marker jumps to its moment, and so does a click anywhere on it
    await scrub(page, 0);
    await page
      .locator(`.marker-inject[aria-label="Inject released · turn 1 · Intelligence: ${SECRET} (step ${secret})"]`)
      .click();
    await expect.poll(() => current(page)).toBe(secret);
    await expect
      .poll(() => strip(page))
      .toContain(`Control wrote and released an ad-hoc inject “${SECRET}” (Intelligence) for Borealis`);
    const decision = page.locator(".marker-decision").first();
    await decision.locator("rect").click();
    await expect.poll(() => current(page)).toBe(Number(await decision.getAttribute("data-step")));
    await expect.poll(() => strip(page)).toContain("advanced the exercise to Turn 1 of 4 · Adjudication");
    const target = stepOf("escalation.adjust");
    const box = (await page.locator(".replay-curve-svg").boundingBox())!;
    const x = 150 + ((box.width - 150 - 24) * target) / rec.commands.length;
    await page.locator(".replay-curve-svg").click({ position: { x, y: 150 } });
    await expect.poll(() => current(page)).toBe(target);
    await expect.poll(() => strip(page)).toContain("Control adjusted escalation by +20");
    await shot(page, "20-replay-curve-escalation");

    // step by turn
    await scrub(page, 0);
    await page.getByRole("button", { name: "Next turn start" }).click();
    await expect.poll(() => current(page)).toBe(stepOf("exercise.start"));
    await page.getByRole("button", { name: "Next turn start" }).click();
    const turn2 = rec.commands.length;
    await expect.poll(() => current(page)).toBe(turn2);
    await expect.poll(() => strip(page)).toContain("advanced the exercise to Turn 2 of 4 · Briefing");
    await expect.poll(() => boardText(page)).toContain("Turn 2 of 4, Briefing.");
    expect(await page.getByRole("button", { name: "Next turn start" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Previous turn start" }).click();
    await expect.poll(() => current(page)).toBe(stepOf("exercise.start"));
    await page.getByRole("button", { name: "Step forward one command" }).click();
    await expect.poll(() => current(page)).toBe(stepOf("exercise.start") + 1);

    // play runs forward by itself, pause stops it
    await page.getByLabel("Playback speed").selectOption("10");
    await page.getByRole("button", { name: "Play", exact: true }).click();
    await expect.poll(() => current(page)).toBeGreaterThan(stepOf("exercise.start") + 3);
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    const paused = await current(page);
    // a player still running at 10 commands/s would move several steps in 30 frames (half a second at 60 fps)
    await frames(page, 30);
    expect(await current(page)).toBe(paused);

    // the address keeps the moment and the point of view
    await scrub(page, secret);
    await pov(page, "team:borealis");
    await expect.poll(() => page.url()).toContain(`step=${secret}&pov=team%3Aborealis`);
    await page.reload();
    await ready(page);
    await expect.poll(() => current(page)).toBe(secret);
    expect(await page.getByLabel("Point of view").inputValue()).toBe("team:borealis");
    await tab(page, "Orders");
    await scrub(page, stepOf("orders.submit", 1));
    await expect.poll(() => side(page)).toContain("Harden critical infrastructure");
    expect(await side(page)).not.toContain("Public reassurance");
    await shot(page, "20-replay-borealis-orders");
  });

  it("rests the board after scrubbing at 1280x640, where the page scrolls to reach the timeline", async () => {
    // (at 1280x720 the viewer fits without scrolling: legibility.test.ts)
    const page = await person({ width: 1280, height: 640 });
    await countDraws(page);
    await page.goto(`${srv.url}/replay`);
    await page.locator("#replay-file").setInputFiles(file("rest.json", rec));
    await ready(page);
    await boardSettled(page);
    // the viewer is taller than this window: the timeline is below the fold
    await page.locator(".replay-dock").scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    // a decision marker on the curve: the board goes to that step (the meter moves, the states' bars glide), then rests
    const decision = page.locator(".marker-decision").first();
    await decision.locator("rect").click();
    await expect.poll(() => current(page)).toBe(Number(await decision.getAttribute("data-step")));
    await expect.poll(() => boardText(page)).toContain("Adjudication");
    // the longest animation (the floating escalation change) ends after 3.8 s
    await boardSettled(page, 10_000);
    const rested = await drawCount(page);
    await frames(page, 30);
    expect(await drawCount(page)).toBe(rested);

    // the pointer crossing the board where nothing answers to it (the ladder) draws nothing
    const board = (await page.locator(".board").boundingBox())!;
    const middle = { x: board.x + board.width / 2, y: board.y + board.height / 2 };
    await page.mouse.move(middle.x, middle.y);
    await page.mouse.move(middle.x + 10, middle.y + 40, { steps: 8 });
    await frames(page, 30);
    expect(await drawCount(page)).toBe(rested);

    // the slider back to the start: drawn, animated, at rest again
    await scrub(page, 0);
    await boardSettled(page, 10_000);
    const again = await drawCount(page);
    expect(again).toBeGreaterThan(rested);
    await frames(page, 30);
    expect(await drawCount(page)).toBe(again);
    await save(page, "20-replay-rests-1280x640");
  });

  it("opens a downloaded recording file, and refuses a tampered, truncated or unknown one with the reason", async () => {
    const page = await person();
    await page.goto(`${srv.url}/replay`);
    await page.getByRole("heading", { name: "Drop a recording file here" }).waitFor();
    await shot(page, "20-replay-open-file");

    const bad: [string, unknown][] = [];
    const tampered = structuredClone(rec);
    const msg = tampered.commands.find((c) => c.command.type === "hotline.send")!;
    if (msg.command.type === "hotline.send") msg.command.text = "Yes, it was us.";
    bad.push(["tampered", tampered]);
    const truncated = structuredClone(rec);
    truncated.commands.pop();
    bad.push(["truncated", truncated]);
    bad.push(["unknown-version", { ...structuredClone(rec), version: 7 }]);
    for (const [name, content] of bad) {
      const expected = loadRecording(content);
      expect(expected.ok).toBe(false);
      await page.locator("#replay-file").setInputFiles(file(`${name}.json`, content));
      await expect.poll(() => page.getByRole("alert").textContent()).toContain(expected.ok ? "" : expected.error);
      if (name === "tampered") await shot(page, "20-replay-tampered");
    }
    expect(await page.getByRole("alert").textContent()).toContain("This recording is format version 7");
    await page.locator("#replay-file").setInputFiles(file("not-json.json", "{ nope"));
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("is not JSON");

    await page.locator("#replay-file").setInputFiles(file("good.json", rec));
    await ready(page);
    expect(await page.locator("[data-integrity=intact]").textContent()).toContain(
      "Hash chain intact, origin not verified",
    );
    expect(await page.locator(".replay-footer").textContent()).toContain("from good.json");
    await page.getByRole("button", { name: "Next turn start" }).click();
    await expect.poll(() => boardText(page)).toContain("Turn 1 of 4, Briefing.");
  });

  it("explains, without a control seat in this browser, how to open the recording instead", async () => {
    const page = await person();
    await page.goto(`${srv.url}/replay/${ex.roomId}`);
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("This browser holds no control seat for this exercise");
    await page.locator("#replay-file").setInputFiles(file("from-seatless.json", rec));
    await ready(page);
  });
});
