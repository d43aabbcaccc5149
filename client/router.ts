// Page routing on plain URLs, so join links can be shared and bookmarked.
import { t } from "./i18n/index.ts";

type Page = (root: HTMLElement, params: Record<string, string>) => void | Promise<void>;
type Cleanup = () => void;

const routes: [RegExp, string[], Page][] = [];
let cleanup: Cleanup | null = null;

export function route(pattern: string, page: Page): void {
  const names: string[] = [];
  const re = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, n: string) => (names.push(n), "([^/]+)"))}/?$`);
  routes.push([re, names, page]);
}

/** Pages that hold connections register how to close them when the page changes. */
export function onLeavePage(fn: Cleanup): void {
  cleanup = fn;
}

export function navigate(path: string): void {
  history.pushState(null, "", path);
  // a new page starts at its top, not where the last one was scrolled to
  void show().then(() => window.scrollTo(0, 0));
}

export async function show(): Promise<void> {
  cleanup?.();
  cleanup = null;
  const root = document.getElementById("app")!;
  const params: Record<string, string> = Object.fromEntries(new URLSearchParams(location.search));
  for (const [re, names, page] of routes) {
    const m = re.exec(location.pathname);
    if (!m) continue;
    names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
    await page(root, params);
    return;
  }
  root.textContent = "";
  const p = document.createElement("p");
  p.className = "page";
  p.textContent = `${t("ui.router.not-found")} `;
  const a = document.createElement("a");
  a.href = "/";
  a.textContent = t("ui.router.to-lobby");
  p.append(a);
  root.append(p);
}

window.addEventListener("popstate", () => void show());
document.addEventListener("click", (e) => {
  const a = (e.target as Element).closest?.("a");
  if (!a || a.target || a.hasAttribute("download") || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});
