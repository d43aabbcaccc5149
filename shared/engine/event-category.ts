// The category of each event kind: the log's filter and label, and what the
// report and the end of the exercise group events by.
import type { EventType } from "./events.ts";

/** The group an event belongs to: the log's filter and label. */
export type EventCategory =
  | "flow"
  | "inject"
  | "escalation"
  | "hotline"
  | "orders"
  | "outcome"
  | "perception"
  | "incident"
  | "attribution"
  | "agreement"
  | "commitment"
  | "mediator"
  | "diplomacy"
  | "sector"
  | "control";

/** The category of each kind: one entry per kind, so a new kind must be placed. */
export const EVENT_CATEGORY: { readonly [K in EventType]: EventCategory } = {
  "exercise.started": "flow",
  "exercise.paused": "flow",
  "exercise.resumed": "flow",
  "exercise.ended": "flow",
  "phase.began": "flow",
  "turn.adjudicated": "flow",
  "turn.resolved": "flow",
  "escalation.changed": "escalation",
  "redline.crossed": "escalation",
  "orders.submitted": "orders",
  "orders.withdrawn": "orders",
  "orders.carried-out": "orders",
  "action.resolved": "outcome",
  "action.disproportionate": "outcome",
  misperception: "perception",
  "perception.correct": "perception",
  "action.failed": "outcome",
  "action.caught": "perception",
  "incident.occurred": "incident",
  "incident.verified": "incident",
  "evidence.shared": "incident",
  "evidence.changed": "incident",
  "attribution.made": "attribution",
  "attribution.denied": "attribution",
  "attribution.questioned": "attribution",
  "hotline.sent": "hotline",
  "hotline.answered": "hotline",
  "hotline.unanswered": "hotline",
  "proposal.made": "agreement",
  "proposal.accepted": "agreement",
  "proposal.rejected": "agreement",
  "proposal.withdrawn": "agreement",
  "statement.joint": "agreement",
  "agreement.concluded": "agreement",
  "agreement.collapsed": "agreement",
  "agreement.declared": "agreement",
  // an agreement event: it can end the exercise (an agreement already declared)
  "agreement.ending": "agreement",
  "pressure.mounting": "escalation",
  "commitment.adopted": "agreement",
  "commitment.broken": "commitment",
  "commitment.fulfilled": "commitment",
  "commitment.missed": "commitment",
  "restraint.called": "diplomacy",
  "sector.changed": "sector",
  "inject.released": "inject",
  "inject.held": "control",
  "inject.skipped": "control",
  "inject.unskipped": "control",
  "inject.unheld": "control",
  "inject.dropped": "control",
  "mediator.convened": "mediator",
  "observers.visibility": "control",
  "escalation.noted": "control",
  "adjudication.mode": "control",
  "adjudication.under-review": "flow",
  "adjudication.approved": "flow",
  "order.struck": "control",
  "value.set": "control",
};

/** The category of an event. */
export function categoryOf(e: { type: EventType }): EventCategory {
  return EVENT_CATEGORY[e.type];
}
