// The master scenario events list: injects released on schedule, by trigger, or
// by the facilitator; held and skipped by the facilitator; ad-hoc injects.
import type { Command, GameState, InjectState, Scenario } from "./types.ts";
import type { Condition, Inject } from "../scenario/schema.ts";
import type { EventFields } from "./events.ts";
import type { Ctx } from "./context.ts";
import type { Handlers } from "./apply.ts";
import { currentPhase, requireNotEnded, requireRole, teamIds } from "./context.ts";
import { reject } from "./reject.ts";
import { audienceScope } from "./ids.ts";
import { applyEffects } from "./effects.ts";
import { createIncident } from "./incidents.ts";
import { holds } from "./conditions.ts";

type Create = Extract<Command, { type: "inject.create" }>;

export function scenarioInject(sc: Scenario, id: string): Inject | undefined {
  return sc.injects.find((i) => i.id === id);
}

function findInject(s: GameState, id: string): InjectState {
  const inj = s.injects.find((i) => i.id === id);
  if (!inj)
    reject("not-found", `There is no inject “${id}”`, { key: "refusals-engine.inject.none", params: { inject: id } });
  return inj;
}

/** Releases an inject to its audience now, with its effects and incident. */
export function releaseInject(ctx: Ctx, inj: InjectState, by: NonNullable<InjectState["releasedBy"]>): void {
  const { s } = ctx;
  inj.status = "released";
  inj.releasedAt = ctx.at;
  inj.releasedTurn = s.turn;
  inj.releasedPhase = currentPhase(s)?.id ?? null;
  inj.releasedBy = by;
  ctx.emit({ type: "inject.released", inject: inj.id, title: inj.title, channel: inj.channel, by });
  const def = scenarioInject(ctx.sc, inj.id);
  if (!def) return;
  // the meter is public: audience.ts names the inject only to those it was released to
  applyEffects(ctx, def.effects, { cause: { kind: "inject", inject: inj.id } });
  if (def.incident) {
    const i = def.incident;
    createIncident(ctx, { ...i, source: { kind: "inject", injectId: def.id } });
  }
}

export function releaseCommand(ctx: Ctx, injectId: string): void {
  requireRole(ctx, "facilitator");
  requireStarted(ctx);
  const inj = findInject(ctx.s, injectId);
  if (inj.status === "released")
    reject("conflict", `“${inj.title}” was already released`, {
      key: "refusals-engine.inject.released",
      params: { title: inj.title },
    });
  if (inj.status === "skipped") ctx.emit({ type: "inject.unskipped", inject: inj.id, title: inj.title });
  releaseInject(ctx, inj, "facilitator");
}

export function holdCommand(ctx: Ctx, injectId: string): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  const inj = findInject(ctx.s, injectId);
  if (inj.status !== "pending")
    reject("conflict", `Only a pending inject can be held; “${inj.title}” is ${inj.status}`, {
      key: "refusals-engine.inject.hold",
      params: { title: inj.title, status: inj.status },
    });
  inj.status = "held";
  ctx.emit({ type: "inject.held", inject: inj.id, title: inj.title });
}

/** A held inject goes back to pending, so its schedule or trigger releases it again. */
export function unholdCommand(ctx: Ctx, injectId: string): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  const inj = findInject(ctx.s, injectId);
  if (inj.status !== "held")
    reject("conflict", `Only a held inject can be un-held; “${inj.title}” is ${inj.status}`, {
      key: "refusals-engine.inject.unhold",
      params: { title: inj.title, status: inj.status },
    });
  inj.status = "pending";
  ctx.emit({ type: "inject.unheld", inject: inj.id, title: inj.title });
}

export function skipCommand(ctx: Ctx, injectId: string): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  const inj = findInject(ctx.s, injectId);
  if (inj.status === "released" || inj.status === "skipped" || inj.status === "dropped")
    reject("conflict", `“${inj.title}” is already ${inj.status}`, {
      key: "refusals-engine.inject.already",
      params: { title: inj.title, status: inj.status },
    });
  inj.status = "skipped";
  ctx.emit({ type: "inject.skipped", inject: inj.id, title: inj.title });
}

export function createCommand(ctx: Ctx, cmd: Create): void {
  requireRole(ctx, "facilitator");
  requireStarted(ctx);
  const { s } = ctx;
  for (const a of cmd.audience) {
    if (a === "mediator" && !s.scenario.mediator)
      reject("invalid", "This scenario has no mediator", { key: "refusals-engine.no-mediator" });
    if (!["all", "mediator", "observers", "facilitator"].includes(a) && !teamIds(s).includes(a))
      reject("not-found", `There is no team “${a}”`, { key: "refusals-engine.no-team", params: { team: a } });
  }
  const inj: InjectState = {
    id: ctx.nextId("adhoc", audienceScope(cmd.audience)),
    status: "pending",
    adhoc: true,
    title: cmd.title,
    body: cmd.body,
    channel: cmd.channel,
    audience: [...cmd.audience],
    releasedAt: null,
    releasedTurn: null,
    releasedPhase: null,
    releasedBy: null,
  };
  s.injects.push(inj);
  releaseInject(ctx, inj, "facilitator");
}

