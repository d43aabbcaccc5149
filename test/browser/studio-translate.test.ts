// The studio's translations side by side: a copy of the tutorial (en, fr, es, ar) shows each English text
// beside its French; a French text cleared is marked and counted missing and the validator says so, typed back
// it is whole again; the Arabic boxes read right to left. A copy of grid-intrusion (English only) gets French,
// its texts translated, and the saved scenario has them. An Arabic designer reads the editor in Arabic; in the
// pseudo-locale every word of it comes from a catalogue. Screenshots: studio-translate-{en,ar}-{1280x720,1920x1080}.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { unmarkedText } from "../helpers/pseudo-scan.ts";
import { loadScenario, rawScenario } from "../helpers/scenarios.ts";
import { scenarioTexts } from "../../shared/scenario/texts.ts";
import { createTranslator } from "../../shared/i18n/index.ts";
import { loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";

loadCataloguesFromDisk();
const en = createTranslator("en");
const ar = createTranslator("ar");

let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

/** A designer with the copy of a built-in open in the studio's Languages tab. */
async function languagesOf(id: string, lang = "en", width = 1280, height = 720): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  contexts.push(ctx);
  const p = await ctx.newPage();
  p.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  await p.goto(`${srv.url}/studio/${id}?lang=${lang}`);
  await p.locator(".studio-state").waitFor();
  await p.locator('.studio-form [role=tab][data-tab="languages"]').click();
  await p.locator(".st-editor").waitFor();
  return p;
}

const state = (p: Page) => p.locator(".studio-state").textContent();
const status = (p: Page) => p.locator(".st-status").textContent();
const visibleRows = (p: Page) => p.locator(".st-row:visible").count();

