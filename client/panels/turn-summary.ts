// What a turn's adjudication changed, as figures to draw: escalation from → to
// with each cause, each state's sectors, standing and pressure, and trust
// between pairs. Escalation and sectors come from the turn's events in the
// viewer's own view; standing, pressure and trust have no events, so their
// "before" is the board as this viewer last saw it before the adjudication
// (a Baseline), and without one only the value after is shown.
import { eventWords } from "../i18n/index.ts";
import type { EventView, ParticipantView } from "../../shared/engine/index.ts";
import { sectorStatus, type SectorStatus } from "../../shared/engine/measures.ts";
import { describeCause, glossaryOf } from "../../shared/words/index.ts";

/** The board's figures at one moment: what a summary compares against. */
export interface Baseline {
  turn: number;
  teams: Record<string, { standing: number; pressure: number; sectors: Record<string, number> }>;
  trust: Record<string, number>;
}

/** A figure before and after; `from` null when the summary has no record of it before. */
export interface Change {
  from: number | null;
  to: number;
}

export interface SectorChange extends Change {
  kind: string;
  name: string;
  status: SectorStatus;
}

export interface TeamChange {
  id: string;
  name: string;
  color: string;
  standing: Change;
  pressure: Change;
  sectors: SectorChange[];
}

export interface TurnSummary {
  turn: number;
  escalation: { from: number; to: number; rung: string; causes: { delta: number; text: string }[] } | null;
  teams: TeamChange[];
  trust: { a: string; b: string; names: [string, string]; change: Change }[];
  /** the other lines of the turn (incidents, misperceptions…): how many, for "the full list" */
  events: EventView[];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The board's figures in a view, to compare with after the adjudication. */
export function baselineOf(v: ParticipantView): Baseline {
  const teams: Baseline["teams"] = {};
  for (const t of v.teams)
    teams[t.id] = {
      standing: t.standing,
      pressure: t.pressure,
      sectors: Object.fromEntries(t.sectors.map((s) => [s.kind, s.health])),
    };
  const trust: Record<string, number> = {};
  for (const t of v.trust) trust[pairKey(t.a, t.b)] = t.value;
  return { turn: v.exercise.turn, teams, trust };
}

/** Whether the view is in a turn's adjudication or summary and the orders of its turn are resolved (not under review). */
export function resolved(v: ParticipantView): boolean {
  const kind = v.exercise.phase?.kind;
  return (kind === "adjudication" && !v.exercise.underReview) || kind === "summary";
}

/** The events of a turn's adjudication, as the viewer's view holds them (but the phase's own beginning). */
export function adjudicationEvents(v: ParticipantView, turn: number): EventView[] {
  const adjudication = v.exercise.phases.find((p) => p.kind === "adjudication")?.id;
  return v.log.filter((e) => e.turn === turn && e.phase === adjudication && e.type !== "phase.began");
}

const change = (from: number | undefined, to: number): Change => ({ from: from ?? null, to });
const moved = (c: Change) => c.from !== null && c.from !== c.to;

/** What the turn's adjudication changed, as the viewer may know it; `before` of another turn is ignored. */
export function turnSummary(v: ParticipantView, turn: number, before: Baseline | null): TurnSummary {
  const base = before?.turn === turn ? before : null;
  const events = adjudicationEvents(v, turn);
  const names = glossaryOf(v);
  const resolvedEvent = events.find((e) => e.type === "turn.resolved");
  const causes = events.flatMap((e) =>
    e.type === "escalation.changed"
      ? [{ delta: e.to - e.from, text: describeCause(e.cause, names, eventWords()) }]
      : [],
  );
  const escalation =
    resolvedEvent?.type === "turn.resolved"
      ? {
          from: resolvedEvent.from,
          to: resolvedEvent.to,
          rung: v.ladder.rungs.find((r) => r.id === resolvedEvent.rung)?.name ?? resolvedEvent.rung,
          causes,
        }
      : null;
  // a sector's health before: the baseline's, else the one its previous change in the log left
  const sectorEvents = events.filter((e) => e.type === "sector.changed");
  const teams: TeamChange[] = [];
  for (const t of v.teams) {
    const was = base?.teams[t.id];
    const sectors: SectorChange[] = [];
    for (const s of t.sectors) {
      const touched = sectorEvents.some((e) => e.type === "sector.changed" && e.team === t.id && e.sector === s.kind);
      const from = was?.sectors[s.kind];
      if (!touched && (from === undefined || from === s.health)) continue;
      sectors.push({ kind: s.kind, name: s.name, status: sectorStatus(s.health), ...change(from, s.health) });
    }
    const standing = change(was?.standing, t.standing);
    const pressure = change(was?.pressure, t.pressure);
    if (sectors.length || moved(standing) || moved(pressure) || !base)
      teams.push({ id: t.id, name: t.name, color: t.color, standing, pressure, sectors });
  }
  const teamName = (id: string) => v.teams.find((t) => t.id === id)?.name ?? id;
  const trust = v.trust
    .map((t) => ({
      a: t.a,
      b: t.b,
      names: [teamName(t.a), teamName(t.b)] as [string, string],
      change: change(base?.trust[pairKey(t.a, t.b)], t.value),
    }))
    .filter((t) => moved(t.change));
  return { turn, escalation, teams, trust, events };
}
