// The bots of one live exercise: after each change, each bot seat is asked
// (from its own view, with its own seeded rng) what it sends, and sends it one
// command at a time at a person's pace, through the same door as a person
// (LiveExercise.submit) with its bot actor. Policies run on the bots' thread
// (policy-thread.ts), never on the event loop that serves the rooms.
import seedrandom from "seedrandom";
import { mayRead, view, type GameState, type StoredEvent } from "../../shared/engine/index.ts";
import type { PolicyName } from "../../shared/bots/index.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import { botActorOf, type BotSeat } from "../../shared/protocol/identity.ts";
import type { LiveExercise, SubmitResult } from "../live-exercise.ts";
import { SERVER_ACTOR } from "../phase-timer.ts";
import type { BotSettings } from "./settings.ts";
import { policyThread, type PolicyRunner } from "./policy-thread.ts";
import type { RngState } from "./policy-worker.ts";

/** One bot seat at work. */
interface SeatRun {
  key: string;
  seat: BotSeat;
  policy: PolicyName;
  /** the policy's dice (their state: they are thrown on the bots' thread), and the pace's; seeded from the seed and the seat */
  rng: RngState;
  pace: () => number;
  /** the turn and phase the asks below belong to */
  phase: string;
  asks: number;
  /** something new reached the seat since it was last asked */
  dirty: boolean;
  queue: CommandInput[];
  timer: NodeJS.Timeout | null;
  /** the policy is being asked, or a command of this bot is on its way (what it causes is its own doing, not news) */
  busy: boolean;
}

/** What the driver did, for tests and the log. */
export interface BotStats {
  asks: number;
  sent: number;
  refused: number;
  /** the longest policy call so far (ms, measured on the bots' thread) */
  slowestMs: number;
}

/** The seat a bot seat key names: a team id, or "mediator". */
export function botSeatOf(key: string): BotSeat {
  return key === "mediator" ? { role: "mediator" } : { role: "team", teamId: key };
}

export class BotDriver {
  readonly stats: BotStats = { asks: 0, sent: 0, refused: 0, slowestMs: 0 };
  private readonly runs = new Map<string, SeatRun>();
  private readonly exercise: LiveExercise;
  private readonly settings: BotSettings;
  private readonly runner: PolicyRunner;
  private readonly unsubscribe: () => void;
  private stopped = false;

  constructor(exercise: LiveExercise, settings: BotSettings, runner?: PolicyRunner) {
    this.exercise = exercise;
    this.settings = settings;
    // a call is cut off at four times the budget (at least a second): a stuck policy is stopped, not waited for
    this.runner = runner ?? policyThread(Math.max(1000, settings.budgetMs * 4));
    this.unsubscribe = exercise.subscribe((state, events) => this.changed(state, events));
    this.changed(exercise.state, []);
  }

  /** Stops every bot of the exercise (the room closed); the seats stay bots in the state. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    for (const run of this.runs.values()) this.clear(run);
    this.runs.clear();
  }

  private changed(state: GameState, events: readonly StoredEvent[]): void {
    if (this.stopped) return;
    const bots = state.bots ?? {};
    for (const [key, run] of this.runs)
      if (bots[key] !== run.policy) {
        this.clear(run);
        this.runs.delete(key);
      }
    const phase = `${state.turn}:${state.phaseIndex}`;
    for (const [key, name] of Object.entries(bots)) {
      const run = this.runs.get(key) ?? this.start(key, name, state.seed);
      if (run.phase !== phase) Object.assign(run, { phase, asks: 0, queue: [], dirty: true });
      else if (!run.busy && events.some((e) => mayRead(state, botSeatOf(key), e))) run.dirty = true;
      if (state.status === "running") this.schedule(run);
      else this.clear(run);
    }
  }

  private start(key: string, name: PolicyName, seed: string): SeatRun {
    const run: SeatRun = {
      key,
      seat: botSeatOf(key),
      policy: name,
      rng: seedrandom(`${seed}:bot:${key}`, { state: true }).state(),
      pace: seedrandom(`${seed}:pace:${key}`),
      phase: "",
      asks: 0,
      dirty: true,
      queue: [],
      timer: null,
      busy: false,
    };
    this.runs.set(key, run);
    return run;
  }

  /** Waits a person's time before the bot's next command, if it has one or may be asked again. */
  private schedule(run: SeatRun): void {
    if (run.timer || run.busy) return;
    if (!run.queue.length && !(run.dirty && run.asks < this.settings.asksPerPhase)) return;
    const { minDelayMs: lo, maxDelayMs: hi } = this.settings;
    run.timer = setTimeout(() => void this.tick(run), lo + run.pace() * (hi - lo));
  }

  private clear(run: SeatRun): void {
    if (run.timer) clearTimeout(run.timer);
    run.timer = null;
  }

  private async tick(run: SeatRun): Promise<void> {
    run.timer = null;
    const state = this.exercise.state;
    if (this.stopped || this.runs.get(run.key) !== run || state.status !== "running") return;
    if (!run.queue.length) {
      const asked = await this.ask(run, state);
      const now = this.exercise.state;
      // taken out, or the phase moved on while it thought: what it meant to send is stale
      if (asked === null || this.runs.get(run.key) !== run || run.phase !== `${now.turn}:${now.phaseIndex}`) return;
      run.queue = asked;
    }
    const next = run.queue.shift();
    if (next && this.exercise.state.status === "running") await this.send(run, next);
    if (this.runs.get(run.key) === run && this.exercise.state.status === "running") this.schedule(run);
  }

  /** The policy's commands from the seat's view now; null if the policy failed or overran its budget (it is taken out). */
  private async ask(run: SeatRun, state: GameState): Promise<CommandInput[] | null> {
    run.asks++;
    run.dirty = false;
    this.stats.asks++;
    run.busy = true;
    try {
      const answer = await this.runner.ask(run.policy, view(state, run.seat), run.rng);
      run.rng = answer.rng;
      this.stats.slowestMs = Math.max(this.stats.slowestMs, answer.ms);
      if (answer.ms <= this.settings.budgetMs) return answer.commands;
      await this.takeOut(
        run,
        `its policy took ${Math.round(answer.ms)} ms, over the ${this.settings.budgetMs} ms budget`,
      );
    } catch (err) {
      await this.takeOut(run, (err as Error).message);
    } finally {
      run.busy = false;
    }
    return null;
  }

  private async send(run: SeatRun, input: CommandInput): Promise<void> {
    run.busy = true;
    let r: SubmitResult;
    try {
      // awaited: submit answers once the command is on disk
      r = await this.exercise.submit(botActorOf(run.seat, run.policy), input, Date.now());
    } finally {
      run.busy = false;
    }
    if (r.ok) this.stats.sent++;
    else this.stats.refused++;
  }

  /** A bot that fails or is too slow leaves its seat, recorded like any command, and says so in the log. */
  private async takeOut(run: SeatRun, why: string): Promise<void> {
    if (this.stopped || this.runs.get(run.key) !== run) return;
    this.clear(run);
    this.runs.delete(run.key);
    console.warn(`Exercise ${this.exercise.id}: the ${run.policy} bot leaves seat ${run.key}: ${why}`);
    await this.exercise.submit(SERVER_ACTOR, { type: "bot.seat", seat: run.key, policy: null }, Date.now());
  }
}
