// Adjudication: every team's secret orders are revealed and resolved together,
// then the turn's slower forces act (domestic pressure, recovery, restraint).
import type { Ctx } from "./context.ts";
import { rungIndex, shiftEscalation } from "./escalation.ts";
import { changeSectorHealth } from "./measures.ts";
import { activeCommitments, checkTimelines } from "./commitments.ts";
import { resolveItem } from "./resolve-order.ts";
import { hardliners, mountPressure, unansweredAnywhere } from "./pressure.ts";

/** pressure above this pushes the crisis up every turn */
export const PRESSURE_DRIFT_FROM = 60;
export const RECOVERY_PER_TURN = 5;
export const JOINT_CERT_RECOVERY = 10;
export const QUIET_TURN_COOLING = -3;

export function adjudicate(ctx: Ctx): void {
  const { s } = ctx;
  const before = s.escalation;
  const orders = s.scenario.teams.flatMap((t) => (s.orders[t.id] ? [s.orders[t.id]!] : []));
  ctx.emit({ type: "turn.adjudicated", submitted: orders.length, teams: s.scenario.teams.length });
  let hostile = false;
  let misread = false;
  const failed: string[] = [];
  for (const o of orders) {
    o.items.forEach((item, index) => {
      const action = s.scenario.actions.find((a) => a.id === item.actionId);
      if (!action) return;
      const r = resolveItem(ctx, o.teamId, item, action);
      hostile ||= r.hostile;
      misread ||= r.misread;
      if (r.failed) failed.push(`${o.teamId}|${index}`);
    });
  }

  // rules 3.0: unanswered public incidents weigh on governments
  if (!s.model.legacy) mountPressure(ctx);
  // domestic pressure pushes toward retaliation
  let heavy = false;
  for (const t of s.scenario.teams) {
    const p = s.teams[t.id]!.pressure;
    heavy ||= p >= PRESSURE_DRIFT_FROM + 10;
    if (p >= PRESSURE_DRIFT_FROM + 10)
      shiftEscalation(ctx, Math.floor((p - PRESSURE_DRIFT_FROM) / 10), { kind: "pressure", team: t.id, pressure: p });
    if (!s.model.legacy && p >= PRESSURE_DRIFT_FROM + 10) hardliners(ctx, t.id, p, PRESSURE_DRIFT_FROM);
  }
  // infrastructure recovers, faster with joint CERT work
  const jointCert = new Set(activeCommitments(s, "joint-cert").flatMap((c) => c.parties));
  for (const t of s.scenario.teams)
    for (const sec of s.teams[t.id]!.sectors)
      if (sec.health < 100)
        changeSectorHealth(ctx, t.id, sec.kind, RECOVERY_PER_TURN + (jointCert.has(t.id) ? JOINT_CERT_RECOVERY : 0));
  // restraint cools the crisis
  // rules 3.0: not while a government is under heavy pressure, nor while public incidents go unanswered
  if (!hostile && !misread && (s.model.legacy || (!heavy && !unansweredAnywhere(s))))
    shiftEscalation(ctx, QUIET_TURN_COOLING, { kind: "quiet-turn" });
  checkTimelines(ctx);

  s.history.push({
    turn: s.turn,
    orders,
    escalationBefore: before,
    escalationAfter: s.escalation,
    ...(failed.length ? { failed } : {}),
  });
  s.orders = {};
  const rung = s.scenario.ladder.rungs[rungIndex(s.scenario.ladder, s.escalation)]!;
  ctx.emit({ type: "turn.resolved", from: before, to: s.escalation, rung: rung.id });
  for (const o of orders) ctx.emit({ type: "orders.carried-out", team: o.teamId });
}
