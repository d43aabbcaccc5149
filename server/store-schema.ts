// The database's layout and its version (PRAGMA user_version): an older database
// is brought up to date at start-up, a newer or foreign one is refused.
import type { DatabaseSync } from "node:sqlite";
import { StartupRefusal } from "./startup-refusal.ts";

/** 0: the first, unversioned layout; 1: the same tables, stamped, with indexes for course, status and code look-ups. */
export const SCHEMA_VERSION = 1;

export const TABLES = ["exercises", "groups", "commands"];

const V0 = `
  CREATE TABLE IF NOT EXISTS exercises (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    scenario_json TEXT NOT NULL,
    seed TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    codes_json TEXT NOT NULL,
    engine_version TEXT NOT NULL,
    group_id TEXT,
    status TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS groups (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    code TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS commands (
    exercise_id TEXT NOT NULL REFERENCES exercises(id),
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    actor_json TEXT NOT NULL,
    turn INTEGER NOT NULL,
    phase TEXT NOT NULL,
    command_json TEXT NOT NULL,
    PRIMARY KEY (exercise_id, seq)
  );`;

/** Version 1: without these, a course's cells or the unfinished count are found by reading every stored scenario. */
const V1 = `
  CREATE INDEX IF NOT EXISTS exercises_by_group ON exercises(group_id);
  CREATE INDEX IF NOT EXISTS exercises_by_status ON exercises(status);
  CREATE INDEX IF NOT EXISTS groups_by_code ON groups(code);`;

/** The stored version; refuses one this Deconflict does not know, or a database that is not Deconflict's. */
export function checkSchema(db: DatabaseSync, file: string): number {
  const version = (db.prepare("PRAGMA user_version").get() as { user_version: number }).user_version;
  if (version > SCHEMA_VERSION || version < 0)
    throw new StartupRefusal(
      `The database ${file} has schema version ${version}, and this Deconflict knows versions 0 to ${SCHEMA_VERSION}: ` +
        `it was written by ${version > SCHEMA_VERSION ? "a newer Deconflict" : "another program"}. ` +
        `Run the Deconflict that wrote it, or restore a backup made by this one.`,
    );
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map(
    (t) => t.name,
  );
  const ours = tables.filter((t) => TABLES.includes(t));
  if (tables.length > 0 && ours.length === 0)
    throw new StartupRefusal(
      `The database ${file} is not a Deconflict database (it holds the tables ${tables.slice(0, 5).join(", ")}). ` +
        `Point DATA_DIR at Deconflict's data directory.`,
    );
  return version;
}

/** Brings the database to SCHEMA_VERSION in one transaction; returns the version it had. */
export function migrate(db: DatabaseSync, file: string): number {
  const from = checkSchema(db, file);
  if (from === SCHEMA_VERSION) return from;
  db.exec("BEGIN IMMEDIATE");
  try {
    if (from < 1) db.exec(V0 + V1);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec("COMMIT");
  } catch (err) {
    if (db.isTransaction) db.exec("ROLLBACK");
    throw new StartupRefusal(
      `The database ${file} could not be brought from schema version ${from} to ${SCHEMA_VERSION} (${(err as Error).message}). Restore it from a backup.`,
    );
  }
  return from;
}

/** Whether the database holds Deconflict's tables yet (a new file does not). */
export function hasTables(db: DatabaseSync): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'exercises'").get() !== undefined;
}
