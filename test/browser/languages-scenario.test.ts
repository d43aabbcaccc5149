// The scenario's own texts in each participant's language (headless Chromium at 1280×720): a French and an Arabic
// member of the same tutorial team read the briefing and an inject in their language, while the room's view and
// every other seat keep the scenario's English; the Arabic texts read right to left. The pseudo-locale finds no
// text outside the catalogues around them (the scenario's texts are the scenario's, not the interface's).
// Screenshots: 63-scenario-*.png
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { createExercise, Participant, startTestServer, type TestServer } from "../helpers/server.ts";
import { unmarkedText } from "../helpers/pseudo-scan.ts";
import { loadScenario } from "../helpers/scenarios.ts";

let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const people: Participant[] = [];
const tutorial = loadScenario("tutorial");

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
});
afterAll(async () => {
  for (const p of people) await p.leave();
  for (const ctx of contexts) await ctx.close();
  await browser?.close();
  await srv?.close();
});

async function browserIn(locale: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  return page;
}

async function joinAs(page: Page, url: string, code: string, name: string): Promise<void> {
  await page.goto(url);
  await page.locator("#code").fill(code);
  await page.locator("#name").fill(name);
  await page.locator("form button[type=submit]").click();
  await page.locator(".topbar").waitFor();
}

async function open(page: Page, id: string): Promise<void> {
  await page.locator(`#tab-${id}`).click();
  await expect.poll(() => page.locator(`#tab-${id}`).getAttribute("aria-selected")).toBe("true");
}

/** The text shown in the open side panel. */
const panelText = (page: Page) => page.locator("#tabpanel > :not([hidden])").first().textContent();

/** The direction the element whose text is exactly `text` is laid out in. */
const directionOf = (page: Page, text: string) =>
  page
    .getByText(text, { exact: true })
    .first()
    .evaluate((el) => getComputedStyle(el).direction);

