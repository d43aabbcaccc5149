// How the report reads the exercise: the engine's typed events and their
// fields, never their sentences. The report is control's document, so events
// are worded for control; what a team was told is redacted for that team by
// the one visibility rule (audience.ts).
import type { GameState, Scenario, Viewer } from "../engine/types.ts";
import type { EventType, StoredEvent } from "../engine/events.ts";
import { mayRead, redact } from "../engine/audience.ts";
import { describe, EN, type Language } from "../words/index.ts";

/** The events of one kind, as the state stores them. */
export type StoredOf<K extends EventType> = Extract<StoredEvent, { type: K }>;

/** Control: the report's reader, who reads every event whole. */
export const CONTROL: Viewer = { role: "facilitator" };

/** The events of one kind, in order. */
export function eventsOf<K extends EventType>(log: readonly StoredEvent[], type: K): StoredOf<K>[] {
  return log.filter((e): e is StoredOf<K> => e.type === type);
}

/** An event in control's words. */
export function sentence(sc: Scenario, e: StoredEvent, lang: Language = EN): string {
  return describe(e, sc, CONTROL, lang);
}

/** What a team was told of an event, in its words; null when it was not told at all. */
export function toldTo(s: GameState, e: StoredEvent, teamId: string, lang: Language = EN): string | null {
  const viewer: Viewer = { role: "team", teamId };
  if (!mayRead(s, viewer, e)) return null;
  return describe(redact(e, viewer, s), s.scenario, viewer, lang);
}
