// Secret, simultaneous orders: each team drafts its actions during the decision
// phase; nobody else sees them until adjudication resolves them.
import type { Action } from "../scenario/schema.ts";
import type { Command, GameState, OrderItem } from "./types.ts";
import type { OrderItemInput } from "../protocol/commands.ts";
import type { Ctx } from "./context.ts";
import type { Handlers } from "./apply.ts";
import { partyName, requireRole, teamIds } from "./context.ts";
import { reject } from "./reject.ts";
import { requireOrdersOpen } from "./phase-rules.ts";
import { partyCanSee } from "./incidents.ts";
import { findSector } from "./measures.ts";

type Submit = Extract<Command, { type: "orders.submit" }>;

/** The actions of the catalogue a team may order. */
export function actionsFor(s: GameState, teamId: string): Action[] {
  return s.scenario.actions.filter((a) => !a.availableTo || a.availableTo.includes(teamId));
}

export function submitOrders(ctx: Ctx, cmd: Submit): void {
  const actor = requireRole(ctx, "team");
  requireOrdersOpen(ctx);
  const { s } = ctx;
  const team = s.scenario.teams.find((t) => t.id === actor.teamId)!;
  const previous = s.orders[actor.teamId]?.items ?? [];
  const items = cmd.actions.map((input, i) => {
    const item = checkItem(s, actor.teamId, input, i + 1);
    // an item already on the team's orders keeps the name of whoever drafted it
    const same = previous.find(
      (p) =>
        p.actionId === item.actionId &&
        p.target === item.target &&
        p.sector === item.sector &&
        p.incidentId === item.incidentId,
    );
    return { ...item, by: same?.by ?? actor.name };
  });
  const cost = items.reduce((sum, it) => sum + s.scenario.actions.find((a) => a.id === it.actionId)!.cost, 0);
  if (cost > team.actionPoints)
    reject("limit", `These orders cost ${cost} action points; ${team.name} has ${team.actionPoints} per turn`, {
      key: "refusals-engine.orders.cost",
      params: { cost, team: team.name, points: team.actionPoints },
    });
  s.orders[actor.teamId] = { teamId: actor.teamId, turn: s.turn, items, submittedBy: actor.name, at: ctx.at };
  ctx.emit({ type: "orders.submitted", team: actor.teamId, by: actor.name, actions: items.length, cost });
}

export function withdrawOrders(ctx: Ctx): void {
  const actor = requireRole(ctx, "team");
  requireOrdersOpen(ctx);
  if (!ctx.s.orders[actor.teamId])
    reject("not-found", "There are no submitted orders to withdraw", { key: "refusals-engine.orders.none" });
  delete ctx.s.orders[actor.teamId];
  ctx.emit({ type: "orders.withdrawn", team: actor.teamId, by: actor.name });
}

function checkItem(s: GameState, teamId: string, input: OrderItemInput, n: number): Omit<OrderItem, "by"> {
  const action = s.scenario.actions.find((a) => a.id === input.actionId);
  const where = `Order ${n}`;
  // an action reserved to other teams is not in this team's catalogue: it gets the refusal of one that does not exist
  if (!action || (action.availableTo && !action.availableTo.includes(teamId)))
    reject("not-found", `${where}: there is no action “${input.actionId}”`, {
      key: "refusals-engine.order.no-action",
      params: { n, action: input.actionId },
    });
  const item: Omit<OrderItem, "by"> = {
    actionId: action.id,
    target: null,
    sector: null,
    incidentId: null,
    note: input.note ?? "",
  };
  if (action.target === "state" || action.target === "sector" || action.special === "attribute") {
    const words = (key: string) => ({ key, params: { n, action: action.name } });
    if (!input.target)
      reject("invalid", `${where}: “${action.name}” needs a target state`, words("refusals-engine.order.no-target"));
    if (!teamIds(s).includes(input.target))
      reject("not-found", `${where}: there is no state “${input.target}”`, {
        key: "refusals-engine.order.no-state",
        params: { n, state: input.target },
      });
    if (input.target === teamId)
      reject(
        "invalid",
        `${where}: “${action.name}” cannot target your own state`,
        words("refusals-engine.order.own-state"),
      );
    item.target = input.target;
  }
  if (action.target === "sector") {
    if (!input.sector)
      reject("invalid", `${where}: “${action.name}” needs a target sector`, {
        key: "refusals-engine.order.no-sector",
        params: { n, action: action.name },
      });
    if (!findSector(s, item.target!, input.sector))
      reject("not-found", `${where}: ${partyName(s, item.target!)} has no ${input.sector} sector`, {
        key: "refusals-engine.order.no-sector-of",
        params: { n, team: partyName(s, item.target!), sector: input.sector },
      });
    item.sector = input.sector;
  }
  if (action.target === "incident") {
    if (!input.incidentId)
      reject("invalid", `${where}: “${action.name}” needs an incident: choose one in the order`, {
        key: "refusals-engine.order.no-incident",
        params: { n, action: action.name },
      });
    const inc = s.incidents.find((i) => i.id === input.incidentId);
    if (!inc || !partyCanSee(s, inc, teamId))
      reject("not-found", `${where}: “${action.name}” needs an incident ${partyName(s, teamId)} knows of`, {
        key: "refusals-engine.order.unknown-incident",
        params: { n, action: action.name, team: partyName(s, teamId) },
      });
    item.incidentId = inc.id;
    if (action.special === "attribute" && inc.victim === item.target)
      reject(
        "invalid",
        `${where}: ${partyName(s, inc.victim)} is the victim of “${inc.title}”; name the state you hold responsible`,
        { key: "refusals-engine.order.victim", params: { n, team: partyName(s, inc.victim), title: inc.title } },
      );
  }
  return item;
}

/** The commands this family handles: apply.ts dispatches through it. */
export const orderCommands = {
  "orders.submit": submitOrders,
  "orders.withdraw": withdrawOrders,
} satisfies Partial<Handlers>;
