// Screenshots of every screen for the README, at 1280x720 (and --also-1920 for
// the main screens in full HD): builds the client (or takes --client DIR), starts a server, plays
// a tutorial exercise through a turn with real pages in headless Chromium and
// saves JPEGs to docs/screenshots/ (or --out DIR). Look at each one.
//   npm run screenshots -- [--out docs/screenshots] [--client DIR] [--also-1920] [--png]
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { build } from "vite";
import type { Browser, Page } from "playwright-core";
import { launch } from "../test/helpers/browser.ts";
import { api, createExercise, Participant, startTestServer } from "../test/helpers/server.ts";

const { values: opts } = parseArgs({
  options: {
    out: { type: "string", default: "docs/screenshots" },
    client: { type: "string" },
    "also-1920": { type: "boolean" },
    png: { type: "boolean" },
  },
});
const OUT = opts.out!;
mkdirSync(OUT, { recursive: true });
let clientDir = opts.client;
if (!clientDir) {
  clientDir = mkdtempSync(join(tmpdir(), "deconflict-client-"));
  await build({
    configFile: join(process.cwd(), "vite.config.ts"),
    build: { outDir: clientDir, emptyOutDir: true },
    logLevel: "warn",
  });
}
// the built-in scenarios and a six-state copy of the four-state one (as the legibility test makes it)
const scenarios = mkdtempSync(join(tmpdir(), "deconflict-scenarios-"));
cpSync(join(process.cwd(), "scenarios"), scenarios, { recursive: true });
const four = JSON.parse(readFileSync(join(scenarios, "civilian-shield.json"), "utf8")) as {
  id: string;
  title: string;
  teams: { id: string; name: string; color: string }[];
};
for (const t of [
  { id: "halvard", name: "Halvard", color: "#d4a017" },
  { id: "queloz", name: "Queloz", color: "#1abc9c" },
])
  four.teams.push({ ...structuredClone(four.teams.at(-1)!), ...t });
writeFileSync(join(scenarios, "six-states.json"), JSON.stringify({ ...four, id: "six-states", title: "Six states" }));

const srv = await startTestServer({ CLIENT_DIR: clientDir, SCENARIOS_DIR: scenarios });
const browser: Browser = await launch();
const saved: string[] = [];
const sizes = opts["also-1920"]
  ? [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]
  : [{ width: 1280, height: 720 }];

/** Waits for a board to rest (nothing drawing), if the page has one. */
async function settled(page: Page): Promise<void> {
  if (await page.locator(".board canvas").count())
    await page.locator(".board[data-drawing]").first().waitFor({ state: "detached" });
}
/** At full HD only the main screens are kept (the rest look the same, larger). */
const MAIN_SCREENS = new Set([
  "lobby",
  "team-briefing",
  "control-console",
  "projector",
  "replay",
  "report",
  "board-4-states",
  "board-6-states",
]);
async function shot(page: Page, name: string): Promise<void> {
  const w = page.viewportSize()!.width;
  if (w !== 1280 && !MAIN_SCREENS.has(name)) return;
  await settled(page);
  const file = join(OUT, `${name}${w === 1280 ? "" : `-${w}`}.${opts.png ? "png" : "jpg"}`);
  // a little more compression at full HD keeps each file under about 300 KB
  await page.screenshot(opts.png ? { path: file } : { path: file, type: "jpeg", quality: w === 1280 ? 82 : 74 });
  saved.push(file);
}
async function open(size: { width: number; height: number }): Promise<Page> {
  const ctx = await browser.newContext({ viewport: size });
  return ctx.newPage();
}
async function enter(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`${srv.url}/join?code=${encodeURIComponent(code)}`);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Enter the exercise" }).click();
  await page.locator(".board canvas").waitFor();
  await page.locator(".topbar .title:not(:empty)").waitFor();
}
const tab = (page: Page, name: string) => page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
const seat = (page: Page, roomId: string, code: string) =>
  page.evaluate(
    ([r, c]) =>
      localStorage.setItem(
        "deconflict:seats",
        JSON.stringify([
          {
            roomId: r,
            code: c,
            name: "Control",
            title: "",
            role: "facilitator",
            seatName: "Control",
            savedAt: Date.now(),
          },
        ]),
      ),
    [roomId, code] as const,
  );

