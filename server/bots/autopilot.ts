// The autopilot plays control in a self-paced exercise (state.autopilot, set by
// a recorded command): it starts the exercise when the first participant
// arrives, resumes it when someone comes back after the server paused it, and
// ends the decision phase early once every team present has submitted orders.
// Every other phase ends on its timer (a self-paced exercise has one on each).
import { currentPhase, type GameState } from "../../shared/engine/index.ts";
import type { Actor } from "../../shared/protocol/identity.ts";
import type { LiveExercise } from "../live-exercise.ts";
import type { BotSettings } from "./settings.ts";

/** Who the autopilot's commands are recorded as: control, by a name that says what it is. */
export const AUTOPILOT_ACTOR: Actor = { role: "facilitator", name: "Autopilot" };

export class Autopilot {
  private readonly exercise: LiveExercise;
  private readonly settings: BotSettings;
  /** the seats (team ids, "mediator") with someone in them: connected, or dropped and within their grace to return */
  private readonly present: () => ReadonlySet<string>;
  private readonly unsubscribe: () => void;
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(exercise: LiveExercise, settings: BotSettings, present: () => ReadonlySet<string>) {
    this.exercise = exercise;
    this.settings = settings;
    this.present = present;
    this.unsubscribe = exercise.subscribe(() => this.check());
  }

  stop(): void {
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Looks again at the exercise and who is there (after every change, join and departure). */
  check(): void {
    const s = this.exercise.state;
    if (!s.autopilot || this.busy || this.timer) return;
    const people = this.present().size > 0;
    if (s.status === "setup" && people) void this.send({ type: "exercise.start" });
    else if (s.status === "paused" && people && this.pausedByServer()) void this.send({ type: "exercise.resume" });
    else if (s.status === "running" && this.decided(s)) {
      // a moment for the last to submit to see their orders accepted, then on
      const from = { turn: s.turn, phase: currentPhase(s)!.id };
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.decided(this.exercise.state)) void this.send({ type: "phase.advance", from });
      }, this.settings.minDelayMs);
    }
  }

  /** In the decision phase, every team played by a bot or a person present has submitted its orders. */
  private decided(s: GameState): boolean {
    if (s.status !== "running" || currentPhase(s)?.kind !== "decision") return false;
    const here = new Set([...Object.keys(s.bots ?? {}), ...this.present()]);
    const teams = s.scenario.teams.filter((t) => here.has(t.id));
    return teams.length > 0 && teams.every((t) => s.orders[t.id] !== undefined);
  }

  /** Whether the last pause was the server's (a restart, an empty room): control's own pauses are control's to end. */
  private pausedByServer(): boolean {
    const pause = this.exercise.commands.findLast((c) => c.command.type === "exercise.pause");
    return pause?.actor.role === "system";
  }

  private async send(command: { type: "exercise.start" | "exercise.resume" | "phase.advance"; from?: object }) {
    this.busy = true;
    let ok = false;
    try {
      const r = await this.exercise.submit(AUTOPILOT_ACTOR, command, Date.now());
      ok = r.ok;
      if (!r.ok && r.error.code === "storage")
        console.warn(`Exercise ${this.exercise.id}: autopilot: ${r.error.message}`);
    } finally {
      this.busy = false;
    }
    // what it changed may call for the next step (its own change came while it was busy); a refusal waits for news
    if (ok) this.check();
  }
}
