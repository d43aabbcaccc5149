// Each participant in their own language (headless Chromium, separate contexts): a French and an Arabic member of
// the same tutorial team see the join page and a refusal in their language; the Arabic page reads right to left.
// The pseudo-locale finds no visible text outside the catalogues on the join page. Screenshots: 60-*.png
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { shot } from "../helpers/browser.ts";
import { createExercise, type Created } from "../helpers/server.ts";
import { unmarkedText } from "../helpers/pseudo-scan.ts";
import { languageRig } from "../helpers/language-rig.ts";

const rig = languageRig();
let ex: Created;
beforeAll(async () => {
  ex = await createExercise(rig.srv.url, "tutorial", "languages");
});

const WRONG_CODE = "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ";

/** Where the text of the first element matching `selector` is drawn (not its box, which spans the line). */
async function textBox(page: Page, selector: string): Promise<{ left: number; right: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right };
    });
}

/** Types a code and a name and presses the page's own submit button, as a person does. */
async function tryToJoin(page: Page, code: string, name: string, nameLabel: string, submit: string): Promise<void> {
  await page.locator("#code").fill(code);
  await page.getByLabel(nameLabel).fill(name);
  await page.getByRole("button", { name: submit }).click();
}

describe("languages", () => {
  it("a French and an Arabic teammate each read the join page and a refusal in their own language", async () => {
    const team = ex.codes.teams.borealis!;

    // French: the browser's own preference chooses
    const fr = await rig.browserIn("fr-FR");
    await fr.goto(`${rig.srv.url}/join`);
    await expect
      .poll(() => fr.evaluate(() => [document.documentElement.lang, document.documentElement.dir]))
      .toEqual(["fr", "ltr"]);
    await expect(fr.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Rejoindre un exercice");
    await tryToJoin(fr, WRONG_CODE, "Amélie", "Votre nom", "Entrer dans l’exercice");
    await expect
      .poll(() => fr.getByRole("alert").textContent())
      .toBe("Aucun exercice de ce serveur n’a ce code d’accès. Vérifiez le code auprès de votre animateur.");
    await shot(fr, "60-join-fr-refusal");

    // Arabic: this browser prefers English; the participant picks العربية in the picker
    const ar = await rig.browserIn("en-US");
    await ar.goto(`${rig.srv.url}/join`);
    await expect(ar.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Join an exercise");
    await ar.getByLabel("Language").selectOption("ar");
    await expect
      .poll(() => ar.evaluate(() => [document.documentElement.lang, document.documentElement.dir]))
      .toEqual(["ar", "rtl"]);
    await expect(ar.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("الانضمام إلى تمرين");
    await tryToJoin(ar, WRONG_CODE, "ليلى", "اسمك", "دخول التمرين");
    await expect
      .poll(() => ar.getByRole("alert").textContent())
      .toBe("لا يوجد على هذا الخادم تمرين بهذا الرمز. تحقّق من الرمز مع الميسّر.");
    // mirrored: the heading and the labels start at the right, the logo sits at the right of the header
    const form = (await ar.locator("form").boundingBox())!;
    for (const selector of ["h1", "label[for=name]", "p.dim"]) {
      const text = await textBox(ar, selector);
      expect(form.x + form.width - text.right, selector).toBeLessThan(40);
      expect(text.left - form.x, selector).toBeGreaterThan(100);
    }
    expect((await ar.locator(".brand").boundingBox())!.x).toBeGreaterThan(640);
    await shot(ar, "60-join-ar-refusal");

    // the choice is this browser's alone, and remembered: the French page stays French
    await ar.reload();
    await expect(ar.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("الانضمام إلى تمرين");
    await expect(fr.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Rejoindre un exercice");

    // both join the same team with the right code
    for (const [page, name, label, submit] of [
      [fr, "Amélie", "Votre nom", "Entrer dans l’exercice"],
      [ar, "ليلى", "اسمك", "دخول التمرين"],
    ] as const) {
      await tryToJoin(page, team, name, label, submit);
      await page.waitForURL(/\/exercise\//);
    }
    await expect.poll(() => ar.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expect.poll(() => fr.evaluate(() => document.documentElement.lang)).toBe("fr");
  });

  it("?lang= overrides the browser's preference, and the lobby speaks the chosen language", async () => {
    const page = await rig.browserIn("fr-FR");
    await page.goto(`${rig.srv.url}/?lang=es`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Dirigir un ejercicio");
    await expect.poll(() => page.locator("[data-scenario=tutorial] small").textContent()).toMatch(/^4 turnos · /);
    await page.locator("[data-scenario=tutorial]").click();
    await page.locator("#ex-cells").fill("3");
    await expect
      .poll(() => page.locator("form[aria-label='Crear un ejercicio'] button.primary").textContent())
      .toBe("Crear 3 células");
  });

  it("the lobby mirrors in Arabic, with Arabic plurals", async () => {
    const page = await rig.browserIn("ar-EG");
    await page.goto(`${rig.srv.url}/`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    const four = await page.evaluate(() => new Intl.NumberFormat("ar").format(4));
    await expect.poll(() => page.locator("[data-scenario=tutorial] small").textContent()).toMatch(`${four} جولات · `);
    await shot(page, "60-lobby-ar");
    await page.locator("[data-scenario=tutorial]").click();
    await page.locator("#ex-cells").fill("2");
    await expect
      .poll(() => page.locator("form[aria-label='إنشاء تمرين'] button.primary").textContent())
      .toBe("إنشاء خليتين");
    const h1 = await textBox(page, "h1");
    expect(h1.right).toBeGreaterThan(1000);
    await shot(page, "60-lobby-ar-setup");
  });

  it("the pseudo-locale finds no visible text outside the catalogues on the join page and the lobby's own parts", async () => {
    const page = await rig.browserIn("en-US");
    await page.goto(`${rig.srv.url}/join?lang=qps`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("⟦Join an exercise⟧");
    expect(await unmarkedText(page, "main")).toEqual([]);
    // a name of spaces passes the browser's own check; the page's check words it
    await page.locator("#code").fill(WRONG_CODE);
    await page.locator("#name").fill("   ");
    await page.getByRole("button", { name: "⟦Enter the exercise⟧" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("⟦Enter your name first.⟧");

    await page.goto(`${rig.srv.url}/?lang=qps`);
    await expect.poll(() => page.locator("[data-lab]").count()).toBeGreaterThan(0);
    // lobby.ts's own parts: the header, the join card, the headings, the set-up form without the bots' choice
    const own = [
      "header",
      "h1",
      "h2",
      "form[aria-label='⟦Join an exercise⟧']",
      ".scenario-lab",
      ".scenario-card small",
    ];
    // the self-paced card and the bots' choice have their own scan (languages-pages.test.ts)
    expect(await unmarkedText(page, own.join(", "))).toEqual([]);
    // a language picked here is remembered; the pseudo-locale is not
    await page.goto(`${rig.srv.url}/join`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Join an exercise");
  });
});
