// playGame: a whole exercise played in-process by bots, with a scripted control
// that starts the exercise and advances every phase. Each round of a phase asks
// every bot seat, in a fixed order, for its commands from its own view and
// applies them through `step` (one state, changed in place). Deterministic for a scenario, a seed and the seats.
import seedrandom from "seedrandom";
import {
  init,
  step,
  view,
  type GameState,
  type InitOptions,
  type ParticipantView,
  type Scenario,
} from "../engine/index.ts";
import { botActorOf, type Actor, type Viewer } from "../protocol/identity.ts";
import type { StoredCommand } from "../protocol/recording.ts";
import { command, type CommandInput } from "../protocol/commands.ts";
import type { Policy } from "./policy.ts";

export interface PlayOptions {
  /** how many times each bot is asked per phase (a second round lets it answer what came in the first) */
  rounds?: number;
  /** the clock: when the exercise starts, and how far each command moves it (ms) */
  startAt?: number;
  stepMs?: number;
  /** called with what each bot was given, before it decides: for tests and the lab */
  observe?: (seat: string, given: ParticipantView, state: GameState) => void;
  /** the lab's ablation: parts of the crisis model switched off (trust, standing), to measure what each changes */
  ablate?: InitOptions["ablate"];
}

/** A command a bot sent that the engine (or the command schema) refused. */
export interface Refusal {
  seat: string;
  policy: string;
  command: CommandInput;
  code: string;
  message: string;
}

export interface PlayResult {
  state: GameState;
  /** every accepted command, control's and the bots', as a recording stores them */
  commands: StoredCommand[];
  /** accepted and refused bot commands */
  botAccepted: number;
  refusals: Refusal[];
}

/** The viewer a seat key names: "mediator", or a team id. */
export function viewerOf(seat: string): Viewer {
  return seat === "mediator" ? { role: "mediator" } : { role: "team", teamId: seat };
}

function actorOf(seat: string, policy: Policy): Actor {
  const v = viewerOf(seat);
  return botActorOf(v.role === "team" ? v : { role: "mediator" }, policy.name);
}

/** Plays an exercise to its end; `seats` maps team ids (and "mediator") to policies. */
export function playGame(
  scenario: Scenario,
  seed: string,
  seats: Record<string, Policy>,
  opts: PlayOptions = {},
): PlayResult {
  const rounds = opts.rounds ?? 2;
  const stepMs = opts.stepMs ?? 1000;
  const known = new Set([...scenario.teams.map((t) => t.id), ...(scenario.mediator ? ["mediator"] : [])]);
  for (const seat of Object.keys(seats))
    if (!known.has(seat))
      throw new Error(`playGame: “${seat}” is not a seat of ${scenario.id} (seats: ${[...known].join(", ")})`);
  const order = Object.keys(seats).sort();
  const rngs = new Map(order.map((seat) => [seat, seedrandom(`${seed}:bot:${seat}`)]));
  const state = init(scenario, { seed, ...(opts.ablate?.length ? { ablate: opts.ablate } : {}) });
  let at = opts.startAt ?? 1_700_000_000_000;
  const commands: StoredCommand[] = [];
  const refusals: Refusal[] = [];
  let botAccepted = 0;

  const send = (actor: Actor, input: CommandInput): { ok: true } | { ok: false; code: string; message: string } => {
    const parsed = command.safeParse(input);
    if (!parsed.success)
      return { ok: false, code: "schema", message: parsed.error.issues.map((i) => i.message).join("; ") };
    at += stepMs;
    // where the command was given: the step changes the state
    const turn = state.turn;
    const phase = state.scenario.phases[state.phaseIndex]!.id;
    const r = step(state, { at, actor, command: parsed.data });
    if (!r.ok) return { ok: false, code: r.error.code, message: r.error.message };
    commands.push({ seq: r.seq, at, actor, turn, phase, command: parsed.data });
    return { ok: true };
  };
  const control: Actor = { role: "facilitator", name: "Control" };
  const must = (input: CommandInput) => {
    const r = send(control, input);
    if (!r.ok) throw new Error(`playGame: control's ${input.type} was refused: ${r.message}`);
  };

  // read through functions: the compiler would otherwise narrow `state.status` across the calls that change it
  const running = () => state.status === "running";
  const ended = () => state.status === "ended";
  must({ type: "exercise.start" });
  // a guard against a scenario that never ends: every phase of every turn, plus one
  const maxPhases = (scenario.turns + 1) * scenario.phases.length;
  for (let n = 0; !ended() && n < maxPhases; n++) {
    for (let round = 0; round < rounds && running(); round++)
      for (const seat of order) {
        if (!running()) break;
        const policy = seats[seat]!;
        const given = view(state, viewerOf(seat));
        opts.observe?.(seat, given, state);
        for (const input of policy.act(given, rngs.get(seat)!)) {
          if (!running()) break;
          const r = send(actorOf(seat, policy), input);
          if (r.ok) botAccepted += 1;
          else refusals.push({ seat, policy: policy.name, command: input, code: r.code, message: r.message });
        }
      }
    if (ended()) break;
    must({ type: "phase.advance", from: { turn: state.turn, phase: state.scenario.phases[state.phaseIndex]!.id } });
  }
  return { state, commands, botAccepted, refusals };
}
