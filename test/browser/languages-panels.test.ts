// The exercise's side panels in each participant's language (headless Chromium at 1280×720): the pseudo-locale
// finds no text outside the catalogues in a team member's panels (briefing, injects, hotline, chat, orders, log)
// nor in the turn summary; a French member reads the orders in French, an Arabic one the panels in Arabic,
// right to left. Scenario texts and typed words (dir="auto") and engine sentences are not the panels' words.
// Screenshots: 62-panels-*.png
import { describe, expect, it } from "vitest";
import { shot } from "../helpers/browser.ts";
import { createExercise } from "../helpers/server.ts";
import { unmarkedText } from "../helpers/pseudo-scan.ts";
import { languageRig, joinAs, openTab } from "../helpers/language-rig.ts";

const rig = languageRig();

// not the panels' words: scenario texts and names people typed read in their own direction (dir="auto"),
// the channel's name and engine sentences come from shared/words, the log's lines are engine sentences
const NOT_PANELS = ["[dir=auto]", ".channel-label", "#tabpanel ol.plain-list"];

describe("the panels in each language", () => {
  it("the pseudo-locale finds no text outside the catalogues in a team member's panels", async () => {
    const ex = await createExercise(rig.srv.url, "tutorial", "panels-qps");
    const ctl = await rig.join(ex, ex.codes.facilitator, "Control");
    const austral = await rig.join(ex, ex.codes.teams.austral!, "Ana");
    const page = await rig.browserIn("en-US");
    await joinAs(page, `${rig.srv.url}/join?lang=qps`, ex.codes.teams.borealis!, "Quinn");
    await ctl.command({ type: "exercise.start" });
    await ctl.command({ type: "phase.advance" });
    await austral.command({ type: "hotline.send", to: "borealis", kind: "confirm", text: "Did you see this?" });

    const scan = (scope = "#tabpanel", skip: string[] = []) => unmarkedText(page, scope, [...NOT_PANELS, ...skip]);
    await openTab(page, "briefing");
    expect(await scan()).toEqual([]);
    await openTab(page, "injects");
    await page.locator("#tabpanel article.channel").first().waitFor();
    expect(await scan()).toEqual([]);
    await openTab(page, "hotline");
    await page.locator("#tabpanel .message").first().waitFor();
    expect(await scan("#tabpanel", ["#hotline-incident option"])).toEqual([]);
    await openTab(page, "chat");
    expect(await scan()).toEqual([]);
    await openTab(page, "orders");
    await page.locator("#tabpanel button[aria-label^='⟦Add']").first().click();
    await page.locator("#tabpanel [data-action]").first().waitFor();
    // the options of a target are the scenario's states
    expect(await scan("#tabpanel", ["[data-action] option:not([value=''])"])).toEqual([]);
    await ctl.command({ type: "phase.advance" });
    await page.getByRole("button", { name: "⟦Submit orders⟧" }).click();
    await page.locator("#tabpanel [aria-label='⟦Submitted orders⟧']").waitFor();
    expect(await scan("#tabpanel", ["[data-action] option:not([value=''])"])).toEqual([]);
    await openTab(page, "log");
    expect(await scan()).toEqual([]);
    // the agreements' choices name the scenario's states and measures
    await openTab(page, "agreements");
    expect(await scan("#tabpanel", ["#restraint-target option", "#cbm-choice option"])).toEqual([]);

    // the turn summary's own words; its causes are engine sentences, its states and sectors the scenario's
    await austral.command({ type: "orders.submit", actions: [] });
    await ctl.command({ type: "phase.advance" });
    await page.locator(".turn-results:not([hidden]) .ts-parts").waitFor();
    const summary = [".ts-causes li", ".ts-team h4", ".ts-team [data-sector] .ts-label"];
    expect(await unmarkedText(page, ".turn-results", [...NOT_PANELS, ...summary])).toEqual([]);
  });

  it("the pseudo-locale finds no text outside the catalogues in control's panels", async () => {
    const ex = await createExercise(rig.srv.url, "tutorial", "panels-control-qps");
    await rig.join(ex, ex.codes.teams.borealis!, "Bo");
    const page = await rig.browserIn("en-US");
    await joinAs(page, `${rig.srv.url}/join?lang=qps`, ex.codes.facilitator, "Quinn");
    // choices that list the scenario's states, sectors and channels, and the bots' policies (shared/words)
    const named = [
      "#set-team option",
      "#set-other option",
      "#set-sector option",
      "#set-suspect option:not([value=''], [value=none])",
      "#adhoc-team option",
      "#adhoc-sector option",
      "#adhoc-channel option",
      "[data-seat] option",
      "[data-bot]",
      ".msel-schedule",
    ];
    const scan = () => unmarkedText(page, "#tabpanel", [...NOT_PANELS, ...named]);
    await openTab(page, "control");
    await page.getByRole("button", { name: "⟦Start the exercise⟧" }).click();
    await page.locator("#tabpanel button.primary", { hasText: "⟦Advance to" }).waitFor();
    await page.locator("#esc-delta").fill("30");
    await page.locator("details", { hasText: "⟦What it does (optional)⟧" }).locator("summary").click();
    await expect.poll(() => page.locator("#esc-preview").textContent()).toMatch(/^⟦/);
    expect(await scan()).toEqual([]);
    for (const tab of ["teams", "msel"]) {
      await openTab(page, tab);
      expect(await scan(), tab).toEqual([]);
    }
    await openTab(page, "control");
    await page.locator("#review-mode").check();
    await expect.poll(() => page.locator("#tabpanel").textContent()).toContain("Bo");
    expect(await scan()).toEqual([]);
  });

  it("a French member reads the orders in French, an Arabic one the panels in Arabic, right to left", async () => {
    const ex = await createExercise(rig.srv.url, "tutorial", "panels-languages");
    const ctl = await rig.join(ex, ex.codes.facilitator, "Control");
    const austral = await rig.join(ex, ex.codes.teams.austral!, "Ana");
    const fr = await rig.browserIn("fr-FR");
    const ar = await rig.browserIn("ar-EG");
    await joinAs(fr, `${rig.srv.url}/join`, ex.codes.teams.borealis!, "Amélie");
    await joinAs(ar, `${rig.srv.url}/join`, ex.codes.teams.borealis!, "ليلى");
    await ctl.command({ type: "exercise.start" });
    await ctl.command({ type: "phase.advance" });
    await ctl.command({ type: "phase.advance" });
    await austral.command({
      type: "hotline.send",
      to: "borealis",
      kind: "notify",
      text: "We will patch our grid tonight.",
    });

    await openTab(fr, "orders");
    await expect.poll(() => fr.locator("#tabpanel > :not([hidden]) h3").first().textContent()).toBe("Ordres — tour 1");
    await fr.locator("#tabpanel button[aria-label^='Ajouter']").first().click();
    await fr.getByRole("button", { name: "Soumettre les ordres" }).waitFor();
    await expect.poll(() => fr.locator("#tabpanel > :not([hidden])").textContent()).toMatch(/ajouté par Amélie/);
    await shot(fr, "62-panels-fr-orders");
    await openTab(fr, "hotline");
    await expect.poll(() => fr.locator("#tabpanel .message .kind").first().textContent()).toBe("notifier");
    await expect
      .poll(() => fr.locator("#tabpanel .message .waiting").first().textContent())
      .toMatch(/^en attente depuis/);
    await shot(fr, "62-panels-fr-hotline");

    await expect.poll(() => ar.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await openTab(ar, "hotline");
    await expect.poll(() => ar.locator("#tabpanel > :not([hidden]) h3").first().textContent()).toBe("الخط الساخن");
    await expect.poll(() => ar.locator("#tabpanel .message .kind").first().textContent()).toBe("إخطار");
    await expect
      .poll(() => ar.locator("#tabpanel .message .waiting").first().textContent())
      .toMatch(/^في الانتظار منذ/);
    // mirrored: the heading starts at the panel's right edge
    const panel = (await ar.locator("#tabpanel").boundingBox())!;
    const heading = await ar
      .locator("#tabpanel > :not([hidden]) h3")
      .first()
      .evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
    expect(panel.x + panel.width - heading.right).toBeLessThan(40);
    expect(heading.left - panel.x).toBeGreaterThan(100);
    await shot(ar, "62-panels-ar-hotline");
    await openTab(ar, "orders");
    await expect.poll(() => ar.locator("#tabpanel > :not([hidden])").textContent()).toMatch(/أضافها Amélie/);
    await shot(ar, "62-panels-ar-orders");
    await openTab(ar, "briefing");
    await expect
      .poll(() => ar.locator("#tabpanel > :not([hidden]) h3").first().textContent())
      .toMatch(/^إحاطة سرّية — /);
    await shot(ar, "62-panels-ar-briefing");

    await austral.command({ type: "orders.submit", actions: [] });
    await openTab(ar, "orders");
    await ar.getByRole("button", { name: "تقديم الأوامر" }).click();
    await ar.locator("#tabpanel [aria-label='الأوامر المقدَّمة']").waitFor();
    await ctl.command({ type: "phase.advance" });
    await expect.poll(() => ar.locator(".turn-results h3").textContent()).toMatch(/^الجولة .+ — ما الذي تغيّر$/);
    await shot(ar, "62-panels-ar-summary");
    await expect.poll(() => fr.locator(".turn-results h3").textContent()).toBe("Tour 1 — ce qui a changé");
    await shot(fr, "62-panels-fr-summary");
  });

  it("control's console reads in Arabic, right to left", async () => {
    const ex = await createExercise(rig.srv.url, "tutorial", "panels-control-ar");
    const page = await rig.browserIn("ar-EG");
    await joinAs(page, `${rig.srv.url}/join`, ex.codes.facilitator, "سلمى");
    await openTab(page, "control");
    await page.getByRole("button", { name: "بدء التمرين" }).click();
    const advance = page.locator("#tabpanel button.primary", { hasText: "الانتقال إلى" });
    await expect.poll(() => advance.textContent()).toMatch(/^الانتقال إلى .+ \u200f←\u200f$/u);
    await page.locator("#esc-delta").fill("30");
    await expect.poll(() => page.locator("#esc-preview").textContent()).toMatch(/من الفشل$/);
    await shot(page, "62-panels-ar-control");
    await openTab(page, "msel");
    await expect
      .poll(() => page.locator("#tabpanel > :not([hidden]) h3").first().textContent())
      .toBe("القائمة الرئيسية لأحداث السيناريو");
    await shot(page, "62-panels-ar-msel");
  });
});
