// Checks run inside a page: text drawn under 12 px, and symbols that render
// only with an emoji or symbol font the machine may lack.
import type { Page } from "playwright-core";

/** Every visible text under 12 CSS px (SVG text scaled by its drawing), as "size px: text". */
export function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el: Element | null = n.parentElement ?? (n.parentNode instanceof Element ? n.parentNode : null);
      if (!text || !el || el.closest(".sr-only, option, script, style, [hidden]")) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none") continue;
      let size = parseFloat(style.fontSize);
      if (el instanceof SVGGraphicsElement) size *= el.getScreenCTM()?.a ?? 1;
      if (size < 11.95) out.push(`${size.toFixed(1)} px: ${text.slice(0, 40)}`);
    }
    return [...new Set(out)];
  });
}

/** Visible text holding a symbol from the blocks that need an emoji or symbol font (⏸, 📎, ⤢…). */
export function emojiSymbols(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const risky = /[\u{23E9}-\u{23FA}\u{2900}-\u{297F}\u{1F000}-\u{1FAFF}\u{2B00}-\u{2BFF}\u{25F7}]/u;
    const text = document.body.innerText;
    return text.split("\n").filter((line) => risky.test(line));
  });
}

/** Stores control's seat in the browser (as creating the exercise here would), for the codes page and replay. */
export function seatsFor([roomId, code]: readonly [string, string]): void {
  localStorage.setItem(
    "deconflict:seats",
    JSON.stringify([
      { roomId, code, name: "Control", title: "Test", role: "facilitator", seatName: "Control", savedAt: Date.now() },
    ]),
  );
}
