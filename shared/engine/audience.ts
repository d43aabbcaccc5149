// Who may read an event, and which of its fields: the one place that decides.
// An event's audience is fixed when it happens (audienceOf, called by
// ctx.emit): whoever could see it then read it; an incident shared later does
// not reveal what was said before. `redact` then removes, per viewer, the
// fields that viewer may not know. `view` applies both; so do replay, downloads
// and reports, through `view`.
import type { Audience, GameState, Incident, Viewer } from "./types.ts";
import type { AudienceClass, EscalationCause, EventView, GameEvent, KindOfClass, StoredEvent } from "./events.ts";
import { EVENT_AUDIENCE } from "./events.ts";
import { byId } from "./by-id.ts";

/**
 * What the rule reads of the state: the actions' visibility, the incidents and
 * injects events refer to, the observers' switch. A game state is one.
 */
export interface AudienceState {
  scenario: { actions: readonly { id: string; visibility?: "public" | "target" | "covert" }[] };
  incidents: readonly Incident[];
  injects: readonly { id: string; audience: Audience }[];
  observersSeeAll: boolean;
}

/** Who may see an incident: the victim, the culprit, those it was shared with; everyone once public. */
export function incidentAudience(inc: Incident): Audience {
  if (inc.public) return ["all"];
  const list = new Set<string>([inc.victim, ...inc.sharedWith]);
  if (inc.culprit) list.add(inc.culprit);
  return [...list];
}

/** Who may read an event, decided from its kind's class (events.ts) and, for "rule" kinds, the state at the moment it happens. */
export function audienceOf(e: GameEvent, s: AudienceState): Audience {
  if (ofClass(e, "all")) return ["all"];
  if (ofClass(e, "team")) return [e.team];
  if (ofClass(e, "pair")) return [e.from, e.to];
  if (ofClass(e, "target")) return [e.target];
  if (ofClass(e, "control") || ofClass(e, "control-alone")) return ["facilitator"];
  if (ofClass(e, "control-observers")) return ["facilitator", "observers"];
  if (ofClass(e, "rule")) return ruleAudience(e, s);
  return unknownClass(e);
}

/** An event whose kind is declared of class C. */
type EventOfClass<C extends AudienceClass> = Extract<GameEvent, { type: KindOfClass<C> }>;

function ofClass<C extends AudienceClass>(e: GameEvent, c: C): e is EventOfClass<C> {
  return EVENT_AUDIENCE[e.type] === c;
}

/** The readers of the kinds declared "rule": one case each, and no other kind. */
function ruleAudience(e: EventOfClass<"rule">, s: AudienceState): Audience {
  switch (e.type) {
    case "action.resolved":
      return actionAudience(s, e.action, e.actor, e.target);
    case "action.disproportionate":
      // a covert act's excess is control's: the target does not know who, the actor is not told it was too much
      return isCovert(s, e.action) ? ["facilitator"] : actionAudience(s, e.action, e.actor, e.target);
    case "incident.occurred":
    case "incident.verified":
    case "evidence.changed": {
      const inc = byId(s.incidents, e.incident);
      return inc ? incidentAudience(inc) : ["facilitator"];
    }
    case "proposal.made":
    case "proposal.accepted":
    case "proposal.rejected":
    case "proposal.withdrawn":
      return [...new Set([...e.parties, e.proposer, "mediator"])];
    case "inject.released":
      return [...(byId(s.injects, e.inject)?.audience ?? ["facilitator"])];
    case "mediator.convened":
      return [...e.parties, "mediator"];
    case "value.set":
      return tellAudience(e, s);
    default:
      return unknownClass(e);
  }
}

/** Reached only if a kind or a class lacks its case: the compiler says which (the argument is not `never`). */
function unknownClass(e: never): never {
  throw new Error(`No audience rule for the event ${JSON.stringify(e)}`);
}

/**
 * Whom control told of a value it set: everyone, itself, or the teams it
 * named; of an incident's evidence, "all" means all who know of the incident
 * (control-set.ts refuses to name a team that does not).
 */
function tellAudience(e: Extract<GameEvent, { type: "value.set" }>, s: AudienceState): Audience {
  if (e.tell === "control") return ["facilitator"];
  if (e.tell !== "all") return [...e.tell];
  const inc = e.incident === null ? undefined : byId(s.incidents, e.incident);
  return inc ? incidentAudience(inc) : ["all"];
}

function actionOf(s: AudienceState, id: string) {
  return s.scenario.actions.find((a) => a.id === id);
}

function isCovert(s: AudienceState, action: string): boolean {
  return actionOf(s, action)?.visibility === "covert";
}

