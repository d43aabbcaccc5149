// The hawk: attributes on thin evidence, retaliates hard against whoever the
// evidence points at, and turns down measures that would bind it.
import type { CommandInput, OrderItemInput } from "../protocol/commands.ts";
import type { ParticipantView } from "../engine/index.ts";
import type { Policy, Rng } from "./policy.ts";
import * as h from "./helpers.ts";

export interface HawkParams {
  /** evidence confidence at or above which it attributes publicly */
  attributeAt: number;
  /** the most severe action (0–5) it is ready to order in retaliation */
  maxSeverity: number;
  /** chance of accepting a measure proposed to it */
  acceptChance: number;
  /** whether it first notifies each state its orders target (over the hotline, or through the mediator) */
  notify: boolean;
}

export const HAWK_DEFAULTS: HawkParams = { attributeAt: 0.3, maxSeverity: 5, acceptChance: 0.2, notify: false };

export function hawk(params: Partial<HawkParams> = {}): Policy {
  const p = { ...HAWK_DEFAULTS, ...params };
  return { name: "hawk", params: p, act: (v, rng) => hawkAct(v, rng, p) };
}

function hawkAct(v: ParticipantView, rng: Rng, p: HawkParams): CommandInput[] {
  const mine = h.myTeam(v);
  if (!mine || !v.exercise.talksOpen) return [];
  const me = mine.teamId;
  const out: CommandInput[] = [];
  for (const pr of h.proposalsToAnswer(v, me))
    out.push({ type: "proposal.respond", proposalId: pr.id, accept: rng() < p.acceptChance });
  if (h.phaseKind(v) === "decision" && !mine.orders) {
    const actions = hawkOrders(v, me, p, rng);
    if (p.notify) out.push(...notices(v, me, actions));
    out.push({ type: "orders.submit", actions });
  }
  return out;
}

/** A notice to each state the orders target, before them: directly, or through the mediator, who relays it. */
function notices(v: ParticipantView, me: string, actions: OrderItemInput[]): CommandInput[] {
  const out: CommandInput[] = [];
  const targets = new Set(actions.map((a) => a.target).filter((t): t is string => !!t && t !== me));
  for (const t of targets) {
    const to = h.canTalk(v, me, t) ? t : h.canTalk(v, me, "mediator") ? "mediator" : null;
    if (!to || h.sentThisTurn(v, me, to, "notify") || out.some((n) => n.type === "hotline.send" && n.to === to))
      continue;
    const text = to === t ? "Advance notice of our operations." : `Please tell ${t}: advance notice of our operations.`;
    out.push({ type: "hotline.send", to, kind: "notify", text });
  }
  return out;
}

/** Whom it blames: the suspects of incidents against it, most severe first. */
function enemies(v: ParticipantView, me: string): string[] {
  const list = h
    .incidentsAgainst(v, me)
    .filter((i) => h.suspectOf(i, me))
    .sort((a, b) => b.severity - a.severity)
    .map((i) => h.suspectOf(i, me)!);
  return [...new Set(list)];
}

function hawkOrders(v: ParticipantView, me: string, p: HawkParams, rng: Rng): OrderItemInput[] {
  const mine = h.myTeam(v)!;
  const items: OrderItemInput[] = [];
  let left = mine.actionPoints;
  const attribute = mine.actions.find((a) => a.special === "attribute");
  for (const inc of h.incidentsAgainst(v, me)) {
    const suspect = h.suspectOf(inc, me);
    if (attribute && suspect && inc.evidence.confidence >= p.attributeAt && !inc.attributions.some((a) => a.by === me))
      left = h.addOrder(items, left, attribute, { target: suspect, incidentId: inc.id });
  }
  const foe = enemies(v, me)[0];
  if (!foe) return items;
  const strikes = mine.actions
    .filter((a) => a.severity > 0 && a.severity <= p.maxSeverity && (a.target === "state" || a.target === "sector"))
    .sort((a, b) => b.severity - a.severity);
  for (const a of strikes) {
    const aim = h.aimAt(v, a, foe, rng);
    if (aim) left = h.addOrder(items, left, a, aim);
  }
  return items;
}
