// describe(event, scenario, viewer): an event in words for one viewer. It says
// only what the event it is given holds; an event a team or the mediator reads
// is first redacted for it (audience.ts), so no caller can make it tell a
// viewer more than that viewer may know.
import type { Audience, OutcomeKind, Viewer } from "../engine/types.ts";
import type { ParticipantView } from "../engine/view.ts";
import type { BreachReason, EscalationCause, EventCategory, EventView, GameEvent } from "../engine/events.ts";
import { categoryOf } from "../engine/events.ts";
import { redact, type AudienceState } from "../engine/audience.ts";
import { CATEGORY_LABEL_EN, CHANNEL_LABEL_EN, en, type Words } from "./en.ts";
import { partyName, type Cast } from "./format.ts";
import { actionName, cbmName, phaseName, rungName } from "./names.ts";
import { describeReviewEvent, reviewEn, type ReviewWords } from "./review-en.ts";
import { describeBreach, describeCause } from "./causes.ts";

export { describeBreach, describeCause };

/**
 * The names an event's words need: a scenario is one; so is what a
 * participant's view holds (glossaryOf), which leaves out what it may not know.
 */
export interface Glossary extends Cast {
  turns: number;
  phases: readonly { id: string; name: string }[];
  ladder: {
    rungs: readonly { id: string; name: string; from: number }[];
    redLines: readonly { id: string; name: string }[];
  };
  teams: readonly { id: string; name: string; sectors: readonly { kind: string; name: string }[] }[];
  actions: readonly { id: string; name: string; visibility?: "public" | "target" | "covert" }[];
  cbms: readonly { id: string; name: string }[];
  injects: readonly { id: string; title: string; audience?: Audience }[];
}

/** A language: its sentences and its labels. */
export interface Language {
  words: Words;
  category: { readonly [C in EventCategory]: string };
  channel: Readonly<Record<string, string>>;
  /** control's review: its events, the values it sets (English when absent) */
  review?: ReviewWords;
}

export const EN: Language = { words: en, category: CATEGORY_LABEL_EN, channel: CHANNEL_LABEL_EN, review: reviewEn };

/** The sentence that tells this viewer what happened. */
export function describe(event: GameEvent | EventView, sc: Glossary, viewer: Viewer, lang: Language = EN): string {
  const e =
    viewer.role === "team" || viewer.role === "mediator" ? redact(asStored(event), viewer, scenarioOnly(sc)) : event;
  return sentence(e, sc, viewer, lang);
}

/** The label of an event's category ("Hotline", "Infrastructure", …). */
export function categoryLabel(e: { type: GameEvent["type"] }, lang: Language = EN): string {
  return lang.category[categoryOf(e)];
}

/** The label of an inject channel ("CERT bulletin"). */
export function channelLabel(channel: string, lang: Language = EN): string {
  return lang.channel[channel] ?? channel;
}

