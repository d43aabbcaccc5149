// Confidence-building measures once adopted: commitments that are kept or broken.
import type { Cbm } from "../scenario/schema.ts";
import type { Commitment, GameState, OrderItem } from "./types.ts";
import type { Action } from "../scenario/schema.ts";
import type { Ctx } from "./context.ts";
import type { BreachReason } from "./events.ts";
import { pairKey } from "./context.ts";
import { shiftEscalation, rungIndex, rungIndexById } from "./escalation.ts";
import { changePressure, changeStanding, changeTrust, changeTrustAmong } from "./measures.ts";
import { scaled, standingFactor } from "./model.ts";

export const BREACH_STANDING = -10;
export const BREACH_TRUST = -10;
export const BREACH_ESCALATION = 5;

export function cbmOf(s: GameState, id: string): Cbm | undefined {
  return s.scenario.cbms.find((c) => c.id === id);
}

export function activeCommitments(s: GameState, kind?: Cbm["kind"]): Commitment[] {
  return s.commitments.filter((c) => c.status !== "broken" && (!kind || cbmOf(s, c.cbmId)?.kind === kind));
}

/** Is there an active commitment of this kind binding both teams? */
export function bound(s: GameState, kind: Cbm["kind"], a: string, b: string): Commitment | undefined {
  return activeCommitments(s, kind).find((c) => c.parties.includes(a) && c.parties.includes(b));
}

export function adoptCbm(ctx: Ctx, cbm: Cbm, parties: string[]): Commitment {
  const { s } = ctx;
  const c: Commitment = {
    // commitments are public
    id: ctx.nextId("commitment", "all"),
    cbmId: cbm.id,
    parties: [...parties],
    adoptedTurn: s.turn,
    adoptedAt: ctx.at,
    status: "active",
    breaches: [],
  };
  s.commitments.push(c);
  ctx.emit({ type: "commitment.adopted", commitment: c.id, cbm: cbm.id, parties: [...parties] });
  // rules 3.0: a government with little standing pays more at home for what it concedes
  for (const p of parties)
    changePressure(
      ctx,
      p,
      s.model.legacy ? cbm.cost : scaled(cbm.cost, standingFactor(s.model, 100 - s.teams[p]!.standing, 0.5)),
    );
  changeTrustAmong(ctx, parties, cbm.trust);
  if (cbm.kind === "hotline") {
    parties.forEach((a, i) =>
      parties.slice(i + 1).forEach((b) => {
        const key = pairKey(a, b);
        if (!s.hotlines.includes(key)) s.hotlines.push(key);
      }),
    );
  }
  if (cbm.escalation) shiftEscalation(ctx, cbm.escalation, { kind: "cbm-adopted", cbm: cbm.id, parties: [...parties] });
  return c;
}

/** What an order breaks, if anything: returns the reason for each commitment it breaches. */
export function breachesOf(
  s: GameState,
  actor: string,
  item: OrderItem,
  action: Action,
  notified: boolean,
): { c: Commitment; reason: BreachReason }[] {
  const target = item.target;
  if (!target || target === actor) return [];
  const out: { c: Commitment; reason: BreachReason }[] = [];
  for (const c of activeCommitments(s)) {
    if (!c.parties.includes(actor) || !c.parties.includes(target)) continue;
    const cbm = cbmOf(s, c.cbmId);
    if (!cbm) continue;
    if (cbm.kind === "no-target" && action.severity >= 1) {
      const hit = new Set<string>();
      if (item.sector) hit.add(item.sector);
      for (const e of action.effects)
        if (e.type === "sector" && e.delta < 0 && e.sector !== "target") hit.add(e.sector);
      const protectedHit = (cbm.protectedSectors ?? []).filter((k) => hit.has(k));
      if (protectedHit.length) out.push({ c, reason: { kind: "protected-sectors", sectors: protectedHit } });
    } else if (cbm.kind === "pre-notification" && action.perception && !notified) {
      out.push({ c, reason: { kind: "not-notified" } });
    } else if ((cbm.kind === "incident-reporting" || cbm.kind === "joint-cert") && action.incident) {
      out.push({ c, reason: { kind: "covert-operation" } });
    }
  }
  return out;
}

/** Records a breach: the breaker loses standing and trust, the crisis worsens. */
export function breakCommitment(ctx: Ctx, c: Commitment, teamId: string, reason: BreachReason): void {
  const { s } = ctx;
  c.status = "broken";
  c.breaches.push({ teamId, turn: s.turn, reason });
  ctx.emit({ type: "commitment.broken", commitment: c.id, cbm: c.cbmId, team: teamId, reason });
  changeStanding(ctx, teamId, BREACH_STANDING);
  for (const p of c.parties) changeTrust(ctx, teamId, p, BREACH_TRUST);
  shiftEscalation(ctx, BREACH_ESCALATION, { kind: "breach", team: teamId, cbm: c.cbmId });
}

/** Timeline commitments fall due at adjudication: kept if escalation is low enough by then. */
export function checkTimelines(ctx: Ctx): void {
  const { s } = ctx;
  for (const c of activeCommitments(s, "timeline").filter((x) => x.status === "active")) {
    const cbm = cbmOf(s, c.cbmId)!;
    if (!cbm.timeline || s.turn < c.adoptedTurn + cbm.timeline.withinTurns) continue;
    const target = rungIndexById(s.scenario.ladder, cbm.timeline.rung);
    if (rungIndex(s.scenario.ladder, s.escalation) <= target) {
      c.status = "fulfilled";
      ctx.emit({ type: "commitment.fulfilled", commitment: c.id, cbm: cbm.id });
      for (const p of c.parties) changeStanding(ctx, p, 5);
    } else {
      c.status = "broken";
      for (const p of c.parties) c.breaches.push({ teamId: p, turn: s.turn, reason: { kind: "timeline-missed" } });
      ctx.emit({ type: "commitment.missed", commitment: c.id, cbm: cbm.id, rung: cbm.timeline.rung });
      for (const p of c.parties) changeStanding(ctx, p, -5);
      shiftEscalation(ctx, 3, { kind: "timeline-missed", cbm: cbm.id });
    }
  }
}
