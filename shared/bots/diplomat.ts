// The cautious diplomat: answers the hotline, confirms what the evidence says
// with the suspect, has the mediator verify, proposes and accepts measures,
// notifies before it acts, and attributes only on firm evidence.
import type { CommandInput, OrderItemInput } from "../protocol/commands.ts";
import type { ParticipantView } from "../engine/index.ts";
import type { Policy, Rng } from "./policy.ts";
import * as h from "./helpers.ts";

export interface DiplomatParams {
  /** evidence confidence at or above which it orders a public attribution */
  attributeAt: number;
  /** chance per turn of proposing a measure not yet in force */
  proposeChance: number;
  /** notify every state it can reach before its decision-phase orders */
  notify: boolean;
}

export const DIPLOMAT_DEFAULTS: DiplomatParams = { attributeAt: 0.8, proposeChance: 0.7, notify: true };

export function cautiousDiplomat(params: Partial<DiplomatParams> = {}): Policy {
  const p = { ...DIPLOMAT_DEFAULTS, ...params };
  return { name: "cautious-diplomat", params: p, act: (v, rng) => diplomatAct(v, rng, p) };
}

function diplomatAct(v: ParticipantView, rng: Rng, p: DiplomatParams): CommandInput[] {
  const mine = h.myTeam(v);
  if (!mine || !v.exercise.talksOpen) return [];
  const me = mine.teamId;
  const out: CommandInput[] = [];
  for (const m of h.awaitingAnswer(v, me))
    if (h.canTalk(v, me, m.from))
      out.push({
        type: "hotline.send",
        to: m.from,
        kind: "confirm",
        text: "Received; we take this seriously.",
        replyTo: m.id,
      });
  for (const pr of h.proposalsToAnswer(v, me)) out.push({ type: "proposal.respond", proposalId: pr.id, accept: true });
  for (const inc of h.incidentsAgainst(v, me)) {
    if (inc.turn !== v.exercise.turn) continue;
    const suspect = h.suspectOf(inc, me);
    if (suspect && h.canTalk(v, me, suspect) && !h.sentThisTurn(v, me, suspect, "confirm", inc.id))
      out.push({
        type: "hotline.send",
        to: suspect,
        kind: "confirm",
        text: `Can you confirm or deny “${inc.title}”?`,
        incidentId: inc.id,
      });
    if (v.mediator && !inc.sharedWith.includes("mediator") && !h.sentThisTurn(v, me, "mediator", "assess", inc.id))
      out.push({
        type: "hotline.send",
        to: "mediator",
        kind: "assess",
        text: `Please verify our evidence on “${inc.title}”.`,
        incidentId: inc.id,
      });
  }
  const kind = h.phaseKind(v);
  if (kind === "deliberation" && h.negotiates(v, me) && rng() < p.proposeChance) {
    const parties = h.negotiators(v);
    const cbm = h.pick(h.measuresNotInForce(v, parties), rng);
    if (cbm && !v.proposals.some((x) => x.proposer === me && x.turn === v.exercise.turn))
      out.push({ type: "proposal.create", kind: "cbm", cbmId: cbm.id });
  }
  if (kind === "decision" && !mine.orders) {
    const orders = diplomatOrders(v, me, p);
    if (p.notify && orders.length)
      for (const t of h.otherTeams(v, me))
        if (h.canTalk(v, me, t) && !h.sentThisTurn(v, me, t, "notify"))
          out.push({
            type: "hotline.send",
            to: t,
            kind: "notify",
            text: "Advance notice: our measures this turn are defensive.",
          });
    out.push({ type: "orders.submit", actions: orders });
  }
  return out;
}

function diplomatOrders(v: ParticipantView, me: string, p: DiplomatParams): OrderItemInput[] {
  const mine = h.myTeam(v)!;
  const items: OrderItemInput[] = [];
  let left = mine.actionPoints;
  const investigate = mine.actions.find((a) => a.special === "investigate");
  const attribute = mine.actions.find((a) => a.special === "attribute");
  for (const inc of h.incidentsAgainst(v, me)) {
    const suspect = h.suspectOf(inc, me);
    const accused = inc.attributions.some((a) => a.by === me);
    if (attribute && suspect && !accused && inc.evidence.confidence >= p.attributeAt)
      left = h.addOrder(items, left, attribute, { target: suspect, incidentId: inc.id });
    else if (investigate && inc.evidence.confidence < p.attributeAt)
      left = h.addOrder(items, left, investigate, { incidentId: inc.id });
  }
  // then shore up its own infrastructure, never a hostile act
  for (const a of mine.actions)
    if (a.category === "resilience" && a.target === "none" && a.severity === 0) left = h.addOrder(items, left, a, {});
  return items;
}
