// The escalation meter: a value 0-100 read against the scenario's ladder of rungs.
import type { Ladder } from "../scenario/schema.ts";
import type { Ctx } from "./context.ts";
import type { EscalationCause } from "./events.ts";
import { clamp } from "./context.ts";

/** Index of the rung a value stands on. */
export function rungIndex(ladder: Ladder, value: number): number {
  let idx = 0;
  ladder.rungs.forEach((r, i) => {
    if (value >= r.from) idx = i;
  });
  return idx;
}

export function rungIndexById(ladder: Ladder, id: string): number {
  return ladder.rungs.findIndex((r) => r.id === id);
}

/** Red lines at or below the rung a value stands on. */
export function crossedRedLines(ladder: Ladder, value: number): string[] {
  const idx = rungIndex(ladder, value);
  return ladder.redLines.filter((l) => rungIndexById(ladder, l.rung) <= idx).map((l) => l.id);
}

/**
 * Moves the meter and tells everyone (the meter is public) why: a cause that
 * names a secret is told in other words to those who may not know it
 * (audience.ts). Crossing a red line is said out loud.
 */
export function shiftEscalation(ctx: Ctx, delta: number, cause: EscalationCause): void {
  const { s } = ctx;
  const before = s.escalation;
  const after = clamp(before + delta);
  if (after === before) return;
  s.escalation = after;
  s.peakEscalation = Math.max(s.peakEscalation, after);
  const ladder = s.scenario.ladder;
  if (rungIndex(ladder, after) === ladder.rungs.length - 1) ctx.touchedTop = true;
  ctx.emit({ type: "escalation.changed", from: before, to: after, cause });
  const newly = crossedRedLines(ladder, after).filter((l) => !crossedRedLines(ladder, before).includes(l));
  for (const id of newly) ctx.emit({ type: "redline.crossed", line: id, value: after });
}