function sentence(e: GameEvent | EventView, sc: Glossary, viewer: Viewer, lang: Language): string {
  const w = lang.words;
  const name = (id: string) => partyName(sc, id);
  const maybe = (id: string | null) => (id === null ? null : name(id));
  switch (e.type) {
    case "exercise.started":
      return w["exercise.started"]({ title: e.title });
    case "exercise.paused":
      return w["exercise.paused"]({ reason: e.reason });
    case "exercise.resumed":
      return w["exercise.resumed"]();
    case "exercise.ended":
      return w["exercise.ended"]({ outcome: outcomeWords(e.outcome, e.reason, sc, lang) });
    case "phase.began":
      return w["phase.began"]({ turn: e.turn, turns: sc.turns, phase: phaseName(sc, e.phase) });
    case "turn.adjudicated":
      return w["turn.adjudicated"]({ turn: e.turn, submitted: e.submitted, teams: e.teams });
    case "turn.resolved":
      return w["turn.resolved"]({ turn: e.turn, from: e.from, to: e.to, rung: rungName(sc, e.rung) });
    case "escalation.changed": {
      const after = rungAt(sc, e.to);
      const rung = after !== rungAt(sc, e.from) ? (sc.ladder.rungs[after]?.name ?? null) : null;
      return w["escalation.changed"]({ from: e.from, to: e.to, cause: describeCause(e.cause, sc, lang), rung });
    }
    case "redline.crossed":
      return w["redline.crossed"]({ line: sc.ladder.redLines.find((l) => l.id === e.line)?.name ?? e.line });
    case "orders.submitted":
      return w["orders.submitted"]({ by: e.by, team: name(e.team), actions: e.actions, cost: e.cost });
    case "orders.withdrawn":
      return w["orders.withdrawn"]({ by: e.by, team: name(e.team) });
    case "orders.carried-out":
      return w["orders.carried-out"]({ team: name(e.team), turn: e.turn });
    case "action.resolved": {
      const p = { actor: name(e.actor), action: actionName(sc, e.action), target: maybe(e.target), sector: e.sector };
      // control reads which acts were covert; the actor knows its own
      const own = viewer.role === "team" && viewer.teamId === e.actor;
      return e.covert && !own ? w["action.resolved.covert"](p) : w["action.resolved"](p);
    }
    case "action.disproportionate": {
      const p = { actor: name(e.actor), action: actionName(sc, e.action), severity: e.severity };
      return e.provocation
        ? w["action.disproportionate"]({ ...p, provocation: e.provocation })
        : w["action.unprovoked"]({ ...p, target: name(e.target) });
    }
    case "misperception": {
      const target = name(e.target);
      if (e.actor !== undefined && e.action !== undefined && e.roll !== undefined && e.chance !== undefined)
        return w["misperception.control"]({
          target,
          actor: name(e.actor),
          action: actionName(sc, e.action),
          perceivedAs: e.perceivedAs,
          roll: e.roll,
          chance: e.chance,
        });
      const actor = e.actor === undefined ? w["actor.unidentified"]() : name(e.actor);
      return w.misperception({ target, actor, perceivedAs: e.perceivedAs, notified: e.notified });
    }
    case "action.failed":
      return w["action.failed"]({
        team: name(e.team),
        action: actionName(sc, e.action),
        target: maybe(e.target),
        deterred: e.deterred,
      });
    case "action.caught":
      return w["action.caught"]({ actor: name(e.from), target: name(e.to), action: actionName(sc, e.action) });
    case "perception.correct": {
      const actor = e.actor === undefined ? w["actor.unidentified"]() : name(e.actor);
      return w["perception.correct"]({
        target: name(e.target),
        actor,
        action: actionName(sc, e.action),
        notified: e.notified,
      });
    }
    case "incident.occurred": {
      const told = w["incident.occurred"]({
        victim: name(e.victim),
        sector: e.sector,
        title: e.title,
        suspect: maybe(e.suspect),
        confidence: e.confidence,
        public: e.public,
      });
      // the truth, to control, when the evidence points elsewhere
      const self = viewer.role === "team" && viewer.teamId === e.culprit;
      return e.culprit !== undefined && e.culprit !== e.suspect && !self
        ? `${told}. ${w["incident.truth"]({ culprit: maybe(e.culprit) })}`
        : told;
    }
    case "incident.verified": {
      const by = e.by === "mediator" ? name("mediator") : w.investigators({ team: name(e.by) });
      const p = { by, title: e.title, suspect: maybe(e.suspect), confidence: e.confidence };
      if (e.result === "corrected") return w["incident.corrected"](p);
      if (e.result === "inconclusive") return w["incident.inconclusive"](p);
      return e.result === "weakened" ? w["incident.weakened"](p) : w["incident.confirmed"](p);
    }
    case "evidence.changed":
      return w["evidence.changed"]({
        title: e.title,
        suspect: maybe(e.suspect),
        confidence: e.confidence,
        stronger: e.delta >= 0,
      });
    case "evidence.shared":
      return w["evidence.shared"]({ from: name(e.from), title: e.title, to: name(e.to) });
    case "attribution.made": {
      const accused = name(e.accused);
      const told = w["attribution.made"]({
        accuser: name(e.accuser),
        title: e.title,
        accused,
        confidence: e.confidence,
      });
      if (e.correct === undefined) return told;
      if (e.correct) return `${told}. ${w["attribution.correct"]()}`;
      // control and the culprit know who did it; the accused knows only that it did not
      return e.culprit !== undefined
        ? `${told}. ${w["attribution.misattributed"]({ culprit: maybe(e.culprit), accused })}`
        : `${told}. ${w["attribution.known-false"]({ accused })}`;
    }
    case "attribution.denied":
      return w["attribution.denied"]({ accused: name(e.accused) });
    case "attribution.questioned":
      return w["attribution.questioned"]({ accuser: name(e.accuser), confidence: e.confidence });
    case "hotline.sent":
      return w["hotline.sent"]({ from: name(e.from), to: name(e.to), kind: e.kind, relay: e.relay });
    case "hotline.answered":
      return w["hotline.answered"]({
        from: name(e.from),
        to: name(e.to),
        kind: e.kind,
        answeredAfterMs: e.answeredAfterMs,
        timely: e.timely,
      });
    case "hotline.unanswered":
      return w["hotline.unanswered"]({ from: name(e.from), to: name(e.to), kind: e.kind });
    case "proposal.made": {
      const cbm = e.cbm !== null ? cbmName(sc, e.cbm) : null;
      return w["proposal.made"]({ proposer: name(e.proposer), cbm, parties: e.parties.map(name) });
    }
    case "proposal.accepted":
      return w["proposal.accepted"]({ by: name(e.by), text: e.text });
    case "proposal.rejected":
      return w["proposal.rejected"]({ by: name(e.by), text: e.text });
    case "proposal.withdrawn":
      return w["proposal.withdrawn"]({ proposer: name(e.proposer), text: e.text });
    case "statement.joint":
      return w["statement.joint"]({ parties: e.parties.map(name), text: e.text });
    case "agreement.concluded":
      return w["agreement.concluded"]({ holdTurns: e.holdTurns, ends: e.ends });
    case "agreement.collapsed":
      return w["agreement.collapsed"]({ turn: e.turn });
    case "agreement.declared":
      return w["agreement.declared"]({ ends: e.ends });
    case "agreement.ending":
      return w["agreement.ending"]({ ends: e.ends });
    case "pressure.mounting":
      return w["pressure.mounting"]({ team: name(e.team), incidents: e.incidents, pressure: e.pressure });
    case "commitment.adopted":
      return w["commitment.adopted"]({ parties: e.parties.map(name), cbm: cbmName(sc, e.cbm) });
    case "commitment.broken":
      return w["commitment.broken"]({
        team: name(e.team),
        cbm: cbmName(sc, e.cbm),
        reason: describeBreach(e.reason, sc, lang),
      });
    case "commitment.fulfilled":
      return w["commitment.fulfilled"]({ cbm: cbmName(sc, e.cbm) });
    case "commitment.missed":
      return w["commitment.missed"]({ cbm: cbmName(sc, e.cbm), rung: rungName(sc, e.rung) });
    case "restraint.called":
      return w["restraint.called"]({ caller: name(e.caller), target: name(e.target), result: e.result });
    case "sector.changed": {
      const sector = sc.teams.find((t) => t.id === e.team)?.sectors.find((x) => x.kind === e.sector);
      return w["sector.changed"]({
        team: name(e.team),
        name: sector?.name ?? e.sector,
        sector: e.sector,
        status: e.status,
        health: e.health,
      });
    }
    case "inject.released":
      return w["inject.released"]({ channel: channelLabel(e.channel, lang), title: e.title });
    case "inject.held":
      return w["inject.held"]({ title: e.title });
    case "inject.skipped":
      return w["inject.skipped"]({ title: e.title });
    case "inject.unskipped":
      return w["inject.unskipped"]({ title: e.title });
    case "inject.unheld":
      return w["inject.unheld"]({ title: e.title });
    case "inject.dropped":
      return w["inject.dropped"]({ title: e.title, draw: e.draw, chance: e.chance, roll: e.roll });
    case "mediator.convened":
      return w["mediator.convened"]({ mediator: name("mediator"), parties: e.parties.map(name), text: e.text });
    case "observers.visibility":
      return w["observers.visibility"]({ seeAll: e.seeAll });
    case "escalation.noted":
      return w["escalation.noted"]({ note: e.note });
    case "adjudication.mode":
    case "adjudication.under-review":
    case "adjudication.approved":
    case "order.struck":
    case "value.set":
      return describeReviewEvent(e, sc, lang.review);
  }
}

