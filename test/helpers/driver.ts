// Drives the engine directly in tests: issue commands as a role, fail loudly on
// unexpected refusals, keep the recording.
import { apply, init, type GameState } from "../../shared/engine/index.ts";
import type { Actor } from "../../shared/protocol/identity.ts";
import { command, type CommandInput } from "../../shared/protocol/commands.ts";
import type { StoredCommand } from "../../shared/protocol/recording.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { currentPhase } from "../../shared/engine/context.ts";

export const control: Actor = { role: "facilitator", name: "Control" };
export const mediator: Actor = { role: "mediator", name: "Mediator" };
export const observer: Actor = { role: "observer", name: "Observer" };
export const team = (teamId: string, name = `${teamId} lead`): Actor => ({ role: "team", teamId, name });

export class Driver {
  state: GameState;
  commands: StoredCommand[] = [];
  clock = 1_700_000_000_000;
  readonly scenario: Scenario;
  readonly seed: string;
  readonly engineVersion: string | undefined;

  /** `engineVersion`: play under older kept rules (e.g. "2.2.0"), as a recording of that engine would */
  constructor(scenario: Scenario, seed = "test-seed", engineVersion?: string) {
    this.scenario = scenario;
    this.seed = seed;
    this.engineVersion = engineVersion;
    this.state = init(scenario, { seed, engineVersion });
  }

  /** Applies a command; returns the refusal message or null. */
  try(actor: Actor, input: CommandInput, advanceMs = 1000): string | null {
    this.clock += advanceMs;
    const cmd = command.parse(input);
    const before = this.state;
    const r = apply(this.state, { at: this.clock, actor, command: cmd });
    if (!r.ok) return r.error.message;
    this.commands.push({
      seq: r.seq,
      at: this.clock,
      actor,
      turn: before.turn,
      phase: currentPhase(before)?.id ?? "",
      command: cmd,
    });
    this.state = r.state;
    return null;
  }

  /** Applies a command that must be accepted. */
  do(actor: Actor, input: CommandInput, advanceMs = 1000): GameState {
    const err = this.try(actor, input, advanceMs);
    if (err) throw new Error(`${input.type} refused: ${err}`);
    return this.state;
  }

  /** Advances until the given phase kind (or the end) is reached. */
  advanceTo(kind: string): void {
    for (let i = 0; i < 20; i++) {
      if (this.state.status === "ended") return;
      if (currentPhase(this.state)?.kind === kind) return;
      this.do(control, { type: "phase.advance" });
    }
    throw new Error(`never reached a ${kind} phase`);
  }

  recording() {
    const rules = this.engineVersion ? { engineVersion: this.engineVersion } : {};
    return { scenario: this.scenario, seed: this.seed, title: this.state.title, commands: this.commands, ...rules };
  }
}
