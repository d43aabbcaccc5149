// How each figure in the report is computed, in words: printed as the
// report's method appendix so that readers can check the numbers.
import type { Analysis } from "./types.ts";
import { RULES, THEME_KEYWORDS } from "./rules.ts";
import { duration } from "../words/index.ts";

export interface Definition {
  term: string;
  text: string;
}

export function definitions(a: Analysis): Definition[] {
  const timely = duration(a.hotline.stats.timelySeconds * 1000);
  return [
    {
      term: "Source and integrity",
      text: `Every figure is computed by replaying the recorded commands through the engine, from the recorded scenario and seed. ${a.overview.integrity.text}`,
    },
    { term: "Times", text: "Clock times are UTC. T+hh:mm:ss is the time since the command that started the exercise." },
    {
      term: "Escalation curve",
      text:
        "One point per command that changed escalation (the value after the command), plus the start value. " +
        "The horizontal axis counts commands; dotted lines mark the first command of each turn. Markers below " +
        "link to the command in the timeline.",
    },
    {
      term: "Peak and final escalation",
      text: "The highest value reached at any moment, and the value when the recording ends, each with its rung.",
    },
    {
      term: "Turns above a red line",
      text:
        "A red line is crossed when escalation reaches its rung. Two counts are given: at the end — " +
        "adjudicated turns whose escalation as the engine resolved the turn (its “turn resolved” event, before " +
        "any inject the outcome triggered) stood at or above the red line; at any point — turns during which " +
        "escalation stood at or above it at any moment (the value the turn began with and every change in the " +
        "turn, including control adjustments and end-of-turn effects). Crossings counts the engine's “red line " +
        "crossed” events; falling back and climbing again counts again.",
    },
    {
      term: "Time to first hotline contact",
      text: "From the command that started the exercise to the first hotline message of any party (the mediator included).",
    },
    {
      term: "Hotline response times",
      text:
        `Only messages that open an exchange (not replies, not relays) expect an answer. The response time ` +
        `runs from the message to its answer — a reply, or the mediator relaying it on. Timely: within ${timely} ` +
        `(the scenario's setting) and before the message lapsed, as the engine judged it when the answer came. ` +
        `Lapsed: unanswered at the end of its turn. Open: unanswered when the recording ends. Median and mean ` +
        `are over answered exchanges.`,
    },
    {
      term: "Commitments",
      text:
        "Adopted: every measure all its parties accepted. Kept: active or fulfilled at the end. Broken: with " +
        "the breaking party, the turn and the engine's reason.",
    },
    {
      term: "Misattributions",
      text:
        "Public attributions that named a state other than the real culprit of the incident (known only to " +
        "control; a non-state actor when no state did it).",
    },
    {
      term: "Misperceptions",
      text:
        "The engine's misperception events: an action its target read as something worse, with the misread " +
        "chance and the roll. One counts as not prevented by pre-notification when the event says the actor had " +
        "sent the target no notify message that turn. “What the target was told” is the event as the target " +
        "could read it, by the same visibility rule as its live view: an unidentified actor and its action stay " +
        "hidden.",
    },
    {
      term: "Inject follow-up (heuristic)",
      text:
        "For each released inject addressed to teams (its audience includes “all” or team ids), each " +
        "audience team counts as having followed up if it sent a hotline message or submitted orders after the " +
        "release and before the next adjudication (for an inject released at or after a turn's adjudication: " +
        "before the next turn's adjudication). It shows that the team acted, not that it acted on the inject.",
    },
    {
      term: "Objectives and findings",
      text: `A finding is linked to the objectives whose text matches its theme's keywords (${Object.entries(
        THEME_KEYWORDS,
      )
        .map(([k, r]) => `${k}: ${r.source.replace(/\|/g, ", ")}`)
        .join("; ")}); notes of observers and control on those objectives are shown with it as further evidence.`,
    },
    ...Object.entries(RULES).map(([id, r]) => ({ term: `Rule “${id}”`, text: r.text })),
  ];
}
