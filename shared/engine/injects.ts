// The master scenario events list: injects released on schedule, by trigger, or
// by the facilitator; held and skipped by the facilitator; ad-hoc injects.
import type { Command, GameState, InjectState, Scenario } from "./types.ts";
import type { Condition, Inject } from "../scenario/schema.ts";
import type { Ctx } from "./context.ts";
import type { Handlers } from "./apply.ts";
import { currentPhase, requireNotEnded, requireRole, teamIds } from "./context.ts";
import { reject } from "./reject.ts";
import { audienceScope } from "./ids.ts";
import { applyEffects } from "./effects.ts";
import { createIncident } from "./incidents.ts";
import { rungIndex, rungIndexById } from "./escalation.ts";
import { sectorStatus } from "./measures.ts";

type Create = Extract<Command, { type: "inject.create" }>;

export function scenarioInject(sc: Scenario, id: string): Inject | undefined {
  return sc.injects.find((i) => i.id === id);
}

function findInject(s: GameState, id: string): InjectState {
  const inj = s.injects.find((i) => i.id === id);
  if (!inj) reject("not-found", `There is no inject “${id}”`);
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
  if (inj.status === "released") reject("conflict", `“${inj.title}” was already released`);
  if (inj.status === "skipped") ctx.emit({ type: "inject.unskipped", inject: inj.id, title: inj.title });
  releaseInject(ctx, inj, "facilitator");
}

export function holdCommand(ctx: Ctx, injectId: string): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  const inj = findInject(ctx.s, injectId);
  if (inj.status !== "pending")
    reject("conflict", `Only a pending inject can be held; “${inj.title}” is ${inj.status}`);
  inj.status = "held";
  ctx.emit({ type: "inject.held", inject: inj.id, title: inj.title });
}

/** A held inject goes back to pending, so its schedule or trigger releases it again. */
export function unholdCommand(ctx: Ctx, injectId: string): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  const inj = findInject(ctx.s, injectId);
  if (inj.status !== "held") reject("conflict", `Only a held inject can be un-held; “${inj.title}” is ${inj.status}`);
  inj.status = "pending";
  ctx.emit({ type: "inject.unheld", inject: inj.id, title: inj.title });
}

export function skipCommand(ctx: Ctx, injectId: string): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  const inj = findInject(ctx.s, injectId);
  if (inj.status === "released" || inj.status === "skipped")
    reject("conflict", `“${inj.title}” is already ${inj.status}`);
  inj.status = "skipped";
  ctx.emit({ type: "inject.skipped", inject: inj.id, title: inj.title });
}

export function createCommand(ctx: Ctx, cmd: Create): void {
  requireRole(ctx, "facilitator");
  requireStarted(ctx);
  const { s } = ctx;
  for (const a of cmd.audience) {
    if (a === "mediator" && !s.scenario.mediator) reject("invalid", "This scenario has no mediator");
    if (!["all", "mediator", "observers", "facilitator"].includes(a) && !teamIds(s).includes(a))
      reject("not-found", `There is no team “${a}”`);
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

/** Releases the pending injects scheduled for the phase just entered. */
export function releaseScheduled(ctx: Ctx): void {
  const { s } = ctx;
  const phase = currentPhase(s);
  ctx.sc.injects.forEach((def, i) => {
    if (!def.at || def.at.turn !== s.turn || def.at.phase !== phase?.id) return;
    const inj = s.injects[i]!;
    if (inj.status === "pending") releaseInject(ctx, inj, "schedule");
  });
}

/** Releases pending injects whose condition now holds; repeats while releases cause more. */
export function releaseTriggered(ctx: Ctx): void {
  const { s } = ctx;
  if (s.status !== "running" && s.status !== "paused") return;
  const triggered = triggeredOf(ctx.sc);
  for (let round = 0; round < 10; round++) {
    const due = triggered.filter(({ when, i }) => s.injects[i]!.status === "pending" && holds(s, ctx.sc, when));
    if (!due.length) return;
    for (const { i } of due) releaseInject(ctx, s.injects[i]!, "trigger");
  }
}

/** The scenario's injects released by a condition, with their index (found once per scenario). */
const triggers = new WeakMap<Scenario, { when: Condition; i: number }[]>();

function triggeredOf(sc: Scenario): { when: Condition; i: number }[] {
  let list = triggers.get(sc);
  if (!list) triggers.set(sc, (list = sc.injects.flatMap((def, i) => (def.when ? [{ when: def.when, i }] : []))));
  return list;
}

export function holds(s: GameState, sc: Scenario, c: Condition): boolean {
  switch (c.type) {
    case "escalation":
      return rungIndex(sc.ladder, s.escalation) >= rungIndexById(sc.ladder, c.atLeastRung);
    case "action":
      return s.history.some((h) =>
        h.orders.some((o) => (!c.by || o.teamId === c.by) && o.items.some((i) => i.actionId === c.action)),
      );
    case "sector-down":
      return Object.values(s.teams).some(
        (t) =>
          (!c.team || t.id === c.team) &&
          t.sectors.some((x) => (!c.sector || x.kind === c.sector) && sectorStatus(x.health) === "down"),
      );
    case "pressure":
      return Object.values(s.teams).some((t) => (!c.team || t.id === c.team) && t.pressure >= c.atLeast);
    case "misattribution":
      return s.incidents.some((i) => i.attributions.some((a) => !a.correct));
    case "commitment-broken":
      return s.commitments.some((x) => x.status === "broken" && (!c.cbm || x.cbmId === c.cbm));
  }
}

function requireStarted(ctx: Ctx): void {
  requireNotEnded(ctx);
  if (ctx.s.status === "setup") reject("not-started", "Start the exercise before releasing injects");
}

/** The commands this family handles: apply.ts dispatches through it. */
export const injectCommands = {
  "inject.release": (ctx, c) => releaseCommand(ctx, c.injectId),
  "inject.hold": (ctx, c) => holdCommand(ctx, c.injectId),
  "inject.skip": (ctx, c) => skipCommand(ctx, c.injectId),
  "inject.unhold": (ctx, c) => unholdCommand(ctx, c.injectId),
  "inject.create": createCommand,
} satisfies Partial<Handlers>;
