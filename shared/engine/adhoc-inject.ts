// An ad-hoc inject that acts (rules 3.0): besides its text, control's inject
// may carry effects and an incident, checked as a scenario's inject would be
// (the scenario's own cross-check) and applied on release as a scenario
// inject's are. Without them it is the plain ad-hoc inject of injects.ts.
import type { Command } from "./types.ts";
import type { Ctx } from "./context.ts";
import { currentPhase, requireNotEnded, requireRole } from "./context.ts";
import { reject } from "./reject.ts";
import { createCommand } from "./injects.ts";
import { applyEffects } from "./effects.ts";
import { createIncident } from "./incidents.ts";
import { requireRulesAtLeast } from "./rules-gate.ts";
import { crossCheck } from "../scenario/cross-check.ts";
import { inject as injectSchema } from "../scenario/schema.ts";
import { MAX_CONFIDENCE } from "../protocol/control-changes.ts";
import { injectFieldWords, schemaIssueWords } from "./adhoc-inject-words.ts";

type Create = Extract<Command, { type: "inject.create" }>;

/** inject.create: releases control's inject now, with its effects and incident. */
export function createActingInject(ctx: Ctx, cmd: Create): void {
  const { effects, incident, ...plain } = cmd;
  if (!effects?.length && !incident) return createCommand(ctx, plain);
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  if (ctx.s.status === "setup")
    reject("not-started", "Start the exercise before releasing injects", { key: "refusals-engine.inject.start-first" });
  requireRulesAtLeast(ctx, "3.0", "ad-hoc injects with effects and incidents");
  checkLikeScenario(ctx, cmd);
  createCommand(ctx, plain);
  const inj = ctx.s.injects[ctx.s.injects.length - 1]!;
  // as a scenario inject's release: the meter is public, audience.ts names the inject only to its readers
  applyEffects(ctx, effects ?? [], { cause: { kind: "inject", inject: inj.id } });
  if (incident) createIncident(ctx, { ...incident, source: { kind: "inject", injectId: inj.id } });
}

/** Refuses what the scenario's validator would refuse in the same inject, naming the field. */
function checkLikeScenario(ctx: Ctx, cmd: Create): void {
  const sc = ctx.sc;
  const parsed = injectSchema.safeParse({
    id: "adhoc-check",
    title: cmd.title,
    body: cmd.body,
    channel: cmd.channel,
    audience: cmd.audience,
    at: { turn: ctx.s.turn, phase: currentPhase(ctx.s)?.id ?? sc.phases[0]!.id },
    effects: cmd.effects ?? [],
    ...(cmd.incident ? { incident: cmd.incident } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const { field, words } = schemaIssueWords(issue);
    reject("invalid", `${field}: ${issue.message}`, words);
  }
  if (cmd.incident && cmd.incident.confidence > MAX_CONFIDENCE)
    reject("invalid", "incident.confidence: at most 0.95 (evidence is never certain)", {
      key: "refusals-engine.inject.confidence-max",
    });
  const index = sc.injects.length;
  const prefix = `injects[${index}]`;
  // the audience is injects.ts's to check, with the words it always had
  const first = crossCheck({ ...sc, injects: [...sc.injects, parsed.data] }).find(
    (x) => x.path.startsWith(`${prefix}.`) && !x.path.startsWith(`${prefix}.audience`),
  );
  if (!first) return;
  const path = first.path.slice(prefix.length + 1);
  // the same finding, keyed from the inject's fields; a finding the table lacks is still named by its field
  const words = injectFieldWords(sc, parsed.data, index).find((w) => w.path === path)?.words;
  reject(
    "invalid",
    `${path}: ${first.message}`,
    words ?? { key: "refusals-engine.inject.field.invalid", params: { path } },
  );
}
