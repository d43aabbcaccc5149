// When control's master events list says an inject is due, in words: the
// view gives the schedule as data (a turn's phase, a condition, or both).
import type { InjectSchedule } from "../engine/view.ts";
import type { Condition, SimpleCondition } from "../scenario/schema.ts";
import { EN, type Glossary, type Language } from "./describe.ts";
import { partyName } from "./format.ts";
import { actionName, cbmName, phaseName, rungName } from "./names.ts";

/** "turn 2, Briefing or when escalation reaches “Crisis”": either releases the inject (if the seed draws it). */
export function scheduleWords(schedule: readonly InjectSchedule[], sc: Glossary, lang: Language = EN): string {
  const w = lang.words;
  const parts = schedule.flatMap((x) =>
    x.kind === "turn"
      ? [w["schedule.turn"]({ turn: x.turn, phase: phaseName(sc, x.phase) })]
      : x.kind === "condition"
        ? [conditionWords(x.when, sc, lang)]
        : [],
  );
  const draw = schedule.find((x) => x.kind === "draw");
  return w["schedule.either"]({ parts }) + (draw ? w["schedule.draw"]({ chance: draw.chance, group: draw.group }) : "");
}

/** The condition a triggered inject waits for; compound ones in brackets. */
export function conditionWords(c: Condition, sc: Glossary, lang: Language = EN): string {
  const w = lang.words;
  if ("all" in c) return w["condition.all"]({ parts: c.all.map((x) => conditionWords(x, sc, lang)) });
  if ("some" in c) return w["condition.some"]({ parts: c.some.map((x) => conditionWords(x, sc, lang)) });
  if ("not" in c) return w["condition.not"]({ part: conditionWords(c.not, sc, lang) });
  return simpleWords(c, sc, lang);
}

function simpleWords(c: SimpleCondition, sc: Glossary, lang: Language): string {
  const w = lang.words;
  const name = (id: string | undefined) => (id === undefined ? null : partyName(sc, id));
  const cbm = (id: string | undefined) => (id === undefined ? null : cbmName(sc, id));
  switch (c.type) {
    case "escalation":
      return w["condition.escalation"]({ rung: rungName(sc, c.atLeastRung) });
    case "action":
      return w["condition.action"]({ by: name(c.by), action: actionName(sc, c.action), against: name(c.against) });
    case "sector-down":
      return w["condition.sector-down"]({ team: name(c.team), sector: c.sector ?? null });
    case "pressure":
      return w["condition.pressure"]({ team: name(c.team), atLeast: c.atLeast });
    case "misattribution":
      return w["condition.misattribution"]();
    case "commitment-broken":
      return w["condition.commitment-broken"]({ cbm: cbm(c.cbm) });
    case "attribution":
      return w["condition.attribution"]({ by: name(c.by), accused: name(c.accused), correct: c.correct ?? null });
    case "measure-adopted":
      return w["condition.measure-adopted"]({ cbm: cbm(c.cbm) });
    case "turn":
      return w["condition.turn"]({ atLeast: c.atLeast });
  }
}
