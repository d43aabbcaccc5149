// Group commit: the commands accepted during one turn of the event loop are
// written together in one transaction, while the previous group is being made
// durable. One group is in flight at a time, so under load groups grow instead
// of fsyncs queueing up, and each command waits for at most two fsyncs.
import type { AppendRow } from "./store-append.ts";

interface Waiting {
  row: AppendRow;
  resolve: () => void;
  reject: (err: Error) => void;
}

/** Told how long each group took to become durable and how many commands it held: for /metrics. */
export const groupTimings = { observe: (_seconds: number, _commands: number, _ok: boolean): void => {} };

export class GroupCommit {
  private next: Waiting[] = [];
  private inFlight: Waiting[] | null = null;
  private scheduled = false;
  private readonly write: (rows: AppendRow[]) => Promise<void>;

  /** `write` makes a whole group durable, or rejects with nothing of it written. */
  constructor(write: (rows: AppendRow[]) => Promise<void>) {
    this.write = write;
  }

  /** Commands accepted and not yet durable: a measure of how far the disk is behind. */
  get queued(): number {
    return this.next.length + (this.inFlight?.length ?? 0);
  }

  /** Resolves once the row is durable; rejects if its group could not be written. */
  add(row: AppendRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.next.push({ row, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.inFlight || this.scheduled || this.next.length === 0) return;
    this.scheduled = true;
    // after this turn's I/O: every command read from the sockets in this turn joins the group
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.inFlight || this.next.length === 0) return;
    const group = this.next;
    this.next = [];
    this.inFlight = group;
    let written: Promise<void>;
    const started = performance.now();
    const timed = (ok: boolean) => groupTimings.observe((performance.now() - started) / 1000, group.length, ok);
    try {
      written = this.write(group.map((w) => w.row));
    } catch (err) {
      written = Promise.reject(err);
    }
    written.then(
      () => {
        timed(true);
        this.inFlight = null;
        for (const w of group) w.resolve();
        this.schedule();
      },
      (err: unknown) => {
        timed(false);
        this.inFlight = null;
        // the queued commands of the same exercises were accepted on top of the lost ones: they fail with them
        const lost = new Set(group.map((w) => w.row.exerciseId));
        const later = this.next.filter((w) => lost.has(w.row.exerciseId));
        this.next = this.next.filter((w) => !lost.has(w.row.exerciseId));
        const error = err instanceof Error ? err : new Error(String(err));
        for (const w of [...group, ...later]) w.reject(error);
        this.schedule();
      },
    );
  }
}
