// The board and the top bar in each participant's language (headless Chromium at 1280×720): the pseudo-locale
// finds no text outside the catalogues, neither on the page around the board nor drawn on the board's canvas
// (scenario words aside); a French team member reads the board in French, an Arabic one in Arabic, right to left.
// Screenshots: 61-board-*.png
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { shot } from "../helpers/browser.ts";
import { createExercise, type Created, type Participant } from "../helpers/server.ts";
import { unmarkedText } from "../helpers/pseudo-scan.ts";
import { joinAs, languageRig } from "../helpers/language-rig.ts";
import { boardSettled } from "./board-drawing.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";

const rig = languageRig();

/** A browser preferring `locale` that records every string drawn on a 2D canvas (the board's words). */
function browserIn(locale: string): Promise<Page> {
  return rig.browserIn(locale, async (page) => {
    await page.addInitScript(() => {
      // spaced capitals are drawn a letter at a time: letters drawn one after another on one line join up again
      const drawn: string[] = [];
      let last: { ctx: CanvasRenderingContext2D; y: number } | null = null;
      (window as unknown as { __drawn: string[] }).__drawn = drawn;
      const fill = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, max?: number) {
        const s = String(text);
        if ([...s].length === 1 && last && last.ctx === this && last.y === y) drawn[drawn.length - 1] += s;
        else drawn.push(s);
        last = [...s].length === 1 ? { ctx: this, y } : null;
        return max === undefined ? fill.call(this, text, x, y) : fill.call(this, text, x, y, max);
      };
    });
  });
}

/** Joins through the join page and waits until the board is drawn and settled. */
async function joinBoard(page: Page, url: string, code: string, name: string): Promise<void> {
  await joinAs(page, url, code, name);
  await page.locator(".board canvas").first().waitFor();
  await expect.poll(() => page.locator(".topbar .title").textContent()).not.toBe("");
  await boardSettled(page);
}

/** Control's moves, each awaited on the page through the board's screen-reader summary (the same update). */
async function play(page: Page, ctl: Participant, steps: [CommandInput, RegExp][]): Promise<void> {
  const described = page.locator(".board-overlays .sr-only[aria-live]");
  for (const [command, says] of steps) {
    await ctl.command(command);
    await expect.poll(() => described.textContent(), { message: String(says) }).toMatch(says);
    await boardSettled(page);
  }
}

/**
 * Letters drawn on the canvas outside the ⟦…⟧ markers that are not a piece of the scenario's own words. A string
 * cut to fit ends inside its marker ("⟦STANDI…"): what follows an open marker counts as marked.
 */
function unmarkedDrawn(drawn: string[], scenarioWords: string[]): string[] {
  const outside = (text: string): string[] => {
    const out: string[] = [];
    let depth = 0;
    let piece = "";
    for (const ch of text) {
      if (ch === "⟦") {
        if (depth === 0) out.push(piece);
        piece = "";
        depth++;
      } else if (ch === "⟧") depth = Math.max(0, depth - 1);
      else if (depth === 0) piece += ch;
    }
    out.push(piece);
    return out.map((p) => p.replace(/…/gu, "").trim());
  };
  return drawn
    .flatMap(outside)
    .filter((p) => /\p{L}/u.test(p))
    .filter((p) => !scenarioWords.some((w) => w.includes(p)));
}

/** Every word the scenario gives (names, rungs, red lines, phases, injects): shown as the scenario wrote them. */
function scenarioWords(ctl: Participant): string[] {
  const v = ctl.view;
  return [
    v.exercise.title,
    ...v.exercise.phases.map((p) => p.name),
    ...v.teams.flatMap((t) => [t.name, ...t.sectors.map((s) => s.name)]),
    ...v.ladder.rungs.map((r) => r.name),
    ...v.ladder.redLines.map((r) => r.name),
    ...v.injects.map((i) => i.title),
  ];
}

const drawnOn = (page: Page) => page.evaluate(() => (window as unknown as { __drawn: string[] }).__drawn);

