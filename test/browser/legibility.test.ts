// Layout and legibility in headless Chromium at 1280×720: no text under 12 px
// on the main pages, no symbol that needs an emoji font, the replay's board and
// curve without scrolling, four- and six-state boards, the light and
// high-contrast themes (remembered), and each seat's join link as a QR code
// that decodes to that link, the projector display's among them, printed too,
// and a board that draws no character a font may lack (its symbols are shapes).
// Screenshots: test-results/screenshots/50-*.png
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as path } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import decodeQR from "qr/decode.js";
import { launch, shot } from "../helpers/browser.ts";
import { boardSettled } from "./board-drawing.ts";
import { api, createExercise, Participant, startTestServer, type Created, type TestServer } from "../helpers/server.ts";
import { seatsFor, smallText, emojiSymbols } from "./page-checks.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";

const SIZE = { width: 1280, height: 720 };
let srv: TestServer;
let browser: Browser;
let four: Created & { codes: { display?: string } };
let six: Created;

/** The built-in scenarios, and a six-state copy of the four-state one (no built-in scenario has six). */
function scenariosWithSix(): string {
  const dir = mkdtempSync(path(tmpdir(), "deconflict-scenarios-"));
  cpSync(path(process.cwd(), "scenarios"), dir, { recursive: true });
  const base = JSON.parse(readFileSync(path(dir, "civilian-shield.json"), "utf8")) as {
    id: string;
    title: string;
    teams: { id: string; name: string; color: string }[];
  };
  const extra = [
    { id: "halvard", name: "Halvard", color: "#d4a017" },
    { id: "queloz", name: "Queloz", color: "#1abc9c" },
  ];
  base.teams.push(...extra.map((t) => ({ ...structuredClone(base.teams.at(-1)!), ...t })));
  base.id = "six-states";
  base.title = "Six states (layout)";
  writeFileSync(path(dir, "six-states.json"), JSON.stringify(base));
  return dir;
}

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir"), SCENARIOS_DIR: scenariosWithSix() });
  browser = await launch();
  four = await createExercise(srv.url, "civilian-shield", "legible");
  six = await createExercise(srv.url, "six-states", "legible");
  for (const ex of [four, six]) {
    const ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
    await ctl.command({ type: "exercise.start" });
    await ctl.command({ type: "escalation.adjust", delta: 25, reason: "a layout test" });
    await ctl.leave();
  }
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function person(): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: SIZE });
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

/** The play page has its view and its board drawn. */
async function boardShown(page: Page): Promise<void> {
  await page.locator(".board canvas").waitFor();
  await expect.poll(() => page.locator(".topbar .title").textContent()).not.toBe("");
  await boardSettled(page);
}

/** Text under 12 px and emoji-font symbols on the page, each named, for a clear failure. */
async function legible(page: Page, what: string): Promise<void> {
  expect(await smallText(page), `text under 12 px on ${what}`).toEqual([]);
  expect(await emojiSymbols(page), `symbols needing an emoji font on ${what}`).toEqual([]);
}

