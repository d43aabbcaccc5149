// The pages beyond the join page and the lobby in other languages (headless Chromium): the qps pseudo-locale finds
// no visible text outside the catalogues on the self-paced card, the bots' choice, the codes page, the exercise
// page's own parts, the projector display, the replay, a course's codes, dashboard and comparison, and the lab;
// a French organiser reads the codes page and the self-paced card in French; an Arabic facilitator reads the
// replay and the display right to left, while the replay's time axis still runs left to right. Screenshots: 61-*.png
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { api, createExercise, Participant, startTestServer, type Created, type TestServer } from "../helpers/server.ts";
import { unmarkedText } from "../helpers/pseudo-scan.ts";

let srv: TestServer;
let browser: Browser;
let ex: Created;
let recordingFile = "";
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  srv = await startTestServer({ CLIENT_DIR: inject("clientDir") });
  browser = await launch();
  ex = await createExercise(srv.url, "tutorial", "languages-pages");
  const ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
  const bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
  await ctl.command({ type: "exercise.start" });
  await ctl.command({
    type: "inject.create",
    title: "Grid operator report",
    body: "The northern substations went dark at dawn.",
    channel: "news",
    audience: ["borealis", "austral"],
  });
  await ctl.command({ type: "phase.advance" });
  await bo.command({ type: "team.chat", text: "Harden first, then ask." });
  await ctl.command({ type: "escalation.adjust", delta: 10, reason: "Parliament demands answers" });
  await Promise.all([ctl.leave(), bo.leave()]);
  const r = await api(srv.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator);
  expect(r.status).toBe(200);
  recordingFile = join(mkdtempSync(join(tmpdir(), "deconflict-lang-")), "languages-recording.json");
  writeFileSync(recordingFile, JSON.stringify(r.body));
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close();
  await browser?.close();
  await srv?.close();
});

/** A browser whose own preferred language is `locale`. */
async function browserIn(locale: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`page error: ${e.message}\n${e.stack}`);
  });
  return page;
}

