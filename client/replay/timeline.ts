// Every state of a recorded exercise, computed once. Step 0 is the exercise as
// set up; step i is the state after command i. The engine folds the commands
// in chunks of a few milliseconds, so the page stays responsive and the
// analyst can already scrub the part that is done. Every CHECKPOINT-th state is
// kept; any other is rebuilt from the checkpoint before it (at most
// CHECKPOINT − 1 commands, a few milliseconds), which keeps a long exercise's
// replay in tens of megabytes instead of hundreds.
import { apply, init, replaySteps, ReplayError, type GameState } from "../../shared/engine/index.ts";

export const CHECKPOINT = 32;
import type { RecordedCommand } from "../../shared/protocol/recording.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

export interface Progress {
  /** states computed so far (step 0 included) */
  ready: number;
  /** states there will be: commands + 1 */
  total: number;
  done: boolean;
  error: string | null;
}

export class Timeline {
  readonly scenario: Scenario;
  readonly commands: readonly RecordedCommand[];
  private readonly checkpoints: GameState[] = [];
  private computed = 0;
  private last: GameState | null = null;
  /** the most recently rebuilt state, so stepping forward costs one command */
  private cached: { step: number; state: GameState } | null = null;
  /** escalation after each step */
  readonly escalation: number[] = [];
  /** steps at which a turn begins (the command that started it), ascending */
  readonly turnStarts: number[] = [];
  /** steps at which a turn was adjudicated, with the turn's record */
  readonly adjudications: { step: number; turn: number; before: number; after: number }[] = [];
  error: string | null = null;
  private readonly listeners = new Set<(p: Progress) => void>();
  private cancelled = false;

  /** `engineVersion`: the recording's, so a recording of an engine before 1.2.0 gets its sequential ids back */
  constructor(
    scenario: Scenario,
    seed: string,
    title: string,
    commands: readonly RecordedCommand[],
    engineVersion?: string,
  ) {
    this.scenario = scenario;
    this.commands = commands;
    this.push(init(scenario, { seed, title, engineVersion }));
    this.run(replaySteps({ scenario, seed, title, commands, engineVersion }));
  }

  get total(): number {
    return this.commands.length + 1;
  }
  get ready(): number {
    return this.computed;
  }
  get done(): boolean {
    return this.ready === this.total || this.error !== null;
  }

  progress(): Progress {
    return { ready: this.ready, total: this.total, done: this.done, error: this.error };
  }

  /** Called after every chunk, and once at the end. */
  onProgress(fn: (p: Progress) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  cancel(): void {
    this.cancelled = true;
    this.listeners.clear();
  }

  state(step: number): GameState {
    const target = Math.max(0, Math.min(step, this.ready - 1));
    if (target === this.ready - 1 && this.last) return this.last;
    if (target % CHECKPOINT === 0) return this.checkpoints[target / CHECKPOINT]!;
    if (this.cached?.step === target) return this.cached.state;
    const fromCache = this.cached && this.cached.step < target && this.cached.step >= target - (target % CHECKPOINT);
    let at = fromCache ? this.cached!.step : target - (target % CHECKPOINT);
    let s = fromCache ? this.cached!.state : this.checkpoints[at / CHECKPOINT]!;
    while (at < target) {
      const c = this.commands[at]!;
      const r = apply(s, { at: c.at, actor: c.actor, command: c.command });
      if (!r.ok) throw new ReplayError(c.seq, r.error.message);
      s = r.state;
      at++;
    }
    this.cached = { step: target, state: s };
    return s;
  }

  /** The command that led to this step (none for step 0). */
  command(step: number): RecordedCommand | null {
    return step > 0 ? (this.commands[step - 1] ?? null) : null;
  }

  prevTurnStart(step: number): number {
    for (let i = this.turnStarts.length - 1; i >= 0; i--) if (this.turnStarts[i]! < step) return this.turnStarts[i]!;
    return 0;
  }

  nextTurnStart(step: number): number | null {
    for (const s of this.turnStarts) if (s > step && s < this.ready) return s;
    return null;
  }

  private push(s: GameState): void {
    const step = this.computed;
    const prev = this.last;
    if (step % CHECKPOINT === 0) this.checkpoints.push(s);
    this.last = s;
    this.computed++;
    this.escalation.push(s.escalation);
    if (prev && s.turn !== prev.turn && s.status !== "ended") this.turnStarts.push(step);
    if (prev && s.history !== prev.history && s.history.length > prev.history.length) {
      const h = s.history[s.history.length - 1]!;
      this.adjudications.push({ step, turn: h.turn, before: h.escalationBefore, after: h.escalationAfter });
    }
  }

  private run(steps: Generator<GameState>): void {
    const chunk = () => {
      if (this.cancelled) return;
      const until = performance.now() + 24;
      try {
        while (performance.now() < until) {
          const r = steps.next();
          if (r.done) break;
          this.push(r.value);
        }
      } catch (err) {
        this.error = err instanceof ReplayError ? err.message : `The replay failed: ${(err as Error).message}`;
      }
      const p = this.progress();
      for (const l of this.listeners) l(p);
      if (!p.done) schedule(chunk);
    };
    schedule(chunk);
  }
}

// a macrotask that is not throttled like setTimeout(0) after a few nestings
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();
function schedule(fn: () => void): void {
  queue.push(fn);
  channel.port2.postMessage(null);
}
