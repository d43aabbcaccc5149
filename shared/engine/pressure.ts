// Rules 3.0: domestic pressure builds while public incidents against a state go
// unanswered (neither attributed by it nor verified), so that doing nothing has a
// price; a calm public statement relieves it only for a while (repeats earn less).
import type { GameState, Incident } from "./types.ts";
import type { Ctx } from "./context.ts";
import { changePressure, trustOf } from "./measures.ts";
import { shiftEscalation } from "./escalation.ts";
import { standingFactor, trustFactor } from "./model.ts";

/** An incident is answered once its victim attributed it, or had it verified (itself, or through the mediator). */
export function answered(inc: Incident): boolean {
  return inc.answered === true;
}

/** Whether public incidents against some state are still unanswered: the crisis cannot cool by itself. */
export function unansweredAnywhere(s: GameState): boolean {
  return s.incidents.some((i) => i.public && !answered(i));
}

/**
 * Hardliners: a government under heavy pressure may be pushed into a hostile
 * step of its own. The chance grows with the pressure above the threshold;
 * the scenario's `hardlinerOdds` scales it (a rarer, larger lurch).
 */
export function hardliners(ctx: Ctx, team: string, pressure: number, from: number): void {
  // international standing gives a government room to resist them
  const standing = ctx.s.teams[team]?.standing ?? 50;
  const odds = ctx.s.model.hardlinerOdds ?? 1;
  const chance =
    odds * Math.min(0.8, ((pressure - from) / 30) * Math.max(0, standingFactor(ctx.s.model, 100 - standing, 2)));
  if (chance <= 0 || ctx.random() >= chance) return;
  shiftEscalation(ctx, ctx.s.model.hardlinerEscalation, { kind: "pressure", team, pressure });
}

/** Every state's pressure rises by the public incidents against it that it has left unanswered. */
export function mountPressure(ctx: Ctx): void {
  const { s } = ctx;
  const per = s.model.pressurePerIncident;
  if (per <= 0) return;
  for (const t of s.scenario.teams) {
    const open = s.incidents.filter((i) => i.victim === t.id && i.public && !answered(i));
    if (!open.length) continue;
    // an incident the evidence lays at a distrusted neighbour's door weighs more at home
    const weight = (i: Incident) =>
      i.evidence.suspect && i.evidence.suspect !== t.id
        ? trustFactor(s.model, trustOf(s, t.id, i.evidence.suspect), 1)
        : 1;
    const rise = Math.round(open.reduce((sum, i) => sum + ((per * i.severity) / 3) * weight(i), 0));
    if (rise <= 0) continue;
    changePressure(ctx, t.id, rise);
    ctx.emit({ type: "pressure.mounting", team: t.id, incidents: open.length, pressure: s.teams[t.id]!.pressure });
  }
}
