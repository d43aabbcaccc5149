// A cell's findings on the course comparison, in the reader's language: each finding's title from its rule id
// and the numbers the server sends (shared/report/comparison.ts). A rule this page does not know shows the
// report's English title, in its own direction.
import { h } from "../ui/dom.ts";
import { i18n, t } from "../i18n/index.ts";
import { own } from "../ui/own-words.ts";
import type { CellComparison } from "../net/api.ts";

type Finding = CellComparison["findings"][number];

/** Each rule's title key (keys literal, so the catalogue check finds them). */
const TITLES: Readonly<Record<string, string>> = {
  agreement: "compare.finding.agreement",
  failure: "compare.finding.failure",
  "below-red-lines": "compare.finding.below-red-lines",
  "red-lines-crossed": "compare.finding.red-lines-crossed",
  "hotline-unused": "compare.finding.hotline-unused",
  "hotline-timely": "compare.finding.hotline-timely",
  "hotline-late": "compare.finding.hotline-late",
  "hotline-unanswered": "compare.finding.hotline-unanswered",
  "early-contact": "compare.finding.early-contact",
  "late-contact": "compare.finding.late-contact",
  misattribution: "compare.finding.misattribution",
  "weak-attribution": "compare.finding.weak-attribution",
  "no-misattribution": "compare.finding.no-misattribution",
  "commitments-kept": "compare.finding.commitments-kept",
  "commitments-broken": "compare.finding.commitments-broken",
  "no-commitments": "compare.finding.no-commitments",
  misperception: "compare.finding.misperception",
  "pre-notification": "compare.finding.pre-notification",
  "inject-follow-up": "compare.finding.inject-follow-up",
};

/** A finding's title in the reader's language, or undefined for a rule the page does not know. */
export function findingTitle(f: Finding): string | undefined {
  const key = TITLES[f.id];
  return key === undefined ? undefined : i18n().tryT(key, f.params ?? {});
}

/** One finding as a list item: its mark (✓ strength, △ area for improvement) and its title. */
export function findingItem(f: Finding): HTMLLIElement {
  const mark = f.kind === "strength" ? "✓ " : "△ ";
  const label = t(f.kind === "strength" ? "compare.finding-strength" : "compare.finding-improvement");
  const title = findingTitle(f);
  return h(
    "li",
    { "data-finding": f.id, title: label },
    mark,
    title === undefined ? own(h("span", {}, f.title)) : title,
  );
}
