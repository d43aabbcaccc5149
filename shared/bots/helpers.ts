// Scenario-independent readings of a seat's view that every policy needs:
// who I am, whom I can talk to, what waits for my answer, what I may order.
// Each reads only the view, so a bot using them knows no more than its seat.
import type { Action } from "../scenario/schema.ts";
import type { IncidentView, MessageView, MyTeam, ParticipantView } from "../engine/index.ts";
import type { OrderItemInput } from "../protocol/commands.ts";
import type { Rng } from "./policy.ts";

/** The team seat the view is drawn for, or null for any other seat. */
export function myTeam(v: ParticipantView): MyTeam | null {
  return v.me?.kind === "team" ? v.me : null;
}

/** The party the view belongs to: a team id, "mediator", or null. */
export function myParty(v: ParticipantView): string | null {
  if (v.viewer.role === "team") return v.viewer.teamId;
  return v.viewer.role === "mediator" ? "mediator" : null;
}

/** The other states on the board, in the scenario's order. */
export function otherTeams(v: ParticipantView, me: string): string[] {
  return v.teams.map((t) => t.id).filter((t) => t !== me);
}

/** Whether two parties may talk directly: a hotline between teams, or a mediator in the scenario. */
export function canTalk(v: ParticipantView, a: string, b: string): boolean {
  if (a === b) return false;
  if (a === "mediator" || b === "mediator") return v.mediator !== null;
  return v.hotlines.includes(a < b ? `${a}|${b}` : `${b}|${a}`);
}

/** Messages sent to me that still expect an answer (not replies, not relays, not lapsed). */
export function awaitingAnswer(v: ParticipantView, me: string): MessageView[] {
  return v.messages.filter(
    (m) => m.to === me && !m.answeredBy && !m.lapsed && m.replyTo === null && m.relayOf === null,
  );
}

/** Whether I already sent `to` a message of this kind (about this incident) this turn. */
export function sentThisTurn(
  v: ParticipantView,
  me: string,
  to: string,
  kind: string,
  incidentId: string | null = null,
): boolean {
  return v.messages.some(
    (m) =>
      m.from === me &&
      m.to === to &&
      m.kind === kind &&
      m.turn === v.exercise.turn &&
      (incidentId === null || m.incidentId === incidentId),
  );
}

/** The incidents the view shows with `team` as their victim. */
export function incidentsAgainst(v: ParticipantView, team: string): IncidentView[] {
  return v.incidents.filter((i) => i.victim === team);
}

/** The state the evidence points at, if it is another state than the victim and me. */
export function suspectOf(i: IncidentView, me: string): string | null {
  const s = i.evidence.suspect;
  return s && s !== me && s !== i.victim ? s : null;
}

/** The kind of the current phase while the exercise runs (null when paused, not started or ended). */
export function phaseKind(v: ParticipantView): string | null {
  return v.exercise.status === "running" ? (v.exercise.phase?.kind ?? null) : null;
}

/** One item chosen with the seat's rng, or undefined from an empty list. */
export function pick<T>(items: readonly T[], rng: Rng): T | undefined {
  return items.length ? items[Math.floor(rng() * items.length)] : undefined;
}

/** Adds an order item if the team can still afford it; returns the points left. */
export function addOrder(items: OrderItemInput[], left: number, a: Action, item: Omit<OrderItemInput, "actionId">) {
  if (a.cost > left || items.length >= 10) return left;
  items.push({ actionId: a.id, ...item });
  return left - a.cost;
}

/** The order item an action needs aimed at `target` (a sector of theirs when the action takes one). */
export function aimAt(
  v: ParticipantView,
  a: Action,
  target: string,
  rng: Rng,
): Omit<OrderItemInput, "actionId"> | null {
  if (a.target === "sector") {
    const sectors = v.teams.find((t) => t.id === target)?.sectors ?? [];
    const s = pick(sectors, rng);
    return s ? { target, sector: s.kind } : null;
  }
  if (a.target === "state") return { target };
  if (a.target === "none") return {};
  return null;
}

/** Open proposals I am a party to and have not answered yet. */
export function proposalsToAnswer(v: ParticipantView, me: string) {
  return v.proposals.filter((p) => p.status === "open" && p.parties.includes(me) && !p.accepted.includes(me));
}

/** Measures of the scenario not yet in force nor on the table between all of `parties`. */
export function measuresNotInForce(v: ParticipantView, parties: string[]) {
  const same = (a: string[]) => a.length === parties.length && a.every((p) => parties.includes(p));
  return v.cbms.filter(
    (c) =>
      // active or fulfilled: the engine refuses both again ("already in force"); only a broken one may be renewed
      !v.commitments.some((k) => k.status !== "broken" && k.cbmId === c.id && same(k.parties)) &&
      !v.proposals.some((p) => p.status === "open" && p.cbmId === c.id && same(p.parties)),
  );
}

/** The teams that may propose and be party to measures and statements: every one but non-state actors. */
export function negotiators(v: ParticipantView): string[] {
  return v.teams.filter((t) => t.role !== "non-state").map((t) => t.id);
}

/** Whether this team may propose and accept measures and statements (a non-state actor may not). */
export function negotiates(v: ParticipantView, team: string): boolean {
  return negotiators(v).includes(team);
}

/** Whether I already called for restraint this turn (the log shows my own calls). */
export function calledRestraint(v: ParticipantView, me: string): boolean {
  return v.log.some((e) => e.type === "restraint.called" && e.caller === me && e.turn === v.exercise.turn);
}
