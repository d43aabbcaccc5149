// The escalation meter: a value 0-100 read against the scenario's ladder of rungs.
import type { Ladder } from "../scenario/schema.ts";
import type { Ctx } from "./context.ts";
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
 * Moves the meter and logs it for everyone (the meter is public); `cause` is the
 * public reason. Crossing a rung or a red line is said out loud.
 */
export function shiftEscalation(ctx: Ctx, delta: number, cause: string): void {
  const { s } = ctx;
  const before = s.escalation;
  const after = clamp(before + delta);
  if (after === before) return;
  s.escalation = after;
  s.peakEscalation = Math.max(s.peakEscalation, after);
  const ladder = s.scenario.ladder;
  if (rungIndex(ladder, after) === ladder.rungs.length - 1) ctx.touchedTop = true;
  const rb = rungIndex(ladder, before);
  const ra = rungIndex(ladder, after);
  const sign = after > before ? "+" : "−";
  let text = `Escalation ${sign}${fmt(Math.abs(after - before))} → ${fmt(after)}: ${cause}`;
  if (ra !== rb) text += ` (now “${ladder.rungs[ra]!.name}”)`;
  ctx.log("escalation", ["all"], text, { escalation: after });
  const newly = crossedRedLines(ladder, after).filter((l) => !crossedRedLines(ladder, before).includes(l));
  for (const id of newly) {
    const line = ladder.redLines.find((l) => l.id === id)!;
    ctx.log("escalation", ["all"], `Red line crossed: ${line.name}`, { escalation: after, ref: id });
  }
}

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
