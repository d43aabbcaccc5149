// What a team's role lets it do in agreements: states are the parties to the
// dispute and to its end agreement; a neutral state negotiates but is not
// needed in the agreement; a non-state actor (an armed group, a company)
// never proposes, accepts or is a party to measures and statements.
import type { GameState } from "./types.ts";
import type { TeamRole } from "../scenario/schema.ts";
import { reject } from "./reject.ts";

/** A team's role; "state" when the scenario does not say. */
export function roleOf(s: GameState, teamId: string): TeamRole {
  return s.scenario.teams.find((t) => t.id === teamId)?.role ?? "state";
}

/** The teams the end agreement needs: the states (not neutral, not non-state). */
export function agreementParties(s: GameState): string[] {
  return s.scenario.teams.filter((t) => (t.role ?? "state") === "state").map((t) => t.id);
}

/** The teams that may propose, accept and be party to measures and statements. */
export function negotiators(s: GameState): string[] {
  return s.scenario.teams.filter((t) => t.role !== "non-state").map((t) => t.id);
}

/** Refuses a proposal made by, or naming, a non-state actor. `proposer`: a team id or "mediator". */
export function requireNegotiators(s: GameState, proposer: string, parties: readonly string[]): void {
  const name = (id: string) => s.scenario.teams.find((t) => t.id === id)?.name ?? id;
  if (proposer !== "mediator" && roleOf(s, proposer) === "non-state")
    reject("forbidden", `${name(proposer)} is not a state: it cannot propose measures or statements`, {
      key: "refusals-engine.roles.not-state-proposer",
      params: { name: name(proposer) },
    });
  const outsider = parties.find((p) => roleOf(s, p) === "non-state");
  if (outsider)
    reject("invalid", `${name(outsider)} is not a state: it cannot be a party to measures or statements`, {
      key: "refusals-engine.roles.not-state-party",
      params: { name: name(outsider) },
    });
}
