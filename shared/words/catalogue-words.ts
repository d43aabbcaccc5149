// The event sentences of the `events` catalogue, in the shape of `Words`: each
// template names its catalogue message and hands it parameters (names already
// resolved, numbers formatted for the locale, yes/no for the choices).
import type { Words } from "./en.ts";
import type { Helpers } from "./catalogue-helpers.ts";
import { short } from "./format.ts";
import { serverPauseCause } from "../protocol/server-pause.ts";

/** Every sentence of `Words`, from the catalogue, with one locale's helpers. */
export function catalogueWords(h: Helpers): Words {
  const { t, yes, num, pct } = h;
  const has = (x: string | null) => yes(x !== null);
  const suspect = (x: string | null) => ({ suspect: x ?? "", hasSuspect: has(x) });
  const target = (p: { target: string | null; sector: string | null }) => ({
    target: p.target ?? "",
    hasTarget: has(p.target),
    sector: p.sector === null ? "" : h.sector(p.sector),
    hasSector: has(p.sector),
  });
  // the server's own pauses are worded in the reader's language; control's reason is quoted as typed
  const pauseReason = (reason: string | null) => {
    const cause = reason ? serverPauseCause(reason) : undefined;
    if (cause === "restart") return t("events.pause-reason.restart");
    if (cause === "idle") return t("events.pause-reason.idle");
    return reason ?? "";
  };
  return {
    "exercise.started": (p) => t("events.exercise.started", p),
    "exercise.paused": (p) =>
      t("events.exercise.paused", { reason: pauseReason(p.reason), hasReason: yes(!!p.reason) }),
    "exercise.resumed": () => t("events.exercise.resumed"),
    "exercise.ended": (p) => t("events.exercise.ended", p),
    "outcome.facilitator": (p) =>
      t("events.outcome.facilitator", { reason: p.reason ?? "", hasReason: yes(!!p.reason) }),
    "outcome.time": (p) => t("events.outcome.time", p),
    "outcome.failure": (p) => t("events.outcome.failure", p),
    "outcome.agreement": () => t("events.outcome.agreement"),
    "phase.began": (p) => t("events.phase.began", p),
    "turn.adjudicated": (p) => t("events.turn.adjudicated", p),
    "turn.resolved": (p) => t("events.turn.resolved", { turn: p.turn, from: num(p.from), to: num(p.to), rung: p.rung }),
    "escalation.changed": (p) =>
      t("events.escalation.changed", {
        up: yes(p.to > p.from),
        delta: num(Math.abs(p.to - p.from)),
        to: num(p.to),
        cause: p.cause,
        rung: p.rung ?? "",
        hasRung: has(p.rung),
      }),
    "redline.crossed": (p) => t("events.redline.crossed", p),
    "cause.pressure": (p) => t("events.cause.pressure", { team: p.team, pressure: num(p.pressure) }),
    "cause.quiet-turn": () => t("events.cause.quiet-turn"),
    "cause.statement": (p) => t("events.cause.statement", { parties: h.and(p.parties) }),
    "cause.accusation": (p) => t("events.cause.accusation", p),
    "cause.dispute": () => t("events.cause.dispute"),
    "cause.cbm-adopted": (p) => t("events.cause.cbm-adopted", { parties: h.and(p.parties), cbm: p.cbm }),
    "cause.breach": (p) => t("events.cause.breach", p),
    "cause.timeline-missed": (p) => t("events.cause.timeline-missed", p),
    "cause.control": (p) => t("events.cause.control", p),
    "cause.hotline": (p) => t("events.cause.hotline", { a: p.a, b: p.b, kind: h.kind(p.kind) }),
    "cause.inject": (p) => t("events.cause.inject", p),
    "cause.developments": () => t("events.cause.developments"),
    "cause.convened": (p) => t("events.cause.convened", p),
    "cause.perceived": (p) => t("events.cause.perceived", p),
    "cause.action": (p) => t("events.cause.action", p),
    "cause.disproportionate": (p) => t("events.cause.disproportionate", p),
    "cause.hostile-activity": () => t("events.cause.hostile-activity"),
    "cause.restraint": (p) => t("events.cause.restraint", p),
    "orders.submitted": (p) => t("events.orders.submitted", p),
    "orders.withdrawn": (p) => t("events.orders.withdrawn", p),
    "orders.carried-out": (p) => t("events.orders.carried-out", p),
    "action.resolved": (p) => t("events.action.resolved", { actor: p.actor, action: p.action, ...target(p) }),
    "action.resolved.covert": (p) =>
      t("events.action.resolved.covert", { actor: p.actor, action: p.action, ...target(p) }),
    "action.disproportionate": (p) => t("events.action.disproportionate", p),
    "action.unprovoked": (p) => t("events.action.unprovoked", p),
    "actor.unidentified": () => t("events.actor.unidentified"),
    misperception: (p) => t("events.misperception", { ...p, notified: yes(p.notified) }),
    "misperception.control": (p) =>
      t("events.misperception.control", { ...p, roll: h.dec2(p.roll), chance: h.dec2(p.chance) }),
    "action.failed": (p) =>
      t("events.action.failed", {
        team: p.team,
        action: p.action,
        target: p.target ?? "",
        hasTarget: has(p.target),
        deterred: yes(p.deterred),
      }),
    "action.caught": (p) => t("events.action.caught", p),
    "perception.correct": (p) => t("events.perception.correct", { ...p, notified: yes(p.notified) }),
    "incident.occurred": (p) =>
      t("events.incident.occurred", {
        victim: p.victim,
        sector: h.sector(p.sector),
        title: p.title,
        ...suspect(p.suspect),
        confidence: pct(p.confidence),
        public: yes(p.public),
      }),
    "incident.truth": (p) => t("events.incident.truth", { culprit: p.culprit ?? "", hasCulprit: has(p.culprit) }),
    "incident.confirmed": (p) => t("events.incident.confirmed", verified(p)),
    "incident.corrected": (p) => t("events.incident.corrected", verified(p)),
    "incident.weakened": (p) => t("events.incident.weakened", verified(p)),
    "incident.inconclusive": (p) => t("events.incident.inconclusive", verified(p)),
    investigators: (p) => t("events.investigators", p),
    "evidence.changed": (p) =>
      t("events.evidence.changed", {
        title: p.title,
        ...suspect(p.suspect),
        confidence: pct(p.confidence),
        stronger: yes(p.stronger),
      }),
    "evidence.shared": (p) => t("events.evidence.shared", p),
    "attribution.made": (p) => t("events.attribution.made", { ...p, confidence: pct(p.confidence) }),
    "attribution.correct": () => t("events.attribution.correct"),
    "attribution.misattributed": (p) =>
      t("events.attribution.misattributed", {
        culprit: p.culprit ?? "",
        hasCulprit: has(p.culprit),
        accused: p.accused,
      }),
    "attribution.known-false": (p) => t("events.attribution.known-false", p),
    "attribution.denied": (p) => t("events.attribution.denied", p),
    "attribution.questioned": (p) => t("events.attribution.questioned", { ...p, confidence: pct(p.confidence) }),
    "hotline.sent": (p) =>
      t("events.hotline.sent", { from: p.from, to: p.to, kind: h.kind(p.kind), relay: yes(p.relay) }),
    "hotline.answered": (p) =>
      t("events.hotline.answered", {
        from: p.from,
        to: p.to,
        kind: h.kind(p.kind),
        after: h.duration(p.answeredAfterMs),
        timely: yes(p.timely),
      }),
    "hotline.unanswered": (p) => t("events.hotline.unanswered", { ...p, kind: h.kind(p.kind) }),
    "proposal.made": (p) =>
      t("events.proposal.made", {
        proposer: p.proposer,
        cbm: p.cbm ?? "",
        isCbm: has(p.cbm),
        parties: h.and(p.parties),
      }),
    "proposal.accepted": (p) => t("events.proposal.accepted", { by: p.by, text: short(p.text) }),
    "proposal.rejected": (p) => t("events.proposal.rejected", { by: p.by, text: short(p.text) }),
    "proposal.withdrawn": (p) => t("events.proposal.withdrawn", { proposer: p.proposer, text: short(p.text) }),
    "statement.joint": (p) => t("events.statement.joint", { parties: h.and(p.parties), text: p.text }),
    "agreement.concluded": (p) => t("events.agreement.concluded", { holdTurns: p.holdTurns }),
    "agreement.collapsed": (p) => t("events.agreement.collapsed", p),
    "agreement.declared": (p) => t("events.agreement.declared", { ends: yes(p.ends) }),
    "agreement.ending": (p) => t("events.agreement.ending", { ends: yes(p.ends) }),
    "pressure.mounting": (p) => t("events.pressure.mounting", { ...p, pressure: num(p.pressure) }),
    "commitment.adopted": (p) => t("events.commitment.adopted", { parties: h.and(p.parties), cbm: p.cbm }),
    "commitment.broken": (p) => t("events.commitment.broken", p),
    "commitment.fulfilled": (p) => t("events.commitment.fulfilled", p),
    "commitment.missed": (p) => t("events.commitment.missed", p),
    "breach.protected-sectors": (p) =>
      t("events.breach.protected-sectors", { sectors: h.and(p.sectors.map(h.sector)) }),
    "breach.not-notified": () => t("events.breach.not-notified"),
    "breach.covert-operation": () => t("events.breach.covert-operation"),
    "breach.unanswered": (p) => t("events.breach.unanswered", p),
    "breach.timeline-missed": () => t("events.breach.timeline-missed"),
    "restraint.called": (p) =>
      t("events.restraint.called", { ...p, result: p.result === "already-eased" ? "eased" : p.result }),
    "sector.changed": (p) =>
      t("events.sector.changed", {
        team: p.team,
        name: p.name,
        sector: h.sector(p.sector),
        status: h.status(p.status),
        health: num(p.health),
      }),
    "inject.released": (p) => t("events.inject.released", p),
    "inject.held": (p) => t("events.inject.held", p),
    "inject.skipped": (p) => t("events.inject.skipped", p),
    "inject.unskipped": (p) => t("events.inject.unskipped", p),
    "inject.unheld": (p) => t("events.inject.unheld", p),
    "inject.dropped": (p) =>
      t("events.inject.dropped", { title: p.title, draw: p.draw, chance: pct(p.chance), roll: pct(p.roll ?? 0) }),
    "schedule.turn": (p) => t("events.schedule.turn", p),
    "schedule.either": (p) => h.or(p.parts),
    "schedule.draw": (p) =>
      t("events.schedule.draw", { hasGroup: has(p.group), group: p.group ?? "", chance: pct(p.chance ?? 1) }),
    "condition.escalation": (p) => t("events.condition.escalation", p),
    "condition.action": (p) =>
      t("events.condition.action", {
        by: p.by ?? "",
        hasBy: has(p.by),
        action: p.action,
        against: p.against ?? "",
        hasAgainst: has(p.against),
      }),
    "condition.sector-down": (p) =>
      t("events.condition.sector-down", {
        team: p.team ?? "",
        hasTeam: has(p.team),
        sector: p.sector === null ? "" : h.sector(p.sector),
        hasSector: has(p.sector),
      }),
    "condition.pressure": (p) =>
      t("events.condition.pressure", { team: p.team ?? "", hasTeam: has(p.team), atLeast: num(p.atLeast) }),
    "condition.misattribution": () => t("events.condition.misattribution"),
    "condition.commitment-broken": (p) =>
      t("events.condition.commitment-broken", { cbm: p.cbm ?? "", hasCbm: has(p.cbm) }),
    "condition.attribution": (p) =>
      t("events.condition.attribution", {
        by: p.by ?? "",
        hasBy: has(p.by),
        accused: p.accused ?? "",
        hasAccused: has(p.accused),
        correct: p.correct === null ? "unknown" : yes(p.correct),
      }),
    "condition.measure-adopted": (p) => t("events.condition.measure-adopted", { cbm: p.cbm ?? "", hasCbm: has(p.cbm) }),
    "condition.turn": (p) => t("events.condition.turn", p),
    "condition.all": (p) => t("events.condition.all", { parts: h.and(p.parts) }),
    "condition.some": (p) => t("events.condition.some", { parts: h.or(p.parts) }),
    "condition.not": (p) => t("events.condition.not", p),
    "mediator.convened": (p) =>
      t("events.mediator.convened", { mediator: p.mediator, parties: h.and(p.parties), text: p.text }),
    "observers.visibility": (p) => t("events.observers.visibility", { seeAll: yes(p.seeAll) }),
    "escalation.noted": (p) => t("events.escalation.noted", p),
  };

  function verified(p: { by: string; title: string; suspect: string | null; confidence: number }) {
    return { by: p.by, title: p.title, ...suspect(p.suspect), confidence: pct(p.confidence) };
  }
}