describe("layout and legibility at 1280×720", () => {
  it("the codes page: a QR code per seat that decodes to its link, the display's too, and on the printed sheet", async () => {
    const { ctx, page } = await person();
    try {
      await page.goto(srv.url);
      await page.evaluate(seatsFor, [four.roomId, four.codes.facilitator] as const);
      await page.goto(`${srv.url}/exercise/${four.roomId}/codes`);
      await page.locator(".code-table").waitFor();
      const rows = page.locator(".code-table tbody tr");
      // 4 teams, mediator, observers, control, the projector display
      await expect.poll(() => rows.count()).toBe(8);
      const details = await api(srv.url, "GET", `/exercises/${four.roomId}`, undefined, four.codes.facilitator);
      const display = page.locator('tr[data-seat="Projector display"]');
      expect(await display.locator(".code").textContent()).toBe(details.body.codes.display);
      for (const seat of ["Projector display", "Observers"]) {
        const row = page.locator(`tr[data-seat="${seat}"]`);
        const link = (await row.locator(".link").textContent())!;
        const image = await row.locator("svg.qr").evaluate(async (svg) => {
          const blob = new Blob([new XMLSerializer().serializeToString(svg)], { type: "image/svg+xml" });
          const img = new Image();
          img.src = URL.createObjectURL(blob);
          await img.decode();
          const canvas = document.createElement("canvas");
          canvas.width = canvas.height = 400;
          const c = canvas.getContext("2d")!;
          c.imageSmoothingEnabled = false;
          c.drawImage(img, 0, 0, 400, 400);
          return Array.from(c.getImageData(0, 0, 400, 400).data);
        });
        expect(decodeQR({ width: 400, height: 400, data: Uint8Array.from(image) })).toBe(link);
      }
      await legible(page, "the codes page");
      await shot(page, "50-codes-qr-1280x720");
      await page.emulateMedia({ media: "print" });
      expect(await display.isVisible()).toBe(true);
      expect(await display.locator("svg.qr").isVisible()).toBe(true);
      await shot(page, "50-codes-printed");
    } finally {
      await ctx.close();
    }
  });

  it("four- and six-state boards: every page legible, screenshots for each seat", async () => {
    for (const [ex, n] of [
      [four, 4],
      [six, 6],
    ] as const) {
      const people = await Promise.all([person(), person()]);
      try {
        const [team, ctl] = people.map((p) => p.page) as [Page, Page];
        const first = Object.values(ex.codes.teams)[0]!;
        await join(team, first, "Tess");
        await join(ctl, ex.codes.facilitator, "Control");
        for (const [page, who] of [
          [team, "team"],
          [ctl, "control"],
        ] as const) {
          await boardShown(page);
          await legible(page, `the ${n}-state ${who} page`);
          await shot(page, `50-board-${n}-states-${who}-1280x720`);
        }
      } finally {
        await Promise.all(people.map((p) => p.ctx.close()));
      }
    }
  });

  it("the lobby and the join page are legible", async () => {
    const { ctx, page } = await person();
    try {
      await page.goto(srv.url);
      await page.locator("[data-scenario=tutorial]").waitFor();
      await legible(page, "the lobby");
      await shot(page, "50-lobby-1280x720");
      await page.goto(`${srv.url}/join`);
      await page.getByLabel("Your name").waitFor();
      await legible(page, "the join page");
    } finally {
      await ctx.close();
    }
  });

  it("the replay shows the board and the curve without scrolling, legibly", async () => {
    const { ctx, page } = await person();
    try {
      await page.goto(srv.url);
      await page.evaluate(seatsFor, [four.roomId, four.codes.facilitator] as const);
      await page.goto(`${srv.url}/replay/${four.roomId}`);
      await page.locator(".replay[data-board=ready]").waitFor();
      await expect.poll(() => page.locator(".replay-progress").isHidden()).toBe(true);
      await boardSettled(page);
      await shot(page, "50-replay-1280x720");
      // neither down nor across
      const scroll = await page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight);
      expect(scroll).toBeLessThanOrEqual(0);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      for (const sel of [".replay .board", ".replay-curve-svg", ".replay-side", ".replay-footer"]) {
        const box = (await page.locator(sel).first().boundingBox())!;
        expect(box.y, sel).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height, sel).toBeLessThanOrEqual(SIZE.height);
        expect(box.x + box.width, sel).toBeLessThanOrEqual(SIZE.width);
      }
      expect((await page.locator(".replay .board").boundingBox())!.height).toBeGreaterThanOrEqual(300);
      await legible(page, "the replay");
    } finally {
      await ctx.close();
    }
  });

  it("light and high-contrast themes, a choice remembered across a reload", async () => {
    const { ctx, page } = await person();
    try {
      await join(page, Object.values(four.codes.teams)[1]!, "Theo");
      const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(await bg()).toBe("rgb(15, 23, 36)");
      await page.getByLabel("Colour theme").first().selectOption("light");
      await page.waitForLoadState("load");
      await boardShown(page);
      await expect.poll(bg).toBe("rgb(238, 242, 247)");
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
      await boardSettled(page);
      await legible(page, "the light theme");
      await shot(page, "50-theme-light-1280x720");
      await page.getByLabel("Colour theme").first().selectOption("contrast");
      await page.waitForLoadState("load");
      await boardShown(page);
      await expect.poll(bg).toBe("rgb(0, 0, 0)");
      await page.reload();
      await boardShown(page);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("contrast");
      expect(await page.getByLabel("Colour theme").first().inputValue()).toBe("contrast");
      await boardSettled(page);
      await shot(page, "50-theme-contrast-1280x720");
    } finally {
      await ctx.close();
    }
  });

  it("the board draws its symbols as shapes: every character it writes is one every font has", async () => {
    const ex = await createExercise(srv.url, "civilian-shield", "glyphs");
    const { ctx, page } = await person();
    try {
      await recordCanvasText(page);
      await join(page, ex.codes.facilitator, "Control");
      await boardShown(page);
      const ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
      // each state of the board in turn, each awaited by the board's description for screen readers (same
      // update): waiting, running with changes both ways, paused, then ended
      const described = page.locator(".board-overlays .sr-only[aria-live]");
      const steps: [CommandInput, RegExp][] = [
        [{ type: "exercise.start" }, /^Turn 1 of/],
        [{ type: "escalation.adjust", delta: 30, reason: "a legibility test" }, /last change up 30 /],
        [{ type: "escalation.adjust", delta: -6, reason: "a legibility test" }, /last change down 6 /],
        [{ type: "exercise.pause", reason: "a short break" }, /Paused: a short break/],
        [{ type: "exercise.end", reason: "the glyph check is done" }, /^The exercise has ended/],
      ];
      for (const [command, says] of steps) {
        await ctl.command(command);
        await expect.poll(() => described.textContent(), { message: String(says) }).toMatch(says);
        await boardSettled(page);
      }
      await ctl.leave();
      await shot(page, "50-board-ended-1280x720");
      const drawn = await canvasText(page);
      // the recorder saw the board's own words (spaced capitals are written a letter at a time)
      expect(drawn).toContain("OPERATIONAL");
      expect(drawn).toContain("Waiting for you to start");
      expect(drawn.some((t) => /^\+30$/.test(t)) && drawn.some((t) => /^\u22126$/.test(t))).toBe(true);
      // printable ASCII, Latin-1, general punctuation (· “ ” …), and the minus sign (in every text font)
      const odd = drawn.filter((t) => /[^\x20-\x7E\xA0-\xFF\u2000-\u206F\u2212]/u.test(t));
      expect(odd, "board text with a character a font may lack").toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});

/** From the next page load on, remembers every string written on a 2D canvas (window.__canvasText): the board's text. */
async function recordCanvasText(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { __canvasText: Set<string> }).__canvasText = seen;
    const proto = CanvasRenderingContext2D.prototype;
    const fill = proto.fillText;
    const stroke = proto.strokeText;
    proto.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
      seen.add(String(text));
      return maxWidth === undefined ? fill.call(this, text, x, y) : fill.call(this, text, x, y, maxWidth);
    };
    proto.strokeText = function (text: string, x: number, y: number, maxWidth?: number) {
      seen.add(String(text));
      return maxWidth === undefined ? stroke.call(this, text, x, y) : stroke.call(this, text, x, y, maxWidth);
    };
  });
}

function canvasText(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __canvasText: Set<string> }).__canvasText]);
}
