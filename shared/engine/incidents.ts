// Incidents and attribution under uncertainty: evidence points at a suspect with
// some confidence; it may point at the wrong state; verification raises it.
import type { Incident, SectorKind, GameState, Viewer } from "./types.ts";
import type { Ctx } from "./context.ts";
import { teamIds } from "./context.ts";
import { changePressure } from "./measures.ts";
import { activeCommitments } from "./commitments.ts";

/** A confidence at or above this makes the victim treat the suspect as hostile. */
export const BELIEVED_CONFIDENCE = 0.5;
/** Public attribution below this draws criticism even when right. */
export const WEAK_EVIDENCE = 0.5;

export interface NewIncident {
  title: string;
  victim: string;
  sector: SectorKind;
  severity: number;
  culprit: string | null;
  suspect: string | null;
  confidence: number;
  public: boolean;
  source: Incident["source"];
}

export function canSeeIncident(s: GameState, inc: Incident, viewer: Viewer): boolean {
  if (viewer.role === "facilitator") return true;
  if (inc.public) return true;
  if (viewer.role === "team")
    return inc.victim === viewer.teamId || inc.culprit === viewer.teamId || inc.sharedWith.includes(viewer.teamId);
  if (viewer.role === "mediator") return inc.sharedWith.includes("mediator");
  return viewer.role === "observer" && s.observersSeeAll;
}

/** Can this party (team id or "mediator") see the incident? */
export function partyCanSee(s: GameState, inc: Incident, party: string): boolean {
  return canSeeIncident(s, inc, party === "mediator" ? { role: "mediator" } : { role: "team", teamId: party });
}

export function createIncident(ctx: Ctx, n: NewIncident): Incident {
  const { s } = ctx;
  const inc: Incident = {
    // from what everyone who sees it reads in it: who sees an incident changes over time
    id: ctx.nextId("incident", `${n.victim}|${s.turn}|${n.sector}|${n.title}`),
    title: n.title,
    turn: s.turn,
    at: ctx.at,
    victim: n.victim,
    sector: n.sector,
    severity: n.severity,
    culprit: n.culprit,
    evidence: { suspect: n.suspect, confidence: round2(n.confidence) },
    public: n.public,
    sharedWith: [],
    told: [],
    source: n.source,
    attributions: [],
    verifications: 0,
  };
  // incident-reporting commitments share the evidence with the other parties at once: the victim tells them
  for (const c of activeCommitments(s, "incident-reporting")) {
    if (c.parties.includes(n.victim)) for (const p of c.parties) if (p !== n.victim) shareIncident(inc, p, n.victim);
  }
  s.incidents.push(inc);
  ctx.emit({
    type: "incident.occurred",
    incident: inc.id,
    title: n.title,
    victim: n.victim,
    sector: n.sector,
    severity: n.severity,
    suspect: n.suspect,
    confidence: inc.evidence.confidence,
    public: n.public,
    culprit: n.culprit,
  });
  if (n.public) changePressure(ctx, n.victim, n.severity * 4);
  feelGrievance(ctx, inc);
  return inc;
}

/** A believed suspect becomes a grievance of the victim: it justifies a response. */
export function feelGrievance(ctx: Ctx, inc: Incident): void {
  const suspect = inc.evidence.suspect;
  if (!suspect || suspect === inc.victim || inc.evidence.confidence < BELIEVED_CONFIDENCE) return;
  recordGrievance(ctx, inc.victim, suspect, inc.severity);
}

export function recordGrievance(ctx: Ctx, victim: string, from: string, severity: number): void {
  if (severity <= 0) return;
  const key = `${victim}|${from}`;
  const recent = grievance(ctx.s, victim, from);
  // adjudication reads them as they were before the command: keep that copy (entries are replaced, never changed)
  ctx.grievancesBefore ??= { ...ctx.s.grievances };
  ctx.s.grievances[key] = { severity: Math.max(severity, recent), turn: ctx.s.turn };
}

/** The worst hostility `victim` perceived from `from` as the command began (this turn or the turn before). */
export function grievanceBefore(ctx: Ctx, victim: string, from: string): number {
  return grievance({ turn: ctx.s.turn, grievances: ctx.grievancesBefore ?? ctx.s.grievances }, victim, from);
}

