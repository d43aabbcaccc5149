// Who reads each kind of event, as a class that audience.ts interprets: one
// entry per kind, so a new kind must say who reads it.
import type { EventFields, EventType } from "./events.ts";

/**
 * Who reads an event of a kind, as a class audience.ts interprets: `all`
 * everyone; `team` its `team` field; `pair` its `from` and `to`; `target` its
 * `target`; `control` control alone; `control-observers` control and the
 * observers; `rule` decided from its fields and the state by a case in
 * audience.ts (`ruleAudience`); `control-alone` control and nobody else, not
 * even observers who see every channel (control's private notes). Control
 * reads everything whatever the class.
 */
export type AudienceClass =
  "all" | "team" | "pair" | "target" | "control" | "control-alone" | "control-observers" | "rule";

/** The classes a kind may take: one that reads a field only if the kind has it. */
type ClassFor<K extends EventType> =
  | "all"
  | "control"
  | "control-alone"
  | "control-observers"
  | "rule"
  | (EventFields[K] extends { team: string } ? "team" : never)
  | (EventFields[K] extends { from: string; to: string } ? "pair" : never)
  | (EventFields[K] extends { target: string } ? "target" : never);

/** The audience class of each kind: one entry per kind, so a new kind must say who reads it. */
export const EVENT_AUDIENCE = {
  "exercise.started": "all",
  "exercise.paused": "all",
  "exercise.resumed": "all",
  "exercise.ended": "all",
  "phase.began": "all",
  "turn.adjudicated": "all",
  "turn.resolved": "all",
  "escalation.changed": "all",
  "redline.crossed": "all",
  "orders.submitted": "team",
  "orders.withdrawn": "team",
  "orders.carried-out": "team",
  // public to all, to actor and target, or the actor's alone, by the action's visibility
  "action.resolved": "rule",
  "action.disproportionate": "rule",
  misperception: "target",
  "perception.correct": "target",
  "action.failed": "team",
  "action.caught": "pair",
  // the incident's readers at that moment
  "incident.occurred": "rule",
  "incident.verified": "rule",
  "evidence.shared": "pair",
  "evidence.changed": "rule",
  "attribution.made": "all",
  "attribution.denied": "all",
  "attribution.questioned": "all",
  "hotline.sent": "pair",
  "hotline.answered": "pair",
  "hotline.unanswered": "pair",
  // the parties, the proposer and the mediator
  "proposal.made": "rule",
  "proposal.accepted": "rule",
  "proposal.rejected": "rule",
  "proposal.withdrawn": "rule",
  "statement.joint": "all",
  "agreement.concluded": "all",
  "agreement.collapsed": "all",
  "agreement.declared": "all",
  "agreement.ending": "all",
  "pressure.mounting": "team",
  "commitment.adopted": "all",
  "commitment.broken": "all",
  "commitment.fulfilled": "all",
  "commitment.missed": "all",
  "restraint.called": "all",
  "sector.changed": "all",
  // the inject's own audience
  "inject.released": "rule",
  "inject.held": "control",
  "inject.skipped": "control",
  "inject.unskipped": "control",
  "inject.unheld": "control",
  "inject.dropped": "control",
  // the parties and the mediator
  "mediator.convened": "rule",
  "observers.visibility": "control-observers",
  // control's own note: never the players' or the observers', even those who see every channel
  "escalation.noted": "control-alone",
  "adjudication.mode": "control",
  "adjudication.under-review": "all",
  "adjudication.approved": "all",
  // the team whose orders they were
  "order.struck": "team",
  // whom control chose to tell (audience.ts)
  "value.set": "rule",
} as const satisfies { readonly [K in EventType]: ClassFor<K> };

/** The kinds whose audience class is C. */
export type KindOfClass<C extends AudienceClass> = {
  [K in EventType]: (typeof EVENT_AUDIENCE)[K] extends C ? K : never;
}[EventType];
