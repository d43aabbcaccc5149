// The bots of one live exercise: after each change, each bot seat is asked
// (from its own view, with its own seeded rng) what it sends, and sends it one
// command at a time at a person's pace, through the same door as a person
// (LiveExercise.submit) with its bot actor. Work is split into short timer
// callbacks, so one exercise's bots never hold up another's or the room.
import seedrandom from "seedrandom";
import { mayRead, view, type GameState, type StoredEvent } from "../../shared/engine/index.ts";
import { policyByName, type Policy, type PolicyName } from "../../shared/bots/index.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import { botActorOf, type BotSeat } from "../../shared/protocol/identity.ts";
import type { LiveExercise, SubmitResult } from "../live-exercise.ts";
import { SERVER_ACTOR } from "../phase-timer.ts";
import type { BotSettings } from "./settings.ts";

/** One bot seat at work. */
interface SeatRun {
  key: string;
  seat: BotSeat;
  policy: Policy;
  /** the policy's dice, and the pace's: seeded from the exercise's seed and the seat */
  rng: () => number;
  pace: () => number;
  /** the turn and phase the asks below belong to */
  phase: string;
  asks: number;
  /** something new reached the seat since it was last asked */
  dirty: boolean;
  queue: CommandInput[];
  timer: NodeJS.Timeout | null;
  /** a command of this bot is on its way: what it causes is its own doing, not news */
  sending: boolean;
}

/** What the driver did, for tests and the log. */
export interface BotStats {
  asks: number;
  sent: number;
  refused: number;
  /** the longest policy call so far (ms) */
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
  private readonly unsubscribe: () => void;
  private stopped = false;

  constructor(exercise: LiveExercise, settings: BotSettings) {
    this.exercise = exercise;
    this.settings = settings;
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
      if (bots[key] !== run.policy.name) {
        this.clear(run);
        this.runs.delete(key);
      }
    const phase = `${state.turn}:${state.phaseIndex}`;
    for (const [key, name] of Object.entries(bots)) {
      const run = this.runs.get(key) ?? this.start(key, name, state.seed);
      if (run.phase !== phase) Object.assign(run, { phase, asks: 0, queue: [], dirty: true });
      else if (!run.sending && events.some((e) => mayRead(state, botSeatOf(key), e))) run.dirty = true;
      if (state.status === "running") this.schedule(run);
      else this.clear(run);
    }
  }

  private start(key: string, name: PolicyName, seed: string): SeatRun {
    const run: SeatRun = {
      key,
      seat: botSeatOf(key),
      policy: policyByName(name),
      rng: seedrandom(`${seed}:bot:${key}`),
      pace: seedrandom(`${seed}:pace:${key}`),
      phase: "",
      asks: 0,
      dirty: true,
      queue: [],
      timer: null,
      sending: false,
    };
    this.runs.set(key, run);
    return run;
  }

  /** Waits a person's time before the bot's next command, if it has one or may be asked again. */
  private schedule(run: SeatRun): void {
    if (run.timer || run.sending) return;
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
      const asked = this.ask(run, state);
      if (asked === null) return;
      run.queue = asked;
    }
    const next = run.queue.shift();
    if (next) await this.send(run, next);
    if (this.runs.get(run.key) === run && this.exercise.state.status === "running") this.schedule(run);
  }

  /** The policy's commands from the seat's view now; null if the policy failed or overran its budget (it is taken out). */
  private ask(run: SeatRun, state: GameState): CommandInput[] | null {
    run.asks++;
    run.dirty = false;
    this.stats.asks++;
    const started = performance.now();
    let out: CommandInput[];
    try {
      out = run.policy.act(view(state, run.seat), run.rng);
    } catch (err) {
      void this.takeOut(run, `its policy failed (${(err as Error).message})`);
      return null;
    }
    const took = performance.now() - started;
    this.stats.slowestMs = Math.max(this.stats.slowestMs, took);
    if (took > this.settings.budgetMs) {
      void this.takeOut(run, `its policy took ${Math.round(took)} ms, over the ${this.settings.budgetMs} ms budget`);
      return null;
    }
    return out;
  }

  private async send(run: SeatRun, input: CommandInput): Promise<void> {
    run.sending = true;
    let r: SubmitResult;
    try {
      // awaited: submit may answer at once or once the command is on disk
      r = await this.exercise.submit(botActorOf(run.seat, run.policy.name), input, Date.now());
    } finally {
      run.sending = false;
    }
    if (r.ok) this.stats.sent++;
    else this.stats.refused++;
  }

  /** A bot that fails or is too slow leaves its seat, recorded like any command, and says so in the log. */
  private async takeOut(run: SeatRun, why: string): Promise<void> {
    this.clear(run);
    this.runs.delete(run.key);
    console.warn(`Exercise ${this.exercise.id}: the ${run.policy.name} bot leaves seat ${run.key}: ${why}`);
    await this.exercise.submit(SERVER_ACTOR, { type: "bot.seat", seat: run.key, policy: null }, Date.now());
  }
}
