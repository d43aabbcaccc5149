// Phases and turns: start, pause, resume, advance, end; what entering a phase
// does; when the exercise is over.
import type { Command, GameState, OutcomeKind } from "./types.ts";
import type { Ctx } from "./context.ts";
import type { Handlers } from "./apply.ts";
import { categoryOf, type EventCategory } from "./events.ts";
import { currentPhase, requireNotEnded, requireRole } from "./context.ts";
import { reject } from "./reject.ts";
import { releaseScheduled } from "./injects.ts";
import { adjudicateOrReview, requireNoPendingReview } from "./review.ts";
import { lapseUnanswered } from "./hotline.ts";
import { agreementReached } from "./agreement-end.ts";
import { rungIndex } from "./escalation.ts";

export function start(ctx: Ctx): void {
  requireRole(ctx, "facilitator");
  const { s } = ctx;
  if (s.status !== "setup")
    reject("conflict", "The exercise has already started", { key: "refusals-engine.flow.started" });
  s.status = "running";
  s.turn = 1;
  s.phaseIndex = 0;
  ctx.emit({ type: "exercise.started", title: s.title });
  enterPhase(ctx);
}

export function pause(ctx: Ctx, cmd: Extract<Command, { type: "exercise.pause" }>): void {
  requireRole(ctx, "facilitator", "system");
  const { s } = ctx;
  if (s.status !== "running")
    reject(
      "conflict",
      s.status === "paused" ? "The exercise is already paused" : `Cannot pause: the exercise is ${label(s)}`,
      { key: "refusals-engine.flow.pause", params: { status: s.status } },
    );
  s.status = "paused";
  s.clock.elapsedMs += ctx.at - (s.clock.runningSince ?? ctx.at);
  s.clock.runningSince = null;
  ctx.emit({ type: "exercise.paused", reason: cmd.reason || null });
}

export function resume(ctx: Ctx): void {
  requireRole(ctx, "facilitator");
  const { s } = ctx;
  if (s.status !== "paused")
    reject("conflict", `Cannot resume: the exercise is ${label(s)}`, {
      key: "refusals-engine.flow.resume",
      params: { status: s.status },
    });
  s.status = "running";
  s.clock.runningSince = ctx.at;
  ctx.emit({ type: "exercise.resumed" });
}

export function endByFacilitator(ctx: Ctx, cmd: Extract<Command, { type: "exercise.end" }>): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  finish(ctx, "facilitator", cmd.reason || null);
}

/** Moves to the next phase (or turn); the facilitator or the phase timer does this. */
export function advance(ctx: Ctx, cmd: Extract<Command, { type: "phase.advance" }>): void {
  requireRole(ctx, "facilitator", "system");
  const { s } = ctx;
  requireNotEnded(ctx);
  if (s.status === "setup")
    reject("not-started", "Start the exercise first", { key: "refusals-engine.flow.start-first" });
  const phase = currentPhase(s)!;
  if (cmd.from && (cmd.from.turn !== s.turn || cmd.from.phase !== phase.id))
    reject("conflict", `The exercise has already moved on: it is now turn ${s.turn}, ${phase.name}`, {
      key: "refusals-engine.flow.moved-on",
      params: { turn: s.turn, phase: phase.name },
    });
  requireNoPendingReview(ctx);
  if (s.phaseIndex < s.scenario.phases.length - 1) {
    s.phaseIndex += 1;
    enterPhase(ctx);
    return;
  }
  // end of the turn
  lapseUnanswered(ctx);
  if (s.turn >= s.scenario.turns) {
    // play went on after the agreement was declared: it counts if it still holds
    finish(ctx, s.agreement?.status === "declared" ? "agreement" : "time");
    return;
  }
  s.turn += 1;
  s.phaseIndex = 0;
  s.mediatorActionsThisTurn = 0;
  enterPhase(ctx);
}

function enterPhase(ctx: Ctx): void {
  const { s } = ctx;
  const phase = currentPhase(s)!;
  s.clock = { elapsedMs: 0, runningSince: s.status === "running" ? ctx.at : null };
  ctx.emit({ type: "phase.began" });
  releaseScheduled(ctx);
  // in review mode the turn waits for control's approval (review.ts)
  if (phase.kind === "adjudication") adjudicateOrReview(ctx);
}

/** Checked after every command: the top rung is failure, the scenario's agreement is success. */
export function checkEnd(ctx: Ctx): void {
  const { s } = ctx;
  if (s.status !== "running" && s.status !== "paused") return;
  const ladder = s.scenario.ladder;
  if (ctx.touchedTop || rungIndex(ladder, s.escalation) === ladder.rungs.length - 1) {
    finish(ctx, "failure");
  } else if (ctx.events.some((e) => concludes(categoryOf(e), s.model.legacy)) && agreementReached(ctx)) {
    // only an adoption or a new turn (notBeforeTurn) can conclude the agreement
    finish(ctx, "agreement");
  }
}

function concludes(c: EventCategory, legacy: boolean): boolean {
  // rules 3.0: a broken commitment can make a concluded agreement collapse
  // rules 3.0: so can a verification or a hotline answer complete its groundwork (or trust lost undo it)
  return c === "agreement" || c === "flow" || (!legacy && (c === "commitment" || c === "incident" || c === "hotline"));
}

function finish(ctx: Ctx, kind: OutcomeKind, reason: string | null = null): void {
  const { s } = ctx;
  if (s.clock.runningSince !== null) s.clock.elapsedMs += ctx.at - s.clock.runningSince;
  s.clock.runningSince = null;
  s.status = "ended";
  s.outcome = { kind, reason, at: ctx.at, turn: s.turn };
  ctx.emit({ type: "exercise.ended", outcome: kind, reason });
}

/** The few fields a phase timer needs: a game state, or the exercise part of a participant's view. */
export interface TimerInput {
  status: GameState["status"];
  phaseIndex: number;
  clock: GameState["clock"];
  phases: readonly { durationSeconds?: number | undefined }[];
}

/** Milliseconds left on the current phase's timer at `now`, or null if it has none. */
export function phaseRemainingMs(state: GameState | TimerInput, now: number): number | null {
  const s: TimerInput = "scenario" in state ? { ...state, phases: state.scenario.phases } : state;
  const phase = s.status === "setup" ? undefined : s.phases[s.phaseIndex];
  if (!phase?.durationSeconds || s.status === "ended") return null;
  const running = s.clock.runningSince === null ? 0 : Math.max(0, now - s.clock.runningSince);
  return Math.max(0, phase.durationSeconds * 1000 - s.clock.elapsedMs - running);
}

function label(s: GameState): string {
  return s.status === "setup" ? "not started yet" : s.status;
}

/** The commands this family handles: apply.ts dispatches through it. */
export const flowCommands = {
  "exercise.start": start,
  "exercise.pause": pause,
  "exercise.resume": resume,
  "exercise.end": endByFacilitator,
  "phase.advance": advance,
} satisfies Partial<Handlers>;
