// Rules 3.0: operations are uncertain. An order can fail (more often against a
// state that answered the actor in proportion the turn before: deterrence), and
// a covert operation can be caught in the act, which names its author to the target.
import type { Action } from "../scenario/schema.ts";
import type { Ctx } from "./context.ts";
import { HOSTILE_SEVERITY } from "./agreements.ts";

/** evidence of an operation caught in the act points at its author with at least this confidence */
export const CAUGHT_CONFIDENCE = 0.85;

/** Rolls whether the order fails; a failed order does nothing and only its author (and control) learns it. */
export function failedOperation(ctx: Ctx, actor: string, target: string | null, action: Action): boolean {
  const { s } = ctx;
  const hostile = target !== null && action.severity >= HOSTILE_SEVERITY;
  const deterred = hostile && s.deterred[`${actor}|${target}`] === s.turn - 1;
  // deterrence adds to the designer's chance, up to 95% (a designer's "always" stays always)
  const chance = deterred
    ? Math.max(action.failChance, Math.min(0.95, action.failChance + s.model.deterrence))
    : action.failChance;
  if (chance <= 0) return false;
  const roll = ctx.random();
  if (roll >= chance) return false;
  ctx.emit({ type: "action.failed", team: actor, action: action.id, target, deterred, chance, roll });
  return true;
}

/** Rolls whether the target catches a covert operation's author in the act. */
export function caughtInTheAct(ctx: Ctx, actor: string, target: string, action: Action): boolean {
  if (action.discoverChance <= 0) return false;
  if (ctx.random() >= action.discoverChance) return false;
  ctx.emit({ type: "action.caught", from: actor, to: target, action: action.id });
  return true;
}

/** `target` answered `actor` in proportion this turn: `actor`'s next hostile act against it is less likely to work. */
export function markDeterrence(ctx: Ctx, actor: string, target: string): void {
  ctx.s.deterred[`${actor}|${target}`] = ctx.s.turn;
}
