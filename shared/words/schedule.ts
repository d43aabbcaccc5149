// When control's master events list says an inject is due, in words: the
// view gives the schedule as data (a turn's phase, a condition, or both).
import type { InjectSchedule } from "../engine/view.ts";
import type { Condition } from "../scenario/schema.ts";
import { EN, type Glossary, type Language } from "./describe.ts";
import { partyName } from "./format.ts";
import { actionName, cbmName, phaseName, rungName } from "./names.ts";

/** "turn 2, Briefing or when escalation reaches “Crisis”": either releases the inject. */
export function scheduleWords(schedule: readonly InjectSchedule[], sc: Glossary, lang: Language = EN): string {
  const w = lang.words;
  const parts = schedule.map((x) =>
    x.kind === "turn"
      ? w["schedule.turn"]({ turn: x.turn, phase: phaseName(sc, x.phase) })
      : conditionWords(x.when, sc, lang),
  );
  return w["schedule.either"]({ parts });
}

/** The condition a triggered inject waits for. */
export function conditionWords(c: Condition, sc: Glossary, lang: Language = EN): string {
  const w = lang.words;
  const name = (id: string | undefined) => (id === undefined ? null : partyName(sc, id));
  switch (c.type) {
    case "escalation":
      return w["condition.escalation"]({ rung: rungName(sc, c.atLeastRung) });
    case "action":
      return w["condition.action"]({ by: name(c.by), action: actionName(sc, c.action) });
    case "sector-down":
      return w["condition.sector-down"]({ team: name(c.team), sector: c.sector ?? null });
    case "pressure":
      return w["condition.pressure"]({ team: name(c.team), atLeast: c.atLeast });
    case "misattribution":
      return w["condition.misattribution"]();
    case "commitment-broken":
      return w["condition.commitment-broken"]({ cbm: c.cbm === undefined ? null : cbmName(sc, c.cbm) });
  }
}
