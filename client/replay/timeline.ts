// Every state of a recorded exercise, computed once. Step 0 is the exercise as
// set up; step i is the state after command i. The engine folds the commands
// into one state, in place, in chunks of a few milliseconds, so the page stays
// responsive and the analyst can already scrub the part that is done. A copy
// (cloneStateSharing) of every CHECKPOINT-th state is kept; any other is rebuilt from a
// copy of the checkpoint before it (at most CHECKPOINT − 1 commands, about a
// millisecond), which keeps a long exercise's replay in tens of megabytes. A
// state handed out is never changed afterwards: the viewer compares it with others.
import {
  cloneState,
  cloneStateSharing,
  continueSteps,
  init,
  replaySteps,
  ReplayError,
  type GameState,
  type StoredEvent,
} from "../../shared/engine/index.ts";

export const CHECKPOINT = 32;
import type { StoredCommand } from "../../shared/protocol/recording.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { t as tr } from "../i18n/index.ts";

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
  readonly commands: readonly StoredCommand[];
  /** copies of every CHECKPOINT-th state: never stepped, only copied */
  private readonly checkpoints: GameState[] = [];
  private computed = 0;
  /** the state the fold works on, changed in place until the fold is done */
  private working: GameState | null = null;
  /** a copy of the last state computed so far, while the fold goes on */
  private lastCopy: { step: number; state: GameState } | null = null;
  /** the most recently rebuilt state, so stepping forward costs one command */
  private cached: { step: number; state: GameState } | null = null;
  /** escalation after each step */
  readonly escalation: number[] = [];
  /** steps at which a turn begins (the command whose events began its first phase), ascending, with the turn */
  readonly turnStarts: { step: number; turn: number }[] = [];
  error: string | null = null;
  private readonly listeners = new Set<(p: Progress) => void>();
  private cancelled = false;

  /** `engineVersion`: the recording's, so a recording of an engine before 1.2.0 gets its sequential ids back */
  constructor(
    scenario: Scenario,
    seed: string,
    title: string,
    commands: readonly StoredCommand[],
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

  /** The state after `step` commands (clamped to those computed so far). Never changed afterwards. */
  state(step: number): GameState {
    const target = Math.max(0, Math.min(step, this.ready - 1));
    if (target % CHECKPOINT === 0) return this.checkpoints[target / CHECKPOINT]!;
    if (target === this.ready - 1 && this.working) {
      // once the fold is done the working state changes no more; until then a copy is handed out
      if (this.done) return this.working;
      if (this.lastCopy?.step !== target) this.lastCopy = { step: target, state: cloneState(this.working) };
      return this.lastCopy.state;
    }
    if (this.cached?.step === target) return this.cached.state;
    const fromCache = this.cached && this.cached.step < target && this.cached.step >= target - (target % CHECKPOINT);
    const from = fromCache ? this.cached!.step : target - (target % CHECKPOINT);
    // folded forward from a copy: the checkpoint, and any state handed out before, stay as they are
    const s = cloneState(fromCache ? this.cached!.state : this.checkpoints[from / CHECKPOINT]!);
    for (const _ of continueSteps(s, this.commands, from, target));
    this.cached = { step: target, state: s };
    return s;
  }

  /** The events the command at this step caused, in order (control's copies: a recording is control's). */
  eventsAt(step: number): StoredEvent[] {
    return eventsOf(this.state(step), step);
  }

  /** The command that led to this step (none for step 0). */
  command(step: number): StoredCommand | null {
    return step > 0 ? (this.commands[step - 1] ?? null) : null;
  }

  prevTurnStart(step: number): number {
    for (let i = this.turnStarts.length - 1; i >= 0; i--)
      if (this.turnStarts[i]!.step < step) return this.turnStarts[i]!.step;
    return 0;
  }

  nextTurnStart(step: number): number | null {
    for (const t of this.turnStarts) if (t.step > step && t.step < this.ready) return t.step;
    return null;
  }

  private push(s: GameState): void {
    const step = this.computed;
    // each checkpoint holds the items unchanged since the one before as that one does
    const prev = this.checkpoints.at(-1);
    if (step % CHECKPOINT === 0) this.checkpoints.push(prev ? cloneStateSharing(s, prev) : cloneState(s));
    this.working = s;
    this.computed++;
    this.escalation.push(s.escalation);
    // what this step's command caused: its events are the last ones of the log
    for (const e of eventsOf(s, step)) {
      if (e.type === "phase.began" && e.turn !== (this.turnStarts.at(-1)?.turn ?? 0))
        this.turnStarts.push({ step, turn: e.turn });
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
        this.error = err instanceof ReplayError ? err.message : tr("replay.failed", { detail: (err as Error).message });
      }
      const p = this.progress();
      for (const l of this.listeners) l(p);
      if (!p.done) schedule(chunk);
    };
    schedule(chunk);
  }
}

/** A step's events: the last ones of the state's log, numbered with the step. */
function eventsOf(s: GameState, step: number): StoredEvent[] {
  let from = s.log.length;
  while (step > 0 && from > 0 && s.log[from - 1]!.seq === step) from--;
  return s.log.slice(from);
}

// a macrotask that is not throttled like setTimeout(0) after a few nestings
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();
function schedule(fn: () => void): void {
  queue.push(fn);
  channel.port2.postMessage(null);
}
