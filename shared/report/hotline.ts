// The hotline transcript and its response-time statistics. A message "opens an
// exchange" unless it is a reply or a relay (the engine's own rule); only those
// are expected to be answered. A relay by the mediator answers the message it
// carries on, as in the engine. Response times and whether they were timely
// are the engine's "hotline.answered" events.
import type { GameState } from "../engine/types.ts";
import { expectsAnswer } from "../engine/hotline.ts";
import type { HotlineStats, MessageStatus, TranscriptLine } from "./types.ts";
import { mean, median, party } from "./names.ts";
import { eventsOf } from "./events.ts";

/** The "hotline.answered" event of each answered message, by message id. */
function answers(s: GameState) {
  return new Map(eventsOf(s.log, "hotline.answered").map((e) => [e.message, e]));
}

export function transcript(s: GameState): TranscriptLine[] {
  const sc = s.scenario;
  const answered = answers(s);
  return s.messages.map((m) => {
    const a = answered.get(m.id);
    const status: MessageStatus = m.relayOf
      ? "relay"
      : m.replyTo
        ? "reply"
        : m.answeredBy
          ? "answered"
          : m.lapsed
            ? "lapsed"
            : "open";
    const incident = m.incidentId ? (s.incidents.find((i) => i.id === m.incidentId)?.title ?? m.incidentId) : null;
    return {
      id: m.id,
      seq: m.seq,
      at: m.at,
      turn: m.turn,
      phase: m.phase,
      from: party(sc, m.from),
      to: party(sc, m.to),
      kind: m.kind,
      text: m.text,
      author: m.author,
      relayed: m.relayOf !== null,
      relayOf: m.relayOf,
      replyTo: m.replyTo,
      incident,
      status,
      answeredAfterMs: a?.answeredAfterMs ?? null,
      timely: a?.timely ?? null,
    };
  });
}

export function hotlineStats(s: GameState): HotlineStats {
  const opened = s.messages.filter(expectsAnswer);
  const byMessage = answers(s);
  const answered = [...byMessage.values()];
  const times = answered.map((e) => e.answeredAfterMs);
  return {
    messages: s.messages.length,
    opened: opened.length,
    answered: times.length,
    timely: answered.filter((e) => e.timely).length,
    timelySeconds: s.scenario.hotline.timelySeconds,
    medianMs: median(times),
    meanMs: mean(times),
    slowestMs: times.length ? Math.max(...times) : null,
    // lapsed at the end of their turn ("hotline.unanswered") and never answered after
    lapsed: eventsOf(s.log, "hotline.unanswered").filter((e) => !byMessage.has(e.message)).length,
    open: opened.filter((m) => !m.lapsed && !m.answeredBy).length,
    relayed: s.messages.filter((m) => m.relayOf !== null).length,
  };
}