/** What wording an ending needs of the scenario: a Glossary, or a page's slice of it (turns, rung names). */
export interface OutcomeGlossary {
  turns: number;
  ladder: { rungs: readonly { name: string }[] };
}

/** How an exercise ended, in words: the engine stores only its kind and control's reason. */
export function outcomeWords(
  outcome: OutcomeKind,
  reason: string | null,
  sc: OutcomeGlossary,
  lang: Language = EN,
): string {
  const w = lang.words;
  switch (outcome) {
    case "facilitator":
      return w["outcome.facilitator"]({ reason });
    case "time":
      return w["outcome.time"]({ turns: sc.turns });
    case "failure":
      return w["outcome.failure"]({ rung: sc.ladder.rungs.at(-1)?.name ?? "" });
    case "agreement":
      return w["outcome.agreement"]();
  }
}

/** The rung a value stands on (the engine's rungIndex, over names only). */
function rungAt(sc: Glossary, value: number): number {
  let idx = 0;
  sc.ladder.rungs.forEach((r, i) => {
    if (value >= r.from) idx = i;
  });
  return idx;
}

const redactionStates = new WeakMap<Glossary, AudienceState>();

/** What the rule needs to redact for a team or the mediator: the actions' visibility, the injects' audiences. */
function scenarioOnly(sc: Glossary): AudienceState {
  let s = redactionStates.get(sc);
  if (!s)
    redactionStates.set(
      sc,
      (s = {
        scenario: { actions: sc.actions },
        incidents: [],
        // an inject whose audience is not known is not named
        injects: sc.injects.flatMap((i) => (i.audience ? [{ id: i.id, audience: i.audience }] : [])),
        observersSeeAll: false,
      }),
    );
  return s;
}

/** redact strips the audience and counter; an event as viewed may lack them already. */
function asStored(e: GameEvent | EventView): Parameters<typeof redact>[0] {
  return { seq: 0, audience: [], ...e } as Parameters<typeof redact>[0];
}

/** What a participant's view tells of the scenario's names: enough for its own log, nothing more. */
export function glossaryOf(v: ParticipantView): Glossary {
  let g = glossaries.get(v);
  if (!g) {
    g = {
      turns: v.exercise.turns,
      phases: v.exercise.phases,
      ladder: v.ladder,
      teams: v.teams,
      mediator: v.mediator,
      actions: Object.entries(v.actionNames).map(([id, name]) => ({ id, name })),
      cbms: v.cbms,
      injects: v.injects,
    };
    glossaries.set(v, g);
  }
  return g;
}

const glossaries = new WeakMap<ParticipantView, Glossary>();
