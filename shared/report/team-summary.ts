// Per-team figures for comparison, and the largest single escalation moves —
// what drove the crisis up, from the engine's events, in shared/words' words.
import type { GameState } from "../engine/types.ts";
import { expectsAnswer } from "../engine/hotline.ts";
import type { PartyRef } from "./types.ts";
import { rungIndex } from "../engine/escalation.ts";
import { causeWords, party, rungName } from "./names.ts";
import { eventsOf } from "./events.ts";
import { EN, type Language } from "../words/index.ts";

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
  /** the cause, in words */
  text: string;
  /** the rung the move reached, when it changed rung */
  rung: string | null;
}

export function teamSummaries(s: GameState): TeamSummary[] {
  const sc = s.scenario;
  const answers = eventsOf(s.log, "hotline.answered");
  const made = eventsOf(s.log, "attribution.made");
  return sc.teams.map((t) => {
    const orders = s.history.flatMap((h) => h.orders.filter((o) => o.teamId === t.id));
    const items = orders.flatMap((o) => o.items);
    const toTeam = s.messages.filter((m) => m.to === t.id && expectsAnswer(m));
    const attributions = made.filter((e) => e.accuser === t.id);
    const end = s.teams[t.id]!;
    return {
      team: party(sc, t.id),
      turnsWithOrders: orders.length,
      actions: items.length,
      hostileActions: items.filter(
        (it) => it.target && (sc.actions.find((a) => a.id === it.actionId)?.severity ?? 0) >= 2,
      ).length,
      messagesSent: s.messages.filter((m) => m.from === t.id).length,
      answeredInTime: answers.filter((e) => e.to === t.id && e.timely).length,
      leftUnanswered: toTeam.filter((m) => !m.answeredBy).length,
      breaches: s.commitments.reduce((n, c) => n + c.breaches.filter((b) => b.teamId === t.id).length, 0),
      attributions: attributions.length,
      misattributions: attributions.filter((a) => !a.correct).length,
      standing: { start: t.standing, end: end.standing },
      pressure: { start: t.pressure, end: end.pressure },
    };
  });
}

/** The largest single increases of escalation, biggest first (at most `n`): its "escalation.changed" events. */
export function escalationDrivers(s: GameState, n = 5, lang: Language = EN): EscalationDriver[] {
  return eventsOf(s.log, "escalation.changed")
    .filter((e) => e.to > e.from)
    .map((e) => ({
      seq: e.seq,
      turn: e.turn,
      delta: Math.round((e.to - e.from) * 100) / 100,
      value: e.to,
      text: causeWords(s.scenario, e, lang),
      rung:
        rungIndex(s.scenario.ladder, e.to) !== rungIndex(s.scenario.ladder, e.from) ? rungName(s.scenario, e.to) : null,
    }))
    .sort((a, b) => b.delta - a.delta || a.seq - b.seq)
    .slice(0, n);
}
