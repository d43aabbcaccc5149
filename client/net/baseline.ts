// The board's figures as this browser last saw them before a turn's
// adjudication, kept across reloads (localStorage), so the turn summary can
// show standing, pressure and trust from → to: the engine has no events for those.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { groupKey } from "../../shared/protocol/identity.ts";
import { baselineOf, resolved, type Baseline } from "../panels/turn-summary.ts";

const written = new Map<string, string>();

/** Records the view's figures while its turn's orders are not yet resolved; gives the record the summary compares with. */
export function trackBaseline(roomId: string, v: ParticipantView): Baseline | null {
  const key = `deconflict:baseline:${roomId}:${groupKey(v.viewer)}`;
  if (v.exercise.status !== "ended" && v.exercise.turn > 0 && !resolved(v)) {
    const base = baselineOf(v);
    const text = JSON.stringify(base);
    if (written.get(key) !== text) {
      written.set(key, text);
      try {
        localStorage.setItem(key, text);
      } catch {
        // storage full or refused: the summary shows values without their "before"
      }
    }
    return base;
  }
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as Baseline) : null;
  } catch {
    return null;
  }
}
