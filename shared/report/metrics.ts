// The measures of the exercise: escalation against the red lines, first
// contact, commitments, attribution, perception, injects and their follow-up,
// and the notes of observers and control grouped by objective.
import type { GameState } from "../engine/types.ts";
import type { StoredCommand } from "../protocol/recording.ts";
import { escalationAfter } from "../engine/events.ts";
import { canSee } from "../engine/audience.ts";
import { WEAK_EVIDENCE } from "../engine/incidents.ts";
import { actionName, channelLabel, type Language } from "../words/index.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";
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
import { audienceText, breachWords, party, rungName } from "./names.ts";
import { escalationDrivers, teamSummaries } from "./team-summary.ts";
import { eventsOf, sentence, toldTo } from "./events.ts";

/** rl: the report's language, and the words events are told in (English unless asked). */
export function metrics(f: Folded, commands: readonly StoredCommand[], rl: ReportLanguage = reportLanguage()): Metrics {
  const lang: Language = rl.words;
  const s = f.final;
  const sc = s.scenario;
  const first = eventsOf(s.log, "hotline.sent")[0];
  return {
    start: { value: sc.ladder.start, rung: rungName(sc, sc.ladder.start) },
    peak: {
      value: s.peakEscalation,
      rung: rungName(sc, s.peakEscalation),
      seq: f.peak?.seq ?? null,
      turn: f.peak?.turn ?? null,
    },
    final: { value: s.escalation, rung: rungName(sc, s.escalation) },
    drivers: escalationDrivers(s, 5, lang),
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
    commitments: commitments(s, lang),
    incidents: s.incidents.length,
    attributions: attributions(s),
    misattributions: misattributions(s, rl),
    misperceptions: misperceptions(s, lang),
    notifyMessages: eventsOf(s.log, "hotline.sent").filter((e) => e.kind === "notify" && !e.relay).length,
    injects: injects(f, commands, rl),
    notes: notes(s),
  };
}

/**
 * Per turn, the highest escalation reached at whichever moment: the value the turn
 * began with and every value its events moved or marked the meter to.
 */
export function turnMaxima(s: GameState): Map<number, number> {
  const max = new Map<number, number>();
  let cur = s.scenario.ladder.start;
  const open = (upTo: number) => {
    for (let t = 1; t <= upTo; t++) if (!max.has(t)) max.set(t, cur);
  };
  for (const e of s.log) {
    if (e.turn >= 1) open(e.turn);
    const value = escalationAfter(e);
    if (value === undefined) continue;
    cur = value;
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
    const crossings = eventsOf(s.log, "redline.crossed").filter((e) => e.line === l.id);
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

function commitments(s: GameState, lang: Language): Metrics["commitments"] {
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
      breaches: c.breaches.map((b) => ({
        breaker: party(sc, b.teamId),
        turn: b.turn,
        reason: breachWords(sc, b.reason, lang),
        why: b.reason,
      })),
    };
  });
  const broken = lines.filter((l) => l.status === "broken").length;
  return { adopted: lines.length, kept: lines.length - broken, broken, lines };
}

/** Public attributions, from the "attribution.made" events; verifications from "incident.verified". */
function attributions(s: GameState): Metrics["attributions"] {
  const all = eventsOf(s.log, "attribution.made");
  const correct = all.filter((a) => a.correct);
  return {
    total: all.length,
    correct: correct.length,
    weakCorrect: correct.filter((a) => a.confidence < WEAK_EVIDENCE).length,
    verifications: eventsOf(s.log, "incident.verified").length,
  };
}

/** Each "attribution.made" event that was not correct, with whom the evidence pointed at then (its suspect). */
function misattributions(s: GameState, rl: ReportLanguage): Misattribution[] {
  const sc = s.scenario;
  return eventsOf(s.log, "attribution.made")
    .filter((e) => !e.correct)
    .map((e) => ({
      incidentId: e.incident,
      incident: e.title,
      by: party(sc, e.accuser),
      accused: party(sc, e.accused),
      culprit: party(sc, e.culprit, rl),
      pointedAt: party(sc, e.suspect),
      turn: e.turn,
      confidence: e.confidence,
      seq: e.seq,
    }));
}

/** The "misperception" events: what happened, whether it was pre-notified, and what the target was told. */
function misperceptions(s: GameState, lang: Language): Misperception[] {
  const sc = s.scenario;
  return eventsOf(s.log, "misperception").map((e) => ({
    seq: e.seq,
    at: e.at,
    turn: e.turn,
    actor: party(sc, e.actor),
    target: party(sc, e.target),
    action: actionName(sc, e.action),
    perceivedAs: e.perceivedAs,
    notified: e.notified,
    identified: e.identified,
    chance: e.chance,
    roll: e.roll,
    text: sentence(sc, e, lang),
    targetText: toldTo(s, e, e.target, lang) ?? "",
  }));
}

/** Each "inject.released" event, and whether the teams it reached acted before the next adjudication. */
function injects(f: Folded, commands: readonly StoredCommand[], rl: ReportLanguage): InjectLine[] {
  const s = f.final;
  const sc = s.scenario;
  return eventsOf(s.log, "inject.released").flatMap((e) => {
    const inj = s.injects.find((i) => i.id === e.inject);
    if (!inj) return [];
    // the teams that could read it: the one visibility rule, on the audience it had when released
    const teams = sc.teams.map((t) => t.id).filter((t) => canSee(s, { role: "team", teamId: t }, e.audience));
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
        title: e.title,
        channel: channelLabel(e.channel, rl.words),
        audienceText: audienceText(sc, e.audience, rl),
        adhoc: inj.adhoc,
        releasedBy: e.by,
        seq: e.seq,
        at: e.at,
        turn: e.turn,
        phase: e.phase,
        windowEndSeq: windowEnd,
        followUps,
        ...(inj.attachments ? { attachments: inj.attachments } : {}),
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
