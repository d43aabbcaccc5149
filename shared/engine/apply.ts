// step(state, command): the one door through which the exercise changes. It
// changes the state in place, or refuses and leaves it exactly as it was (every
// handler checks before it changes anything). apply(state, command) is the slow,
// safe door: the same on a copy, for callers that keep the state before.
// Deterministic: the same state and command always give the same result.
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
import { agreementEndCommands } from "./agreement-end.ts";
import { mediatorCommands } from "./mediator.ts";
import { noteCommands } from "./notes.ts";
import { freezeState } from "./freeze.ts";

/** A command as it reaches the engine: who, when (ms since the epoch), what. */
export interface Envelope {
  at: number;
  actor: Actor;
  command: Command;
}

export type Refusal = { ok: false; error: { code: RejectCode; message: string } };

/** `events`: what the command added to the log (the same objects: never change them). */
export type StepResult = { ok: true; seq: number; events: StoredEvent[] } | Refusal;

export type ApplyResult = { ok: true; state: GameState; seq: number; events: StoredEvent[] } | Refusal;

/**
 * Applies a command to `state` IN PLACE: the fast door (replay, bots, the live
 * exercise). A refusal leaves `state` exactly as it was. Whoever keeps an
 * earlier state keeps a copy (cloneState), not the one passed here.
 */
export function step(state: GameState, envelope: Envelope): StepResult {
  const seq = state.seq + 1;
  // time never runs backwards inside an exercise
  const at = Math.max(envelope.at, state.now);
  const ctx = createCtx(state, envelope.actor, at, seq);
  try {
    checkActor(ctx);
    dispatch(ctx, envelope.command);
  } catch (err) {
    if (err instanceof Rejection) return { ok: false, error: err.toError() };
    throw err;
  }
  // nothing below refuses: the command is accepted
  releaseTriggered(ctx);
  checkEnd(ctx);
  ctx.flushRng();
  state.seq = seq;
  state.now = at;
  return { ok: true, seq, events: ctx.events };
}

/**
 * The pure door: `state` is left unchanged and the result is a new state (a
 * deep copy sharing only the scenario, then `step`). Slow on a long exercise:
 * for tests and tools that keep every state; the hot paths use `step`.
 */
export function apply(state: GameState, envelope: Envelope): ApplyResult {
  const next = copyState(state);
  const r = step(next, envelope);
  if (!r.ok) return r;
  return { ok: true, state: freezeState(next), seq: r.seq, events: r.events };
}

/** A deep copy; the scenario, which nothing changes, is shared. Keys keep their order. */
function copyState(s: GameState): GameState {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) out[k] = k === "scenario" ? v : structuredClone(v);
  return out as unknown as GameState;
}

function checkActor(ctx: Ctx): void {
  const a = ctx.actor;
  if (a.role === "team" && !ctx.s.teams[a.teamId])
    reject("forbidden", `There is no team “${a.teamId}” in this exercise`, {
      key: "refusals-engine.seat.no-team",
      params: { team: a.teamId },
    });
  if (a.role === "mediator" && !ctx.s.scenario.mediator)
    reject("forbidden", "This scenario has no mediator", { key: "refusals-engine.no-mediator" });
}

/** What handles one kind of command: refuses (throws) before it changes anything, then changes the state through ctx. */
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
  ...agreementEndCommands,
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
