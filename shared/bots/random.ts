// The random seat: picks moves at random among those its view offers (parties
// it can reach, proposals on its table, its own catalogue and incidents), so
// its commands are well-formed and mostly legal, but follow no plan.
import type { CommandInput, OrderItemInput } from "../protocol/commands.ts";
import type { ParticipantView } from "../engine/index.ts";
import type { Policy, Rng } from "./policy.ts";
import * as h from "./helpers.ts";

export interface RandomParams {
  /** the most commands it sends each time it is asked */
  maxMoves: number;
}

export const RANDOM_DEFAULTS: RandomParams = { maxMoves: 2 };

export function randomPolicy(params: Partial<RandomParams> = {}): Policy {
  const p = { ...RANDOM_DEFAULTS, ...params };
  return { name: "random", params: p, act: (v, rng) => randomAct(v, rng, p) };
}

type Move = () => CommandInput | null;

function randomAct(v: ParticipantView, rng: Rng, p: RandomParams): CommandInput[] {
  const me = h.myParty(v);
  if (!me || v.exercise.status !== "running") return [];
  const moves = me === "mediator" ? mediatorMoves(v, rng) : teamMoves(v, me, rng);
  const out: CommandInput[] = [];
  const n = Math.floor(rng() * (p.maxMoves + 1));
  // what its view shows as spent (the mediator's actions), and moves it must not repeat in one go
  let budget = v.me?.kind === "mediator" && v.mediator ? v.mediator.actionsPerTurn - v.me.actionsUsed : Infinity;
  const once = new Set<string>();
  for (let i = 0; i < n && moves.length; i++) {
    const c = h.pick(moves, rng)!();
    if (!c) continue;
    const key = onceKey(c);
    if (key && once.has(key)) continue;
    if (c.type === "mediator.verify" || c.type === "mediator.convene") {
      if (budget <= 0) continue;
      budget -= 1;
    }
    if (key) once.add(key);
    out.push(c);
  }
  return out;
}

/** Moves that cannot be made twice from one view: the same proposal answered or tabled, a second call for restraint. */
function onceKey(c: CommandInput): string | null {
  if (c.type === "proposal.respond") return `respond:${c.proposalId}`;
  if (c.type === "proposal.create") return `create:${c.kind}:${c.cbmId ?? ""}:${c.text ?? ""}`;
  if (c.type === "restraint.call") return "restraint";
  if (c.type === "hotline.relay") return `relay:${c.messageId}`;
  return null;
}

function teamMoves(v: ParticipantView, me: string, rng: Rng): Move[] {
  const mine = h.myTeam(v)!;
  const moves: Move[] = [() => ({ type: "team.chat", text: "Thoughts?" })];
  const kinds = ["confirm", "assess", "notify", "deconflict", "convene", "text"] as const;
  if (v.exercise.talksOpen) {
    const reachable = [...h.otherTeams(v, me), "mediator"].filter((t) => h.canTalk(v, me, t));
    moves.push(() => {
      const to = h.pick(reachable, rng);
      return to ? { type: "hotline.send", to, kind: h.pick(kinds, rng)!, text: "A message." } : null;
    });
    moves.push(() => {
      const pr = h.pick(h.proposalsToAnswer(v, me), rng);
      return pr ? { type: "proposal.respond", proposalId: pr.id, accept: rng() < 0.5 } : null;
    });
    moves.push(() => {
      const cbm = h.pick(h.measuresNotInForce(v, h.negotiators(v)), rng);
      // a non-state actor never proposes (the move stays in the list: the draws stay as they were)
      return cbm && h.negotiates(v, me) ? { type: "proposal.create", kind: "cbm", cbmId: cbm.id } : null;
    });
  }
  if (h.phaseKind(v) === "deliberation" && !h.calledRestraint(v, me))
    moves.push(() => {
      const t = h.pick(h.otherTeams(v, me), rng);
      return t ? { type: "restraint.call", target: t } : null;
    });
  if (v.exercise.ordersOpen) {
    const order = () => randomOrders(v, me, rng);
    moves.push(order, order, order);
  }
  return moves;
}

function randomOrders(v: ParticipantView, me: string, rng: Rng): CommandInput {
  const mine = h.myTeam(v)!;
  const items: OrderItemInput[] = [];
  let left = mine.actionPoints;
  for (let i = 0; i < 3; i++) {
    const a = h.pick(mine.actions, rng);
    if (!a) break;
    if (a.target === "incident") {
      const inc = h.pick(v.incidents, rng);
      const suspect = inc
        ? (h.pick(
            h.otherTeams(v, me).filter((t) => t !== inc.victim),
            rng,
          ) ?? null)
        : null;
      if (inc && (a.special !== "attribute" || suspect))
        left = h.addOrder(
          items,
          left,
          a,
          a.special === "attribute" ? { incidentId: inc.id, target: suspect } : { incidentId: inc.id },
        );
      continue;
    }
    const target = h.pick(h.otherTeams(v, me), rng);
    const aim = target ? h.aimAt(v, a, target, rng) : a.target === "none" ? {} : null;
    if (aim) left = h.addOrder(items, left, a, aim);
  }
  return { type: "orders.submit", actions: items };
}

function mediatorMoves(v: ParticipantView, rng: Rng): Move[] {
  const teams = v.teams.map((t) => t.id);
  if (!v.exercise.talksOpen) return [];
  return [
    () => {
      const inc = h.pick(
        v.incidents.filter((i) => i.public || i.sharedWith.includes("mediator")),
        rng,
      );
      return inc ? { type: "mediator.verify", incidentId: inc.id } : null;
    },
    () => {
      const m = h.pick(h.awaitingAnswer(v, "mediator"), rng);
      const to = m
        ? h.pick(
            teams.filter((t) => t !== m.from),
            rng,
          )
        : undefined;
      return m && to ? { type: "hotline.relay", messageId: m.id, to } : null;
    },
    () => ({ type: "mediator.convene", parties: teams, text: "Talks." }),
    () => ({ type: "proposal.create", kind: "statement", text: `Statement ${Math.floor(rng() * 1000)}` }),
    () => {
      const to = h.pick(teams, rng);
      return to ? { type: "hotline.send", to, kind: "text", text: "The mediator listens." } : null;
    },
  ];
}
