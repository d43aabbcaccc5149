// The scenario studio in headless Chromium: a designer writes a new two-state scenario
// from blank in forms only (no JSON typed), sees a field's error appear and go, saves,
// saves again and restores the first version; the lobby offers it at once, and an
// exercise made from it plays a turn. Screenshots at 1280x720 and 1920x1080.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { SHOTS_DIR, launch, shot } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { stringify } from "yaml";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { blankScenario } from "../../shared/studio/blank.ts";

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

async function person(width = 1280, height = 720): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  return page;
}

const formTab = (p: Page, name: string) => p.locator(".studio-form").getByRole("tab", { name: new RegExp(`^${name}`) });
const sideTab = (p: Page, name: string) => p.locator(".studio-side").getByRole("tab", { name: new RegExp(`^${name}`) });
const errorsAt = (p: Page, path: string) => p.locator(`[data-path="${path}"] > .sf-errors`).textContent();
const message = (p: Page) => p.locator(".studio-message").textContent();

describe("the scenario studio", () => {
  it("writes a scenario from blank in forms, saves versions, restores one, and the lobby plays it", async () => {
    const designer = await person();
    await designer.goto(srv.url);
    await designer.locator("header [data-studio]").waitFor();
    await designer.locator("header").screenshot({ path: join(SHOTS_DIR, "studio-00-lobby-link.png") });
    await designer.getByRole("link", { name: "Scenario studio" }).click();
    await designer.locator('[data-studio-scenario="tutorial"]').waitFor();
    await shot(designer, "studio-01-start-1280x720");

    await designer.getByLabel("Scenario id (lowercase letters, digits and dashes)").fill("harbour-drill");
    await designer.getByRole("button", { name: "Start from blank" }).click();
    await expect.poll(() => designer.locator(".studio-state").textContent()).toBe("✓ Valid");
    await designer.locator("#sf-title").fill("Harbour Drill");

    // a field's error appears at the field as the designer empties it, and goes when fixed
    await formTab(designer, "Teams").click();
    await designer.locator('details[data-path="teams.0"] .sf-item-title').click();
    await designer.locator("#sf-teams-0-name").fill("");
    await expect.poll(() => errorsAt(designer, "teams.0.name")).toContain("a non-empty text");
    await expect.poll(() => designer.locator(".studio-state").textContent()).toBe("1 issue");
    expect(await designer.getByRole("button", { name: "Save version" }).isDisabled()).toBe(true);
    expect(await formTab(designer, "Teams").textContent()).toBe("Teams1");
    await shot(designer, "studio-02-field-error-1280x720");
    // the issues list jumps to the field
    await sideTab(designer, "Issues").click();
    await designer.locator('[data-issue="teams.0.name"]').click();
    await expect.poll(() => designer.evaluate(() => document.activeElement?.id)).toBe("sf-teams-0-name");
    await designer.locator("#sf-teams-0-name").fill("Harbour State");
    await expect.poll(() => errorsAt(designer, "teams.0.name")).toBe("");
    await expect.poll(() => designer.locator(".studio-state").textContent()).toBe("✓ Valid");

    // an inject, scheduled, through the forms
    await formTab(designer, "Injects").click();
    await designer.getByRole("button", { name: "+ Add to Injects" }).click();
    await designer.locator("#sf-injects-0-title").fill("Port cranes stop");
    await designer.locator("#sf-injects-0-body").fill("Every crane at the harbour froze at 06:00.");
    await expect
      .poll(() => designer.locator('[data-path="injects.0"] .sf-errors').first().textContent())
      .toContain('an inject needs "at" (scheduled) or "when" (triggered)');
    // the audience is ticked, not typed: Harbour State alone (none ticked is an error at the field)
    const audience = designer.locator('[data-path="injects.0.audience"]');
    await audience.getByLabel("all", { exact: true }).uncheck();
    await expect.poll(() => errorsAt(designer, "injects.0.audience")).toContain("Too small");
    await audience.getByLabel("state-a", { exact: true }).check();
    await expect.poll(() => errorsAt(designer, "injects.0.audience")).toBe("");
    await designer.getByRole("button", { name: "+ Add Scheduled release" }).click();
    await designer.locator("#sf-injects-0-at-phase").fill("briefing");
    await expect.poll(() => designer.locator(".studio-state").textContent()).toBe("✓ Valid");
    await shot(designer, "studio-03-injects-1280x720");

    // the preview: the board at the start and a team's briefing
    await sideTab(designer, "Preview").click();
    await designer.locator('.studio-board[data-board="ready"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => designer.locator(".studio-briefing").textContent()).toContain("Your private briefing");
    await shot(designer, "studio-04-preview-1280x720");

    // save, change, save again, restore the first
    await designer.locator("#studio-note").fill("first draft");
    await designer.getByRole("button", { name: "Save version" }).click();
    await expect.poll(() => message(designer)).toContain("Saved as version 1 of harbour-drill");
    expect(new URL(designer.url()).pathname).toBe("/studio/harbour-drill");
    await formTab(designer, "Overview").click();
    await designer.locator("#sf-title").fill("Harbour Drill, renamed");
    await designer.getByRole("button", { name: "Save version" }).click();
    await expect.poll(() => message(designer)).toContain("Saved as version 2");
    await sideTab(designer, "Versions").click();
    await designer.locator('[data-version="1"]').getByText("first draft").waitFor();
    await shot(designer, "studio-05-versions-1280x720");
    await designer.getByRole("button", { name: "Restore version 1" }).click();
    await expect
      .poll(() => designer.locator(".studio-versions + [role=status]").textContent())
      .toBe("Version 1 restored as version 3.");
    await expect.poll(() => designer.locator("#sf-title").inputValue()).toBe("Harbour Drill");
    await designer.locator('[data-version="3"]').waitFor();
    // the saved scenario as a YAML file to download, the restored title in it
    const [download] = await Promise.all([
      designer.waitForEvent("download"),
      designer.getByRole("button", { name: "Download YAML" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^harbour-drill.*\.yaml$/);
    const yamlText = readFileSync((await download.path())!, "utf8");
    expect(yamlText).toContain("title: Harbour Drill\n");
    expect(yamlText).toContain("Port cranes stop");

    // the lobby offers it at once; an exercise made from it plays a turn
    await designer.goto(srv.url);
    await designer.locator("[data-scenario=harbour-drill]").click();
    await designer.getByRole("button", { name: "Create exercise" }).click();
    await designer.locator(".code-table").waitFor();
    const link = (await designer.locator('tr[data-seat="Harbour State"] .link').textContent())!.replace(
      /^http:\/\/[^/]+/,
      srv.url,
    );
    await designer.getByRole("link", { name: /Open the control console/ }).click();
    await designer.getByRole("button", { name: "Start the exercise" }).click();

    const team = await person();
    await team.goto(link);
    await team.getByLabel("Your name").fill("Hana");
    await team.getByRole("button", { name: "Enter the exercise" }).click();
    await team.locator(".topbar").waitFor();
    await team.getByRole("tab", { name: /^Injects/ }).click();
    await expect.poll(() => team.locator("[role=feed]").textContent()).toContain("Port cranes stop");
    for (const next of ["Deliberation", "Decision"])
      await designer.getByRole("button", { name: new RegExp(`Advance to ${next}`) }).click();
    await team.getByRole("tab", { name: /^Orders/ }).click();
    await team.getByRole("button", { name: "Add Harden infrastructure to the draft" }).click();
    await team.getByRole("button", { name: "Submit orders" }).click();
    await designer.getByRole("button", { name: /Advance to Adjudication/ }).click();
    // State B has not submitted: control is asked first
    await designer.getByRole("dialog").getByRole("button", { name: "Advance to Adjudication" }).click();
    await expect.poll(() => team.locator(".turn-results").textContent()).toContain("Turn 1 — what changed");
  });

  it("looks right at 1920x1080: the start, the forms with an error, the preview", async () => {
    const p = await person(1920, 1080);
    await p.goto(`${srv.url}/studio`);
    await p.locator('[data-studio-scenario="grid-intrusion"]').waitFor();
    await shot(p, "studio-01-start-1920x1080");
    await p.locator('[data-studio-scenario="grid-intrusion"]').getByRole("button", { name: "Edit a copy" }).click();
    await expect.poll(() => p.locator(".studio-state").textContent()).toBe("✓ Valid");
    expect(await p.locator("#sf-id").inputValue()).toBe("grid-intrusion-copy");
    await formTab(p, "Injects").click();
    // a long list: each inject collapsed to its title and schedule, and a filter
    const injects = p.locator('[data-path="injects"] > details');
    expect(await injects.count()).toBeGreaterThan(20);
    await expect.poll(() => injects.first().locator("summary").textContent()).toMatch(/turn 1 · briefing/);
    await p.getByRole("searchbox", { name: "Filter Injects" }).fill("blackout");
    await expect.poll(() => p.locator('[data-path="injects"] > details:visible').count()).toBeLessThan(5);
    expect(await p.locator('[data-path="injects"] > details:visible').count()).toBeGreaterThan(0);
    await p.getByRole("searchbox", { name: "Filter Injects" }).fill("");
    await p.locator('details[data-path="injects.0"] .sf-item-title').click();
    await p.locator("#sf-injects-0-title").fill("");
    await expect.poll(() => p.locator(".studio-state").textContent()).toBe("1 issue");
    await sideTab(p, "Preview").click();
    await p.locator('.studio-board[data-board="ready"]').waitFor({ timeout: 20_000 });
    await shot(p, "studio-02-editor-1920x1080");
    await formTab(p, "Actions").click();
    await p.locator('details[data-path="actions.1"] .sf-item-title').click();
    await shot(p, "studio-03-actions-1920x1080");
    // the side panels of the other studio parts sit in the same column
    for (const name of ["Try it", "Spreadsheet", "Attachments"]) {
      await sideTab(p, name).click();
      await shot(p, `studio-07-side-${name.toLowerCase().replace(/ /g, "-")}-1920x1080`);
    }
    // a built-in file is never overwritten: saving under its id is refused, in words that say what to do
    await formTab(p, "Injects").click();
    await p.locator("#sf-injects-0-title").fill("Blackout");
    await formTab(p, "Overview").click();
    await p.locator("#sf-id").fill("grid-intrusion");
    await expect.poll(() => p.locator(".studio-state").textContent()).toBe("✓ Valid");
    await p.getByRole("button", { name: "Save version" }).click();
    await expect.poll(() => message(p)).toContain("“grid-intrusion” is a built-in scenario: give the copy a new id");

    // a built-in opened by its address is a copy; its French texts beside the English
    // leaving with unsaved changes: the browser asks first, the designer leaves
    p.once("dialog", (d) => void d.accept());
    await p.goto(`${srv.url}/studio/tutorial`);
    expect(await p.locator("#sf-id").inputValue()).toBe("tutorial-copy");
    await formTab(p, "Languages").click();
    expect(await p.locator("#sf-translations-fr-title").inputValue()).toContain("un exercice d'initiation");
    await shot(p, "studio-04-languages-1920x1080");
  });

  it("asks for the organiser code the server requires, opens a YAML file, and reads right to left in Arabic", async () => {
    const guarded = await startTestServer({ CLIENT_DIR: inject("clientDir"), CREATE_CODE: "studio-organiser-1" });
    try {
      const p = await person();
      await p.goto(`${guarded.url}/studio`);
      const codeForm = p.getByRole("form", { name: "Organiser code" });
      await codeForm.waitFor();
      await expect.poll(() => p.locator(".studio-start [role=alert]").first().textContent()).not.toBe("");
      expect(await p.locator("[data-studio-scenario]").count()).toBe(0);
      await codeForm.getByLabel("Organiser code").fill("studio-organiser-1");
      await codeForm.getByRole("button", { name: "Use this code" }).click();
      await p.locator('[data-studio-scenario="tutorial"]').waitFor();

      // a file that is not a scenario: its issues, by path
      const file = p.getByLabel("A scenario file (JSON or YAML)");
      await file.setInputFiles({
        name: "broken.yaml",
        mimeType: "application/yaml",
        buffer: Buffer.from("id: x\nturns: 0\n"),
      });
      await expect
        .poll(() => p.getByRole("form", { name: "From a file" }).textContent())
        .toContain("broken.yaml is not a valid scenario");
      // a YAML scenario opens in the forms
      const yaml = stringify(blankScenario("from-yaml"));
      await file.setInputFiles({ name: "drill.yaml", mimeType: "application/yaml", buffer: Buffer.from(yaml) });
      await expect.poll(() => p.locator(".studio-state").textContent()).toBe("✓ Valid");
      expect(await p.locator("#sf-id").inputValue()).toBe("from-yaml");

      // in Arabic: the studio's words translated, the page right to left
      const ar = await person(1280, 720);
      await ar.goto(`${guarded.url}/studio?lang=ar`);
      expect(await ar.evaluate(() => document.documentElement.dir)).toBe("rtl");
      await ar.getByRole("form", { name: "رمز المنظِّم" }).getByLabel("رمز المنظِّم").fill("studio-organiser-1");
      await ar.getByRole("button", { name: "استخدام هذا الرمز" }).click();
      await ar.locator('[data-studio-scenario="tutorial"]').getByRole("button", { name: "تحرير نسخة" }).click();
      await expect.poll(() => ar.locator(".studio-state").textContent()).toBe("✓ صالح");
      await ar
        .getByRole("tab", { name: /^الفرق/ })
        .first()
        .click();
      await ar.locator('details[data-path="teams.0"] .sf-item-title').click();
      await ar.locator("#sf-teams-0-color").waitFor();
      await shot(ar, "studio-06-arabic-1280x720");
    } finally {
      await guarded.close();
    }
  });
});

describe("the studio's forms keep a scenario as it is", () => {
  it("round-trips every built-in scenario through its forms unchanged (JSON → studio → JSON)", async () => {
    const p = await person(1920, 1080);
    const ids = ["tutorial", "grid-intrusion", "civilian-shield", "early-warning"];
    for (const id of ids) {
      const original = JSON.parse(readFileSync(join(process.cwd(), "scenarios", `${id}.json`), "utf8")) as object;
      await p.goto(`${srv.url}/studio/${id}`);
      await expect.poll(() => p.locator(".studio-state").textContent()).toBe("✓ Valid");
      // every part drawn (collapsed items opened until none is left), then every field fired with what it shows
      const touched = await p.evaluate(() => {
        const form = document.querySelector(".studio-form")!;
        let closed = [...form.querySelectorAll("details:not([open])")];
        while (closed.length) {
          for (const d of closed) {
            (d as HTMLDetailsElement).open = true;
            d.dispatchEvent(new Event("toggle"));
          }
          closed = [...form.querySelectorAll("details:not([open])")];
        }
        let n = 0;
        for (const el of form.querySelectorAll<HTMLInputElement>("input, textarea, select")) {
          if (el.type === "checkbox" || el.dataset.union !== undefined || !el.id || el.id.endsWith("-new-key"))
            continue;
          el.dispatchEvent(new Event(el.tagName === "SELECT" ? "change" : "input", { bubbles: true }));
          n++;
        }
        return n;
      });
      expect(touched).toBeGreaterThan(100);
      await expect.poll(() => p.locator(".studio-state").textContent()).toBe("✓ Valid");
      await p.getByRole("button", { name: "Save version" }).click();
      await expect.poll(() => message(p)).toContain(`Saved as version 1 of ${id}-copy`);
      const saved = (await (
        await fetch(`${srv.url}/api/studio/scenarios/${id}-copy/file?format=json`)
      ).json()) as object;
      expect(saved).toEqual({ ...original, id: `${id}-copy` });
    }
  });
});
