// The replay's own words: points of view and where a step is (clock times: ui/time.ts).
// Events and commands are put in words by shared/words (describe,
// describeCommand); names and numbers come from there too.
import type { GameState, Viewer } from "../../shared/engine/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { seatName } from "../../shared/protocol/identity.ts";

/** The point of view an address names (`team:austral`, `mediator`, `observer`), else control's. */
export function parseViewer(key: string | undefined, sc: Scenario): Viewer {
  if (key?.startsWith("team:") && sc.teams.some((t) => t.id === key.slice(5)))
    return { role: "team", teamId: key.slice(5) };
  if (key === "mediator" && sc.mediator) return { role: "mediator" };
  if (key === "observer") return { role: "observer" };
  return { role: "facilitator" };
}

/** Who a point of view is: "Control", "Austral", the mediator's name, "Observers" (the observers as a group). */
export function viewerLabel(sc: Scenario, v: Viewer): string {
  return v.role === "observer" ? "Observers" : seatName(sc, v);
}

/** "Turn 2 of 5 · Deliberation" for a state. */
export function whereIn(s: GameState): string {
  if (s.status === "setup") return "Before the start";
  if (s.status === "ended") return `Ended after turn ${s.turn}`;
  return `Turn ${s.turn} of ${s.scenario.turns} · ${s.scenario.phases[s.phaseIndex]?.name ?? ""}`;
}
