// How much CPU an open but idle board costs: builds the client (or takes a
// built one), starts a server, opens N team play pages in headless Chromium
// at 1280x720, lets them settle, then measures for --seconds: the renderer's
// own busy time per page (CDP Performance.getMetrics TaskDuration and
// ScriptDuration) and the CPU time of every Chromium process (GPU and
// compositor work included). Figures only, no asserts.
//   node scripts/board-idle-cpu.ts [--pages 1] [--seconds 10] [--settle 4] [--client DIR] [--shots DIR]
// --shots saves play-page screenshots: idle, after a view change (escalation
// +20 and an inject), with the pointer over an inject card, paused, and
// after the window shrank to 1000x640.
import { buildTempClient } from "./temp-client.ts";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { launch } from "../test/helpers/browser.ts";
import { createExercise, Participant, startTestServer } from "../test/helpers/server.ts";

const { values: opts } = parseArgs({
  options: {
    pages: { type: "string", default: "1" },
    seconds: { type: "string", default: "10" },
    settle: { type: "string", default: "4" },
    client: { type: "string" },
    shots: { type: "string" },
  },
});
const PAGES = Number(opts.pages);
const SECONDS = Number(opts.seconds);
const SETTLE = Number(opts.settle);
if (!Number.isInteger(PAGES) || PAGES < 1 || !(SECONDS > 0) || !(SETTLE >= 0))
  throw new Error("--pages takes a whole number from 1, --seconds and --settle a number of seconds");

const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));

/** CPU seconds (user + system) used so far by every live descendant of this process. */
function childCpu(): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(name), Number(f[1]));
      ticks.set(Number(name), Number(f[11]) + Number(f[12]));
    } catch {
      // the process ended while we looked
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, t] of ticks) if (mine(pid)) total += t;
  return total / 100; // USER_HZ is 100 on Linux
}

/** Reads a page's renderer metrics; the counters run from the session's Performance.enable. */
async function meter(page: Page): Promise<() => Promise<Record<string, number>>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  return async () => {
    const { metrics: m } = await cdp.send("Performance.getMetrics");
    return Object.fromEntries(m.map((x) => [x.name, x.value]));
  };
}
const log = (what: string) => console.log(`${(performance.now() / 1000).toFixed(1)} s: ${what}`);

const clientDir = opts.client ?? (await buildTempClient());
log("client ready");
const srv = await startTestServer({ CLIENT_DIR: clientDir });
const browser = await launch();
try {
  const ex = await createExercise(srv.url, "tutorial", "idle-cpu");
  const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
  await control.command({ type: "exercise.start" });
  const pages: Page[] = [];
  for (let i = 0; i < PAGES; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    await page.goto(`${srv.url}/join?code=${ex.codes.teams.borealis}`);
    await page.getByLabel("Your name").fill(`Bo ${i + 1}`);
    await page.getByRole("button", { name: "Enter the exercise" }).click();
    await page.locator(".board canvas").waitFor();
    pages.push(page);
  }
  log(`${PAGES} board(s) open`);
  await sleep(SETTLE);

  const meters = await Promise.all(pages.map(meter));
  const before = await Promise.all(meters.map((m) => m()));
  const cpu0 = childCpu();
  const t0 = performance.now();
  await sleep(SECONDS);
  const wall = (performance.now() - t0) / 1000;
  const cpu1 = childCpu();
  const after = await Promise.all(meters.map((m) => m()));
  const sum = (k: string) => after.reduce((s, m, i) => s + (m[k]! - before[i]![k]!), 0);
  const figures = {
    pages: PAGES,
    seconds: Number(wall.toFixed(2)),
    rendererTaskSeconds: Number(sum("TaskDuration").toFixed(3)),
    rendererScriptSeconds: Number(sum("ScriptDuration").toFixed(3)),
    chromiumCpuSeconds: Number((cpu1 - cpu0).toFixed(2)),
    chromiumCpuPercentOfOneCore: Math.round(((cpu1 - cpu0) / wall) * 100),
  };
  console.log(JSON.stringify(figures, null, 2));

  if (opts.shots) {
    const dir = opts.shots;
    mkdirSync(dir, { recursive: true });
    const page = pages[0]!;
    await page.screenshot({ path: join(dir, "board-idle.png") });
    await control.command({ type: "escalation.adjust", delta: 20, reason: "Parliament demands retaliation" });
    await control.command({
      type: "inject.create",
      title: "Ministers trade statements",
      body: "A view change for the screenshot.",
      channel: "news",
      audience: ["all"],
    });
    await page
      .locator(".sr-only[aria-live=polite]")
      .filter({ hasText: "Ministers trade statements" })
      .waitFor({ state: "attached" });
    await sleep(5); // the meter glides for 1.1 s, the floating delta fades out after 3.8 s
    await page.screenshot({ path: join(dir, "board-after-change.png") });
    const box = (await page.locator(".board canvas").boundingBox())!;
    // the newest inject card sits at the bottom left of the board
    const card = { x: box.x + 12, y: box.y + box.height - 60, width: 150, height: 50 };
    const plain = await page.screenshot({ clip: card });
    await page.mouse.move(card.x + card.width / 2, card.y + card.height / 2);
    await sleep(0.5);
    const hovered = await page.screenshot({ clip: card });
    await page.screenshot({ path: join(dir, "board-hover.png") });
    log(`the pointer over the newest inject card ${plain.equals(hovered) ? "changed nothing" : "highlights it"}`);
    await control.command({ type: "exercise.pause", reason: "Screenshot" });
    await page.locator(".topbar").filter({ hasText: "Paused" }).waitFor();
    await sleep(2);
    await page.screenshot({ path: join(dir, "board-paused.png") });
    await page.setViewportSize({ width: 1000, height: 640 });
    await sleep(1);
    await page.screenshot({ path: join(dir, "board-resized.png") });
    log(`screenshots in ${dir}`);
  }
  await control.leave();
} finally {
  await browser.close();
  await srv.close();
}
// something of the server's (a room timer, a socket) may linger: the figures are out, so end here
process.exit(0);
