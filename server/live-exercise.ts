// One running exercise: validates a command, applies it with the engine,
// writes it durably, then tells its listeners. The room publishes; this decides.
import type { z } from "zod";
import { apply, currentPhase, init, replay, type GameState, type StoredEvent } from "../shared/engine/index.ts";
import { command as commandSchema } from "../shared/protocol/commands.ts";
import type { Actor } from "../shared/protocol/identity.ts";
import type { RecordingV3, StoredCommand } from "../shared/protocol/recording.ts";
import { buildRecording } from "../shared/protocol/integrity.ts";
import type { CommandError } from "../shared/protocol/messages.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import type { ExerciseRow, Store } from "./store.ts";

export type SubmitResult = { ok: true; seq: number } | { ok: false; error: CommandError };
export type Listener = (state: GameState, events: StoredEvent[]) => void;

export class LiveExercise {
  readonly row: ExerciseRow;
  readonly scenario: Scenario;
  state: GameState;
  readonly commands: StoredCommand[];
  private readonly store: Store;
  private readonly listeners = new Set<Listener>();

  constructor(row: ExerciseRow, scenario: Scenario, store: Store, commands: StoredCommand[] = []) {
    this.row = row;
    this.scenario = scenario;
    this.store = store;
    this.commands = commands;
    this.state = commands.length
      ? replay({ scenario, seed: row.seed, title: row.title, commands, engineVersion: row.engineVersion })
      : init(scenario, { seed: row.seed, title: row.title, engineVersion: row.engineVersion });
  }

  get id(): string {
    return this.row.id;
  }

  /** Validates, applies and records a command; nothing changes unless it is accepted. */
  submit(actor: Actor, input: unknown, at: number): SubmitResult {
    const parsed = commandSchema.safeParse(input, { reportInput: true });
    if (!parsed.success)
      return { ok: false, error: { code: "invalid", message: describeInvalid(parsed.error.issues) } };
    const before = this.state;
    const r = apply(before, { at, actor, command: parsed.data });
    if (!r.ok) return { ok: false, error: r.error };
    const recorded: StoredCommand = {
      seq: r.seq,
      at: r.state.now,
      actor,
      turn: before.turn,
      phase: currentPhase(before)?.id ?? "",
      command: parsed.data,
    };
    // durable before it is acknowledged or shown to anyone; if the disk refuses, the command did not happen
    try {
      this.store.appendCommand(this.id, recorded, r.state.status);
    } catch (err) {
      console.error(`Exercise ${this.id}: could not record command ${r.seq} (${parsed.data.type}):`, err);
      return {
        ok: false,
        error: {
          code: "storage",
          message:
            "The server could not save this command, so it was not applied. Try again; tell the facilitator if it keeps failing.",
        },
      };
    }
    this.commands.push(recorded);
    this.state = r.state;
    for (const l of this.listeners) l(r.state, r.events);
    return { ok: true, seq: r.seq };
  }

  /** Whether anything (an open room) listens to this exercise. */
  get watched(): boolean {
    return this.listeners.size > 0;
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /**
   * The recording with its hash chain, sealed with the server's key when one is given. The head says whether
   * the exercise has ended and its turn, under the seal, so a download taken earlier cannot pass as the final one.
   */
  recording(sealKey?: string): RecordingV3 {
    const { engineVersion, title, createdAt, seed, scenario } = this.row;
    const taken = { final: this.state.status === "ended", turn: this.state.turn };
    return buildRecording({ engineVersion, exerciseId: this.id, title, createdAt, seed, scenario }, this.commands, {
      taken,
      sealKey,
    });
  }
}

/** One line a person can read from zod's issues about a command. */
export function describeInvalid(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      if (i.code === "invalid_union" && "discriminator" in i && i.path.length === 1 && i.path[0] === "type") {
        const got = (i.input as { type?: unknown } | undefined)?.type;
        return got === undefined ? 'a command needs a "type"' : `unknown command ${clip(JSON.stringify(got))}`;
      }
      return i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message;
    })
    .join("; ");
}

/** A sender's own text, cut short when it is quoted back. */
function clip(text: string | undefined, max = 40): string {
  if (text === undefined) return "";
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
