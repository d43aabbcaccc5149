// The opportunist: talks politely, and orders covert operations against the
// state it trusts least whenever it expects them to go unnoticed (judged from
// the catalogue's own figures: how likely an incident is, how firm its evidence).
import type { Action } from "../scenario/schema.ts";
import type { CommandInput, OrderItemInput } from "../protocol/commands.ts";
import type { ParticipantView } from "../engine/index.ts";
import type { Policy, Rng } from "./policy.ts";
import * as h from "./helpers.ts";

export interface OpportunistParams {
  /** the greatest risk of exposure (0–1) it accepts for a covert operation */
  maxRisk: number;
  /** it stays quiet once escalation reaches this share of the ladder's rungs (0–1) */
  stopAtLadder: number;
}

export const OPPORTUNIST_DEFAULTS: OpportunistParams = { maxRisk: 0.5, stopAtLadder: 0.6 };

export function opportunist(params: Partial<OpportunistParams> = {}): Policy {
  const p = { ...OPPORTUNIST_DEFAULTS, ...params };
  return { name: "opportunist", params: p, act: (v, rng) => opportunistAct(v, rng, p) };
}

/** The chance an operation gets pinned on it: it leaves evidence, and the evidence is firm and names it. */
export function exposureRisk(a: Action): number {
  if (a.visibility !== "covert") return 1;
  if (!a.incident) return 0;
  const [lo, hi] = a.incident.confidence;
  return Math.min(1, ((lo + hi) / 2) * (1 - a.incident.falseFlagChance) + a.incident.publicChance * 0.5);
}

function opportunistAct(v: ParticipantView, rng: Rng, p: OpportunistParams): CommandInput[] {
  const mine = h.myTeam(v);
  if (!mine || !v.exercise.talksOpen) return [];
  const me = mine.teamId;
  const out: CommandInput[] = [];
  for (const m of h.awaitingAnswer(v, me))
    if (h.canTalk(v, me, m.from))
      out.push({ type: "hotline.send", to: m.from, kind: "text", text: "We know nothing of this.", replyTo: m.id });
  // measures that would bind it against its targets are declined; the rest cost nothing to accept
  for (const pr of h.proposalsToAnswer(v, me))
    out.push({ type: "proposal.respond", proposalId: pr.id, accept: pr.kind === "statement" || rng() < 0.5 });
  if (h.phaseKind(v) === "decision" && !mine.orders)
    out.push({ type: "orders.submit", actions: covertOrders(v, me, p, rng) });
  return out;
}

function covertOrders(v: ParticipantView, me: string, p: OpportunistParams, rng: Rng): OrderItemInput[] {
  const mine = h.myTeam(v)!;
  const items: OrderItemInput[] = [];
  const top = v.ladder.rungs.length - 1;
  if (top > 0 && v.ladder.rung / top >= p.stopAtLadder) return items;
  const trustIn = (t: string) =>
    v.trust.find((x) => (x.a === me && x.b === t) || (x.b === me && x.a === t))?.value ?? 50;
  const target = h.otherTeams(v, me).sort((a, b) => trustIn(a) - trustIn(b))[0];
  if (!target) return items;
  let left = mine.actionPoints;
  const ops = mine.actions
    .filter((a) => a.visibility === "covert" && a.severity > 0 && exposureRisk(a) <= p.maxRisk)
    .sort((a, b) => b.severity - a.severity);
  for (const a of ops) {
    const aim = h.aimAt(v, a, target, rng);
    if (aim) left = h.addOrder(items, left, a, aim);
  }
  return items;
}
