// What each phase opens: talks (hotline, mediation, proposals) and orders.
import type { GameState } from "./types.ts";
import type { Ctx } from "./context.ts";
import { currentPhase, requireRunning } from "./context.ts";
import { reject } from "./reject.ts";

/** Hotline, mediation and proposals: open in deliberation and decision unless the phase says otherwise. */
export function talksOpen(s: GameState): boolean {
  const p = currentPhase(s);
  if (!p || s.status !== "running") return false;
  return p.hotline ?? (p.kind === "deliberation" || p.kind === "decision");
}

export function ordersOpen(s: GameState): boolean {
  return s.status === "running" && currentPhase(s)?.kind === "decision";
}

export function requireTalksOpen(ctx: Ctx): void {
  requireRunning(ctx);
  if (!talksOpen(ctx.s)) {
    const open = ctx.s.scenario.phases
      .filter((p) => p.hotline ?? (p.kind === "deliberation" || p.kind === "decision"))
      .map((p) => p.name);
    reject(
      "closed",
      `The hotline is closed during ${currentPhase(ctx.s)!.name}; it opens in ${open.join(" and ") || "no phase"}`,
      {
        key: "refusals-engine.hotline-closed",
        params: { phase: currentPhase(ctx.s)!.name, open: open.join(", "), opens: open.length ? "yes" : "no" },
      },
    );
  }
}

export function requireOrdersOpen(ctx: Ctx): void {
  requireRunning(ctx);
  if (!ordersOpen(ctx.s)) {
    const decision = ctx.s.scenario.phases.find((p) => p.kind === "decision")!;
    reject(
      "closed",
      `The ${decision.name} phase is closed: orders are only accepted during ${decision.name} (now: ${currentPhase(ctx.s)!.name})`,
      { key: "refusals-engine.orders-closed", params: { decision: decision.name, now: currentPhase(ctx.s)!.name } },
    );
  }
}
