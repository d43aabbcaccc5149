// Runs the phase timers: when a timed phase runs out, the server advances the
// exercise with a command recorded like any other. Paused time does not count.
import { currentPhase, phaseRemainingMs } from "../shared/engine/index.ts";
import type { LiveExercise } from "./live-exercise.ts";

export const TIMER_ACTOR = { role: "system", name: "Phase timer" } as const;
export const SERVER_ACTOR = { role: "system", name: "Server" } as const;

const RETRY_MS = 2000;

export class PhaseTimer {
  private handle: NodeJS.Timeout | null = null;
  /** closed with its room: it never arms again, not even to retry */
  private closed = false;
  private readonly exercise: LiveExercise;
  private readonly now: () => number;

  constructor(exercise: LiveExercise, now: () => number = Date.now) {
    this.exercise = exercise;
    this.now = now;
  }

  /** Re-reads the exercise and sets the alarm for the current phase, if it has a timer and is running. */
  rearm(): void {
    this.stop();
    if (this.closed) return;
    const s = this.exercise.state;
    if (s.status !== "running") return;
    const remaining = phaseRemainingMs(s, this.now());
    if (remaining === null) return;
    const phase = currentPhase(s)!;
    const from = { turn: s.turn, phase: phase.id };
    this.handle = setTimeout(() => {
      this.handle = null;
      // refused if someone advanced first: that is fine; if the disk refused it, try again shortly
      void this.exercise.submit(TIMER_ACTOR, { type: "phase.advance", from }, this.now()).then((r) => {
        if (!r.ok && r.error.code === "storage" && !this.handle && !this.closed)
          this.handle = setTimeout(() => this.rearm(), RETRY_MS);
      });
    }, remaining + 50);
  }

  /** For good: the room is closing. */
  close(): void {
    this.closed = true;
    this.stop();
  }

  stop(): void {
    if (this.handle) clearTimeout(this.handle);
    this.handle = null;
  }
}
