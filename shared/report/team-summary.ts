// Per-team figures for comparison, and the largest single escalation moves —
// what drove the crisis up, in the engine's own words.
import type { GameState } from "../engine/types.ts";
import { expectsAnswer } from "../engine/hotline.ts";
import type { PartyRef } from "./types.ts";
import { party } from "./names.ts";

export interface TeamSummary {
  team: PartyRef;
  turnsWithOrders: number;
  actions: number;
  /** ordered actions of severity 2 or more aimed at a state */
  hostileActions: number;
  /** hotline messages the team sent, replies included */
  messagesSent: number;
  /** exchanges opened with the team that it answered within the timely limit */
  answeredInTime: number;
  /** exchanges opened with the team that it left unanswered (lapsed or open) */
  leftUnanswered: number;
  breaches: number;
  attributions: number;
  misattributions: number;
  standing: { start: number; end: number };
  pressure: { start: number; end: number };
}

export interface EscalationDriver {
  seq: number;
  turn: number;
  delta: number;
  value: number;
  text: string;
}

export function teamSummaries(s: GameState): TeamSummary[] {
  const sc = s.scenario;
  const timelyMs = sc.hotline.timelySeconds * 1000;
  return sc.teams.map((t) => {
    const orders = s.history.flatMap((h) => h.orders.filter((o) => o.teamId === t.id));
    const items = orders.flatMap((o) => o.items);
    const toTeam = s.messages.filter((m) => m.to === t.id && expectsAnswer(m));
    const attributions = s.incidents.flatMap((i) => i.attributions.filter((a) => a.by === t.id));
    const end = s.teams[t.id]!;
    return {
      team: party(sc, t.id),
      turnsWithOrders: orders.length,
      actions: items.length,
      hostileActions: items.filter(
        (it) => it.target && (sc.actions.find((a) => a.id === it.actionId)?.severity ?? 0) >= 2,
      ).length,
      messagesSent: s.messages.filter((m) => m.from === t.id).length,
      answeredInTime: toTeam.filter((m) => m.answeredAfterMs !== null && m.answeredAfterMs <= timelyMs).length,
      leftUnanswered: toTeam.filter((m) => !m.answeredBy).length,
      breaches: s.commitments.reduce((n, c) => n + c.breaches.filter((b) => b.teamId === t.id).length, 0),
      attributions: attributions.length,
      misattributions: attributions.filter((a) => !a.correct).length,
      standing: { start: t.standing, end: end.standing },
      pressure: { start: t.pressure, end: end.pressure },
    };
  });
}

/** The largest single increases of escalation, biggest first (at most `n`). */
export function escalationDrivers(s: GameState, n = 5): EscalationDriver[] {
  let prev = s.scenario.ladder.start;
  const moves: EscalationDriver[] = [];
  for (const e of s.log) {
    if (e.escalation === undefined || !e.text.startsWith("Escalation")) continue;
    const delta = Math.round((e.escalation - prev) * 100) / 100;
    prev = e.escalation;
    if (delta > 0)
      moves.push({
        seq: e.seq,
        turn: e.turn,
        delta,
        value: e.escalation,
        text: e.text.replace(/^Escalation [^:]*: /, ""),
      });
  }
  return moves.sort((a, b) => b.delta - a.delta || a.seq - b.seq).slice(0, n);
}
