// apply(state, command): the one door through which the exercise changes.
// Pure: the same state and command always give the same result.
import { produce } from "immer";
import type { Actor, Command, GameState } from "./types.ts";
import type { StoredEvent } from "./events.ts";
import type { Ctx } from "./context.ts";
import { createCtx } from "./context.ts";
import { Rejection, reject, type RejectCode } from "./reject.ts";
import { advance, checkEnd, endByFacilitator, pause, resume, start } from "./flow.ts";
import { createCommand, holdCommand, releaseCommand, releaseTriggered, skipCommand } from "./injects.ts";
import { adjustEscalation, setObserverVisibility } from "./control.ts";
import { teamChat } from "./chat.ts";
import { relayMessage, sendMessage } from "./hotline.ts";
import { submitOrders, withdrawOrders } from "./orders.ts";
import { createProposal, respondToProposal, withdrawProposal } from "./agreements.ts";
import { convene, verify } from "./mediator.ts";
import { addNote } from "./notes.ts";

/** A command as it reaches the engine: who, when (ms since the epoch), what. */
export interface Envelope {
  at: number;
  actor: Actor;
  command: Command;
}

export type ApplyResult =
  | { ok: true; state: GameState; seq: number; events: StoredEvent[] }
  | { ok: false; error: { code: RejectCode; message: string } };

export function apply(state: GameState, envelope: Envelope): ApplyResult {
  const seq = state.seq + 1;
  // time never runs backwards inside an exercise
  const at = Math.max(envelope.at, state.now);
  let events: StoredEvent[] = [];
  try {
    const next = produce(state, (draft) => {
      const ctx = createCtx(draft, state, envelope.actor, at, seq);
      checkActor(ctx);
      dispatch(ctx, envelope.command);
      releaseTriggered(ctx);
      checkEnd(ctx);
      ctx.flushRng();
      draft.seq = seq;
      draft.now = at;
      events = ctx.events;
    });
    return { ok: true, state: next, seq, events };
  } catch (err) {
    if (err instanceof Rejection) return { ok: false, error: { code: err.code, message: err.message } };
    throw err;
  }
}

function checkActor(ctx: Ctx): void {
  const a = ctx.actor;
  if (a.role === "team" && !ctx.s.teams[a.teamId])
    reject("forbidden", `There is no team “${a.teamId}” in this exercise`);
  if (a.role === "mediator" && !ctx.s.scenario.mediator) reject("forbidden", "This scenario has no mediator");
}

function dispatch(ctx: Ctx, c: Command): void {
  switch (c.type) {
    case "exercise.start":
      return start(ctx);
    case "exercise.pause":
      return pause(ctx, c);
    case "exercise.resume":
      return resume(ctx);
    case "exercise.end":
      return endByFacilitator(ctx, c);
    case "phase.advance":
      return advance(ctx, c);
    case "inject.release":
      return releaseCommand(ctx, c.injectId);
    case "inject.hold":
      return holdCommand(ctx, c.injectId);
    case "inject.skip":
      return skipCommand(ctx, c.injectId);
    case "inject.create":
      return createCommand(ctx, c);
    case "escalation.adjust":
      return adjustEscalation(ctx, c);
    case "observers.visibility":
      return setObserverVisibility(ctx, c);
    case "team.chat":
      return teamChat(ctx, c);
    case "hotline.send":
      return sendMessage(ctx, c);
    case "hotline.relay":
      return relayMessage(ctx, c);
    case "orders.submit":
      return submitOrders(ctx, c);
    case "orders.withdraw":
      return withdrawOrders(ctx);
    case "proposal.create":
      return createProposal(ctx, c);
    case "proposal.respond":
      return respondToProposal(ctx, c);
    case "proposal.withdraw":
      return withdrawProposal(ctx, c);
    case "mediator.verify":
      return verify(ctx, c);
    case "mediator.convene":
      return convene(ctx, c);
    case "note.add":
      return addNote(ctx, c);
  }
}