try {
  for (const size of sizes) {
    const ex = await createExercise(srv.url, "tutorial", "screens");
    const details = await api(srv.url, "GET", `/exercises/${ex.roomId}`, undefined, ex.codes.facilitator);
    const display = (details.body as { codes: { display: string } }).codes.display;
    const ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
    const al = await Participant.join(srv.url, ex.roomId, ex.codes.teams.austral!, "Al");

    const lobby = await open(size);
    await lobby.goto(srv.url);
    await lobby.locator("[data-scenario=tutorial]").click();
    await shot(lobby, "lobby");
    await lobby.goto(`${srv.url}/join?code=${encodeURIComponent(ex.codes.teams.borealis!)}`);
    await lobby.getByLabel("Your name").fill("Bo");
    await shot(lobby, "join");
    await seat(lobby, ex.roomId, ex.codes.facilitator);
    await lobby.goto(`${srv.url}/exercise/${ex.roomId}/codes`);
    await lobby.locator(".code-table svg.qr").first().waitFor();
    await shot(lobby, "codes");

    const bo = await open(size);
    await enter(bo, ex.codes.teams.borealis!, "Bo");
    const bo2 = await open(size);
    await enter(bo2, ex.codes.teams.borealis!, "Bea");
    const mia = await open(size);
    await enter(mia, ex.codes.mediator!, "Mia");
    const obs = await open(size);
    await enter(obs, ex.codes.observer, "Olu");
    const con = await open(size);
    await enter(con, ex.codes.facilitator, "Control");
    const wall = await open(size);
    await wall.goto(`${srv.url}/display/${ex.roomId}#code=${encodeURIComponent(display)}`);

    await ctl.command({ type: "exercise.start" });
    await ctl.command({ type: "phase.advance" }); // deliberation
    await ctl.command({ type: "observers.visibility", seeAll: true });
    await al.command({
      type: "hotline.send",
      to: "borealis",
      kind: "notify",
      text: "We are investigating the blackout too.",
    });
    await tab(bo, "Briefing");
    await shot(bo, "team-briefing");
    await tab(bo, "Hotline");
    await shot(bo, "team-hotline");
    await tab(bo, "Injects");
    await shot(bo, "team-injects");
    await tab(mia, "Hotline");
    await shot(mia, "mediator");
    await shot(obs, "observer");
    await shot(con, "control-console");
    await tab(con, "MSEL");
    await shot(con, "control-msel");
    await tab(con, "Teams");
    await shot(con, "control-teams");
    await wall.getByRole("meter").waitFor();
    await shot(wall, "projector");

    await ctl.command({ type: "phase.advance" }); // decision
    await tab(bo, "Orders");
    await bo.getByRole("button", { name: "Add Harden critical infrastructure to the draft" }).click();
    await tab(bo2, "Orders");
    await bo2.getByRole("button", { name: "Add Public reassurance to the draft" }).click();
    await bo.locator('[aria-label="Draft orders"] [data-action="reassure"]').waitFor();
    await shot(bo, "team-orders");
    await bo.getByRole("button", { name: "Submit orders" }).click();
    await bo.locator('[aria-label="Submitted orders"]').waitFor();
    await al.command({ type: "orders.submit", actions: [{ actionId: "reassure" }] });
    await ctl.command({ type: "phase.advance" }); // adjudication
    await bo.locator(".turn-results:not([hidden])").waitFor();
    await shot(bo, "turn-summary");
    await ctl.command({ type: "phase.advance" }); // summary
    await wall.locator(".display-result-list li").first().waitFor();
    await shot(wall, "projector-summary");

    const rp = await open(size);
    await rp.goto(srv.url);
    await seat(rp, ex.roomId, ex.codes.facilitator);
    await rp.goto(`${srv.url}/replay/${ex.roomId}`);
    await rp.locator(".replay[data-board=ready]").waitFor();
    await shot(rp, "replay");
    const report = await browser.newContext({
      viewport: size,
      extraHTTPHeaders: { authorization: `Bearer ${ex.codes.facilitator}` },
    });
    const rep = await report.newPage();
    await rep.goto(`${srv.url}/api/exercises/${ex.roomId}/report?format=html`);
    await shot(rep, "report");

    // the scenario studio: a copy of Dark Winter, its events list, the preview
    const st = await open(size);
    await st.goto(`${srv.url}/studio`);
    await st.locator('[data-studio-scenario="grid-intrusion"]').getByRole("button", { name: "Edit a copy" }).click();
    await st
      .locator(".studio-form")
      .getByRole("tab", { name: /^Injects/ })
      .click();
    await st.locator('details[data-path="injects.0"] .sf-item-title').click();
    await st
      .locator(".studio-side")
      .getByRole("tab", { name: /^Preview/ })
      .click();
    await st.locator('.studio-board[data-board="ready"]').waitFor({ timeout: 20_000 });
    await shot(st, "studio");

    for (const [id, name] of [
      ["civilian-shield", "board-4-states"],
      ["six-states", "board-6-states"],
    ] as const) {
      const big = await createExercise(srv.url, id, "screens");
      const c = await Participant.join(srv.url, big.roomId, big.codes.facilitator, "Control");
      await c.command({ type: "exercise.start" });
      await c.command({ type: "escalation.adjust", delta: 25, reason: "screenshots" });
      await c.leave();
      const p = await open(size);
      await enter(p, big.codes.facilitator, "Control");
      await shot(p, name);
      if (id === "civilian-shield")
        for (const theme of ["light", "contrast"]) {
          await p.getByLabel("Colour theme").first().selectOption(theme);
          await p.waitForLoadState("load");
          await p.locator(".board canvas").waitFor();
          await p.locator(".topbar .title:not(:empty)").waitFor();
          await shot(p, `theme-${theme}`);
        }
    }
    await Promise.all([ctl.leave(), al.leave()]);
  }
  console.log(saved.join("\n"));
} finally {
  await browser.close();
  await srv.close();
}
