// The after-action report's findings, method appendix, integrity note and tables' cells in the reader's
// language (headless Chromium): the server sends the French and Arabic reports under a policy that hashes
// their own stylesheet (the print footer is worded in each language), so they load styled with no CSP
// violation; the pseudo-locale finds no visible text outside the catalogues in these parts; Arabic reads
// right to left. Screenshots: 63-report-appendix-*.png (1280×720 and 1920×1080).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, shot } from "../helpers/browser.ts";
import { createExercise, startTestServer, type Created, type TestServer } from "../helpers/server.ts";
import { unmarkedText } from "../helpers/pseudo-scan.ts";
import { renderReport } from "../../shared/report/index.ts";
import { gridRecording } from "../report/exercises.ts";

let srv: TestServer;
let browser: Browser;
let ex: Created;

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launch();
  ex = await createExercise(srv.url, "tutorial", "report-appendix");
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

/** A played exercise's report (its meta policy hashes its own stylesheet), in a page of the size given. */
async function played(lang: "qps" | "fr" | "ar", width = 1280, height = 720): Promise<Page> {
  const r = renderReport(gridRecording(), "html", undefined, lang);
  if (!r.ok) throw new Error(r.error);
  const ctx = await browser.newContext({ viewport: { width, height } });
  const page = await ctx.newPage();
  await page.setContent(r.body);
  return page;
}

/** The report's stylesheet applied: the page column has its width (a refused stylesheet leaves it unstyled). */
const styled = (page: Page) => page.evaluate(() => getComputedStyle(document.querySelector("main.page")!).maxWidth);

describe("the report's findings and appendix in the reader's language", () => {
  it("French and Arabic reports from the server load their own stylesheet under the server's policy", async () => {
    for (const lang of ["fr", "ar"]) {
      const ctx = await browser.newContext({
        viewport: { width: 1280, height: 720 },
        extraHTTPHeaders: { authorization: `Bearer ${ex.codes.facilitator}` },
      });
      const page = await ctx.newPage();
      // a CSP violation (the stylesheet refused) fails the test: launch() listens for them
      const res = await page.goto(`${srv.url}/api/exercises/${ex.exerciseId}/report?format=html&lang=${lang}`);
      expect(res?.status()).toBe(200);
      expect(res?.headers()["content-security-policy"]).toMatch(/style-src 'sha256-/);
      expect(await styled(page)).toBe("1000px");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await ctx.close();
    }
  });

  it("the pseudo-locale: no visible text outside the catalogues in the findings, plan, method and cells", async () => {
    const page = await played("qps");
    const converted = [
      "section#summary .summary-list",
      ".finding",
      "header.cover .integrity",
      "section#plan tbody td:nth-child(2)",
      "section#plan tbody td:nth-child(3)",
      "section#method",
      "section#metrics .pill",
      "section#metrics td:not(:first-child) .small",
      // the orders' action categories (the outcomes' audiences in the same column are names)
      "section#decisions td:nth-child(2) > br + .small",
    ].join(", ");
    // an attachment's caption is the scenario's own words
    expect(await unmarkedText(page, converted, ["[data-attachment]"])).toEqual([]);
    await page.context().close();
  });

  it("Arabic: the findings and the method in Arabic, right to left; French as well", async () => {
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      const ar = await played("ar", width, height);
      expect(await styled(ar)).toBe("1000px");
      await ar.locator("#analysis").scrollIntoViewIfNeeded();
      const card = ar.locator(".finding h4").first();
      expect(await card.textContent()).toMatch(/^(نقطة قوة|مجال للتحسين)/);
      // a finding's evidence starts at the right edge of its card, as Arabic reads
      const li = await ar.locator(".finding li").first().boundingBox();
      const box = await ar.locator(".finding").first().boundingBox();
      expect(box!.x + box!.width - (li!.x + li!.width)).toBeLessThan(60);
      expect(li!.x - box!.x).toBeGreaterThan(0);
      await shot(ar, `63-report-appendix-ar-findings-${width}`);
      await ar.locator("#method").scrollIntoViewIfNeeded();
      expect(await ar.locator("section#method thead th").first().textContent()).toBe("المصطلح");
      await shot(ar, `63-report-appendix-ar-method-${width}`);
      await ar.locator("section#metrics .pill", { hasText: "الخط الساخن + الأوامر" }).first().scrollIntoViewIfNeeded();
      await shot(ar, `63-report-appendix-ar-injects-${width}`);
      await ar.locator("header.cover .integrity").scrollIntoViewIfNeeded();
      expect(await ar.locator("header.cover .integrity").textContent()).toMatch(/^سلسلة البصمات سليمة/);
      await shot(ar, `63-report-appendix-ar-integrity-${width}`);
      await ar.context().close();
      const fr = await played("fr", width, height);
      await fr.locator("#analysis").scrollIntoViewIfNeeded();
      expect(await fr.locator(".finding .rec").first().textContent()).toMatch(/^(À maintenir|Recommandation) : /);
      await shot(fr, `63-report-appendix-fr-findings-${width}`);
      await fr.locator("#plan").scrollIntoViewIfNeeded();
      await shot(fr, `63-report-appendix-fr-plan-${width}`);
      await fr.context().close();
    }
  });
});
