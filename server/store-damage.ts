// Reading around damaged pages: a query stops at the first page it cannot read,
// so each list is taken several ways and keeps what it got before stopping.
import type { DatabaseSync } from "node:sqlite";

/** Runs a query row by row; returns why it stopped early, or null when it read everything. */
function partial<T>(db: DatabaseSync, sql: string, each: (row: T) => void): string | null {
  try {
    for (const row of db.prepare(sql).iterate()) each(row as T);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Every exercise id the database still names: through the table's index, the table itself, and the commands. */
export function exerciseIds(db: DatabaseSync): { ids: Set<string>; problems: string[] } {
  const ids = new Set<string>();
  const add = (r: { id: string }) => ids.add(r.id);
  const stops = [
    partial(db, "SELECT id FROM exercises INDEXED BY sqlite_autoindex_exercises_1", add),
    partial(db, "SELECT id FROM exercises NOT INDEXED", add),
    partial(db, "SELECT DISTINCT exercise_id AS id FROM commands", add),
  ];
  // the exercises are surely all named only if the index or the table was read whole
  const [byIndex, byTable] = stops;
  const problems = byIndex && byTable ? [byIndex, byTable] : [];
  return { ids, problems };
}

/** The highest seq of each exercise's commands as the table holds them, not its index: a damaged index can hide rows. */
export function tableSeqs(db: DatabaseSync): Map<string, number> {
  const max = new Map<string, number>();
  partial<{ id: string; seq: number }>(db, "SELECT exercise_id AS id, seq FROM commands NOT INDEXED", (r) => {
    if (r.seq > (max.get(r.id) ?? 0)) max.set(r.id, r.seq);
  });
  return max;
}
