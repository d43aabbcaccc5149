// English: every sentence the exercise's events are told in, by key. Another
// language is another object of the type `Words`; the engine, the report and
// the panels do not change. Parameters are names already resolved (strings)
// and raw numbers, which the templates format.
import type { EventCategory, RestraintResult } from "../engine/events.ts";
import { duration, fmt, list, pct, short } from "./format.ts";

type Names = readonly string[];

export const en = {
  // the exercise and its flow
  "exercise.started": (p: { title: string }) => `Exercise started: ${p.title}`,
  "exercise.paused": (p: { reason: string | null }) =>
    p.reason ? `Exercise paused: ${p.reason}` : "Exercise paused by control",
  "exercise.resumed": () => "Exercise resumed",
  "exercise.ended": (p: { outcome: string }) => `Exercise ended — ${p.outcome}`,
  "outcome.facilitator": (p: { reason: string | null }) =>
    p.reason ? `Ended by control: ${p.reason}` : "Ended by control",
  "outcome.time": (p: { turns: number }) => `All ${p.turns} turns have been played`,
  "outcome.failure": (p: { rung: string }) => `Escalation reached the top rung: ${p.rung}`,
  "outcome.agreement": () => "The parties concluded the agreement",
  "phase.began": (p: { turn: number; turns: number; phase: string }) => `Turn ${p.turn} of ${p.turns}: ${p.phase}`,
  "turn.adjudicated": (p: { turn: number; submitted: number; teams: number }) =>
    `Turn ${p.turn} adjudication: ${p.submitted} of ${p.teams} teams submitted orders`,
  "turn.resolved": (p: { turn: number; from: number; to: number; rung: string }) =>
    `Turn ${p.turn} resolved: escalation ${fmt(p.from)} → ${fmt(p.to)} (“${p.rung}”)`,

  // the escalation meter
  "escalation.changed": (p: { from: number; to: number; cause: string; rung: string | null }) =>
    `Escalation ${p.to > p.from ? "+" : "−"}${fmt(Math.abs(p.to - p.from))} → ${fmt(p.to)}: ${p.cause}` +
    (p.rung ? ` (now “${p.rung}”)` : ""),
  "redline.crossed": (p: { line: string }) => `Red line crossed: ${p.line}`,
  "cause.pressure": (p: { team: string; pressure: number }) => `domestic pressure in ${p.team} (${fmt(p.pressure)})`,
  "cause.quiet-turn": () => "a turn without hostile action",
  "cause.statement": (p: { parties: Names }) => `joint statement by ${list(p.parties)}`,
  "cause.accusation": (p: { accuser: string; accused: string }) => `${p.accuser} publicly blamed ${p.accused}`,
  "cause.dispute": () => "the dispute over the accusation deepens",
  "cause.cbm-adopted": (p: { parties: Names; cbm: string }) => `${list(p.parties)} adopted “${p.cbm}”`,
  "cause.breach": (p: { team: string; cbm: string }) => `${p.team} broke “${p.cbm}”`,
  "cause.timeline-missed": (p: { cbm: string }) => `the timeline of “${p.cbm}” was missed`,
  "cause.control": (p: { reason: string }) => `control adjustment — ${p.reason}`,
  "cause.hotline": (p: { a: string; b: string; kind: string }) =>
    `${p.a} and ${p.b} answered each other on the hotline (${p.kind})`,
  "cause.inject": (p: { title: string }) => `inject “${p.title}”`,
  "cause.developments": () => "new developments",
  "cause.convened": (p: { mediator: string }) => `${p.mediator} convened talks`,
  "cause.perceived": (p: { target: string }) => `${p.target} perceived a hostile act`,
  "cause.action": (p: { actor: string; action: string }) => `${p.actor}: ${p.action}`,
  "cause.disproportionate": (p: { actor: string }) => `${p.actor}'s disproportionate action`,
  "cause.hostile-activity": () => "hostile cyber activity",
  "cause.restraint": (p: { caller: string; target: string }) =>
    `${p.caller} publicly called on ${p.target} for restraint`,

  // orders and their adjudication
  "orders.submitted": (p: { by: string; team: string; actions: number; cost: number }) =>
    `${p.by} submitted ${p.team}'s orders (${
      p.actions
        ? `${p.actions} action${p.actions === 1 ? "" : "s"}, ${p.cost} point${p.cost === 1 ? "" : "s"}`
        : "no action this turn"
    })`,
  "orders.withdrawn": (p: { by: string; team: string }) => `${p.by} withdrew ${p.team}'s orders`,
  "orders.carried-out": (p: { team: string; turn: number }) => `${p.team}'s orders for turn ${p.turn} were carried out`,
  "action.resolved": (p: { actor: string; action: string; target: string | null; sector: string | null }) =>
    `${p.actor}: ${p.action}${p.target ? ` → ${p.target}${p.sector ? ` (${p.sector})` : ""}` : ""}`,
  "action.resolved.covert": (p: { actor: string; action: string; target: string | null; sector: string | null }) =>
    `(covert) ${en["action.resolved"](p)}`,
  "action.disproportionate": (p: { actor: string; action: string; severity: number; provocation: number }) =>
    `Disproportionate: ${p.actor}'s “${p.action}” (severity ${p.severity}) answers a provocation of severity ${p.provocation}`,
  "action.unprovoked": (p: { actor: string; action: string; severity: number; target: string }) =>
    `Unprovoked: ${p.actor}'s “${p.action}” (severity ${p.severity}) against ${p.target}`,
  "actor.unidentified": () => "unidentified actors",
  misperception: (p: { target: string; actor: string; perceivedAs: string; notified: boolean }) =>
    `${p.target} reads activity from ${p.actor} as “${p.perceivedAs}”${p.notified ? " despite the notification" : ""}`,
  "misperception.control": (p: {
    target: string;
    actor: string;
    action: string;
    perceivedAs: string;
    roll: number;
    chance: number;
  }) =>
    `Misperception: ${p.target} read ${p.actor}'s “${p.action}” as “${p.perceivedAs}” (roll ${p.roll.toFixed(2)} < ${p.chance.toFixed(2)})`,
  "action.failed": (p: { team: string; action: string; target: string | null; deterred: boolean }) =>
    `${p.team}'s “${p.action}”${p.target ? ` against ${p.target}` : ""} failed` +
    (p.deterred ? `: ${p.target} was on guard after answering in proportion` : ""),
  "action.caught": (p: { actor: string; target: string; action: string }) =>
    `${p.target} caught ${p.actor} in the act: “${p.action}”`,
  "perception.correct": (p: { target: string; actor: string; action: string; notified: boolean }) =>
    `${p.target} observed “${p.action}” by ${p.actor} and read it correctly${p.notified ? " (it was pre-notified)" : ""}`,

  // incidents and attribution
  "incident.occurred": (p: {
    victim: string;
    sector: string;
    title: string;
    suspect: string | null;
    confidence: number;
    public: boolean;
  }) =>
    `Incident in ${p.victim} (${p.sector}): ${p.title} — ${
      p.suspect ? `evidence points to ${p.suspect}` : "no state is indicated"
    }, confidence ${pct(p.confidence)}${p.public ? "; it is public" : ""}`,
  "incident.truth": (p: { culprit: string | null }) =>
    `Control: it was really done by ${p.culprit ?? "a non-state actor"}`,
  "incident.confirmed": (p: { by: string; title: string; suspect: string | null; confidence: number }) =>
    `${p.by} verified “${p.title}”: evidence points to ${p.suspect ?? "no state (a non-state actor)"}, confidence ${pct(p.confidence)}`,
  "incident.corrected": (p: { by: string; title: string; suspect: string | null; confidence: number }) =>
    `${p.by} re-examined “${p.title}”: the evidence now points to ${p.suspect ?? "no state (a non-state actor)"}, confidence ${pct(p.confidence)}`,
  "incident.weakened": (p: { by: string; title: string; suspect: string | null; confidence: number }) =>
    `${p.by} found inconsistencies in the evidence on “${p.title}”: ` +
    `confidence in ${p.suspect ?? "no state (a non-state actor)"} drops to ${pct(p.confidence)}`,
  "incident.inconclusive": (p: { by: string; title: string; suspect: string | null; confidence: number }) =>
    `${p.by} examined “${p.title}” and found nothing conclusive: ` +
    `the evidence still points to ${p.suspect ?? "no state (a non-state actor)"}, confidence ${pct(p.confidence)}`,
  investigators: (p: { team: string }) => `${p.team}'s investigators`,
  "evidence.changed": (p: { title: string; suspect: string | null; confidence: number; stronger: boolean }) =>
    `New ${p.stronger ? "evidence strengthens" : "information weakens"} the case on “${p.title}”: ` +
    `it points to ${p.suspect ?? "no state (a non-state actor)"}, confidence ${pct(p.confidence)}`,
  "evidence.shared": (p: { from: string; title: string; to: string }) =>
    `${p.from} shared the evidence on “${p.title}” with ${p.to}`,
  "attribution.made": (p: { accuser: string; title: string; accused: string; confidence: number }) =>
    `${p.accuser} publicly attributes “${p.title}” to ${p.accused} (evidence confidence ${pct(p.confidence)})`,
  "attribution.correct": () => "Control: the attribution was correct",
  "attribution.misattributed": (p: { culprit: string | null; accused: string }) =>
    `Misattribution: it was done by ${p.culprit ?? "a non-state actor"}, not ${p.accused}`,
  "attribution.known-false": (p: { accused: string }) =>
    `${p.accused} knows the accusation is false: it did not do this`,
  "attribution.denied": (p: { accused: string }) => `${p.accused} rejects the accusation`,
  "attribution.questioned": (p: { accuser: string; confidence: number }) =>
    `Observers question ${p.accuser}'s attribution: the evidence was weak (${pct(p.confidence)})`,

  // the hotline
  "hotline.sent": (p: { from: string; to: string; kind: string; relay: boolean }) =>
    `Hotline ${p.from} → ${p.to} (${p.relay ? "relayed " : ""}${p.kind})`,
  "hotline.answered": (p: { from: string; to: string; kind: string; answeredAfterMs: number; timely: boolean }) =>
    `${p.to} answered a “${p.kind}” message from ${p.from} after ${duration(p.answeredAfterMs)}${p.timely ? "" : " (too late to build trust)"}`,
  "hotline.unanswered": (p: { from: string; to: string; kind: string }) =>
    `${p.to} left a “${p.kind}” message from ${p.from} unanswered`,

  // proposals, statements and commitments
  "proposal.made": (p: { proposer: string; cbm: string | null; parties: Names }) =>
    `${p.proposer} proposed ${p.cbm !== null ? `“${p.cbm}”` : "a joint statement"} to ${list(p.parties)}`,
  "proposal.accepted": (p: { by: string; text: string }) => `${p.by} accepted the proposal “${short(p.text)}”`,
  "proposal.rejected": (p: { by: string; text: string }) => `${p.by} rejected the proposal “${short(p.text)}”`,
  "proposal.withdrawn": (p: { proposer: string; text: string }) =>
    `${p.proposer} withdrew the proposal “${short(p.text)}”`,
  "statement.joint": (p: { parties: Names; text: string }) => `Joint statement by ${list(p.parties)}: “${p.text}”`,
  "agreement.concluded": (p: { holdTurns: number; ends: boolean }) =>
    p.holdTurns > 0
      ? `The agreement is concluded; it must hold for ${p.holdTurns} turn${p.holdTurns === 1 ? "" : "s"} before success is declared`
      : "The agreement is concluded",
  "agreement.collapsed": (p: { turn: number }) => `The agreement concluded in turn ${p.turn} no longer holds`,
  "agreement.declared": (p: { ends: boolean }) =>
    p.ends ? "The agreement has held: success" : "The agreement has held: success; play continues",
  "agreement.ending": (p: { ends: boolean }) =>
    p.ends ? "Control: a held agreement ends the exercise" : "Control: play continues after a held agreement",
  "pressure.mounting": (p: { team: string; incidents: number; pressure: number }) =>
    `Pressure mounts on the government of ${p.team}: ${p.incidents} public incident${p.incidents === 1 ? "" : "s"} ` +
    `still unanswered (domestic pressure ${p.pressure})`,
  "commitment.adopted": (p: { parties: Names; cbm: string }) => `${list(p.parties)} adopted “${p.cbm}”`,
  "commitment.broken": (p: { team: string; cbm: string; reason: string }) =>
    `${p.team} broke the commitment “${p.cbm}”: ${p.reason}`,
  "commitment.fulfilled": (p: { cbm: string }) => `Timeline met: “${p.cbm}”`,
  "commitment.missed": (p: { cbm: string; rung: string }) =>
    `Timeline missed: “${p.cbm}” — escalation is still above “${p.rung}”`,
  "breach.protected-sectors": (p: { sectors: Names }) => `attacked protected ${list(p.sectors)} infrastructure`,
  "breach.not-notified": () => "did not pre-notify an operation",
  "breach.covert-operation": () => "ran a covert operation against a partner",
  "breach.unanswered": (p: { from: string }) => `left a hotline message from ${p.from} unanswered`,
  "breach.timeline-missed": () => "the agreed timeline was missed",

  // public diplomacy
  "restraint.called": (p: { caller: string; target: string; result: RestraintResult }) =>
    `${p.caller} publicly calls on ${p.target} for restraint` +
    (p.result === "undercut"
      ? ", but its own public hostile acts undercut the call"
      : p.result === "already-eased"
        ? "; an earlier call already eased the crisis this turn"
        : ""),

  // the board, injects, the mediator and control
  "sector.changed": (p: { team: string; name: string; sector: string; status: string; health: number }) =>
    `${p.team}: ${p.name} (${p.sector}) is ${p.status} — health ${fmt(p.health)}`,
  "inject.released": (p: { channel: string; title: string }) => `${p.channel}: ${p.title}`,
  "inject.held": (p: { title: string }) => `Control is holding “${p.title}”`,
  "inject.skipped": (p: { title: string }) => `Control skipped “${p.title}”`,
  "inject.unskipped": (p: { title: string }) => `Control un-skipped “${p.title}”`,
  "inject.unheld": (p: { title: string }) => `Control stopped holding “${p.title}”: it is pending again`,
  "inject.dropped": (p: { title: string; draw: "chance" | "group"; chance: number; roll: number | null }) =>
    p.draw === "chance"
      ? `The draw left out “${p.title}” (chance ${pct(p.chance)}, drawn ${pct(p.roll ?? 0)}): it will not be released`
      : `Another inject of its group was drawn: “${p.title}” will not be released`,
  "schedule.turn": (p: { turn: number; phase: string }) => `turn ${p.turn}, ${p.phase}`,
  "schedule.either": (p: { parts: Names }) => p.parts.join(" or "),
  "schedule.draw": (p: { chance: number | null; group: string | null }) =>
    p.group !== null
      ? ` (one of group “${p.group}”, drawn by the seed)`
      : ` (chance ${pct(p.chance ?? 1)}, drawn by the seed)`,
  "condition.escalation": (p: { rung: string }) => `when escalation reaches “${p.rung}”`,
  "condition.action": (p: { by: string | null; action: string; against: string | null }) =>
    `when ${p.by ?? "a team"} takes “${p.action}”${p.against ? ` against ${p.against}` : ""}`,
  "condition.sector-down": (p: { team: string | null; sector: string | null }) =>
    `when ${p.sector ? `the ${p.sector} sector` : "a sector"} of ${p.team ?? "any state"} is down`,
  "condition.pressure": (p: { team: string | null; atLeast: number }) =>
    `when domestic pressure in ${p.team ?? "any state"} reaches ${fmt(p.atLeast)}`,
  "condition.misattribution": () => "when a misattribution happens",
  "condition.commitment-broken": (p: { cbm: string | null }) =>
    `when ${p.cbm ? `“${p.cbm}”` : "a commitment"} is broken`,
  "condition.attribution": (p: { by: string | null; accused: string | null; correct: boolean | null }) =>
    `when ${p.by ?? "a team"} publicly attributes an incident${p.accused ? ` to ${p.accused}` : ""}` +
    (p.correct === null ? "" : p.correct ? " (rightly: control only)" : " (wrongly: control only)"),
  "condition.measure-adopted": (p: { cbm: string | null }) => `when ${p.cbm ? `“${p.cbm}”` : "a measure"} is adopted`,
  "condition.turn": (p: { atLeast: number }) => `from turn ${p.atLeast}`,
  "condition.all": (p: { parts: Names }) => `(${p.parts.join(" and ")})`,
  "condition.some": (p: { parts: Names }) => `(${p.parts.join(" or ")})`,
  "condition.not": (p: { part: string }) => `except ${p.part}`,
  "mediator.convened": (p: { mediator: string; parties: Names; text: string }) =>
    `${p.mediator} convened talks with ${list(p.parties)}: ${p.text}`,
  "observers.visibility": (p: { seeAll: boolean }) =>
    p.seeAll ? "Observers now see every channel" : "Observers now see the public picture only",
  "escalation.noted": (p: { note: string }) => `Control's note (control only): ${p.note}`,
};

/** A language: a template for every key English has, with English's parameters. */
export type Words = { [K in keyof typeof en]: (...p: Parameters<(typeof en)[K]>) => string };

/** The label of each category of events (the log's filter and headings). */
export const CATEGORY_LABEL_EN: { readonly [C in EventCategory]: string } = {
  flow: "Flow",
  inject: "Inject",
  escalation: "Escalation",
  hotline: "Hotline",
  orders: "Orders",
  outcome: "Outcome",
  perception: "Perception",
  incident: "Incident",
  attribution: "Attribution",
  agreement: "Agreement",
  commitment: "Commitment",
  mediator: "Mediator",
  diplomacy: "Diplomacy",
  sector: "Infrastructure",
  control: "Control",
};

/** The label of each inject channel; an unknown channel reads as its id. */
export const CHANNEL_LABEL_EN: Readonly<Record<string, string>> = {
  news: "News",
  intelligence: "Intelligence",
  cert: "CERT bulletin",
  cable: "Diplomatic cable",
  social: "Social media",
  control: "Control",
};