/** Runs in the page: keeps every text ever added to it in window.seenTexts, however briefly it showed. */
function recordTexts(): void {
  const w = window as unknown as { seenTexts: string };
  w.seenTexts = "";
  new MutationObserver((changes) => {
    for (const c of changes) {
      for (const n of c.addedNodes) w.seenTexts += `${n.textContent ?? ""}\n`;
      if (c.type === "characterData") w.seenTexts += `${c.target.textContent ?? ""}\n`;
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

describe("the scenario in each participant's language", () => {
  it("a French and an Arabic teammate read the tutorial's briefing and an inject in their language", async () => {
    const ex = await createExercise(srv.url, "tutorial", "scenario-languages");
    const ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
    people.push(ctl);
    const fr = await browserIn("fr-FR");
    const ar = await browserIn("ar-EG");
    const en = await browserIn("en-US");
    for (const page of [fr, ar]) await page.addInitScript(recordTexts);
    await joinAs(fr, `${srv.url}/join`, ex.codes.teams.borealis!, "Amélie");
    await joinAs(ar, `${srv.url}/join`, ex.codes.teams.borealis!, "ليلى");
    await joinAs(en, `${srv.url}/join`, ex.codes.teams.borealis!, "Eve");
    await ctl.command({ type: "exercise.start" });
    const frTexts = tutorial.translations!.fr!;
    const arTexts = tutorial.translations!.ar!;

    await open(fr, "briefing");
    await expect.poll(() => panelText(fr)).toContain(frTexts["teams.borealis.briefing"]);
    await open(fr, "injects");
    await expect.poll(() => panelText(fr)).toContain(frTexts["injects.blackout.title"]);
    await expect.poll(() => panelText(fr)).toContain(frTexts["injects.blackout.body"]);
    await shot(fr, "63-scenario-fr-injects");

    await expect.poll(() => ar.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await open(ar, "briefing");
    await expect.poll(() => panelText(ar)).toContain(arTexts["teams.borealis.briefing"]);
    expect(await directionOf(ar, arTexts["teams.borealis.briefing"]!)).toBe("rtl");
    await shot(ar, "63-scenario-ar-briefing");
    await open(ar, "injects");
    await expect.poll(() => panelText(ar)).toContain(arTexts["injects.blackout.title"]);
    expect(await directionOf(ar, arTexts["injects.blackout.title"]!)).toBe("rtl");
    await shot(ar, "63-scenario-ar-injects");
    // nowhere on the page, not in a toast nor on the board, does the English text show first or stay
    for (const [page, title] of [
      [fr, frTexts.title],
      [ar, arTexts.title],
    ] as const) {
      const seen = await page.evaluate(() => (window as unknown as { seenTexts?: string }).seenTexts ?? "");
      const body = await page.locator("body").innerText();
      for (const english of ["Blackout in the Borealis capital", "Grid control malware", tutorial.teams[0]!.briefing]) {
        expect(seen).not.toContain(english);
        expect(body).not.toContain(english);
      }
      await expect.poll(() => page.locator(".topbar").innerText()).toContain(title);
    }

    // the English teammate, and the room's own view, keep the scenario's English
    await open(en, "injects");
    await expect.poll(() => panelText(en)).toContain("Blackout in the Borealis capital");
    expect(await panelText(en)).not.toContain(frTexts["injects.blackout.title"]);
    expect(ctl.view.injects.find((i) => i.id === "blackout")?.title).toBe("Blackout in the Borealis capital");

    // an inject released later arrives in each reader's language
    await ctl.command({ type: "phase.advance" });
    await expect.poll(() => panelText(fr)).toContain(frTexts["injects.lantern-offer.title"]);
    await expect.poll(() => panelText(ar)).toContain(arTexts["injects.lantern-offer.title"]);

    // the replay, built in the browser from the recording, reads the scenario in its reader's language too:
    // here a French facilitator's (replaying from the server takes control's code)
    await fr.evaluate(
      ([roomId, code]) =>
        localStorage.setItem(
          "deconflict:seats",
          JSON.stringify([
            { roomId, code, name: "Claire", title: "t", role: "facilitator", seatName: "Control", savedAt: Date.now() },
          ]),
        ),
      [ex.roomId, ex.codes.facilitator] as const,
    );
    await fr.goto(`${srv.url}/replay/${ex.roomId}?step=999`);
    await fr.locator(".replay[data-board=ready]").waitFor();
    // the board and the side panel (the curve's markers and the header are the replay's own, still English)
    const replayed = async () =>
      `${await fr.locator(".replay-side").textContent()}\n${await fr.locator("#replay-board-text").textContent()}`;
    await expect.poll(replayed).toContain(frTexts["injects.lantern-offer.title"]);
    await expect.poll(replayed).toContain(frTexts["teams.borealis.sectors.energy.name"]);
    expect(await replayed()).not.toContain("The Lantern Foundation offers verification");
    await shot(fr, "63-scenario-fr-replay");
  });

  it("the pseudo-locale finds no text outside the catalogues around the scenario's texts", async () => {
    const ex = await createExercise(srv.url, "tutorial", "scenario-qps");
    const ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
    people.push(ctl);
    const page = await browserIn("en-US");
    await joinAs(page, `${srv.url}/join?lang=qps`, ex.codes.teams.borealis!, "Quinn");
    await ctl.command({ type: "exercise.start" });
    // the scenario has no pseudo-locale texts: its own (English) texts show, read in their own direction
    const scenarioTexts = ["[dir=auto]", ".channel-label"];
    await open(page, "briefing");
    await expect.poll(() => panelText(page)).toContain(tutorial.teams[0]!.briefing);
    expect(await unmarkedText(page, "#tabpanel", scenarioTexts)).toEqual([]);
    await open(page, "injects");
    await expect.poll(() => panelText(page)).toContain("Blackout in the Borealis capital");
    expect(await unmarkedText(page, "#tabpanel", scenarioTexts)).toEqual([]);
  });
});
