// Rules 3.0: no winning by repetition. A calming move (an action that only calms:
// a briefing, a call for calm) earns less each time the same state uses it again;
// a joint statement earns less each time one is adopted; a hotline exchange cools
// the crisis once a turn per pair. The share kept is the model's `repeatFactor`.
import type { Action, Effect } from "../scenario/schema.ts";
import type { Ctx } from "./context.ts";
import { repeated, scaled } from "./model.ts";

/** Counts one more use of `key` and returns what this use still earns (1 the first time). */
export function use(ctx: Ctx, key: string): number {
  const n = ctx.s.uses[key] ?? 0;
  ctx.s.uses[key] = n + 1;
  return repeated(ctx.s.model, n);
}

/** An action's effects, its calming part scaled down by how often its actor used it before. */
export function calming(ctx: Ctx, actor: string, action: Action): readonly Effect[] {
  if (action.severity > 0 || !action.effects.some(calms)) return action.effects;
  const factor = use(ctx, `action|${action.id}|${actor}`);
  if (factor === 1) return action.effects;
  return action.effects.map((e) => (calms(e) ? { ...e, delta: scaled(e.delta, factor) } : e));
}

/** Lowers escalation or domestic pressure. */
function calms(e: Effect): e is Extract<Effect, { type: "escalation" | "pressure" }> {
  return (e.type === "escalation" || e.type === "pressure") && e.delta < 0;
}
