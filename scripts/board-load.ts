// How long a play page takes to show an interactive board: builds the client
// (or takes a built one), starts a server with it (compression on, as
// `npm start` serves it), opens a team's page in headless Chromium at
// 1280x720 once (a cold cache), then navigates to it --runs more times with a
// warm cache and reports, for each, the time from the start of navigation to
// an interactive board: the view received (the header names the exercise),
// the board's canvas made and its first drawing done. Figures, and whether the
// median is within the 2 s the issue asks for.
//   npm run bench:board-load -- [--runs 5] [--client DIR]
import { buildTempClient } from "./temp-client.ts";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { launch } from "../test/helpers/browser.ts";
import { createExercise, Participant, startTestServer } from "../test/helpers/server.ts";

const { values: opts } = parseArgs({
  options: { runs: { type: "string", default: "5" }, client: { type: "string" } },
});
const RUNS = Number(opts.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error("--runs takes a whole number from 1");
const LIMIT_MS = 2000;

const clientDir = opts.client ?? (await buildTempClient());

/** Milliseconds from the navigation's start until the board is interactive (measured by the page's own clock). */
async function interactive(page: Page): Promise<number> {
  const at = await page.waitForFunction(
    () => {
      const title = document.querySelector(".topbar .title")?.textContent;
      const board = document.querySelector(".board");
      const drawn = board?.querySelector("canvas") && !board.hasAttribute("data-drawing");
      return title && drawn ? performance.now() : 0;
    },
    undefined,
    { polling: "raf", timeout: 30_000 },
  );
  return (await at.jsonValue()) as number;
}

const srv = await startTestServer({ CLIENT_DIR: clientDir });
const browser = await launch();
try {
  const ex = await createExercise(srv.url, "tutorial", "board-load");
  const ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
  await ctl.command({ type: "exercise.start" });
  await ctl.leave();
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  // the first visit: join with the code (the seat is kept in the browser), cold cache
  await page.goto(`${srv.url}/join?code=${encodeURIComponent(ex.codes.teams.borealis!)}`);
  await page.getByLabel("Your name").fill("Bo");
  await page.getByRole("button", { name: "Enter the exercise" }).click();
  await page.waitForURL(/\/exercise\//);
  const play = page.url();
  const cold = await interactive(page);
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto("about:blank");
    await page.goto(play);
    warm.push(await interactive(page));
  }
  const sorted = [...warm].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const ms = (n: number) => `${Math.round(n)} ms`;
  console.log(`first visit (cold cache): ${ms(cold)} from opening the join link, the name typed by the script`);
  console.log(`warm cache, ${RUNS} navigations: ${warm.map(ms).join(", ")}`);
  console.log(`median ${ms(median)}, slowest ${ms(sorted.at(-1)!)}: ${median <= LIMIT_MS ? "within" : "OVER"} 2 s`);
  process.exitCode = median <= LIMIT_MS ? 0 : 1;
} finally {
  await browser.close();
  await srv.close();
}
