// The replay's own words: points of view, where a step is, and clock times.
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

export function phaseName(sc: Scenario, id: string): string {
  return sc.phases.find((p) => p.id === id)?.name ?? id;
}

/** "Turn 2 of 5 · Deliberation" for a state. */
export function whereIn(s: GameState): string {
  if (s.status === "setup") return "Before the start";
  if (s.status === "ended") return `Ended after turn ${s.turn}`;
  return `Turn ${s.turn} of ${s.scenario.turns} · ${s.scenario.phases[s.phaseIndex]?.name ?? ""}`;
}

// an Intl formatter is costly to create: made once (minutes: panel.ts's clock)
const SECONDS = new Intl.DateTimeFormat([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** "14:05:09" */
export function clockTime(ms: number): string {
  return SECONDS.format(ms);
}

/** "+1:02:09" since the first command */
export function elapsed(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `+${hh}:${String(mm).padStart(2, "0")}:${String(ss).padStart(2, "0")}`;
}
