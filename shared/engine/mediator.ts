// The trusted intermediary: verifies evidence shared with it and convenes talks,
// within a limited number of actions per turn.
import { scaled } from "./model.ts";
import type { Command } from "./types.ts";
import type { Ctx } from "./context.ts";
import type { Handlers } from "./apply.ts";
import { findById, requireRole, teamIds } from "./context.ts";
import { reject } from "./reject.ts";
import { requireTalksOpen } from "./phase-rules.ts";
import { verifyIncident } from "./incidents.ts";
import { changeTrustAmong } from "./measures.ts";
import { shiftEscalation } from "./escalation.ts";
import { believed } from "./agreements.ts";
import { use } from "./repetition.ts";

export const VERIFY_CORRECT_CHANCE = 0.6;
export const CONVENE_TRUST = 3;
export const CONVENE_ESCALATION = -1;

function spendAction(ctx: Ctx): void {
  const limit = ctx.s.scenario.mediator!.actionsPerTurn;
  if (ctx.s.mediatorActionsThisTurn >= limit)
    reject("limit", `The mediator has used all ${limit} of its actions this turn`, {
      key: "refusals-engine.mediator.limit",
      params: { limit },
    });
  ctx.s.mediatorActionsThisTurn += 1;
}

export function verify(ctx: Ctx, cmd: Extract<Command, { type: "mediator.verify" }>): void {
  requireRole(ctx, "mediator");
  requireTalksOpen(ctx);
  const inc = findById(ctx, "incidents", cmd.incidentId);
  if (!inc || !(inc.public || inc.sharedWith.includes("mediator")))
    reject("not-found", `No evidence on “${cmd.incidentId}” has been shared with the mediator`, {
      key: "refusals-engine.verify.not-shared",
      params: { incident: cmd.incidentId },
    });
  spendAction(ctx);
  if (!inc.sharedWith.includes("mediator")) inc.sharedWith.push("mediator");
  verifyIncident(ctx, inc, ctx.s.scenario.mediator!.verifyBoost, VERIFY_CORRECT_CHANCE, "mediator");
}

export function convene(ctx: Ctx, cmd: Extract<Command, { type: "mediator.convene" }>): void {
  requireRole(ctx, "mediator");
  requireTalksOpen(ctx);
  const { s } = ctx;
  const parties = [...new Set(cmd.parties)];
  for (const p of parties)
    if (!teamIds(s).includes(p))
      reject("not-found", `There is no team “${p}”`, { key: "refusals-engine.no-team", params: { team: p } });
  if (parties.length < 2)
    reject("invalid", "Talks need at least two parties", { key: "refusals-engine.mediator.two-parties" });
  spendAction(ctx);
  ctx.emit({ type: "mediator.convened", parties, text: cmd.text });
  // rules 3.0: talks convened again and again earn less; the mediator's leverage is the parties' standing
  const f = s.model.legacy ? 1 : use(ctx, `convene|${[...parties].sort().join("|")}`) * believed(s, parties);
  changeTrustAmong(ctx, parties, scaled(CONVENE_TRUST, f));
  const relief = scaled(CONVENE_ESCALATION, f);
  if (relief) shiftEscalation(ctx, relief, { kind: "convened" });
}

/** The commands this family handles: apply.ts dispatches through it. */
export const mediatorCommands = {
  "mediator.verify": verify,
  "mediator.convene": convene,
} satisfies Partial<Handlers>;
