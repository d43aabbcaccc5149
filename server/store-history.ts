// Keeps history.json in step with what the database holds: a lower bound of
// exercises, courses and commands, so a later start notices if writes went missing.
import { writeHistory, type History } from "./storage-files.ts";

export class HistoryKeeper {
  private readonly dir: string;
  private readonly counts: History | null;
  private written: boolean;
  private failing = false;

  /** `counts` is null for a database in memory (no history to keep). */
  constructor(dir: string, counts: History | null, written: boolean) {
    this.dir = dir;
    this.counts = counts;
    this.written = written;
  }

  /** Counts a committed write and records it now, on this thread: durable the first time, atomic always. */
  add(added: Partial<History>): void {
    const c = this.counts;
    if (!c) return;
    c.exercises += added.exercises ?? 0;
    c.groups += added.groups ?? 0;
    c.commands += added.commands ?? 0;
    let error: string | undefined;
    try {
      writeHistory(this.dir, c, !this.written);
    } catch (err) {
      error = (err as Error).message;
    }
    this.settled(error);
  }

  /** What the writer thread records once `commands` more are committed (null: nothing to record). */
  after(commands: number): { counts: History; durable: boolean } | null {
    const c = this.counts;
    return c && { counts: { ...c, commands: c.commands + commands }, durable: !this.written };
  }

  /** The writer thread committed `commands` and then tried to record them (`error` if that failed). */
  committed(commands: number, error: string | undefined): void {
    if (!this.counts) return;
    this.counts.commands += commands;
    this.settled(error);
  }

  private settled(error: string | undefined): void {
    if (error === undefined) {
      this.written = true;
      this.failing = false;
      return;
    }
    // the write itself is safe in the database; only the start-up check loses precision
    if (!this.failing) console.error(`Storage: could not update history.json (${error})`);
    this.failing = true;
  }
}
