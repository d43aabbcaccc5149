// An accessibility check (axe-core, in headless Chromium) of the main pages:
// lobby, join, codes, play for each role, the projector display, the replay
// and the after-action report. No serious or critical violation may remain;
// a failure lists each rule, its impact and the elements it found.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch } from "../helpers/browser.ts";
import { api, createExercise, Participant, startTestServer, type Created, type TestServer } from "../helpers/server.ts";
import { boardSettled } from "./board-drawing.ts";
import { seatsFor } from "./page-checks.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let srv: TestServer;
let browser: Browser;
let ex: Created;
let display: string;

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
  ex = await createExercise(srv.url, "tutorial", "a11y");
  const ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
  await ctl.command({ type: "exercise.start" });
  await ctl.command({ type: "phase.advance" });
  await ctl.leave();
  const details = await api(srv.url, "GET", `/exercises/${ex.roomId}`, undefined, ex.codes.facilitator);
  display = (details.body as { codes: { display: string } }).codes.display;
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

/** The serious and critical violations axe finds on the page, one line each. */
async function violations(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol, so the page's script policy stays as it is
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } }).axe;
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    }
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ ...v, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
  return found
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 4).join(" | ")}`);
}

async function joined(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`${srv.url}/join?code=${encodeURIComponent(code)}`);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Enter the exercise" }).click();
  await page.locator(".board canvas").waitFor();
  await boardSettled(page);
}

describe("accessibility (axe-core): no serious or critical violations", () => {
  const pages: [string, (page: Page) => Promise<void>][] = [
    ["the lobby", async (p) => void (await p.goto(srv.url), await p.locator("[data-scenario=tutorial]").waitFor())],
    ["the join page", async (p) => void (await p.goto(`${srv.url}/join`), await p.getByLabel("Your name").waitFor())],
    [
      "the codes page",
      async (p) => {
        await p.goto(srv.url);
        await p.evaluate(seatsFor, [ex.roomId, ex.codes.facilitator] as const);
        await p.goto(`${srv.url}/exercise/${ex.roomId}/codes`);
        await p.locator(".code-table").waitFor();
      },
    ],
    ["a team's page", (p) => joined(p, ex.codes.teams.borealis!, "Bo")],
    ["the mediator's page", (p) => joined(p, ex.codes.mediator!, "Mia")],
    ["the observers' page", (p) => joined(p, ex.codes.observer, "Obs")],
    ["control's console", (p) => joined(p, ex.codes.facilitator, "Control")],
    [
      "the projector display",
      async (p) => {
        await p.goto(`${srv.url}/display/${ex.roomId}#code=${encodeURIComponent(display)}`);
        await p.getByRole("meter").waitFor();
      },
    ],
    [
      "the replay",
      async (p) => {
        await p.goto(srv.url);
        await p.evaluate(seatsFor, [ex.roomId, ex.codes.facilitator] as const);
        await p.goto(`${srv.url}/replay/${ex.roomId}`);
        await p.locator(".replay[data-board=ready]").waitFor();
        await boardSettled(p);
      },
    ],
  ];
  for (const [what, open] of pages)
    it(what, async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      try {
        const page = await ctx.newPage();
        await open(page);
        expect(await violations(page)).toEqual([]);
      } finally {
        await ctx.close();
      }
    });

  it("the after-action report", async () => {
    const ctx = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      extraHTTPHeaders: { authorization: `Bearer ${ex.codes.facilitator}` },
    });
    try {
      const page = await ctx.newPage();
      await page.goto(`${srv.url}/api/exercises/${ex.roomId}/report?format=html`);
      await page.locator("h1").first().waitFor();
      expect(await violations(page)).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