/** An ordered action is told to all (public), to its actor and target (target), or to its actor alone (covert). */
function actionAudience(s: AudienceState, action: string, actor: string, target: string | null): Audience {
  const visibility = actionOf(s, action)?.visibility;
  if (visibility === "public") return ["all"];
  if (visibility === "target" && target) return [actor, target];
  return [actor];
}

/** Control, and observers while control lets them see every channel: they read everything, whole (never the public display). */
export function seesAll(s: Pick<GameState, "observersSeeAll">, viewer: Viewer): boolean {
  return viewer.role === "facilitator" || (viewer.role === "observer" && s.observersSeeAll);
}

/** Can this viewer read something addressed to this audience? */
export function canSee(s: Pick<GameState, "observersSeeAll">, viewer: Viewer, audience: Audience): boolean {
  if (seesAll(s, viewer)) return true;
  if (audience.includes("all")) return true;
  switch (viewer.role) {
    case "team":
      return audience.includes(viewer.teamId);
    case "mediator":
      return audience.includes("mediator");
    case "observer":
      return audience.includes("observers");
    case "public":
      // the projector reads what is addressed to all, and nothing else, whatever observers may see
      return false;
    case "facilitator":
      return true;
  }
}

/** May this viewer read this event at all? */
export function mayRead(s: Pick<GameState, "observersSeeAll">, viewer: Viewer, e: StoredEvent): boolean {
  // control's private notes stay control's, whatever observers are allowed to see
  if (EVENT_AUDIENCE[e.type] === "control-alone") return viewer.role === "facilitator";
  return canSee(s, viewer, e.audience);
}

/**
 * The event as this viewer may know it. Control (and observers who see all)
 * get it whole; anyone else loses the audience, the command counter and the
 * secret fields of events.ts's `SecretFields`, and reads a public cause in
 * place of a secret one. Only call it for an event the viewer may read.
 */
export function redact(e: StoredEvent, viewer: Viewer, s: AudienceState): EventView {
  if (seesAll(s, viewer)) return e;
  const team = viewer.role === "team" ? viewer.teamId : null;
  const { audience: _a, seq: _s, ...rest } = e;
  switch (rest.type) {
    case "misperception": {
      // the target hears only what it read, unless it knows who acted; the dice are control's
      const { chance: _c, roll: _r, actor, action, ...keep } = rest;
      return rest.identified || team === actor ? { ...keep, actor, action } : keep;
    }
    case "action.failed": {
      // the dice are control's
      const { chance: _c, roll: _r, ...keep } = rest;
      return keep;
    }
    case "perception.correct": {
      const { actor, ...keep } = rest;
      return rest.identified || team === actor ? { ...keep, actor } : keep;
    }
    case "incident.occurred": {
      // the truth about who did it is control's; a culprit knows its own deed
      const { culprit, ...keep } = rest;
      return team !== null && team === culprit ? { ...keep, culprit } : keep;
    }
    case "attribution.made": {
      // whether the accusation was right: the accused and the culprit know, nobody else is told
      const { culprit, correct, ...keep } = rest;
      if (team !== null && team === culprit) return { ...keep, correct, culprit };
      return team !== null && team === rest.accused ? { ...keep, correct } : keep;
    }
    case "escalation.changed":
      return { ...rest, cause: publicCause(rest.cause, viewer, s) };
    case "value.set": {
      // whom else control told is control's: a reader learns only that it was told
      const { tell: _t, ...keep } = rest;
      return keep;
    }
    default:
      return rest;
  }
}

/** A cause that names what the viewer may not know becomes the words everyone else heard. */
function publicCause(cause: EscalationCause, viewer: Viewer, s: AudienceState): EscalationCause {
  switch (cause.kind) {
    case "inject": {
      // an inject is named only to those it was released to
      const inj = s.injects.find((i) => i.id === cause.inject);
      return inj && canSee(s, viewer, inj.audience) ? cause : { kind: "developments" };
    }
    case "action":
    case "disproportionate":
      // a covert act is nobody's to name but control's and its actor's
      if (!isCovert(s, cause.action)) return cause;
      return viewer.role === "team" && viewer.teamId === cause.actor ? cause : { kind: "hostile-activity" };
    default:
      return cause;
  }
}

/** A viewer who is nobody in particular: it knows only what every reader of an event knows. */
const NOBODY: Viewer = { role: "team", teamId: "\u0000" };

/**
 * What every reader of an event knows of it: the basis of its id (ids.ts), so
 * an id never derives from a field some of its readers may not know.
 */
export function commonPart(e: StoredEvent, s: Omit<AudienceState, "observersSeeAll">): EventView {
  return redact(e, NOBODY, { ...s, observersSeeAll: false });
}
