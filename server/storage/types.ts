// What the server needs from durable storage, whichever database holds it:
// SQLite in one process (server/store.ts), PostgreSQL for several (pg-store.ts).
// Reads are synchronous for the server's callers; appends resolve once durable.
import type { StoredCommand } from "../../shared/protocol/recording.ts";
import type { Codes } from "../codes.ts";
import type { ExerciseRow, GroupRow } from "../store.ts";
import type { AppendRow } from "../store-append.ts";

export interface ListFilter {
  unfinished?: boolean;
  groupId?: string;
}

/** One interface, two databases: the storage tests run the same suite against both. */
export interface Storage {
  /** whether other processes share this storage (PostgreSQL): exercises then have one owner each */
  readonly shared: boolean;
  /** what the integrity check found at start-up; empty when the database is whole */
  readonly damage: readonly string[];
  readonly damaged: boolean;
  quarantined(): { id: string; reason: string }[];
  isQuarantined(id: string): boolean;
  quarantineExercise(id: string, reason: string): void;
  createExercise(row: ExerciseRow): void;
  /** a course and all its cells in one transaction */
  createCourse(g: GroupRow, cells: ExerciseRow[]): void;
  /** resolves once the command is durable; rejects with nothing of its group written */
  append(exerciseId: string, c: StoredCommand, status: string): Promise<void>;
  /** commands accepted and not yet durable */
  readonly queuedWrites: number;
  /** commits one group in one transaction (replaced in tests to simulate a failing disk) */
  writeGroup(rows: AppendRow[]): Promise<void>;
  getGroup(id: string): GroupRow | undefined;
  groupByCode(code: string): GroupRow | undefined;
  getExercise(id: string): ExerciseRow | undefined;
  listExercises(filter?: ListFilter): ExerciseRow[];
  /** an exercise's commands in order; throws when one is missing */
  commands(exerciseId: string): StoredCommand[];
  countUnfinished(): number;
  quarantinedCodes(): { id: string; codes: Codes }[];
  /** the exercise a join code opens, asked of the database (shared storage: another process may have made it) */
  exerciseIdByCode(code: string): string | undefined;
  /** takes the exercise for this process if nobody holds it; true when this process owns it (always, unshared) */
  own(exerciseId: string): boolean;
  /** gives the exercise up (it left memory): another process may take it */
  release(exerciseId: string): void;
  close(): void;
}
