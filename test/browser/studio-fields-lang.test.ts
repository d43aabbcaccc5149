// The studio's forms in the designer's language: a French designer reads the Injects tab's labels, help texts
// and kinds in French and a field's errors in French (zod's own, the schema's own and a cross-check's messages); an Arabic designer
// reads them right to left; in the pseudo-locale every visible word of the editor comes from a catalogue except
// the scenario's own texts. Screenshots: studio-fields-fr-1280x720.png, studio-fields-ar-1280x720.png,
// studio-fields-ar-actions-1280x720.png.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { unmarkedText } from "../helpers/pseudo-scan.ts";
import { createTranslator } from "../../shared/i18n/index.ts";
import { loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";

loadCataloguesFromDisk();
const fr = createTranslator("fr");
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

async function designer(lang: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  await page.goto(`${srv.url}/studio?lang=${lang}`);
  await page.locator("#studio-blank-id").fill(`drill-${lang}`);
  await page.locator("#studio-blank-id").press("Enter");
  await page.locator(".studio-form").waitFor();
  return page;
}

/** Adds an inject in the Injects tab (its button is the tab's last "add" one) and opens it. */
async function addInject(page: Page, tab: string): Promise<void> {
  await page
    .locator(".studio-form")
    .getByRole("tab", { name: new RegExp(`^${tab}`) })
    .click();
  await page.locator('[data-section="injects"] [data-path="injects"] > .sf-add').click();
  await page.locator("#sf-injects-0-title").waitFor();
}

const errorsAt = (p: Page, path: string) => p.locator(`[data-path="${path}"] > .sf-errors`).textContent();
const labelOf = (p: Page, id: string) => p.locator(`label[for="${id}"]`).first().textContent();

describe("the studio's forms in the designer's language", () => {
  it("a French designer reads the Injects tab's labels, help and kinds, and a field's errors, in French", async () => {
    const p = await designer("fr");
    await expect.poll(() => p.locator(".studio-state").textContent()).toBe(fr.t("studio.valid"));
    await addInject(p, fr.t("studio.tab.injects"));

    expect(await labelOf(p, "sf-injects-0-title")).toContain(fr.t("studio-fields.injects.title.label"));
    expect(await labelOf(p, "sf-injects-0-title")).toContain("Titre");
    expect(await labelOf(p, "sf-injects-0-chance")).toContain("Probabilité");
    expect(await p.locator("#sf-injects-0-chance-desc").textContent()).toBe(fr.t("studio-fields.injects.chance.help"));
    expect(await p.locator("#sf-injects-0-chance-desc").textContent()).toMatch(/^à l’échéance, diffusé/);
    const inject = p.locator('details[data-path="injects.0"]');
    await expect.poll(() => inject.getByRole("button", { name: "+ Ajouter Déclencheur" }).count()).toBe(1);
    expect(await inject.locator('[data-path="injects.0.audience"] > legend').textContent()).toBe("Destinataires");

    // the schema's own message, worded in French at the field
    await expect
      .poll(() => inject.locator(".sf-errors").first().textContent())
      .toContain(fr.t("studio-fields.issue.at-or-when"));
    await p.locator("#sf-injects-0-title").fill("");
    await expect.poll(() => errorsAt(p, "injects.0.title")).toBe(fr.t("studio-fields.issue.non-empty-text"));
    // zod's own message, from zod's French locale
    await inject.locator('[data-path="injects.0.audience"]').getByLabel("all", { exact: true }).uncheck();
    await expect.poll(() => errorsAt(p, "injects.0.audience")).toContain("Trop petit");
    // the issues list names the field by its French words
    await p
      .locator(".studio-side")
      .getByRole("tab", { name: new RegExp(`^${fr.t("studio.side.issues")}`) })
      .click();
    await expect
      .poll(() => p.locator('[data-issue="injects.0.title"] .sf-issue-where').textContent())
      .toBe("Injects › 1 › Titre");

    // a trigger: its kinds are named in French
    await inject.getByRole("button", { name: "+ Ajouter Déclencheur" }).click();
    const kinds = await p.locator('select[data-union="injects.0.when"] option').allTextContents();
    expect(kinds).toContain(fr.t("studio-fields.kind.sector-down"));
    expect(kinds).toContain("attribution erronée");
    expect(kinds).not.toContain("misattribution");
    await p.locator("#sf-injects-0-title").fill("Les grues du port s’arrêtent");
    await expect.poll(() => errorsAt(p, "injects.0.title")).toBe("");
    // a cross-check's message, worded from its key: a schedule naming a phase the scenario lacks
    await inject.locator('[data-path="injects.0.audience"]').getByLabel("state-a", { exact: true }).check();
    await p.locator("#sf-injects-0-body").fill("Toutes les grues se sont figées à 6 h.");
    await inject.getByRole("button", { name: "+ Ajouter Diffusion programmée" }).click();
    await p.locator("#sf-injects-0-at-phase").fill("dejeuner");
    await expect.poll(() => errorsAt(p, "injects.0.at.phase")).toMatch(/^phase inconnue « dejeuner » \(phases : /);
    await p.locator('[data-path="injects.0.when"]').scrollIntoViewIfNeeded();
    await shot(p, "studio-fields-fr-1280x720");
  });

  it("a French designer's file that is not a scenario lists its issues in French", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(ctx);
    const p = await ctx.newPage();
    await p.goto(`${srv.url}/studio?lang=fr`);
    await p.locator("#studio-file").setInputFiles({
      name: "brouillon.yaml",
      mimeType: "application/yaml",
      buffer: Buffer.from("formatVersion: 1\nid: Mauvais Id\nturns: 0\n"),
    });
    const list = p.locator("#studio-file ~ div");
    await expect.poll(() => list.textContent()).toContain(fr.t("studio-fields.issue.id"));
    expect(await list.textContent()).toContain("Trop petit");
    expect(await list.textContent()).not.toContain("Too small");
  });

  it("an Arabic designer reads them right to left", async () => {
    const p = await designer("ar");
    expect(await p.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await addInject(p, ar.t("studio.tab.injects"));
    expect(await labelOf(p, "sf-injects-0-title")).toContain("العنوان");
    expect(await p.locator("#sf-injects-0-chance-desc").textContent()).toBe(ar.t("studio-fields.injects.chance.help"));
    await p.locator("#sf-injects-0-title").fill("");
    await expect.poll(() => errorsAt(p, "injects.0.title")).toBe(ar.t("studio-fields.issue.non-empty-text"));
    // the help sits on the start side (the right) of its field
    const box = await p.locator("#sf-injects-0-chance-desc").boundingBox();
    const field = await p.locator('[data-path="injects.0.chance"]').boundingBox();
    expect(box && field && Math.abs(box.x + box.width - (field.x + field.width))).toBeLessThan(24);
    await p.locator("#sf-injects-0-title").fill("توقف رافعات الميناء");
    await expect.poll(() => errorsAt(p, "injects.0.title")).toBe("");
    await shot(p, "studio-fields-ar-1280x720");
    // an action's fields and its effects' kinds, right to left
    await p
      .locator(".studio-form")
      .getByRole("tab", { name: new RegExp(`^${ar.t("studio.tab.actions")}`) })
      .click();
    await p.locator('details[data-path="actions.0"] > summary .sf-item-title').click();
    await p.locator("#sf-actions-0-severity").waitFor();
    expect(await p.locator("#sf-actions-0-severity-desc").textContent()).toBe(
      ar.t("studio-fields.actions.severity.help"),
    );
    await shot(p, "studio-fields-ar-actions-1280x720");
  });

  it("in the pseudo-locale, every word of the editor's tabs comes from a catalogue but the scenario's own", async () => {
    const p = await designer("qps");
    await addInject(p, "⟦Injects⟧");
    await p.locator('details[data-path="injects.0"] [data-path="injects.0.when"] > .sf-add').click();
    const tabs = p.locator(".studio-form [role=tab]");
    const found: string[] = [];
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      // every collapsed item opened, so its fields are drawn and scanned
      await p.evaluate(() => {
        for (let round = 0; round < 6; round++)
          for (const d of document.querySelectorAll<HTMLDetailsElement>(".studio-section:not([hidden]) details")) {
            if (d.open) continue;
            d.open = true;
            d.dispatchEvent(new Event("toggle"));
          }
      });
      // the scenario's own texts (item titles, ids to tick) and the file's values in selects are not the interface's
      found.push(...(await unmarkedText(p, ".studio-section:not([hidden])", [".sf-item-title", ".sf-choice span"])));
    }
    expect(found).toEqual([]);
  });
});
