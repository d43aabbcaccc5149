// The hotline transcript and its response-time statistics. A message "opens an
// exchange" unless it is a reply or a relay (the engine's own rule); only those
// are expected to be answered. A relay by the mediator answers the message it
// carries on, as in the engine.
import type { GameState } from "../engine/types.ts";
import { expectsAnswer } from "../engine/hotline.ts";
import type { HotlineStats, MessageStatus, TranscriptLine } from "./types.ts";
import { mean, median, party } from "./names.ts";

export function transcript(s: GameState): TranscriptLine[] {
  const sc = s.scenario;
  const timelyMs = sc.hotline.timelySeconds * 1000;
  return s.messages.map((m) => {
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
      answeredAfterMs: m.answeredAfterMs,
      timely: m.answeredAfterMs === null ? null : m.answeredAfterMs <= timelyMs,
    };
  });
}

export function hotlineStats(s: GameState): HotlineStats {
  const timelyMs = s.scenario.hotline.timelySeconds * 1000;
  const opened = s.messages.filter(expectsAnswer);
  const times = opened.flatMap((m) => (m.answeredAfterMs === null ? [] : [m.answeredAfterMs]));
  return {
    messages: s.messages.length,
    opened: opened.length,
    answered: times.length,
    timely: times.filter((t) => t <= timelyMs).length,
    timelySeconds: s.scenario.hotline.timelySeconds,
    medianMs: median(times),
    meanMs: mean(times),
    slowestMs: times.length ? Math.max(...times) : null,
    lapsed: opened.filter((m) => m.lapsed && !m.answeredBy).length,
    open: opened.filter((m) => !m.lapsed && !m.answeredBy).length,
    relayed: s.messages.filter((m) => m.relayOf !== null).length,
  };
}
