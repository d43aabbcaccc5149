// What the Civilian Shield walkthroughs share (civilian-shield.test.ts and
// civilian-shield-failure.test.ts): starting the exercise, finding things in it,
// agreeing, and playing a turn's orders.
import { Driver, control, team } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";
import { view, type GameState } from "../../shared/engine/index.ts";
import type { Actor } from "../../shared/protocol/identity.ts";
import type { CommandInput, OrderItemInput } from "../../shared/protocol/commands.ts";

export const TOP = 85; // "Regional armed confrontation"

export function begin(seed: string): Driver {
  const d = new Driver(loadScenario("civilian-shield"), seed);
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}
export const inc = (d: Driver, title: string) => d.state.incidents.find((i) => i.title === title)!.id;
export const inject = (s: GameState, id: string) => s.injects.find((i) => i.id === id)!;
export const commitment = (s: GameState, cbmId: string) => s.commitments.find((c) => c.cbmId === cbmId);
export const logOf = (s: GameState, teamId: string) => view(s, { role: "team", teamId }).log;
export const actionNamed = (s: GameState, name: string) => s.scenario.actions.find((a) => a.name === name)!.id;

/** A proposal every party accepts; returns its id. */
export function agree(
  d: Driver,
  by: Actor,
  input: Omit<Extract<CommandInput, { type: "proposal.create" }>, "type">,
): string {
  d.do(by, { type: "proposal.create", ...input });
  const p = d.state.proposals.at(-1)!;
  for (const t of p.parties)
    if (!p.accepted.includes(t)) d.do(team(t), { type: "proposal.respond", proposalId: p.id, accept: true });
  return p.id;
}

/** Decision phase: every listed team submits its orders; then adjudication, stopping at the turn summary. */
export function play(d: Driver, orders: Record<string, OrderItemInput[]>) {
  d.advanceTo("decision");
  for (const [t, actions] of Object.entries(orders)) d.do(team(t), { type: "orders.submit", actions });
  d.advanceTo("summary");
}
