// Control's own levers: escalation adjusted with a logged reason, and whether
// observers see everything.
import type { Command } from "./types.ts";
import type { Ctx } from "./context.ts";
import type { Handlers } from "./apply.ts";
import { requireNotEnded, requireRole } from "./context.ts";
import { reject } from "./reject.ts";
import { shiftEscalation } from "./escalation.ts";

export function adjustEscalation(ctx: Ctx, cmd: Extract<Command, { type: "escalation.adjust" }>): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  if (ctx.s.status === "setup") reject("not-started", "Start the exercise before adjusting escalation");
  if (cmd.delta === 0) reject("invalid", "An adjustment of 0 changes nothing");
  const before = ctx.s.escalation;
  shiftEscalation(ctx, cmd.delta, { kind: "control", reason: cmd.reason });
  if (ctx.s.escalation === before)
    reject("invalid", `Escalation is already at ${before}; it cannot go ${cmd.delta > 0 ? "higher" : "lower"}`);
}

export function setObserverVisibility(ctx: Ctx, cmd: Extract<Command, { type: "observers.visibility" }>): void {
  requireRole(ctx, "facilitator");
  ctx.s.observersSeeAll = cmd.seeAll;
  ctx.emit({ type: "observers.visibility", seeAll: cmd.seeAll });
}

/** The commands this family handles: apply.ts dispatches through it. */
export const controlCommands = {
  "escalation.adjust": adjustEscalation,
  "observers.visibility": setObserverVisibility,
} satisfies Partial<Handlers>;
