// The play page's turn summary after an adjudication, and the replay's
// markers on the escalation curve, in headless Chromium at 1280×720 and
// 1920×1080: each participant's summary (figures, and the full list a click
// away) holds what its view delivers, control's is complete; it sits under the
// board, never over the meter; the replay's markers follow the point of view. Screenshots: test-results/screenshots/31-*.png
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launch, shot as save } from "../helpers/browser.ts";
import { boardSettled } from "./board-drawing.ts";
import { createExercise, Participant, startTestServer, type Created, type TestServer } from "../helpers/server.ts";

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const SECRET = "Borealis eyes only: the intrusion tools were sold on";

let srv: TestServer;
let browser: Browser;
let ex: Created;
let disrupt: string;

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
  ex = await createExercise(srv.url, "tutorial", "results-seed");
  const ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
  const bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
  const al = await Participant.join(srv.url, ex.roomId, ex.codes.teams.austral!, "Al");
  await ctl.command({ type: "exercise.start" });
  await ctl.command({
    type: "inject.create",
    title: SECRET,
    body: "Sources say.",
    channel: "intelligence",
    audience: ["borealis"],
  });
  await ctl.command({ type: "phase.advance" });
  await bo.command({ type: "hotline.send", to: "austral", kind: "confirm", text: "Was the blackout yours?" });
  const ask = bo.view.messages.at(-1)!.id;
  await al.command({ type: "hotline.send", to: "borealis", kind: "assess", text: "No.", replyTo: ask });
  await ctl.command({ type: "phase.advance" });
  // Borealis strikes covertly and out of proportion; Austral hardens in public
  await bo.command({
    type: "orders.submit",
    actions: [{ actionId: "disrupt", target: "austral", sector: "energy" }],
  });
  await al.command({ type: "orders.submit", actions: [{ actionId: "harden" }] });
  await ctl.command({ type: "phase.advance" }); // adjudication
  disrupt = bo.view.me?.kind === "team" ? bo.view.me.actions.find((a) => a.id === "disrupt")!.name : "";
  await Promise.all([ctl.leave(), bo.leave(), al.leave()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function person(size: (typeof SIZES)[number]): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: size });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  return { ctx, page };
}

async function join(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`${srv.url}/join?code=${encodeURIComponent(code)}`);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Enter the exercise" }).click();
  await page.locator(".topbar").waitFor();
}

const cardText = (page: Page) =>
  page
    .locator(".turn-results")
    .textContent()
    .then((t) => t ?? "");
/** The full list, one click away from the summary's figures. */
async function lines(page: Page): Promise<string[]> {
  const full = page.locator(".turn-results").getByRole("button", { name: /^Full list/ });
  if ((await full.getAttribute("aria-expanded")) !== "true") await full.click();
  await page.locator(".turn-results .ts-list, .turn-results p.dim").first().waitFor();
  const out = await page.locator(".turn-results li .pre").allTextContents();
  await page
    .locator(".turn-results")
    .getByRole("button", { name: /^Full list/ })
    .click();
  await page.locator(".turn-results .ts-parts").waitFor();
  return out;
}

/** The summary is on screen whole, under the board (never over the meter), nothing cut off at the sides. */
async function fits(page: Page, size: (typeof SIZES)[number]): Promise<void> {
  const box = (await page.locator(".turn-results").boundingBox())!;
  const board = (await page.locator(".board").boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height);
  expect(box.y).toBeGreaterThanOrEqual(board.y + board.height - 1);
  expect(board.height).toBeGreaterThan(size.height * 0.45);
}

/** The escalation figure of the summary: from → to, as the full list's first line says. */
async function escalationMatches(page: Page, first: string): Promise<void> {
  const [, from, to] = /escalation (\d+) → (\d+)/.exec(first)!;
  await expect.poll(() => page.locator(".ts-escalation .ts-big").textContent()).toContain(`${from} → ${to}`);
}

