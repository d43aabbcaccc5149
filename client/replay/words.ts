// The replay's own words: points of view and where a step is (clock times: ui/time.ts).
// Events and commands are put in words by shared/words (describe,
// describeCommand); names and numbers come from there too.
import type { GameState, Viewer } from "../../shared/engine/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { seatName, seatOfKey } from "../../shared/protocol/identity.ts";
import { t } from "../i18n/index.ts";

/** The point of view an address names (its groupKey: `team:austral`, `mediator`, `observer`) if the scenario has it, else control's. */
export function parseViewer(key: string | undefined, sc: Scenario): Viewer {
  const seat = key === undefined ? null : seatOfKey(key);
  if (seat?.role === "team") return sc.teams.some((x) => x.id === seat.teamId) ? seat : { role: "facilitator" };
  if (seat?.role === "mediator") return sc.mediator ? seat : { role: "facilitator" };
  return seat ?? { role: "facilitator" };
}

/** Who a point of view is: "Control", "Austral", the mediator's name, "Observers" (the observers as a group). */
export function viewerLabel(sc: Scenario, v: Viewer): string {
  if (v.role === "observer") return t("replay.observers");
  if (v.role === "facilitator") return t("replay.control");
  return seatName(sc, v);
}

/** "Turn 2 of 5 · Deliberation" for a state. */
export function whereIn(s: GameState): string {
  if (s.status === "setup") return t("replay.before-start");
  if (s.status === "ended") return t("replay.ended-after", { turn: s.turn });
  return t("replay.turn-phase", {
    turn: s.turn,
    turns: s.scenario.turns,
    phase: s.scenario.phases[s.phaseIndex]?.name ?? "",
  });
}
