// Whether an inject's trigger condition holds in a state: simple facts about
// the exercise (escalation, an order, an attribution, a measure, the turn),
// combined with all / some / not. Reads the state only; never changes it.
import type { GameState, Scenario } from "./types.ts";
import type { Condition, SimpleCondition } from "../scenario/schema.ts";
import { rungIndex, rungIndexById } from "./escalation.ts";
import { sectorStatus } from "./measures.ts";

/** Whether the condition holds now; compound conditions combine their parts. */
export function holds(s: GameState, sc: Scenario, c: Condition): boolean {
  if ("all" in c) return c.all.every((x) => holds(s, sc, x));
  if ("some" in c) return c.some.some((x) => holds(s, sc, x));
  if ("not" in c) return !holds(s, sc, c.not);
  return simpleHolds(s, sc, c);
}

function simpleHolds(s: GameState, sc: Scenario, c: SimpleCondition): boolean {
  switch (c.type) {
    case "escalation":
      return rungIndex(sc.ladder, s.escalation) >= rungIndexById(sc.ladder, c.atLeastRung);
    case "action":
      return s.history.some((h) =>
        h.orders.some(
          (o) =>
            (!c.by || o.teamId === c.by) &&
            o.items.some(
              (i, n) =>
                i.actionId === c.action &&
                (!c.against || i.target === c.against) &&
                // an order that failed did nothing: nobody saw it happen
                !h.failed?.includes(`${o.teamId}|${n}`),
            ),
        ),
      );
    case "sector-down":
      return Object.values(s.teams).some(
        (t) =>
          (!c.team || t.id === c.team) &&
          t.sectors.some((x) => (!c.sector || x.kind === c.sector) && sectorStatus(x.health) === "down"),
      );
    case "pressure":
      return Object.values(s.teams).some((t) => (!c.team || t.id === c.team) && t.pressure >= c.atLeast);
    case "misattribution":
      return s.incidents.some((i) => i.attributions.some((a) => !a.correct));
    case "commitment-broken":
      return s.commitments.some((x) => x.status === "broken" && (!c.cbm || x.cbmId === c.cbm));
    case "attribution":
      return s.incidents.some((i) =>
        i.attributions.some(
          (a) =>
            (!c.by || a.by === c.by) &&
            (!c.accused || a.accused === c.accused) &&
            (c.correct === undefined || a.correct === c.correct),
        ),
      );
    case "measure-adopted":
      // adopted at some moment: a commitment broken or fulfilled since was adopted all the same
      return s.commitments.some((x) => !c.cbm || x.cbmId === c.cbm);
    case "turn":
      return s.turn >= c.atLeast;
  }
}