// The scenario's injects come first in s.injects, in scenario order (init puts
// them there; ad-hoc ones are appended), so scenario inject i is s.injects[i].
// Looking only at those keeps each command's cost independent of how many
// ad-hoc injects an exercise has accumulated.

/** Releases the pending injects scheduled for the phase just entered: each group draws one, a chance inject is drawn. */
export function releaseScheduled(ctx: Ctx): void {
  const { s } = ctx;
  const phase = currentPhase(s);
  const due = ctx.sc.injects.flatMap((def, i) =>
    def.at && def.at.turn === s.turn && def.at.phase === phase?.id ? [{ def, i }] : [],
  );
  const drawn = new Set<string>();
  for (const { def, i } of due) {
    if (def.group === undefined) {
      if (s.injects[i]!.status === "pending") releaseOrDrop(ctx, i, "schedule");
    } else if (!drawn.has(def.group)) {
      drawn.add(def.group);
      drawGroup(
        ctx,
        due.flatMap((x) => (x.def.group === def.group ? [x.i] : [])),
      );
    }
  }
}

/** Releases pending injects whose condition now holds; repeats while releases cause more. */
export function releaseTriggered(ctx: Ctx): void {
  const { s } = ctx;
  if (s.status !== "running" && s.status !== "paused") return;
  const triggered = triggeredOf(ctx.sc);
  for (let round = 0; round < 10; round++) {
    const due = triggered.filter(({ when, i }) => s.injects[i]!.status === "pending" && holds(s, ctx.sc, when));
    if (!due.length) return;
    for (const { i } of due) releaseOrDrop(ctx, i, "trigger");
  }
}

/** The scenario's injects released by a condition, with their index (found once per scenario). */
const triggers = new WeakMap<Scenario, { when: Condition; i: number }[]>();

function triggeredOf(sc: Scenario): { when: Condition; i: number }[] {
  let list = triggers.get(sc);
  if (!list) triggers.set(sc, (list = sc.injects.flatMap((def, i) => (def.when ? [{ when: def.when, i }] : []))));
  return list;
}

/**
 * Scenario inject i is due: released, or, when it carries a chance, released
 * only if the seeded draw falls under it and dropped for good otherwise. An
 * inject without a chance draws nothing, so older exercises replay as they were.
 */
function releaseOrDrop(ctx: Ctx, i: number, by: "schedule" | "trigger"): void {
  const inj = ctx.s.injects[i]!;
  const chance = ctx.sc.injects[i]!.chance;
  if (chance === undefined) return releaseInject(ctx, inj, by);
  const roll = ctx.random();
  if (roll < chance) releaseInject(ctx, inj, by);
  else dropInject(ctx, inj, { draw: "chance", chance, roll });
}

/**
 * The scheduled members of a group (scenario indexes) are due together: the
 * seed draws one of the pending ones, the others are dropped. Held members
 * wait for control; one control already released was the group's draw.
 */
function drawGroup(ctx: Ctx, members: number[]): void {
  const states = members.map((i) => ctx.s.injects[i]!);
  const pending = states.filter((x) => x.status === "pending");
  if (!pending.length) return;
  if (states.some((x) => x.status === "released")) {
    for (const inj of pending) dropInject(ctx, inj, { draw: "group", chance: 0, roll: null });
    return;
  }
  const roll = pending.length > 1 ? ctx.random() : 0;
  const chosen = pending[Math.floor(roll * pending.length)]!;
  for (const inj of pending) {
    if (inj === chosen) releaseInject(ctx, inj, "schedule");
    else dropInject(ctx, inj, { draw: "group", chance: 1 / pending.length, roll });
  }
}

type Draw = Pick<EventFields["inject.dropped"], "draw" | "chance" | "roll">;

/** The draw went against the inject: it is never released by schedule or trigger (control still may). */
function dropInject(ctx: Ctx, inj: InjectState, draw: Draw): void {
  inj.status = "dropped";
  ctx.emit({ type: "inject.dropped", inject: inj.id, title: inj.title, ...draw });
}

function requireStarted(ctx: Ctx): void {
  requireNotEnded(ctx);
  if (ctx.s.status === "setup")
    reject("not-started", "Start the exercise before releasing injects", { key: "refusals-engine.inject.start-first" });
}

/** The commands this family handles: apply.ts dispatches through it. */
export const injectCommands = {
  "inject.release": (ctx, c) => releaseCommand(ctx, c.injectId),
  "inject.hold": (ctx, c) => holdCommand(ctx, c.injectId),
  "inject.skip": (ctx, c) => skipCommand(ctx, c.injectId),
  "inject.unhold": (ctx, c) => unholdCommand(ctx, c.injectId),
  "inject.create": createCommand,
} satisfies Partial<Handlers>;
