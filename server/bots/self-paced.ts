// Self-paced play: one trainee in one team, bots in every other seat, the
// server as control. Its phases all get a timer (a phase where nobody can act
// a third of it), so the exercise moves on by itself and everyone sees the clock.
import seedrandom from "seedrandom";
import { z } from "zod";
import { POLICY_NAMES, type PolicyName } from "../../shared/bots/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { HttpError } from "../../shared/protocol/http.ts";
import type { BotSetup } from "./seats.ts";

/** Who plays the other states: one policy for all, or a mix drawn from the seed. */
export const OPPONENTS = ["mixed", ...POLICY_NAMES.filter((p) => p !== "mediator")] as const;
export type Opponents = (typeof OPPONENTS)[number];

/** The mix: a cooperative, an opportunistic and a hard-line state, in an order the seed decides. */
const MIX: readonly PolicyName[] = ["cautious-diplomat", "opportunist", "hawk"];

/** What a self-paced exercise (or each cell of a self-paced course) is asked with. */
export const selfPacedFields = (minPhaseSeconds: number) => ({
  team: z.string().min(1, "choose the team you play"),
  opponents: z.enum(OPPONENTS).default("mixed"),
  phaseSeconds: z
    .number()
    .int()
    .min(minPhaseSeconds, `a phase lasts at least ${minPhaseSeconds} seconds`)
    .max(3600, "a phase lasts at most 3600 seconds")
    .default(120),
});

/** The scenario with a timer on every phase: `phaseSeconds` where people can act, a third of it where they only read. */
export function pacedScenario(sc: Scenario, phaseSeconds: number): Scenario {
  const acts = (p: Scenario["phases"][number]) => p.hotline ?? (p.kind === "deliberation" || p.kind === "decision");
  return {
    ...sc,
    phases: sc.phases.map((p) => ({
      ...p,
      durationSeconds: acts(p) ? phaseSeconds : Math.max(1, Math.round(phaseSeconds / 3)),
    })),
  };
}

/** Refuses a team the scenario does not have, naming those it has. */
export function checkTeam(sc: Scenario, team: string): void {
  if (!sc.teams.some((t) => t.id === team))
    throw new HttpError(
      400,
      "invalid-request",
      `team: ${sc.title} has no team “${team}” (choose ${sc.teams.map((t) => t.id).join(", ")})`,
    );
}

/** Bots in every seat but the trainee's (the mediator's with the mediator policy), and the server as control. */
export function selfPacedSetup(sc: Scenario, team: string, opponents: Opponents, seed: string): BotSetup {
  const others = sc.teams.filter((t) => t.id !== team);
  const offset = Math.floor(seedrandom(`${seed}:mix`)() * MIX.length);
  const bots: Record<string, PolicyName> = {};
  others.forEach((t, i) => (bots[t.id] = opponents === "mixed" ? MIX[(i + offset) % MIX.length]! : opponents));
  if (sc.mediator) bots.mediator = "mediator";
  return { bots, autopilot: true };
}
