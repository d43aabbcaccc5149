// Control's review of adjudication (rules 3.0). In "review" mode, entering the
// adjudication phase does not resolve the turn: it waits, and control alone
// sees what it would do (review-proposal.ts). Control approves it, or amends
// it in the same command: order items struck (the turn is resolved without
// them) and values set after it, each with a reason. Self-paced play (the
// server as control) keeps adjudication automatic.
import type { Command, GameState } from "./types.ts";
import type { Ctx } from "./context.ts";
import type { AdjudicationMode } from "../protocol/control-changes.ts";
import { partyName, requireNotEnded, requireRole } from "./context.ts";
import { reject } from "./reject.ts";
import { adjudicate } from "./adjudication.ts";
import { checkChange, makeChange } from "./control-set.ts";
import { requireRulesAtLeast } from "./rules-gate.ts";

// The review's part of the game state, declared here so its fields live with their rules.
declare module "./types.ts" {
  interface GameState {
    /** whether entering adjudication waits for control's review; absent until control chooses ("auto") */
    adjudicationMode?: AdjudicationMode;
    /** the turn whose adjudication waits for control's approval; absent or null: none waits */
    pendingReview?: { turn: number } | null;
  }
}

/** Whether entering adjudication now waits for control: review mode, unless the server paces the exercise. */
export function reviews(s: GameState): boolean {
  return s.adjudicationMode === "review" && !s.autopilot;
}

/** Whether an adjudication waits for control's approval now. */
export function underReview(s: GameState): boolean {
  return !!s.pendingReview && s.status !== "ended";
}

/** What entering the adjudication phase does: resolve the turn, or hold it for control's review. */
export function adjudicateOrReview(ctx: Ctx): void {
  if (!reviews(ctx.s)) return adjudicate(ctx);
  ctx.s.pendingReview = { turn: ctx.s.turn };
  // everyone learns that it waits, and nothing of what is in it
  ctx.emit({ type: "adjudication.under-review" });
}

/** Refuses to move on while an adjudication waits for control. */
export function requireNoPendingReview(ctx: Ctx): void {
  if (ctx.s.pendingReview)
    reject("conflict", "This turn's adjudication is under review: approve it (with your changes) before moving on", {
      key: "refusals-engine.review.pending-advance",
    });
}

export function setMode(ctx: Ctx, cmd: Extract<Command, { type: "adjudication.mode" }>): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  requireRulesAtLeast(ctx, "3.0", "review of adjudication");
  const { s } = ctx;
  if ((s.adjudicationMode ?? "auto") === cmd.mode)
    reject(
      "invalid",
      cmd.mode === "review" ? "Adjudication already waits for control's review" : "Adjudication is already automatic",
      { key: "refusals-engine.review.mode-already", params: { review: cmd.mode === "review" ? "yes" : "no" } },
    );
  if (cmd.mode === "review" && s.autopilot)
    reject("invalid", "The server paces this exercise (self-paced play): its adjudication stays automatic", {
      key: "refusals-engine.review.self-paced",
    });
  if (cmd.mode === "auto" && s.pendingReview)
    reject("conflict", "This turn's adjudication is under review: approve it before turning review off", {
      key: "refusals-engine.review.pending-off",
    });
  s.adjudicationMode = cmd.mode;
  ctx.emit({ type: "adjudication.mode", mode: cmd.mode });
}

/** Control approves the adjudication under review, with its amendments, and the turn is resolved. */
export function approve(ctx: Ctx, cmd: Extract<Command, { type: "adjudication.approve" }>): void {
  requireRole(ctx, "facilitator");
  requireNotEnded(ctx);
  const { s } = ctx;
  if (!s.pendingReview)
    reject("conflict", "No adjudication is waiting for review", { key: "refusals-engine.review.nothing" });
  const struck = checkStrikes(ctx, cmd.strike);
  const changes = cmd.set.map((x, i) => checkChange(ctx, x, `set.${i}.change`, false));
  // nothing below refuses
  s.pendingReview = null;
  ctx.emit({ type: "adjudication.approved" });
  for (const [team, items] of struck) {
    const orders = s.orders[team]!;
    items.forEach((reason, i) => ctx.emit({ type: "order.struck", team, action: orders.items[i]!.actionId, reason }));
    // new objects, never a change to the old ones: a copy of the state may share them (clone.ts)
    s.orders = { ...s.orders, [team]: { ...orders, items: orders.items.filter((_, i) => !items.has(i)) } };
  }
  adjudicate(ctx);
  // the values control sets are the turn's result: set after it
  for (const c of changes) makeChange(ctx, c);
}

/** The items struck, by team: item index (from 0) → reason. Refuses an item that is not on the orders. */
function checkStrikes(
  ctx: Ctx,
  strikes: Extract<Command, { type: "adjudication.approve" }>["strike"],
): Map<string, Map<number, string>> {
  const { s } = ctx;
  const out = new Map<string, Map<number, string>>();
  strikes.forEach((x, i) => {
    if (!s.teams[x.team])
      reject("not-found", `strike.${i}.team: there is no state “${x.team}”`, {
        key: "refusals-engine.review.strike-no-state",
        params: { path: `strike.${i}.team`, team: x.team },
      });
    const items = s.orders[x.team]?.items ?? [];
    if (x.item > items.length)
      reject(
        "not-found",
        `strike.${i}.item: ${partyName(s, x.team)}'s orders have ${items.length ? `items 1 to ${items.length}` : "no items"}`,
        {
          key: "refusals-engine.review.strike-items",
          params: { path: `strike.${i}.item`, team: partyName(s, x.team), items: items.length },
        },
      );
    const mine = out.get(x.team) ?? new Map<number, string>();
    if (mine.has(x.item - 1))
      reject("invalid", `strike.${i}.item: item ${x.item} of ${partyName(s, x.team)} is struck twice`, {
        key: "refusals-engine.review.strike-twice",
        params: { path: `strike.${i}.item`, item: x.item, team: partyName(s, x.team) },
      });
    mine.set(x.item - 1, x.reason);
    out.set(x.team, mine);
  });
  // in the order of the scenario's teams and of the items: the same events whatever order control listed them in
  const sorted = new Map<string, Map<number, string>>();
  for (const t of s.scenario.teams) {
    const m = out.get(t.id);
    if (m) sorted.set(t.id, new Map([...m].sort((a, b) => a[0] - b[0])));
  }
  return sorted;
}
