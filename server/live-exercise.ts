// One running exercise: validates a command, applies it with the engine at once
// (later commands validate against it), and once its group is durable tells its
// listeners and the sender. The room publishes; this decides.
import type { z } from "zod";
import { currentPhase, init, replay, step, type GameState, type StoredEvent } from "../shared/engine/index.ts";
import { command as commandSchema } from "../shared/protocol/commands.ts";
import type { Actor } from "../shared/protocol/identity.ts";
import type { RecordingV3, StoredCommand } from "../shared/protocol/recording.ts";
import { buildRecording } from "../shared/protocol/integrity.ts";
import type { CommandError } from "../shared/protocol/messages.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import type { ExerciseRow } from "./store.ts";
import type { Storage } from "./storage/types.ts";

export type SubmitResult = { ok: true; seq: number } | { ok: false; error: CommandError };
export type Listener = (state: GameState, events: StoredEvent[]) => void;

/**
 * Follows each command as it is applied, while the state is exactly that command's (a later command may change
 * it in place before this one is durable): prepares what to send, and returns it to be sent once durable.
 */
export interface Follower {
  applied(state: GameState, events: StoredEvent[]): (() => void) | undefined;
  /** the state was rebuilt from storage after a lost group: what was prepared for the lost commands was dropped */
  rebuilt(state: GameState): void;
}

/** Told of every command's outcome and how long it took to become durable (or be refused): for /metrics. */
export type CommandObserver = (result: SubmitResult, seconds: number) => void;
let observer: CommandObserver = () => {};

/** Sets who hears of each command's outcome (server/ops/metrics.ts); one per process. */
export function observeCommands(o: CommandObserver): void {
  observer = o;
}

export class LiveExercise {
  readonly row: ExerciseRow;
  readonly scenario: Scenario;
  state: GameState;
  readonly commands: StoredCommand[];
  private readonly store: Storage;
  private readonly listeners = new Set<Listener>();
  private readonly followers = new Set<Follower>();
  /** commands applied and not yet durable: always the last ones of `commands` */
  private pending = 0;
  /** bumped when the state is rebuilt from storage after a failed write */
  private epoch = 0;
  /** who waits for a command count to be durable (durable()) */
  private waiters: { seq: number; resolve: (ok: boolean) => void }[] = [];

  /** Set on a copy read from shared storage while another process owns the exercise: its commands go there. */
  remote: ((actor: Actor, input: unknown, at: number) => Promise<SubmitResult>) | null = null;

