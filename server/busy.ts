// Back-pressure: whether the server is saturated right now, from how late its
// event loop runs and how far the disk is behind. A saturated server refuses
// new commands at once ("busy") instead of queueing them for minutes.

export interface BusyLimits {
  /** the event loop running this many milliseconds late counts as saturated */
  lagMs: number;
  /** this many accepted commands waiting for the disk counts as saturated */
  maxQueuedWrites: number;
}

const SAMPLE_MS = 20;

export class LoadMeter {
  private readonly limits: BusyLimits;
  private readonly queued: () => number;
  private timer: NodeJS.Timeout | null = null;
  private lastTick = 0;
  private lag = 0;
  private users = 0;

  constructor(limits: BusyLimits, queued: () => number) {
    this.limits = limits;
    this.queued = queued;
  }

  /** Measures while at least one user (a room) needs it, so an idle server does not wake up for it. */
  use(): () => void {
    if (this.users++ === 0) {
      this.lastTick = performance.now();
      this.lag = 0;
      this.timer = setInterval(() => this.tick(), SAMPLE_MS);
      this.timer.unref();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.users === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  /** How late the event loop runs: the last delay measured, or the time since the meter last got to run if longer. */
  lagMs(): number {
    if (!this.timer) return 0;
    return Math.max(this.lag, performance.now() - this.lastTick - SAMPLE_MS);
  }

  busy(): boolean {
    return this.lagMs() > this.limits.lagMs || this.queued() > this.limits.maxQueuedWrites;
  }

  private tick(): void {
    const now = performance.now();
    this.lag = Math.max(0, now - this.lastTick - SAMPLE_MS);
    this.lastTick = now;
  }
}
