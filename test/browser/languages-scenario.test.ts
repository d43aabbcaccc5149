// The scenario's own texts in each participant's language (headless Chromium at 1280×720): a French and an Arabic
// member of the same tutorial team read the briefing and an inject in their language, while the room's view and
// every other seat keep the scenario's English; the Arabic texts read right to left. The pseudo-locale finds no
// text outside the catalogues around them (the scenario's texts are the scenario's, not the interface's).
// Screenshots: 63-scenario-*.png
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { shot } from "../helpers/browser.ts";
import { createExercise } from "../helpers/server.ts";
import { unmarkedText } from "../helpers/pseudo-scan.ts";
import { languageRig, joinAs, openTab } from "../helpers/language-rig.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const rig = languageRig();
const tutorial = loadScenario("tutorial");

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
    const ex = await createExercise(rig.srv.url, "tutorial", "scenario-languages");
    const ctl = await rig.join(ex, ex.codes.facilitator, "Control");
    const fr = await rig.browserIn("fr-FR");
    const ar = await rig.browserIn("ar-EG");
    const en = await rig.browserIn("en-US");
    for (const page of [fr, ar]) await page.addInitScript(recordTexts);
    await joinAs(fr, `${rig.srv.url}/join`, ex.codes.teams.borealis!, "Amélie");
    await joinAs(ar, `${rig.srv.url}/join`, ex.codes.teams.borealis!, "ليلى");
    await joinAs(en, `${rig.srv.url}/join`, ex.codes.teams.borealis!, "Eve");
    await ctl.command({ type: "exercise.start" });
    const frTexts = tutorial.translations!.fr!;
    const arTexts = tutorial.translations!.ar!;

    await openTab(fr, "briefing");
    await expect.poll(() => panelText(fr)).toContain(frTexts["teams.borealis.briefing"]);
    await openTab(fr, "injects");
    await expect.poll(() => panelText(fr)).toContain(frTexts["injects.blackout.title"]);
    await expect.poll(() => panelText(fr)).toContain(frTexts["injects.blackout.body"]);
    await shot(fr, "63-scenario-fr-injects");

    await expect.poll(() => ar.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await openTab(ar, "briefing");
    await expect.poll(() => panelText(ar)).toContain(arTexts["teams.borealis.briefing"]);
    expect(await directionOf(ar, arTexts["teams.borealis.briefing"]!)).toBe("rtl");
    await shot(ar, "63-scenario-ar-briefing");
    await openTab(ar, "injects");
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
    await openTab(en, "injects");
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
    await fr.goto(`${rig.srv.url}/replay/${ex.roomId}?step=999`);
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
    const ex = await createExercise(rig.srv.url, "tutorial", "scenario-qps");
    const ctl = await rig.join(ex, ex.codes.facilitator, "Control");
    const page = await rig.browserIn("en-US");
    await joinAs(page, `${rig.srv.url}/join?lang=qps`, ex.codes.teams.borealis!, "Quinn");
    await ctl.command({ type: "exercise.start" });
    // the scenario has no pseudo-locale texts: its own (English) texts show, read in their own direction
    const scenarioTexts = ["[dir=auto]", ".channel-label"];
    await openTab(page, "briefing");
    await expect.poll(() => panelText(page)).toContain(tutorial.teams[0]!.briefing);
    expect(await unmarkedText(page, "#tabpanel", scenarioTexts)).toEqual([]);
    await openTab(page, "injects");
    await expect.poll(() => panelText(page)).toContain("Blackout in the Borealis capital");
    expect(await unmarkedText(page, "#tabpanel", scenarioTexts)).toEqual([]);
  });
});
