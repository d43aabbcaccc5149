// The rules that turn metrics into strengths and areas for improvement, and
// the keywords that link each theme to the scenario's objectives. Listed here
// so that the report's method appendix states every rule, fired or not.
import type { Scenario } from "../engine/types.ts";
import type { Theme } from "./types.ts";

export type { Theme };

/** The capabilities findings are grouped under, in the report's order. */
export const THEME_TITLES: Record<Theme, string> = {
  outcome: "Overall outcome",
  escalation: "Escalation management and red lines",
  hotline: "Crisis communication (hotline)",
  attribution: "Attribution and verification",
  commitments: "Commitments and confidence-building measures",
  perception: "Fog, misperception and pre-notification",
  injects: "Handling of injects",
};

/** An objective bears on a theme when its text matches the theme's keywords (a heuristic). */
export const THEME_KEYWORDS: Record<Theme, RegExp> = {
  outcome: /agreement|statement|conclude/i,
  escalation: /escalat|red line|proportion|rung|calm|restrain/i,
  hotline: /hotline|channel|direct line|deconflict/i,
  attribution: /attribut|blame|evidence|verify|verification|corroborat|forensic/i,
  commitments: /commit|\bmeasures?\b|agreement|statement|pledge|reciprocal|reporting/i,
  perception: /notif|misread|mispercei|misperception/i,
  injects: /inject/i,
};

export function objectivesFor(sc: Scenario, theme: Theme): string[] {
  return sc.objectives.filter((o) => THEME_KEYWORDS[theme].test(o.text)).map((o) => o.id);
}

/** Whether each rule makes a strength or an area for improvement; the rule's text is its RULE_KEYS message. */
export const RULES = {
  agreement: "strength",
  failure: "improvement",
  "below-red-lines": "strength",
  "red-lines-crossed": "improvement",
  "hotline-unused": "improvement",
  "hotline-timely": "strength",
  "hotline-late": "improvement",
  "hotline-unanswered": "improvement",
  "early-contact": "strength",
  "late-contact": "improvement",
  misattribution: "improvement",
  "weak-attribution": "improvement",
  "no-misattribution": "strength",
  "commitments-kept": "strength",
  "commitments-broken": "improvement",
  "no-commitments": "improvement",
  misperception: "improvement",
  "pre-notification": "strength",
  "inject-follow-up": "improvement",
} as const satisfies Record<string, "strength" | "improvement">;

export type FindingId = keyof typeof RULES;

/** Each rule in words, by catalogue key (literal, so the catalogue check finds them). */
export const RULE_KEYS: Record<FindingId, string> = {
  agreement: "report-findings.rule.agreement",
  failure: "report-findings.rule.failure",
  "below-red-lines": "report-findings.rule.below-red-lines",
  "red-lines-crossed": "report-findings.rule.red-lines-crossed",
  "hotline-unused": "report-findings.rule.hotline-unused",
  "hotline-timely": "report-findings.rule.hotline-timely",
  "hotline-late": "report-findings.rule.hotline-late",
  "hotline-unanswered": "report-findings.rule.hotline-unanswered",
  "early-contact": "report-findings.rule.early-contact",
  "late-contact": "report-findings.rule.late-contact",
  misattribution: "report-findings.rule.misattribution",
  "weak-attribution": "report-findings.rule.weak-attribution",
  "no-misattribution": "report-findings.rule.no-misattribution",
  "commitments-kept": "report-findings.rule.commitments-kept",
  "commitments-broken": "report-findings.rule.commitments-broken",
  "no-commitments": "report-findings.rule.no-commitments",
  misperception: "report-findings.rule.misperception",
  "pre-notification": "report-findings.rule.pre-notification",
  "inject-follow-up": "report-findings.rule.inject-follow-up",
};