describe("the board in each language", () => {
  it("the pseudo-locale finds no text outside the catalogues on the board and the top bar", async () => {
    const ex: Created = await createExercise(rig.srv.url, "tutorial", "board-qps");
    const page = await browserIn("en-US");
    const ctl = await rig.join(ex, ex.codes.facilitator, "Control");
    await joinBoard(page, `${rig.srv.url}/join?lang=qps`, ex.codes.teams.borealis!, "Quinn");
    // the start releases the first inject: the rail shows its card
    await play(page, ctl, [
      [{ type: "exercise.start" }, /⟦Latest injects/],
      [{ type: "escalation.adjust", delta: 30, reason: "a language test" }, /last change up 30 /],
      [{ type: "exercise.pause", reason: "a short break" }, /⟦Paused: a short break⟧/],
    ]);
    // the top bar's own words (the scenario's title, phases and the seat's name are the scenario's)
    const skip = [".topbar .title", ".topbar .phases", ".topbar .seat strong"];
    expect(await unmarkedText(page, ".topbar", skip)).toEqual([]);
    await play(page, ctl, [[{ type: "exercise.end", reason: "the check is done" }, /⟦The exercise has ended/]]);
    const drawn = await drawnOn(page);
    expect(drawn.some((t) => t.includes("⟦TRUST⟧"))).toBe(true);
    expect(unmarkedDrawn(drawn, scenarioWords(ctl))).toEqual([]);
  });

  it("a French team member reads the board in French, an Arabic one in Arabic, right to left", async () => {
    const ex: Created = await createExercise(rig.srv.url, "tutorial", "board-languages");
    const ctl = await rig.join(ex, ex.codes.facilitator, "Control");
    const fr = await browserIn("fr-FR");
    const ar = await browserIn("ar-EG");
    await joinBoard(fr, `${rig.srv.url}/join`, ex.codes.teams.borealis!, "Amélie");
    await joinBoard(ar, `${rig.srv.url}/join`, ex.codes.teams.borealis!, "ليلى");
    await expect.poll(() => ar.evaluate(() => document.documentElement.dir)).toBe("rtl");
    for (const page of [fr, ar]) await expect.poll(() => drawnOn(page)).not.toEqual([]);
    // before the start: the board says it waits for control, in Arabic
    await expect
      .poll(async () => (await drawnOn(ar)).some((t) => t.includes("بانتظار أن تبدأ إدارة التمرين")))
      .toBe(true);
    await shot(ar, "61-board-ar-waiting");
    await ctl.command({ type: "exercise.start" });
    await play(fr, ctl, [[{ type: "escalation.adjust", delta: 20, reason: "a language test" }, /hausse de 20 /]]);
    const one = await ar.evaluate(() => new Intl.NumberFormat("ar").format(1));
    await expect.poll(() => ar.locator(".topbar").textContent()).toContain(`الجولة ${one} من`);
    await expect.poll(() => ar.locator(".board-overlays .sr-only[aria-live]").textContent()).toMatch(/ارتفاع بمقدار/);
    await boardSettled(ar);

    const frDrawn = await drawnOn(fr);
    for (const word of ["ESCALADE", "VOTRE ÉTAT", "PRESSION", "CONFIANCE", "OPÉRATIONNEL"])
      expect(
        frDrawn.some((t) => t.includes(word)),
        word,
      ).toBe(true);
    expect(await fr.locator(".topbar").textContent()).toContain("Tour 1 sur");
    await shot(fr, "61-board-fr");

    const arDrawn = await drawnOn(ar);
    for (const word of ["التصعيد", "دولتكم", "الضغط", "الثقة", "يعمل", "البنية التحتية الحيوية"])
      expect(
        arDrawn.some((t) => t.includes(word)),
        word,
      ).toBe(true);
    // no Arabic word is drawn a letter at a time (its letters would not join)
    expect(arDrawn.filter((t) => /^[\u0600-\u06ff]$/u.test(t))).toEqual([]);
    // the top bar mirrors: the turn sits right of the phases, the seat at the left end
    const turn = (await ar.locator(".topbar [aria-label='الجولة']").boundingBox())!;
    const seat = (await ar.locator(".topbar .seat").boundingBox())!;
    expect(seat.x).toBeLessThan(turn.x);
    await shot(ar, "61-board-ar");
    // the mirrored board takes clicks where it shows things: the newest inject's card, at the bottom right, opens it
    const board = (await ar.locator(".board canvas").first().boundingBox())!;
    await ar.mouse.click(board.x + board.width - 80, board.y + board.height - 30);
    await expect.poll(() => ar.locator("#tab-injects").getAttribute("aria-selected")).toBe("true");

    // the end: the outcome's banner heads the board
    await play(ar, ctl, [[{ type: "exercise.end", reason: "the check is done" }, /^انتهى التمرين/]]);
    await expect.poll(async () => (await drawnOn(ar)).some((t) => t.includes("أنهته إدارة التمرين"))).toBe(true);
    await shot(ar, "61-board-ar-ended");
  });
});
