// The validator's issues on the form: each at its field (or the nearest part drawn),
// counted on collapsed items and tabs, and listed with a button that jumps to the field.
import { h, render } from "../ui/dom.ts";
import { i18n, t } from "../i18n/index.ts";
import type { ScenarioIssue } from "../../shared/scenario/cross-check.ts";
import { ancestors, normalizePath, within } from "./paths.ts";
import { pathLabels } from "./field-words.ts";

export interface Issue {
  /** "injects.3.title" */
  path: string;
  message: string;
}

export function normalizeIssues(list: readonly ScenarioIssue[]): Issue[] {
  return list.map((i) => ({ path: normalizePath(i.path), message: i.message }));
}

function byPath(root: ParentNode, path: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
}

/** The element that shows an issue: the field itself, else the nearest part of it drawn. */
export function targetOf(root: ParentNode, path: string): HTMLElement | null {
  for (const p of ancestors(path)) {
    const el = byPath(root, p);
    if (el) return el;
  }
  return null;
}

/** Clears the old marks and shows every issue at its place. */
export function markIssues(root: HTMLElement, issues: readonly Issue[]): void {
  for (const el of root.querySelectorAll(".sf-has-error")) el.classList.remove("sf-has-error");
  for (const ul of root.querySelectorAll(".sf-errors")) ul.replaceChildren();
  for (const c of root.querySelectorAll(".sf-count")) c.textContent = "";
  for (const i of issues) {
    const el = targetOf(root, i.path);
    if (!el) continue;
    el.classList.add("sf-has-error");
    if (el instanceof HTMLDetailsElement && el.childElementCount < 2) {
      const count = el.querySelector(".sf-count");
      if (count) count.textContent = String(Number(count.textContent || 0) + 1);
      continue;
    }
    const slot = el.querySelector(":scope > .sf-errors, :scope > :not(summary) > .sf-errors");
    slot?.append(h("li", {}, i.message));
    if (el.classList.contains("sf-field"))
      el.querySelector("input, select, textarea")?.setAttribute("aria-invalid", "true");
  }
  for (const el of root.querySelectorAll('[aria-invalid="true"]'))
    if (!el.closest(".sf-has-error")) el.removeAttribute("aria-invalid");
  // collapsed items count what is wrong inside them
  for (const d of root.querySelectorAll<HTMLDetailsElement>("details.sf-item[data-path]")) {
    const n = issues.filter((i) => within(i.path, d.dataset.path!)).length;
    const count = d.querySelector(":scope > summary .sf-count");
    if (count) count.textContent = n ? t("studio.issues.count", { n }) : "";
    d.classList.toggle("sf-has-error", n > 0);
  }
}

/** Opens what hides a path (collapsed items on the way), then focuses its field. */
export function reveal(root: HTMLElement, path: string): HTMLElement | null {
  const chain = ancestors(path).reverse();
  for (const p of chain) {
    const el = byPath(root, p);
    if (el instanceof HTMLDetailsElement && !el.open) {
      el.open = true;
      el.dispatchEvent(new Event("toggle"));
    }
  }
  const el = targetOf(root, path);
  if (!el) return null;
  el.scrollIntoView({ block: "center" });
  const input = el.querySelector<HTMLElement>("input, select, textarea, button");
  input?.focus({ preventScroll: true });
  return el;
}

/** Where an issue is, as a designer reads it: "Teams › 1 › Name". */
export function whereOf(path: string): string {
  if (!path) return t("studio.issues.root");
  return pathLabels(path).join(i18n().dir === "rtl" ? " ‹ " : " › ");
}

/** The issues list: a count, and one button per issue that jumps to its field. */
export function issuesList(issues: readonly Issue[], jump: (path: string) => void): HTMLElement {
  const box = h("div", { class: "sf-issues" });
  render(
    box,
    h(
      "p",
      { class: issues.length ? "error-text" : "ok-text", role: "status" },
      issues.length ? t("studio.issues.summary", { n: issues.length }) : t("studio.issues.none"),
    ),
    issues.length
      ? h(
          "ol",
          {},
          issues.map((i) =>
            h(
              "li",
              {},
              h(
                "button",
                { type: "button", class: "link", "data-issue": i.path, onclick: () => jump(i.path) },
                h("span", { class: "sf-issue-where" }, whereOf(i.path)),
                " ",
                h("span", {}, i.message),
              ),
            ),
          ),
        )
      : null,
  );
  return box;
}
