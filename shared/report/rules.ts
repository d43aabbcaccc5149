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

export const RULES = {
  agreement: { kind: "strength", text: "Strength when the exercise ended with the scenario's agreement." },
  failure: { kind: "improvement", text: "Area for improvement when the exercise ended in failure (top rung)." },
  "below-red-lines": { kind: "strength", text: "Strength when final escalation is below the lowest red line." },
  "red-lines-crossed": {
    kind: "improvement",
    text: "Area for improvement for every red line at or above which escalation stood at any moment of a turn.",
  },
  "hotline-unused": {
    kind: "improvement",
    text: "Area for improvement when the exercise started and no hotline message was sent.",
  },
  "hotline-timely": {
    kind: "strength",
    text: "Strength when every answered exchange was answered within the scenario's timely-answer time (hotline.timelySeconds).",
  },
  "hotline-late": {
    kind: "improvement",
    text: "Area for improvement when an answer took longer than the scenario's timely-answer time (hotline.timelySeconds).",
  },
  "hotline-unanswered": {
    kind: "improvement",
    text: "Area for improvement for every exchange-opening message that lapsed or was still open at the end.",
  },
  "early-contact": { kind: "strength", text: "Strength when the first hotline message was sent in turn 1." },
  "late-contact": {
    kind: "improvement",
    text: "Area for improvement when the first hotline message was sent after turn 1.",
  },
  misattribution: {
    kind: "improvement",
    text: "Area for improvement for every public attribution that named a state that was not the culprit.",
  },
  "weak-attribution": {
    kind: "improvement",
    text: "Area for improvement when a correct attribution rested on evidence under 50%.",
  },
  "no-misattribution": { kind: "strength", text: "Strength when there were incidents and no misattribution." },
  "commitments-kept": {
    kind: "strength",
    text: "Strength when at least one commitment was adopted and none was broken.",
  },
  "commitments-broken": { kind: "improvement", text: "Area for improvement for every commitment broken." },
  "no-commitments": {
    kind: "improvement",
    text: "Area for improvement when the scenario offers measures and none was adopted.",
  },
  misperception: {
    kind: "improvement",
    text: "Area for improvement for every misperception whose actor had not notified the target that turn.",
  },
  "pre-notification": {
    kind: "strength",
    text: "Strength when notify messages were sent and no misperception lacked a notification.",
  },
  "inject-follow-up": {
    kind: "improvement",
    text:
      "Heuristic: a team in an inject's audience that sent no hotline message and submitted no orders " +
      "between the release and the next adjudication. It shows activity, not that the activity answered the inject.",
  },
} as const satisfies Record<string, { kind: "strength" | "improvement"; text: string }>;

export type FindingId = keyof typeof RULES;
