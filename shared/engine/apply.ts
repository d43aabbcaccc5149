// apply(state, command): the one door through which the exercise changes.
// Pure: the same state and command always give the same result.
import { produce } from "immer";
import type { Actor, Command, GameState } from "./types.ts";
import type { CommandType } from "../protocol/commands.ts";
import type { StoredEvent } from "./events.ts";
import type { Ctx } from "./context.ts";
import { createCtx } from "./context.ts";
import { Rejection, reject, type RejectCode } from "./reject.ts";
import { checkEnd, flowCommands } from "./flow.ts";
import { injectCommands, releaseTriggered } from "./injects.ts";
import { controlCommands } from "./control.ts";
import { chatCommands } from "./chat.ts";
import { hotlineCommands } from "./hotline.ts";
import { orderCommands } from "./orders.ts";
import { agreementCommands } from "./agreements.ts";
import { mediatorCommands } from "./mediator.ts";
import { noteCommands } from "./notes.ts";

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

/** What handles one kind of command: changes the draft through ctx, or throws a refusal. */
export type Handler<K extends CommandType> = (ctx: Ctx, cmd: Extract<Command, { type: K }>) => void;

/**
 * A handler for each kind of command. A family file exports the part it handles
 * (`... satisfies Partial<Handlers>`); HANDLERS below merges them, and the
 * compiler refuses a command of the schema that no family handles. A command
 * added to a family already listed touches nothing here; a new family file adds
 * its one line.
 */
export type Handlers = { readonly [K in CommandType]: Handler<K> };

const HANDLERS: Handlers = {
  ...flowCommands,
  ...injectCommands,
  ...controlCommands,
  ...chatCommands,
  ...hotlineCommands,
  ...orderCommands,
  ...agreementCommands,
  ...mediatorCommands,
  ...noteCommands,
};

function dispatch(ctx: Ctx, c: Command): void {
  // the table pairs each kind with its own handler; one lookup cannot say so to the compiler
  (HANDLERS[c.type] as Handler<CommandType>)(ctx, c);
}