  constructor(row: ExerciseRow, scenario: Scenario, store: Storage, commands: StoredCommand[] = []) {
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

  /**
   * Validates, applies and records a command; resolves once it is durable (then listeners have been told).
   * If its group cannot be written, nothing of it is acknowledged and the state is rebuilt from storage.
   */
  async submit(actor: Actor, input: unknown, at: number): Promise<SubmitResult> {
    if (this.remote) return this.remote(actor, input, at);
    const started = performance.now();
    const result = await this.apply(actor, input, at);
    observer(result, (performance.now() - started) / 1000);
    return result;
  }

  private async apply(actor: Actor, input: unknown, at: number): Promise<SubmitResult> {
    const parsed = commandSchema.safeParse(input, { reportInput: true });
    if (!parsed.success)
      return { ok: false, error: { code: "invalid", message: describeInvalid(parsed.error.issues) } };
    // the engine changes the state in place (a refusal leaves it untouched): where the command was given, first
    const state = this.state;
    const turn = state.turn;
    const phase = currentPhase(state)?.id ?? "";
    let r: ReturnType<typeof step>;
    try {
      r = step(state, { at, actor, command: parsed.data });
    } catch (err) {
      // an engine fault, not a refusal: it may have stopped half-way through changing the state in place
      console.error(`Exercise ${this.id}: the engine failed on ${parsed.data.type}:`, err);
      this.restore();
      return { ok: false, error: ENGINE_REFUSAL };
    }
    if (!r.ok) return { ok: false, error: r.error };
    const status = state.status;
    const recorded: StoredCommand = { seq: r.seq, at: state.now, actor, turn, phase, command: parsed.data };
    this.commands.push(recorded);
    this.pending++;
    const epoch = this.epoch;
    const release: (() => void)[] = [];
    for (const f of this.followers) {
      try {
        const send = f.applied(state, r.events);
        if (send) release.push(send);
      } catch (err) {
        // a follower's fault must not keep the command from being written (later ones would be written on top)
        console.error(`Exercise ${this.id}: a follower failed on command ${r.seq}; it starts again:`, err);
        release.push(() => f.rebuilt(this.state));
      }
    }
    try {
      // durable before it is acknowledged or shown to anyone; if the disk refuses, the command did not happen
      await this.store.append(this.id, recorded, status);
    } catch (err) {
      console.error(
        `Exercise ${this.id}: could not record command ${r.seq} (${parsed.data.type}): ${(err as Error).message}`,
      );
      // the first of a lost group rebuilds the state; the others were dropped by that rebuild
      if (epoch === this.epoch) this.rebuild();
      return { ok: false, error: STORAGE_REFUSAL };
    }
    this.pending--;
    for (const send of release) send();
    this.wake();
    // the current state: later commands may have changed it since (listeners read it at once)
    for (const l of this.listeners) l(this.state, r.events);
    return { ok: true, seq: r.seq };
  }

  /** The number of commands that are durable (the first ones: commands are written in order). */
  get durableSeq(): number {
    return this.state.seq - this.pending;
  }

  /**
   * Resolves once the first `seq` commands are durable (true), or when some of them were lost and the state
   * rebuilt from storage (false). Something shown to people from a state that holds commands not yet durable
   * waits for this.
   */
  durable(seq: number): Promise<boolean> {
    if (seq <= this.durableSeq) return Promise.resolve(true);
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }

  private wake(): void {
    const now = this.durableSeq;
    const ready = this.waiters.filter((w) => w.seq <= now);
    if (!ready.length) return;
    this.waiters = this.waiters.filter((w) => w.seq > now);
    for (const w of ready) w.resolve(true);
  }

  /** Whether commands are waiting to be made durable (the exercise must stay in memory until they are). */
  get writing(): boolean {
    return this.pending > 0;
  }

  /**
   * After an engine fault: the state again from the commands applied so far (durable or on their way), as a new
   * object, so followers compare whole views against it rather than trust what the fault left behind.
   */
  private restore(): void {
    const { scenario, row } = this;
    const { seed, title, engineVersion } = row;
    const commands = this.commands;
    this.state = commands.length
      ? replay({ scenario, seed, title, commands, engineVersion })
      : init(scenario, { seed, title, engineVersion });
  }

  /** After a failed write: back to exactly what storage holds (the commands of the lost group are dropped). */
  private rebuild(): void {
    this.epoch++;
    let stored: StoredCommand[];
    try {
      stored = this.store.commands(this.id);
    } catch (err) {
      // storage cannot even be read: keep the durable prefix this exercise knows of
      console.error(`Exercise ${this.id}: could not read its commands back (${(err as Error).message})`);
      stored = this.commands.slice(0, this.commands.length - this.pending);
    }
    const { scenario, row } = this;
    const { seed, title, engineVersion } = row;
    this.commands.length = 0;
    for (const c of stored) this.commands.push(c);
    this.state = stored.length
      ? replay({ scenario, seed, title, commands: stored, engineVersion })
      : init(scenario, { seed, title, engineVersion });
    // the other commands applied on top of the lost ones fail with them, in this same turn (see GroupCommit)
    this.pending = 0;
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w.resolve(false);
    for (const f of this.followers) f.rebuilt(this.state);
    for (const l of this.listeners) l(this.state, []);
  }

  /** Whether anything (an open room) listens to this exercise. */
  get watched(): boolean {
    return this.listeners.size > 0 || this.followers.size > 0;
  }

  /** Called once each command is durable (and after a rebuild, with no events). */
  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  follow(f: Follower): () => void {
    this.followers.add(f);
    return () => this.followers.delete(f);
  }

  /**
   * The recording with its hash chain, sealed with the server's key when one is given. The head says whether
   * the exercise has ended and its turn, under the seal, so a download taken earlier cannot pass as the final one.
   */
  recording(sealKey?: string): RecordingV3 {
    const { engineVersion, title, createdAt, seed, scenario } = this.row;
    const durable = this.commands.slice(0, this.commands.length - this.pending);
    // while commands are being written, the head speaks of the durable ones only (rare: replayed)
    const at = this.pending
      ? replay({ scenario: this.scenario, seed, title, commands: durable, engineVersion })
      : this.state;
    const taken = { final: at.status === "ended", turn: at.turn };
    return buildRecording({ engineVersion, exerciseId: this.id, title, createdAt, seed, scenario }, durable, {
      taken,
      sealKey,
    });
  }
}

const STORAGE_REFUSAL: CommandError = {
  code: "storage",
  message:
    "The server could not save this command, so it was not applied. Try again; tell the facilitator if it keeps failing.",
};

const ENGINE_REFUSAL: CommandError = {
  code: "engine",
  message: "The server could not apply this command, so nothing changed. Tell the facilitator if it happens again.",
};

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