describe("the turn-results card and the replay's markers", () => {
  for (const size of SIZES) {
    const at = `${size.width}x${size.height}`;
    it(`each seat's card after the adjudication (${at})`, async () => {
      const people = await Promise.all([person(size), person(size), person(size)]);
      try {
        const [bo, al, ctl] = people.map((p) => p.page) as [Page, Page, Page];
        await join(bo, ex.codes.teams.borealis!, "Bo");
        await join(al, ex.codes.teams.austral!, "Al");
        await join(ctl, ex.codes.facilitator, "Control");

        // Borealis: its own covert act, after the turn's summary
        await expect.poll(() => cardText(bo)).toContain("Turn 1 — what changed");
        const boLines = await lines(bo);
        await escalationMatches(bo, boLines[0]!);
        // Austral's energy sector, hit by the disruption, is among the figures, with its state
        const energy = (await bo.locator('.ts-team[data-team="austral"] [data-sector="energy"]').textContent()) ?? "";
        const [, health] = /(\d+)\s*(operational|degraded|down)$/.exec(energy) ?? [];
        expect(Number(health)).toBeLessThan(100);
        expect(boLines[0]).toMatch(/^Turn 1 resolved: escalation \d+ → \d+ \(“.+”\)$/);
        expect(boLines).toContain(`Borealis: ${disrupt} → Austral (energy)`);
        await fits(bo, size);
        await boardSettled(bo);
        await save(bo, `31-results-borealis-${at}`);

        // Austral: what it suffered, not who did it
        await expect.poll(() => cardText(al)).toContain("Turn 1 — what changed");
        const alText = (await lines(al)).join("\n");
        expect(alText).toMatch(/^Turn 1 resolved: escalation/);
        expect(alText).toContain("Austral: Harden critical infrastructure");
        // (the evidence of the incident may point at Borealis: that is evidence, not the truth of who acted)
        expect(alText).not.toContain(`Borealis: ${disrupt}`);
        expect(alText).not.toMatch(/covert|Borealis's disproportionate/);
        await fits(al, size);
        await boardSettled(al);
        await save(al, `31-results-austral-${at}`);

        // Austral's causes of escalation: the covert act by its public cause
        // (Borealis's domestic pressure is on everyone's board: a cause naming it tells nothing of the act)
        const pressure = /domestic pressure in Borealis \(\d+\)/g;
        const alCauses = ((await al.locator(".ts-causes").textContent()) ?? "").replace(pressure, "");
        expect(alCauses).toContain("hostile cyber activity");
        expect(alCauses).not.toContain("Borealis");

        // control's summary is complete (the projector has its own public view): the covert act by name
        await expect.poll(() => cardText(ctl)).toContain("Turn 1 — what changed");
        const ctlText = (await lines(ctl)).join("\n");
        expect(ctlText).toMatch(/^Turn 1 resolved: escalation/);
        expect(ctlText).toContain(`Borealis: ${disrupt}`);
        expect(((await ctl.locator(".ts-causes").textContent()) ?? "").replace(pressure, "")).toContain("Borealis");
        await fits(ctl, size);
        await boardSettled(ctl);
        await save(ctl, `31-results-control-${at}`);
      } finally {
        await Promise.all(people.map((p) => p.ctx.close()));
      }
    });

    it(`the replay's markers for each point of view (${at})`, async () => {
      const { ctx, page } = await person(size);
      try {
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
                  title: "Results test",
                  role: "facilitator",
                  seatName: "Control",
                  savedAt: Date.now(),
                },
              ]),
            ),
          [ex.roomId, ex.codes.facilitator] as const,
        );
        await page.goto(`${srv.url}/replay/${ex.roomId}`);
        await page.locator(".replay[data-board=ready]").waitFor();
        await expect.poll(() => page.locator(".replay-progress").isHidden()).toBe(true);
        const labels = (kind: string) =>
          page.locator(`.marker-${kind}`).evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
        const pov = (value: string) => page.getByLabel("Point of view").selectOption(value);

        // control: the decision, both hotline messages, every inject including Borealis's secret one
        await expect.poll(() => labels("decision")).toHaveLength(1);
        expect((await labels("decision"))[0]).toMatch(/^Turn 1 resolved: escalation \d+ → \d+ \(“.+”\) \(step \d+\)$/);
        expect(await labels("hotline")).toHaveLength(2);
        expect((await labels("hotline"))[1]).toContain("Austral answered a “confirm” message from Borealis");
        expect((await labels("inject")).some((l) => l.includes(SECRET))).toBe(true);
        await page.locator(".replay-dock").scrollIntoViewIfNeeded();
        await save(page, `31-replay-markers-control-${at}`);

        // Borealis reads its secret inject; Austral does not, nor does the mediator read their hotline
        await pov("team:borealis");
        await expect.poll(async () => (await labels("inject")).some((l) => l.includes(SECRET))).toBe(true);
        await pov("team:austral");
        await expect.poll(async () => (await labels("inject")).some((l) => l.includes(SECRET))).toBe(false);
        expect(await labels("hotline")).toHaveLength(2);
        expect(await labels("decision")).toHaveLength(1);
        expect(await page.locator(".replay-curve-svg").textContent()).not.toContain(SECRET);
        await save(page, `31-replay-markers-austral-${at}`);
        await pov("mediator");
        await expect.poll(() => labels("hotline")).toHaveLength(0);
        expect(await labels("decision")).toHaveLength(1);

        // a decision marker goes to its step; the strip words the command there, for control
        await pov("facilitator");
        const decision = page.locator(".marker-decision").first();
        await decision.locator("rect").click();
        const step = Number(await decision.getAttribute("data-step"));
        await expect.poll(() => page.locator(".replay").getAttribute("data-step").then(Number)).toBe(step);
        await expect
          .poll(() => page.locator(".replay-step").textContent())
          .toContain("advanced the exercise to Turn 1 of 4 · Adjudication");
        await expect
          .poll(() => page.locator(".replay-step").textContent())
          .toContain("Turn 1 adjudication: 2 of 2 teams submitted orders");
        // Austral at the same step: the control's command is not worded, what reached Austral is
        await pov("team:austral");
        await expect.poll(() => page.locator(".replay-step").textContent()).toContain("acted; what reached Austral");
        const strip = (await page.locator(".replay-step").textContent()) ?? "";
        expect(strip).not.toContain(`Borealis: ${disrupt}`);
        expect(strip).not.toMatch(/covert|Borealis's disproportionate|roll/);
        await boardSettled(page);
        await save(page, `31-replay-decision-austral-${at}`);
      } finally {
        await ctx.close();
      }
    });
  }
});