/** Joins with `code` on the join page in `lang`, as a person does (the page's own submit button). */
async function joinWith(page: Page, code: string, name: string, lang: string): Promise<void> {
  await page.goto(`${srv.url}/join?code=${encodeURIComponent(code)}&lang=${lang}`);
  await page.locator("#name").fill(name);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL(/\/exercise\//);
}

/** The projector display's code: the server hands it out with the others. */
const displayCode = (): string => (ex.codes as { display?: string }).display!;

/** Opens the replay page in `lang` and loads the recording file through its own file input. */
async function openReplay(page: Page, lang: string): Promise<void> {
  await page.goto(`${srv.url}/replay?lang=${lang}`);
  await page.locator("#replay-file").setInputFiles(recordingFile);
  await page.locator(".replay[data-step]").waitFor();
  await expect.poll(() => page.locator(".replay-progress").isHidden()).toBe(true);
}

/** Scenario words, names and codes are not the interface's: they stay as written. */
const OWN_WORDS = ['[dir="auto"]', ".code", ".mono", ".link", "#join-base"];

describe("languages on the other pages", () => {
  it("the pseudo-locale finds no visible text outside the catalogues on these pages", async () => {
    const page = await browserIn("en-US");

    // the lobby's bots' choice and self-paced card (the bots' policy names are shared/words', converted there)
    await page.goto(`${srv.url}/?lang=qps`);
    await page.locator("[data-scenario=tutorial]").click();
    const solo = page.locator("form:has(#solo-team)");
    await expect.poll(() => solo.locator("h2").textContent()).toBe("⟦Or play it alone (self-paced)⟧");
    await page.locator("#solo-cells").fill("3");
    await expect.poll(() => solo.locator("button.primary").textContent()).toBe("⟦Create 3 self-paced cells⟧");
    const policies = ["#solo-opponents", "select[data-seat]"];
    expect(await unmarkedText(page, "form:has(#solo-team)", [...OWN_WORDS, ...policies])).toEqual([]);
    expect(await unmarkedText(page, "fieldset:has(select[data-seat])", [...OWN_WORDS, ...policies])).toEqual([]);

    // the exercise page's own parts: board only, the view-as choice, control's projector warning
    await joinWith(page, ex.codes.facilitator, "Control", "qps");
    const boardOnly = page.locator("button[aria-pressed]");
    await expect.poll(() => boardOnly.textContent()).toBe("⟦Board only⟧");
    await boardOnly.click();
    await expect.poll(() => boardOnly.textContent()).toBe("⟦Show panels⟧");
    for (const scope of ["button[aria-pressed]", ".badge.warn", ".board-overlays .outcome"])
      expect(await unmarkedText(page, scope, OWN_WORDS), scope).toEqual([]);
    const viewAs = await page.locator("select.no-print option").allTextContents();
    expect(viewAs.length).toBeGreaterThan(2);
    for (const option of viewAs) expect(option).toMatch(/^⟦.*⟧$/);

    // the codes page, whole (the client keeps the seat the join gave it; a reload forgets qps, so it is asked again)
    await page.goto(`${srv.url}/exercise/${ex.roomId}/codes?lang=qps`);
    await page.locator("table.code-table").waitFor();
    expect(await unmarkedText(page, "main", OWN_WORDS)).toEqual([]);

    // the projector display (channels and results are the board's and the panels' words, converted there)
    await page.goto(`${srv.url}/display/${ex.roomId}?lang=qps#code=${encodeURIComponent(displayCode())}`);
    await page.getByRole("meter").waitFor();
    const displaySkip = [
      ...OWN_WORDS,
      ".display-channel",
      ".display-rung",
      ".display-rung-name",
      ".display-result-list",
    ];
    expect(await unmarkedText(page, "main.display", displaySkip)).toEqual([]);

    // the replay: the open page, then the viewer's own parts (events and commands in words are shared/words')
    await page.goto(`${srv.url}/replay?lang=qps`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("⟦Replay an exercise⟧");
    expect(await unmarkedText(page, "main", OWN_WORDS)).toEqual([]);
    await openReplay(page, "qps");
    const replaySkip = [...OWN_WORDS, ".phases", ".integrity-note", ".rung-label"];
    for (const scope of [
      ".replay-topbar",
      ".replay-where",
      ".replay-transport",
      ".replay-footer",
      ".replay-curve-svg",
      ".replay-side [role=tablist]",
      ".replay-side h3",
      ".replay-seen-as",
    ])
      expect(await unmarkedText(page, scope, replaySkip), scope).toEqual([]);
  });

  it("the pseudo-locale finds no visible text outside the catalogues on a course's pages and the lab", async () => {
    const page = await browserIn("en-US");
    // a course of two cells, created in the lobby as an organiser does
    await page.goto(`${srv.url}/?lang=qps`);
    await page.locator("[data-scenario=tutorial]").click();
    await page.locator("#ex-cells").fill("2");
    await page.locator("form:has(#ex-cells) button.primary").click();
    await page.waitForURL(/\/course\/[^/]+\/codes$/);
    await page.locator("table.code-table").first().waitFor();
    expect(await unmarkedText(page, "main", OWN_WORDS)).toEqual([]);
    const course = new URL(page.url()).pathname.split("/")[2]!;

    // the dashboard (outcomes are shared/words', converted there)
    await page.goto(`${srv.url}/course/${course}?lang=qps`);
    await page.locator("tr[data-cell]").first().waitFor();
    await expect.poll(() => page.locator("tr[data-cell] .badge").first().textContent()).toBe("⟦not started⟧");
    expect(await unmarkedText(page, "main", OWN_WORDS)).toEqual([]);

    // the comparison (the chart's rung names are the scenario's; findings are the report's, shared/report)
    await page.goto(`${srv.url}/course/${course}/compare?lang=qps`);
    await page.locator("section[aria-label='⟦Escalation curves⟧'] svg[role=img]").waitFor();
    const findings = "section[aria-label='⟦Findings⟧'] li";
    expect(await unmarkedText(page, "main", [...OWN_WORDS, ".rung-name", findings])).toEqual([]);

    // the simulation lab, before a run
    await page.goto(`${srv.url}/lab/tutorial?lang=qps`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^⟦Simulation lab: /);
    expect(await unmarkedText(page, "main", OWN_WORDS)).toEqual([]);
  });

  it("a French organiser reads the self-paced card and the codes page in French", async () => {
    const page = await browserIn("fr-FR");
    await page.goto(`${srv.url}/`);
    await page.locator("[data-scenario=tutorial]").click();
    const solo = page.locator("form:has(#solo-team)");
    await expect.poll(() => solo.locator("h2").textContent()).toBe("Ou jouez-le seul (en autonomie)");
    await expect
      .poll(() => solo.locator("p.dim").first().textContent())
      .toMatch(/^Vous jouez l’un des 2 États ; des bots jouent les autres ainsi que le médiateur\./);
    await page.locator("#solo-cells").fill("3");
    await expect.poll(() => solo.locator("button.primary").textContent()).toBe("Créer 3 cellules en autonomie");
    await solo.scrollIntoViewIfNeeded();
    await shot(page, "61-lobby-solo-fr");

    await joinWith(page, ex.codes.facilitator, "Camille", "fr");
    await page.goto(`${srv.url}/exercise/${ex.roomId}/codes`);
    await page.locator("table.code-table").waitFor();
    expect(await page.locator("table.code-table th").allTextContents()).toEqual(["Place", "Code", "Lien", "Code QR"]);
    await expect(page.getByRole("button", { name: "Imprimer" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("link", { name: /^Ouvrir la console de contrôle/ }).isVisible()).resolves.toBe(true);
    await expect(page.locator("tr", { hasText: "Observateurs" }).locator("small").textContent()).resolves.toBe(
      "Évaluateurs et invités : ils suivent et prennent des notes",
    );
    await shot(page, "61-codes-fr");
  });

  it("an Arabic facilitator reads the replay and the display right to left; the replay's time still runs left to right", async () => {
    const page = await browserIn("ar-EG");
    await openReplay(page, "ar");
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expect(page.locator("label[for=replay-pov]").textContent()).resolves.toBe("زاوية الرؤية");
    await expect(page.locator(".replay-topbar .badge.accent").textContent()).resolves.toBe("إعادة العرض");
    // the top bar mirrors: the logo at the right, the point of view at the left
    const brand = (await page.locator(".replay-topbar .brand").boundingBox())!;
    const pov = (await page.locator(".replay-pov-box").boundingBox())!;
    expect(brand.x).toBeGreaterThan(1000);
    expect(pov.x).toBeLessThan(brand.x);
    // the transport keeps time's direction: back at the left, forward at the right, like the curve under it
    const back = (await page.getByRole("button", { name: "بداية الجولة السابقة" }).boundingBox())!;
    const forward = (await page.getByRole("button", { name: "بداية الجولة التالية" }).boundingBox())!;
    expect(back.x).toBeLessThan(forward.x);
    // and the back button's arrow is drawn at its left end, pointing back in time
    const arrowX = await page.getByRole("button", { name: "بداية الجولة السابقة" }).evaluate((el) => {
      const range = document.createRange();
      range.setStart(el.firstChild!, 0);
      range.setEnd(el.firstChild!, 1);
      return range.getBoundingClientRect().x;
    });
    expect(arrowX - back.x).toBeLessThan(back.width / 2);
    await page.getByRole("button", { name: "بداية الجولة التالية" }).click();
    await expect.poll(() => page.locator(".replay").getAttribute("data-step")).not.toBe("0");
    const step = await page.locator(".replay").getAttribute("data-step");
    const eastern = await page.evaluate((n) => new Intl.NumberFormat("ar").format(Number(n)), step);
    await expect
      .poll(() => page.locator(".replay-position").textContent())
      .toMatch(new RegExp(`^الخطوة ${eastern} من `));
    // the footer's long parts shorten; the link to another recording stays on screen
    const another = (await page.getByRole("link", { name: "فتح تسجيل آخر" }).boundingBox())!;
    expect(another.x).toBeGreaterThanOrEqual(0);
    expect(another.x + another.width).toBeLessThanOrEqual(1280);
    await shot(page, "61-replay-ar");

    // the display: the meter fills from the right, its first rung at the right end
    await page.goto(`${srv.url}/display/${ex.roomId}?lang=ar#code=${encodeURIComponent(displayCode())}`);
    const meter = page.getByRole("meter");
    await expect.poll(() => meter.getAttribute("aria-label")).toBe("التصعيد");
    const bar = (await meter.boundingBox())!;
    const first = (await page.locator(".display-rung").first().boundingBox())!;
    expect(first.x + first.width).toBeGreaterThan(bar.x + bar.width - 4);
    await expect(page.locator(".display-injects h2").textContent()).resolves.toBe("آخر المستجدات");
    await shot(page, "61-display-ar");

    // the codes page: headings in Arabic, the seat column at the right, codes still left to right
    await joinWith(page, ex.codes.facilitator, "ليلى", "ar");
    await page.goto(`${srv.url}/exercise/${ex.roomId}/codes`);
    await page.locator("table.code-table").waitFor();
    expect(await page.locator("table.code-table th").allTextContents()).toEqual([
      "المقعد",
      "الرمز",
      "الرابط",
      "رمز QR",
    ]);
    const table = (await page.locator("table.code-table").boundingBox())!;
    const seat = (await page.locator("table.code-table th").first().boundingBox())!;
    expect(seat.x + seat.width).toBeGreaterThan(table.x + table.width - 4);
    await shot(page, "61-codes-ar");
  });
});
