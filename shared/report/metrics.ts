// The measures of the exercise: escalation against the red lines, first
// contact, commitments, attribution, perception, injects and their follow-up,
// and the notes of observers and control grouped by objective.
import type { GameState, LogEntry } from "../engine/types.ts";
import type { StoredCommand } from "../protocol/recording.ts";
import { WEAK_EVIDENCE } from "../engine/incidents.ts";
import { channelLabel } from "../engine/injects.ts";
import type { Folded } from "./fold.ts";
import type {
  CommitmentLine,
  InjectLine,
  Metrics,
  Misattribution,
  Misperception,
  NoteGroup,
  RedLineMetric,
} from "./types.ts";
import { audienceText, party, rungName } from "./names.ts";
import { escalationDrivers, teamSummaries } from "./team-summary.ts";

export function metrics(f: Folded, commands: readonly StoredCommand[]): Metrics {
  const s = f.final;
  const sc = s.scenario;
  const first = s.messages[0];
  return {
    start: { value: sc.ladder.start, rung: rungName(sc, sc.ladder.start) },
    peak: {
      value: s.peakEscalation,
      rung: rungName(sc, s.peakEscalation),
      seq: f.peak?.seq ?? null,
      turn: f.peak?.turn ?? null,
    },
    final: { value: s.escalation, rung: rungName(sc, s.escalation) },
    drivers: escalationDrivers(s),
    redLines: redLines(s),
    teams: teamSummaries(s),
    firstContact:
      first && f.startAt !== null
        ? {
            ms: first.at - f.startAt,
            seq: first.seq,
            from: party(sc, first.from),
            to: party(sc, first.to),
            turn: first.turn,
          }
        : null,
    commitments: commitments(s),
    incidents: s.incidents.length,
    attributions: attributions(s),
    misattributions: misattributions(s),
    misperceptions: misperceptions(s),
    notifyMessages: s.messages.filter((m) => m.kind === "notify" && m.relayOf === null).length,
    injects: injects(f, commands),
    notes: notes(s),
  };
}

/**
 * Per turn, the highest escalation reached at any moment: the value the turn
 * began with and every value the log records during it.
 */
export function turnMaxima(s: GameState): Map<number, number> {
  const max = new Map<number, number>();
  let cur = s.scenario.ladder.start;
  const open = (upTo: number) => {
    for (let t = 1; t <= upTo; t++) if (!max.has(t)) max.set(t, cur);
  };
  for (const e of s.log) {
    if (e.turn >= 1) open(e.turn);
    if (e.escalation === undefined) continue;
    cur = e.escalation;
    if (e.turn >= 1) max.set(e.turn, Math.max(max.get(e.turn)!, cur));
  }
  open(s.turn);
  return max;
}

function redLines(s: GameState): RedLineMetric[] {
  const sc = s.scenario;
  const maxima = turnMaxima(s);
  return sc.ladder.redLines.map((l) => {
    const from = sc.ladder.rungs.find((r) => r.id === l.rung)?.from ?? 100;
    const crossings = s.log.filter(
      (e) => e.kind === "escalation" && e.ref === l.id && e.text.startsWith("Red line crossed"),
    );
    const anyPoint = [...maxima].filter(([, v]) => v >= from).map(([t]) => t);
    const firstCrossed = crossings[0];
    return {
      id: l.id,
      name: l.name,
      rungName: sc.ladder.rungs.find((r) => r.id === l.rung)?.name ?? l.rung,
      from,
      turnsAtEnd: s.history.filter((h) => h.escalationAfter >= from).length,
      turnsAtAnyPoint: anyPoint.length,
      turnsAtAnyPointList: anyPoint,
      crossings: crossings.length,
      firstCrossed: firstCrossed ? { seq: firstCrossed.seq, at: firstCrossed.at, turn: firstCrossed.turn } : null,
      aboveAtEnd: s.escalation >= from,
    };
  });
}

function commitments(s: GameState): Metrics["commitments"] {
  const sc = s.scenario;
  const lines: CommitmentLine[] = s.commitments.map((c) => {
    const cbm = sc.cbms.find((x) => x.id === c.cbmId);
    return {
      id: c.id,
      cbmId: c.cbmId,
      name: cbm?.name ?? c.cbmId,
      kind: cbm?.kind ?? "",
      parties: c.parties.map((p) => party(sc, p)),
      adoptedTurn: c.adoptedTurn,
      adoptedAt: c.adoptedAt,
      status: c.status,
      breaches: c.breaches.map((b) => ({ breaker: party(sc, b.teamId), turn: b.turn, reason: b.reason })),
    };
  });
  const broken = lines.filter((l) => l.status === "broken").length;
  return { adopted: lines.length, kept: lines.length - broken, broken, lines };
}

