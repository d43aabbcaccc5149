// When the scenario's agreement ends the exercise. Before rules 3.0: as soon as
// it is concluded (from `notBeforeTurn` on). From 3.0: once concluded it must
// hold for the scenario's `holdTurns` turns — a broken measure or lost trust
// makes it collapse — and then success is declared; control decides whether
// that ends the exercise or play continues (to a time-out that counts as success
// while the agreement still holds).
import type { Command } from "./types.ts";
import type { Ctx } from "./context.ts";
import type { Handlers } from "./apply.ts";
import { requireNotEnded, requireRole } from "./context.ts";
import { reject } from "./reject.ts";
import { agreementConcluded } from "./agreements.ts";
import { requireRulesAtLeast } from "./rules-gate.ts";

/** Checks the agreement after a command; returns true when the exercise ends in agreement now. */
export function agreementReached(ctx: Ctx): boolean {
  const { s } = ctx;
  if (s.model.legacy) return agreementConcluded(s);
  const need = s.scenario.end.agreement;
  if (!need) return false;
  const met = agreementConcluded(s);
  const held = s.agreement;
  if (!held) {
    if (!met) return false;
    s.agreement = { concludedTurn: s.turn, status: "holding" };
    ctx.emit({ type: "agreement.concluded", holdTurns: need.holdTurns, ends: s.agreementEnds });
    return declareIfHeld(ctx);
  }
  if (!met) {
    s.agreement = null;
    ctx.emit({ type: "agreement.collapsed", turn: held.concludedTurn });
    return false;
  }
  // control may decide, after the declaration, that it ends the exercise after all
  if (held.status === "declared") return s.agreementEnds;
  return declareIfHeld(ctx);
}

function declareIfHeld(ctx: Ctx): boolean {
  const { s } = ctx;
  const held = s.agreement!;
  if (s.turn < held.concludedTurn + s.scenario.end.agreement!.holdTurns) return false;
  // a new object: a copy of the state may share the old one (clone.ts)
  s.agreement = { ...held, status: "declared" };
  ctx.emit({ type: "agreement.declared", ends: s.agreementEnds });
  return s.agreementEnds;
}

/** Control decides whether a concluded agreement ends the exercise or play continues. */
export function setAgreementEnding(ctx: Ctx, cmd: Extract<Command, { type: "agreement.ending" }>): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  requireRulesAtLeast(ctx, "3.0", "the choice to play on after an agreement");
  if (!ctx.s.scenario.end.agreement)
    reject("invalid", "This scenario defines no agreement that could end it", {
      key: "refusals-engine.agreement-end.none",
    });
  if (ctx.s.agreementEnds === cmd.ends)
    reject(
      "invalid",
      cmd.ends ? "An agreement already ends this exercise" : "Play already continues after an agreement",
      { key: "refusals-engine.agreement-end.already", params: { ends: cmd.ends ? "yes" : "no" } },
    );
  ctx.s.agreementEnds = cmd.ends;
  ctx.emit({ type: "agreement.ending", ends: cmd.ends });
}

/** The commands this family handles: apply.ts dispatches through it. */
export const agreementEndCommands = {
  "agreement.ending": setAgreementEnding,
} satisfies Partial<Handlers>;
