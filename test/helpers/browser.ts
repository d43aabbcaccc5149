// Headless Chromium (the system package) driven by playwright-core, for tests
// that use the product the way people do, and screenshots to look at.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      "Chromium is needed for the browser tests: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH. .ci/run installs it.",
    );
  return found;
}

/** Every context of this browser fails the test on a Content-Security-Policy violation (see failOnCspViolation). */
export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const ctx = await newContext(options);
    await failOnCspViolation(ctx);
    return ctx;
  };
  return browser;
}

const CSP_MARK = "CSP violation:";

/** The pages must need nothing their policy forbids: a violation (even a caught one) throws, like a page error. */
export async function failOnCspViolation(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript((mark) => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(
        `${mark} ${e.effectiveDirective} refused ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  }, CSP_MARK);
  // Chromium's own report too: it still comes when a page replaced its document (setContent) and lost the listener
  ctx.on("console", (m) => {
    const text = m.text();
    if (text.startsWith(CSP_MARK) || text.includes("Content Security Policy directive"))
      throw new Error(`${text} (page ${m.page()?.url()})`);
  });
}

export const SHOTS_DIR = join(process.cwd(), "test-results", "screenshots");

/** Saves a screenshot under test-results/screenshots/ for people to look at. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
