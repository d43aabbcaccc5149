// Putting bots in seats from outside the room: at creation (the API), and
// taking one out when a person joins its seat. Both are recorded commands.
import { apply, init } from "../../shared/engine/index.ts";
import type { PolicyName } from "../../shared/bots/index.ts";
import type { Actor, Seat } from "../../shared/protocol/identity.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { HttpError } from "../../shared/protocol/http.ts";
import type { LiveExercise } from "../live-exercise.ts";
import { SERVER_ACTOR } from "../phase-timer.ts";
import { checkTeam, selfPacedSetup, type Opponents } from "./self-paced.ts";

/** Whoever creates an exercise acts as its control: the set-up commands are recorded as control's. */
const CREATOR: Actor = { role: "facilitator", name: "Control" };

/** What an exercise is created with besides its scenario: bots by seat, and whether the server paces it. */
export interface BotSetup {
  bots: Readonly<Record<string, PolicyName>>;
  autopilot: boolean;
}

/** Refuses a set-up the engine would refuse, with its reason, before anything is created. */
export function checkSetup(scenario: Scenario, setup: BotSetup): void {
  let s = init(scenario, { seed: "check" });
  for (const [seat, policy] of Object.entries(setup.bots)) {
    const r = apply(s, { at: 0, actor: CREATOR, command: { type: "bot.seat", seat, policy } });
    if (!r.ok) throw new HttpError(400, "invalid-request", `bots.${seat}: ${r.error.message}`);
    s = r.state;
  }
}

/** What a creation may ask for: bots by seat, or self-paced play (one trainee's team, bots in every other seat). */
export interface SetupRequest {
  bots?: Readonly<Record<string, PolicyName>> | undefined;
  selfPaced?: { team: string; opponents: Opponents } | undefined;
}

/**
 * Checks what a creation asks for against its scenario, before anything is created (an unknown scenario is
 * left to the creation to refuse), and gives the set-up of each exercise it creates (a mix draws on its seed).
 */
export function requestedSetup(scenario: Scenario | undefined, req: SetupRequest): (ex: LiveExercise) => BotSetup {
  const { bots, selfPaced } = req;
  if (bots && selfPaced) throw new HttpError(400, "invalid-request", "bots: self-paced play chooses its own bots");
  if (scenario && selfPaced) checkTeam(scenario, selfPaced.team);
  if (selfPaced) return (ex) => selfPacedSetup(ex.scenario, selfPaced.team, selfPaced.opponents, ex.row.seed);
  const setup = { bots: bots ?? {}, autopilot: false };
  if (scenario && bots) checkSetup(scenario, setup);
  return () => setup;
}

/** Records the set-up in a new exercise, as control's first commands. */
export async function applySetup(ex: LiveExercise, setup: BotSetup): Promise<void> {
  const commands = [
    ...Object.entries(setup.bots).map(([seat, policy]) => ({ type: "bot.seat" as const, seat, policy })),
    ...(setup.autopilot ? [{ type: "autopilot.set" as const, on: true }] : []),
  ];
  for (const c of commands) {
    const r = await ex.submit(CREATOR, c, Date.now());
    if (!r.ok)
      throw new HttpError(
        500,
        "setup-failed",
        `The exercise was created, but ${c.type} was refused: ${r.error.message}`,
      );
  }
}

/** A person joined a seat a bot plays: the bot leaves it for good (control can put one back). */
export async function takeOverFromBot(ex: LiveExercise, seat: Seat): Promise<void> {
  const key = seat.role === "team" ? seat.teamId : seat.role === "mediator" ? "mediator" : null;
  if (key === null || ex.state.bots?.[key] === undefined || ex.state.status === "ended") return;
  const r = await ex.submit(SERVER_ACTOR, { type: "bot.seat", seat: key, policy: null }, Date.now());
  if (!r.ok && ex.state.bots?.[key] !== undefined)
    console.warn(`Exercise ${ex.id}: the bot in seat ${key} could not make way for a person: ${r.error.message}`);
}
