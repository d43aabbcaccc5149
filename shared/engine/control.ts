// Control's own levers: escalation adjusted with a logged reason, whether
// observers see everything, which seats bots play, and handing the pacing to
// the server. Bots and the autopilot change no rule of play: they are recorded
// so the replay shows who played each seat, and only control sees them.
import type { Command } from "./types.ts";
import type { Ctx } from "./context.ts";
import type { Handlers } from "./apply.ts";
import { clamp, partyName, requireNotEnded, requireRole } from "./context.ts";
import { reject } from "./reject.ts";
import { shiftEscalation } from "./escalation.ts";
import { requireRulesAtLeast } from "./rules-gate.ts";
import { approve, setMode } from "./review.ts";
import { setValue } from "./control-set.ts";
import { createActingInject } from "./adhoc-inject.ts";

export function adjustEscalation(ctx: Ctx, cmd: Extract<Command, { type: "escalation.adjust" }>): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  if (ctx.s.status === "setup")
    reject("not-started", "Start the exercise before adjusting escalation", {
      key: "refusals-engine.escalation.start-first",
    });
  if (cmd.delta === 0)
    reject("invalid", "An adjustment of 0 changes nothing", { key: "refusals-engine.escalation.zero" });
  const before = ctx.s.escalation;
  // refused before anything changes: an adjustment the meter cannot take
  if (clamp(before + cmd.delta) === before)
    reject("invalid", `Escalation is already at ${before}; it cannot go ${cmd.delta > 0 ? "higher" : "lower"}`, {
      key: "refusals-engine.escalation.bound",
      params: { level: before, up: cmd.delta > 0 ? "yes" : "no" },
    });
  shiftEscalation(ctx, cmd.delta, { kind: "control", reason: cmd.reason });
  // the players read the reason; the note is control's alone (its event's audience is control)
  if (cmd.note) ctx.emit({ type: "escalation.noted", note: cmd.note });
}

export function setObserverVisibility(ctx: Ctx, cmd: Extract<Command, { type: "observers.visibility" }>): void {
  requireRole(ctx, "facilitator");
  ctx.s.observersSeeAll = cmd.seeAll;
  ctx.emit({ type: "observers.visibility", seeAll: cmd.seeAll });
}

/** The policies that play each kind of seat: team policies do nothing as the mediator, and the reverse. */
const MEDIATOR_POLICIES: readonly string[] = ["mediator", "random", "passive"];

/** Bots came with rules 2.1: an exercise created under older rules keeps to them, so a 2.0 engine still replays it. */
function requireBotRules(ctx: Ctx): void {
  requireRulesAtLeast(ctx, "2.1", "bots");
}

export function seatBot(ctx: Ctx, cmd: Extract<Command, { type: "bot.seat" }>): void {
  // the server takes a bot out when a person takes the seat over
  requireRole(ctx, "facilitator", "system");
  requireNotEnded(ctx);
  requireBotRules(ctx);
  const seat = cmd.seat;
  if (seat === "mediator" ? !ctx.sc.mediator : !ctx.s.teams[seat])
    reject(
      "not-found",
      `There is no seat “${seat}” for a bot: name a team${ctx.sc.mediator ? " or the mediator" : ""}`,
      { key: "refusals-engine.bot.no-seat", params: { seat, mediator: ctx.sc.mediator ? "yes" : "no" } },
    );
  const who = partyName(ctx.s, seat);
  const current = ctx.s.bots?.[seat] ?? null;
  if (cmd.policy === null) {
    if (current === null)
      reject("invalid", `No bot plays ${who}'s seat`, { key: "refusals-engine.bot.none", params: { who } });
    const { [seat]: _gone, ...rest } = ctx.s.bots ?? {};
    ctx.s.bots = rest;
    return;
  }
  const forMediator = MEDIATOR_POLICIES.includes(cmd.policy);
  if (seat === "mediator" && !forMediator)
    reject(
      "invalid",
      `The ${cmd.policy} policy plays a team; for the mediator choose ${MEDIATOR_POLICIES.join(", ")}`,
      {
        key: "refusals-engine.bot.team-policy",
        params: { policy: cmd.policy, policies: MEDIATOR_POLICIES.join(", ") },
      },
    );
  if (seat !== "mediator" && cmd.policy === "mediator")
    reject("invalid", "The mediator policy plays the mediator's seat, not a team's", {
      key: "refusals-engine.bot.mediator-policy",
    });
  if (current === cmd.policy)
    reject("invalid", `A ${cmd.policy} bot already plays ${who}'s seat`, {
      key: "refusals-engine.bot.already",
      params: { policy: cmd.policy, who },
    });
  // a new object, never a change to the old one: a copy of the state may share it (clone.ts)
  ctx.s.bots = { ...ctx.s.bots, [seat]: cmd.policy };
}

export function setAutopilot(ctx: Ctx, cmd: Extract<Command, { type: "autopilot.set" }>): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  requireBotRules(ctx);
  if ((ctx.s.autopilot ?? false) === cmd.on)
    reject("invalid", cmd.on ? "The server already paces this exercise" : "The server does not pace this exercise", {
      key: "refusals-engine.pacing.already",
      params: { on: cmd.on ? "yes" : "no" },
    });
  if (cmd.on && ctx.s.pendingReview)
    reject("conflict", "This turn's adjudication is under review: approve it before handing the pacing to the server", {
      key: "refusals-engine.pacing.under-review",
    });
  ctx.s.autopilot = cmd.on;
}

/** The commands this family handles: apply.ts dispatches through it. */
export const controlCommands = {
  "escalation.adjust": adjustEscalation,
  "observers.visibility": setObserverVisibility,
  "bot.seat": seatBot,
  "autopilot.set": setAutopilot,
  "adjudication.mode": setMode,
  "adjudication.approve": approve,
  "state.set": setValue,
  // replaces injects.ts's handler (apply.ts spreads this family after it): the same inject, which may also act
  "inject.create": createActingInject,
} satisfies Partial<Handlers>;
