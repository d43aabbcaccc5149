// Helpers to tell whether the board's canvas is being redrawn: the board draws
// only when something changed, and its element carries data-drawing meanwhile.
import type { BrowserContext, Page } from "playwright-core";

const DRAW_CALLS = [
  "clear",
  "drawArrays",
  "drawElements",
  "drawArraysInstanced",
  "drawElementsInstanced",
  "drawRangeElements",
];

/** From the next page load on, counts the WebGL calls that draw (window.__webglDraws). */
export async function countDraws(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript((names: string[]) => {
    const w = window as unknown as { __webglDraws: number };
    w.__webglDraws = 0;
    for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype] as unknown as Record<
      string,
      unknown
    >[])
      for (const name of names) {
        const original = proto[name];
        if (typeof original !== "function") continue;
        proto[name] = function (this: unknown, ...args: unknown[]) {
          w.__webglDraws++;
          return original.apply(this, args);
        };
      }
  }, DRAW_CALLS);
}

export function drawCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __webglDraws?: number }).__webglDraws ?? 0);
}

/** Resolves once the page has shown `n` more animation frames (time enough for anything frame-driven to have moved). */
export async function frames(page: Page, n: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const next = () => (--left <= 0 ? resolve() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    n,
  );
}

/**
 * Waits until every board on the page has drawn its last change and stopped drawing
 * (its element drops data-drawing); `timeout` in ms (Playwright's default otherwise).
 */
export async function boardSettled(page: Page, timeout?: number): Promise<void> {
  await page.locator(".board[data-drawing]").first().waitFor({ state: "detached", timeout });
}