function attributions(s: GameState): Metrics["attributions"] {
  const all = s.incidents.flatMap((i) => i.attributions);
  const correct = all.filter((a) => a.correct);
  return {
    total: all.length,
    correct: correct.length,
    weakCorrect: correct.filter((a) => a.confidence < WEAK_EVIDENCE).length,
    verifications: s.incidents.reduce((n, i) => n + i.verifications, 0),
  };
}

function misattributions(s: GameState): Misattribution[] {
  const sc = s.scenario;
  return s.incidents.flatMap((inc) => {
    const logged = s.log.filter(
      (e) => e.kind === "attribution" && e.ref === inc.id && e.text.startsWith("Misattribution:"),
    );
    return inc.attributions
      .filter((a) => !a.correct)
      .map((a, n) => ({
        incidentId: inc.id,
        incident: inc.title,
        by: party(sc, a.by),
        accused: party(sc, a.accused),
        culprit: party(sc, inc.culprit),
        pointedAt: party(sc, a.suspect),
        turn: a.turn,
        confidence: a.confidence,
        seq: logged[n]?.seq ?? null,
      }));
  });
}

function misperceptions(s: GameState): Misperception[] {
  const out: Misperception[] = [];
  s.log.forEach((e, i) => {
    if (e.kind !== "perception" || !e.audience.includes("facilitator") || !e.text.startsWith("Misperception")) return;
    // the target's own entry is logged just before, in the same command: it says whether it was notified
    let told: LogEntry | undefined;
    for (let j = i - 1; j >= 0 && s.log[j]!.seq === e.seq; j--) {
      const p = s.log[j]!;
      if (p.kind === "perception" && p.ref === e.ref && !p.audience.includes("facilitator")) {
        told = p;
        break;
      }
    }
    out.push({
      seq: e.seq,
      at: e.at,
      turn: e.turn,
      text: e.text,
      notified: told?.text.includes("despite the notification") ?? false,
    });
  });
  return out;
}

function injects(f: Folded, commands: readonly StoredCommand[]): InjectLine[] {
  const s = f.final;
  const sc = s.scenario;
  const teamIds = sc.teams.map((t) => t.id);
  const releases = s.log.filter((e) => e.kind === "inject");
  return releases.flatMap((e) => {
    const inj = s.injects.find((i) => i.id === e.ref);
    if (!inj) return [];
    const teams = inj.audience.includes("all") ? teamIds : teamIds.filter((t) => inj.audience.includes(t));
    const windowEnd = f.adjudications.find((a) => a.seq > e.seq)?.seq ?? null;
    const inWindow = (c: StoredCommand) => c.seq > e.seq && (windowEnd === null || c.seq < windowEnd);
    const followUps = teams.map((t) => {
      const by = commands.filter((c) => inWindow(c) && c.actor.role === "team" && c.actor.teamId === t);
      const hotlineSeq = by.find((c) => c.command.type === "hotline.send")?.seq ?? null;
      const ordersSeq = by.find((c) => c.command.type === "orders.submit")?.seq ?? null;
      return { team: party(sc, t), hotlineSeq, ordersSeq, followedUp: hotlineSeq !== null || ordersSeq !== null };
    });
    return [
      {
        id: inj.id,
        title: inj.title,
        channel: channelLabel(inj.channel),
        audienceText: audienceText(sc, inj.audience),
        adhoc: inj.adhoc,
        releasedBy: inj.releasedBy ?? "",
        seq: e.seq,
        at: e.at,
        turn: e.turn,
        phase: e.phase,
        windowEndSeq: windowEnd,
        followUps,
      },
    ];
  });
}

function notes(s: GameState): NoteGroup[] {
  const line = (n: GameState["notes"][number]) => ({
    seq: n.seq,
    at: n.at,
    turn: n.turn,
    phase: n.phase,
    role: n.role,
    author: n.author,
    text: n.text,
  });
  const groups: NoteGroup[] = s.scenario.objectives.map((o) => ({
    objective: { id: o.id, text: o.text },
    notes: s.notes.filter((n) => n.objectiveId === o.id).map(line),
  }));
  const loose = s.notes.filter((n) => !n.objectiveId || !s.scenario.objectives.some((o) => o.id === n.objectiveId));
  if (loose.length) groups.push({ objective: null, notes: loose.map(line) });
  return groups;
}
