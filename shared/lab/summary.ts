// One played game reduced to a GameSummary: read from the final state (control's
// whole truth, which the lab may know) and its event log.
import type { GameState } from "../engine/index.ts";
import type { PlayResult } from "../bots/index.ts";
import type { GameSummary, LabOutcome } from "./types.ts";

/** The summary of a finished lab game. */
export function summarizeGame(profile: string, index: number, r: PlayResult): GameSummary {
  const s = r.state;
  const sc = s.scenario;
  const byTurn = escalationByTurn(s);
  const causes: Record<string, [number, number]> = {};
  const perceivable = new Set(sc.actions.filter((a) => a.perception).map((a) => a.id));
  let perceptions = 0;
  let misperceptions = 0;
  let notifiedPerceptions = 0;
  let notifiedMisperceptions = 0;
  let attributions = 0;
  let misattributions = 0;
  for (const e of s.log) {
    if (e.type === "escalation.changed") {
      const moved = e.to - e.from;
      const c = (causes[e.cause.kind] ??= [0, 0]);
      if (moved > 0) c[0] += moved;
      else c[1] += moved;
    } else if (e.type === "action.resolved") {
      // a roll: every targeted action its target may misread (a correct reading of a public one leaves no event)
      if (e.target && perceivable.has(e.action)) {
        perceptions += 1;
        if (notifiedIn(s, e.actor, e.target, e.turn)) notifiedPerceptions += 1;
      }
    } else if (e.type === "misperception") {
      misperceptions += 1;
      if (e.notified) notifiedMisperceptions += 1;
    } else if (e.type === "attribution.made") {
      attributions += 1;
      if (!e.correct) misattributions += 1;
    }
  }
  const msel = new Map(sc.injects.map((inj, i) => [inj.id, i]));
  const released = s.injects
    .filter((i) => !i.adhoc && i.status === "released" && msel.has(i.id))
    .map((i) => msel.get(i.id)!)
    .sort((a, b) => a - b);
  const dropped = s.injects
    .filter((i) => !i.adhoc && i.status === "dropped" && msel.has(i.id))
    .map((i) => msel.get(i.id)!)
    .sort((a, b) => a - b);
  return {
    profile,
    index,
    outcome: outcomeOf(s),
    endTurn: s.outcome?.turn ?? s.turn,
    byTurn,
    peak: s.peakEscalation,
    final: s.escalation,
    causes,
    released,
    dropped,
    perceptions,
    misperceptions,
    notifiedPerceptions,
    notifiedMisperceptions,
    attributions,
    misattributions,
    commitmentsAdopted: s.commitments.length,
    commitmentsBroken: s.commitments.filter((c) => c.status === "broken").length,
    botCommands: r.botAccepted + r.refusals.length,
    refusals: r.refusals.length,
  };
}

/** Whether `from` notified `to` in `turn`, itself or through the mediator (the engine's rule, read from control's state). */
function notifiedIn(s: GameState, from: string, to: string, turn: number): boolean {
  return s.messages.some((m) => {
    if (m.kind !== "notify" || m.turn !== turn || m.to !== to) return false;
    if (m.from === from) return true;
    return m.from === "mediator" && s.messages.find((o) => o.id === m.relayOf)?.from === from;
  });
}

function outcomeOf(s: GameState): LabOutcome {
  const k = s.outcome?.kind;
  return k === "agreement" || k === "time" || k === "failure" ? k : "none";
}

/** Escalation at the start (turn 0) and at the end of every turn; after the game's end its last value stands. */
export function escalationByTurn(s: GameState): number[] {
  const moves = s.log.filter((e) => e.type === "escalation.changed");
  const out: number[] = [];
  let value = s.scenario.ladder.start;
  let i = 0;
  for (let turn = 0; turn <= s.scenario.turns; turn++) {
    while (i < moves.length && moves[i]!.turn <= turn) value = moves[i++]!.to;
    out.push(value);
  }
  return out;
}
