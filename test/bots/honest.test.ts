// A bot's commands name only what its view shows: incidents, messages and
// proposals it can see, states on the board, actions of its own catalogue.
// A bot that named an incident or proposal hidden from it would reveal that
// it knew more than its seat.
import { describe, expect, it } from "vitest";
import type { ParticipantView } from "../../shared/engine/index.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import { POLICY_NAMES, playGame, policyByName, type Policy } from "../../shared/bots/index.ts";
import { loadScenario, scenarioFiles } from "../helpers/scenarios.ts";

const SCENARIOS = scenarioFiles().map((f) => loadScenario(f.replace(/\.json$/, "")));

/** The ids a command names that are not in the view it was decided from. */
function unknownNames(v: ParticipantView, c: CommandInput): string[] {
  const teams = new Set(v.teams.map((t) => t.id));
  const incidents = new Set(v.incidents.map((i) => i.id));
  const messages = new Set(v.messages.map((m) => m.id));
  const proposals = new Set(v.proposals.map((p) => p.id));
  const actions = new Set(v.me?.kind === "team" ? v.me.actions.map((a) => a.id) : []);
  const cbms = new Set(v.cbms.map((x) => x.id));
  const names: [string | null | undefined, Set<string>][] = [];
  if (c.type === "hotline.send")
    names.push([c.to === "mediator" ? null : c.to, teams], [c.incidentId, incidents], [c.replyTo, messages]);
  if (c.type === "hotline.relay") names.push([c.messageId, messages], [c.to, teams]);
  if (c.type === "mediator.verify") names.push([c.incidentId, incidents]);
  if (c.type === "proposal.respond" || c.type === "proposal.withdraw") names.push([c.proposalId, proposals]);
  if (c.type === "proposal.create")
    names.push([c.cbmId, cbms], ...(c.parties ?? []).map((p) => [p, teams] as (typeof names)[number]));
  if (c.type === "restraint.call") names.push([c.target, teams]);
  if (c.type === "mediator.convene") names.push(...c.parties.map((p) => [p, teams] as (typeof names)[number]));
  if (c.type === "orders.submit")
    for (const o of c.actions) names.push([o.actionId, actions], [o.target, teams], [o.incidentId, incidents]);
  return names.filter(([id, known]) => id != null && !known.has(id)).map(([id]) => String(id));
}

/** Wraps a policy so each command it returns is checked against the view it was given. */
function checked(p: Policy, found: string[]): Policy {
  return {
    ...p,
    act(v, rng) {
      const out = p.act(v, rng);
      for (const c of out) for (const id of unknownNames(v, c)) found.push(`${p.name} ${c.type} names ${id}`);
      return out;
    },
  };
}

describe("a bot's commands reveal nothing its view does not contain", () => {
  it.each(SCENARIOS.map((sc) => [sc.id, sc] as const))("%s, every policy, 6 seeds", (_id, sc) => {
    const found: string[] = [];
    let commands = 0;
    for (const name of POLICY_NAMES)
      for (let i = 0; i < 6; i++) {
        const seats: Record<string, Policy> = {};
        for (const t of sc.teams) seats[t.id] = checked(policyByName(name === "mediator" ? "random" : name), found);
        if (sc.mediator) seats.mediator = checked(policyByName(name === "random" ? "random" : "mediator"), found);
        commands += playGame(sc, `honest-${i}`, seats).commands.length;
      }
    expect(commands).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });
});