describe("the studio's translations side by side", () => {
  it("shows English beside French, counts a cleared text missing as the validator does, and Arabic reads right to left", async () => {
    const tutorial = loadScenario("tutorial");
    const texts = scenarioTexts(tutorial);
    const french = tutorial.translations!.fr!;
    const total = texts.size;
    const p = await languagesOf("tutorial");
    await expect.poll(() => state(p)).toBe("✓ Valid");

    // every text of the scenario is a row: the English on the start side, the French beside it
    expect(await p.locator(".st-row").count()).toBe(total);
    expect(await p.locator('.st-chip[aria-pressed="true"]').getAttribute("data-lang")).toBe("fr");
    const title = p.locator('.st-row[data-text="title"]');
    expect(await title.locator(".st-source").textContent()).toBe(texts.get("title"));
    expect(await p.locator("#sf-translations-fr-title").inputValue()).toBe(french.title);
    expect(await status(p)).toBe(en.t("studio-translate.missing-count", { language: "French (fr)", n: 0, total }));
    await shot(p, "studio-translate-en-1280x720");
    await p.setViewportSize({ width: 1920, height: 1080 });
    await shot(p, "studio-translate-en-1920x1080");

    // a French text cleared: marked, counted, and the validator's own issue appears
    await p.locator("#sf-translations-fr-title").fill("");
    await expect.poll(() => title.getAttribute("class")).toContain("st-missing");
    expect(await title.locator(".st-badge").textContent()).toBe("Missing");
    expect(await status(p)).toBe(en.t("studio-translate.missing-count", { language: "French (fr)", n: 1, total }));
    expect(await p.locator('.st-chip[data-lang="fr"] .st-chip-count').textContent()).toBe("1 missing");
    await expect.poll(() => state(p)).toBe("1 issue");
    await expect
      .poll(() => p.locator('[data-path="translations.fr"] > .sf-errors').textContent())
      .toBe('the fr text of "title" is missing');
    expect(await p.getByRole("button", { name: "Save version" }).isDisabled()).toBe(true);

    // "missing only" shows that one row; a search finds texts by their words
    await p.getByLabel("Missing only").check();
    await expect.poll(() => visibleRows(p)).toBe(1);
    await p.getByLabel("Missing only").uncheck();
    const word = texts.get("title")!.split(" ")[0]!;
    await p.getByLabel("Search").fill(word);
    await expect.poll(() => visibleRows(p)).toBeLessThan(total);
    for (const row of await p.locator(".st-row:visible").all()) {
      const shown = `${await row.textContent()} ${await row.locator("input, textarea").inputValue()}`;
      expect(shown.toLowerCase()).toContain(word.toLowerCase());
    }
    await p.getByLabel("Search").fill("");

    // typed back: whole again
    await p.locator("#sf-translations-fr-title").fill(french.title!);
    await expect.poll(() => state(p)).toBe("✓ Valid");
    expect(await title.getAttribute("class")).not.toContain("st-missing");
    expect(await status(p)).toBe(en.t("studio-translate.missing-count", { language: "French (fr)", n: 0, total }));

    // Arabic: its boxes are Arabic, right to left
    await p.getByRole("button", { name: /^Arabic \(ar\)/ }).click();
    const box = p.locator("#sf-translations-ar-title");
    expect(await box.inputValue()).toBe(tutorial.translations!.ar!.title);
    expect(await box.getAttribute("lang")).toBe("ar");
    expect(await box.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    expect(
      await p
        .locator(".st-row")
        .first()
        .locator(".st-source")
        .evaluate((el) => (el as HTMLElement).lang),
    ).toBe("en");

    // an Arabic text missing while the French is shown: the Arabic chip is marked and counts it
    await box.fill("");
    await p.getByRole("button", { name: /^French \(fr\)/ }).click();
    const arChip = p.locator('.st-chip[data-lang="ar"]');
    await expect.poll(() => arChip.getAttribute("class")).toContain("sf-has-error");
    expect(await arChip.locator(".st-chip-count").textContent()).toBe("1 missing");
    expect(await p.locator('.st-chip[data-lang="fr"]').getAttribute("class")).not.toContain("sf-has-error");

    // the English changed in another tab: the row shows it when the Languages tab is back
    await p.locator('.studio-form [role=tab][data-tab="overview"]').click();
    await p.locator("#sf-title").fill("First Light, revised");
    await p.locator('.studio-form [role=tab][data-tab="languages"]').click();
    await expect.poll(() => title.locator(".st-source").textContent()).toBe("First Light, revised");
    expect(await p.locator("#sf-translations-fr-title").inputValue()).toBe(french.title);
  });

  it("adds French to an English-only scenario, translates it, saves, and the saved scenario has it", async () => {
    const p = await languagesOf("grid-intrusion");
    await expect.poll(() => state(p)).toBe("✓ Valid");
    expect(await p.locator(".st-alone").textContent()).toBe(en.t("studio-translate.no-target"));
    const total = scenarioTexts(loadScenario("grid-intrusion")).size;

    await p.getByLabel("Add a language (code)").fill("FR ");
    await p.getByRole("button", { name: "+ Add language" }).click();
    // every text is missing in the new column, and the validator counts the same
    await expect
      .poll(() => status(p))
      .toBe(en.t("studio-translate.missing-count", { language: "French (fr)", n: total, total }));
    expect(await p.locator(".st-row.st-missing").count()).toBe(total);
    await expect.poll(() => state(p)).toBe(`${total} issues`);
    // a code already listed is refused, in words
    await p.getByLabel("Add a language (code)").fill("fr");
    await p.getByRole("button", { name: "+ Add language" }).click();
    expect(await p.locator(".st-add-error").textContent()).toBe(
      en.t("studio-translate.add-listed", { language: "French (fr)" }),
    );

    const titleFr = "Intrusion dans le réseau électrique";
    await p.locator("#sf-translations-fr-title").fill(titleFr);
    await expect.poll(() => state(p)).toBe(`${total - 1} issues`);
    // the rest, each box typed into as a designer would
    await p.evaluate(() => {
      for (const box of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        ".st-row.st-missing .st-target > *",
      )) {
        const source = box.closest("tr")!.querySelector(".st-source")!.textContent;
        box.value = `[fr] ${source}`;
        box.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
    await expect.poll(() => state(p)).toBe("✓ Valid");
    expect(await status(p)).toBe(en.t("studio-translate.missing-count", { language: "French (fr)", n: 0, total }));
    await p.getByRole("button", { name: "Save version" }).click();
    await expect
      .poll(() => p.locator(".studio-message").textContent())
      .toContain("Saved as version 1 of grid-intrusion-copy");

    const got = (await (await fetch(`${srv.url}/api/studio/scenarios/grid-intrusion-copy`)).json()) as {
      scenario: { languages: string[]; translations: Record<string, Record<string, string>> };
    };
    expect(got.scenario.languages).toEqual(["en", "fr"]);
    expect(got.scenario.translations.fr!.title).toBe(titleFr);
    expect(Object.keys(got.scenario.translations.fr!).length).toBe(total);
    expect(rawScenario("grid-intrusion").languages).toBeUndefined();

    // removing a language asks first; cancelled, nothing changes; confirmed, the column goes
    await p.getByRole("button", { name: "Remove French (fr)…" }).click();
    const dialog = p.getByRole("dialog", { name: "Remove French (fr)?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await p.locator(".st-row").count()).toBe(total);
    await p.getByRole("button", { name: "Remove French (fr)…" }).click();
    await dialog.getByRole("button", { name: "Remove the language" }).click();
    await expect.poll(() => p.locator(".st-alone").count()).toBe(1);
    await expect.poll(() => state(p)).toBe("✓ Valid");
  });

  it("reads in Arabic for an Arabic designer, right to left", async () => {
    const p = await languagesOf("tutorial", "ar");
    expect(await p.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await p.locator(".st-editor h3").textContent()).toBe(ar.t("studio-translate.heading"));
    expect(await p.getByLabel(ar.t("studio-translate.missing-only")).count()).toBe(1);
    // the French box stays left to right inside the Arabic page; the Arabic one right to left
    expect(await p.locator("#sf-translations-fr-title").evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
    const table = p.locator(".st-table");
    const [first, last] = await table.evaluate((t) => {
      const cells = [...t.querySelectorAll("thead th")].map((c) => c.getBoundingClientRect().left);
      return [cells[0]!, cells[2]!];
    });
    // the path column is on the start side: the right, in Arabic
    expect(first).toBeGreaterThan(last);
    await shot(p, "studio-translate-ar-1280x720");
    await p.locator(".st-chip").last().click();
    await p.locator("#sf-translations-ar-title").fill("");
    await expect.poll(() => p.locator(".st-row.st-missing").count()).toBe(1);
    await expect.poll(() => state(p)).toBe(ar.t("studio.issues.summary", { n: 1 }));
    await p.setViewportSize({ width: 1920, height: 1080 });
    await shot(p, "studio-translate-ar-1920x1080");

    const fr = await languagesOf("tutorial", "fr");
    await shot(fr, "studio-translate-fr-1280x720");
  });

  it("takes every visible word of the editor from a catalogue (pseudo-locale)", async () => {
    const p = await languagesOf("tutorial", "qps");
    await p.locator("#sf-translations-fr-title").fill("");
    await p.locator(".st-row.st-missing").waitFor();
    await p.locator("#sf-translations-new-key").fill("x");
    await p.locator(".st-add .sf-add").click();
    await p.locator(".st-add-error").waitFor();
    // the validator's languages checks stay English (docs/i18n.md); every other word is marked
    expect(await unmarkedText(p, '[data-section="languages"]', [".sf-errors"])).toEqual([]);
    await p.locator(".st-remove").click();
    await p.locator(".app-dialog").waitFor();
    expect(await unmarkedText(p, ".app-dialog")).toEqual([]);
  });
});