/** The worst hostility `victim` perceived from `from` this turn or the turn before. */
export function grievance(s: Pick<GameState, "turn" | "grievances">, victim: string, from: string): number {
  const g = s.grievances[`${victim}|${from}`];
  return g && g.turn >= s.turn - 1 ? g.severity : 0;
}

/**
 * Verification (by the mediator, or a team's investigation) moves evidence
 * toward the truth: sound evidence gains confidence; evidence pointing the
 * wrong way is either corrected or loses confidence. `by`: the mediator or the investigating team.
 */
export function verifyIncident(ctx: Ctx, inc: Incident, boost: number, correctChance: number, by: string): void {
  const wrong = inc.evidence.suspect !== inc.culprit;
  let corrected = false;
  // rules 3.0: verification has uncertainty of its own: it may find nothing new (and then counts for nothing)
  const m = ctx.s.model;
  if (m.inconclusiveChance > 0 && ctx.random() < m.inconclusiveChance) {
    ctx.emit({
      type: "incident.verified",
      incident: inc.id,
      title: inc.title,
      by,
      result: "inconclusive",
      suspect: inc.evidence.suspect,
      confidence: inc.evidence.confidence,
    });
    return;
  }
  inc.verifications += 1;
  // the victim's government answers it: its own investigators, or the mediator it gave the evidence to
  if (
    !m.legacy &&
    (by === inc.victim || (by === "mediator" && inc.told.some((t) => t.by === inc.victim && t.to === by)))
  )
    inc.answered = true;
  if (!wrong) {
    inc.evidence.confidence = round2(Math.min(0.95, inc.evidence.confidence + boost));
  } else if (ctx.random() < correctChance) {
    // the evidence pointed the wrong way: verification finds the real trail
    inc.evidence.suspect = inc.culprit;
    inc.evidence.confidence = round2(Math.min(0.95, Math.max(inc.evidence.confidence, 0.5) + boost / 2));
    corrected = true;
  } else {
    // planted or weak evidence does not survive scrutiny, even when the truth stays hidden
    inc.evidence.confidence = round2(Math.max(0.05, inc.evidence.confidence - boost / 2));
  }
  ctx.emit({
    type: "incident.verified",
    incident: inc.id,
    title: inc.title,
    by,
    result: corrected ? "corrected" : wrong ? "weakened" : "confirmed",
    suspect: inc.evidence.suspect,
    confidence: inc.evidence.confidence,
  });
  feelGrievance(ctx, inc);
}

/**
 * `by` gives an incident's evidence to another party (team id or "mediator").
 * Who gave it to whom is kept, so a party later sees in `sharedWith` those it
 * told itself, and no one else. True if `by` had not given it to that party
 * before: whether someone else had is not `by`'s to learn, so it changes nothing `by` sees.
 */
export function shareIncident(inc: Incident, withParty: string, by: string): boolean {
  if (withParty === inc.victim) return false;
  // sharing with the culprit looks like sharing with anyone else: refusing it would name the culprit
  if (!inc.sharedWith.includes(withParty)) inc.sharedWith.push(withParty);
  if (inc.told.some((t) => t.by === by && t.to === withParty)) return false;
  inc.told.push({ by, to: withParty });
  return true;
}

/**
 * The parties in an incident's `sharedWith` that `party` may know of: itself,
 * then those it told, in the order it told them (the order of `sharedWith`
 * would show who had been given it first, by whomever).
 */
export function sharedWithKnownTo(inc: Incident, party: string): string[] {
  const told = inc.told.flatMap((t) => (t.by === party && t.to !== party ? [t.to] : []));
  return [...(inc.sharedWith.includes(party) ? [party] : []), ...told.filter((p) => inc.sharedWith.includes(p))];
}

/** The incidents a team may refer to in orders and messages. */
export function incidentsKnownTo(s: GameState, party: string): Incident[] {
  return s.incidents.filter((i) => partyCanSee(s, i, party));
}

export function otherTeam(ctx: Ctx, not: string[]): string | null {
  const pool = teamIds(ctx.s).filter((t) => !not.includes(t));
  if (!pool.length) return null;
  return pool[Math.floor(ctx.random() * pool.length)]!;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
