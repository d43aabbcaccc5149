// Visible text outside the catalogues: open a page with ?lang=qps (every translated string wrapped in ⟦…⟧)
// and list what a person would read that no catalogue gave. Pages converted later add themselves the same way.
import type { Page } from "playwright-core";

/**
 * The unmarked pieces of visible text (and placeholders) inside `scope`, skipping elements that match `skip`
 * (the brand's name, language names marked translate="no", parts of the page not converted yet).
 */
export async function unmarkedText(page: Page, scope: string, skip: readonly string[] = []): Promise<string[]> {
  return page.evaluate(
    ({ scope, skip }) => {
      const open = "⟦";
      const close = "⟧";
      const outside = (text: string): string[] => {
        const out: string[] = [];
        let depth = 0;
        let piece = "";
        for (const ch of text) {
          if (ch === open) {
            if (depth === 0) out.push(piece);
            piece = "";
            depth++;
          } else if (ch === close) depth = Math.max(0, depth - 1);
          else if (depth === 0) piece += ch;
        }
        out.push(piece);
        // punctuation and separators between marked strings are layout, not words
        return out.map((p) => p.trim()).filter((p) => /\p{L}/u.test(p));
      };
      const skipped = [".brand", '[translate="no"]', ...skip].join(", ");
      const found: string[] = [];
      for (const root of document.querySelectorAll(scope)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || el.closest(skipped) || !el.checkVisibility()) continue;
          found.push(...outside(n.textContent ?? ""));
        }
        for (const input of root.querySelectorAll<HTMLInputElement>("input[placeholder]"))
          if (!input.closest(skipped) && !input.classList.contains("mono")) found.push(...outside(input.placeholder));
      }
      return found;
    },
    { scope, skip: [...skip] },
  );
}
