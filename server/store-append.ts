// Appending a group of accepted commands in one transaction: the SQL both the
// writer thread and the in-thread writer use, so the two cannot drift apart.
import type { DatabaseSync } from "node:sqlite";
import type { StoredCommand } from "../shared/protocol/recording.ts";

/** One accepted command as stored, already serialised (cheap to hand to the writer thread). */
export interface AppendRow {
  exerciseId: string;
  seq: number;
  at: number;
  actor: string;
  turn: number;
  phase: string;
  command: string;
  /** the exercise's status once this command is applied */
  status: string;
}

export function appendRow(exerciseId: string, c: StoredCommand, status: string): AppendRow {
  const { seq, at, turn, phase } = c;
  return {
    exerciseId,
    seq,
    at,
    actor: JSON.stringify(c.actor),
    turn,
    phase,
    command: JSON.stringify(c.command),
    status,
  };
}

/** Milliseconds a connection waits for the other one's write lock (the writer thread and the main thread share the file). */
export const BUSY_TIMEOUT_MS = 10_000;

/** Prepares the statements once; the returned function writes a group in one transaction (all of it or none). */
export function groupAppender(db: DatabaseSync): (rows: readonly AppendRow[]) => void {
  const insert = db.prepare(
    "INSERT INTO commands (exercise_id, seq, at, actor_json, turn, phase, command_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  // a row whose status is unchanged is not rewritten (nor its index entry): most groups change no status
  const status = db.prepare("UPDATE exercises SET status = ? WHERE id = ? AND status != ?");
  return (rows) => {
    db.exec("BEGIN IMMEDIATE");
    try {
      const last = new Map<string, string>();
      for (const r of rows) {
        insert.run(r.exerciseId, r.seq, r.at, r.actor, r.turn, r.phase, r.command);
        last.set(r.exerciseId, r.status);
      }
      for (const [id, s] of last) status.run(s, id, s);
      db.exec("COMMIT");
    } catch (err) {
      if (db.isTransaction) db.exec("ROLLBACK");
      throw err;
    }
  };
}
