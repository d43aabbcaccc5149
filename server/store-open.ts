// Opens DATA_DIR's database the careful way. Before anything is written, the
// files are checked (storage-files.ts), then a read-only connection checks the
// schema version, runs SQLite's integrity check and compares what the database
// holds with history.json. A refusal leaves every file as it was found.
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { StartupRefusal } from "./startup-refusal.ts";
import {
  DB_FILE,
  HISTORY_FILE,
  checkDatabaseFile,
  describeHistory,
  plural,
  readHistory,
  writeHistory,
  type History,
  type HistoryFound,
} from "./storage-files.ts";
import { BUSY_TIMEOUT_MS } from "./store-append.ts";
import { checkSchema, hasTables, migrate, SCHEMA_VERSION, TABLES } from "./store-schema.ts";

export interface Opened {
  db: DatabaseSync;
  /** what SQLite's integrity check reported; empty when the database is whole */
  damage: string[];
  /** what this directory has recorded, kept in history.json; null for ":memory:" */
  counts: History | null;
  /** whether history.json is on disk */
  historyWritten: boolean;
  /** what history.json said at start-up */
  history: HistoryFound;
}

const NONE: HistoryFound = { kind: "none" };

export function openDatabase(dir: string): Opened {
  if (dir === ":memory:") {
    const db = new DatabaseSync(":memory:");
    migrate(db, dir);
    return { db, damage: [], counts: null, historyWritten: false, history: NONE };
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, DB_FILE);
  const history = readHistory(dir);
  checkDatabaseFile(dir, history);
  const exists = existsSync(file) && statSync(file).size > 0;
  const damage = exists ? inspect(dir, file, history) : [];
  if (damage.length) reportDamage(file, damage);

  // the writer thread holds its own connection: wait for its lock rather than fail
  const db = new DatabaseSync(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    const had = exists && hasTables(db);
    const from = migrate(db, file);
    if (had && from !== SCHEMA_VERSION)
      console.log(`Storage: ${file} migrated from schema version ${from} to ${SCHEMA_VERSION}.`);
    const counts = damage.length ? atLeast(history, countRows(db, true)) : countRows(db, false);
    let historyWritten = history.kind !== "none";
    if (history.kind !== "counts" || differs(counts, history.counts)) {
      if (counts.exercises + counts.groups + counts.commands > 0 || history.kind !== "none") {
        writeHistory(dir, counts, true);
        historyWritten = true;
      }
    }
    if (history.kind === "unreadable")
      console.warn(
        `Storage: ${join(dir, HISTORY_FILE)} could not be read (${history.why}); it was written anew from the database.`,
      );
    return { db, damage, counts, historyWritten, history };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Read-only checks; returns the integrity check's findings (empty when whole). */
function inspect(dir: string, file: string, history: HistoryFound): string[] {
  const restore =
    `Restore ${file} (with its -wal file, if the backup has one) from a backup, ` +
    `or move it aside (with its -wal and -shm files) to start with an empty database.`;
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true });
  } catch (err) {
    throw new StartupRefusal(`The database ${file} cannot be opened (${(err as Error).message}). ${restore}`);
  }
  try {
    checkSchema(db, file);
    const damage = integrityCheck(db);
    if (!damage.length) compareWithHistory(dir, file, history, countRows(db, false));
    return damage;
  } catch (err) {
    if (err instanceof StartupRefusal) throw err;
    throw new StartupRefusal(`The database ${file} cannot be read (${(err as Error).message}). ${restore}`);
  } finally {
    db.close();
  }
}

/** Refuses a database that holds less than history.json says was recorded: recent writes were lost. */
function compareWithHistory(dir: string, file: string, history: HistoryFound, now: History): void {
  const had = describeHistory(dir, history);
  if (!had) return;
  const short =
    history.kind === "counts"
      ? now.exercises < history.counts.exercises ||
        now.groups < history.counts.groups ||
        now.commands < history.counts.commands
      : now.exercises === 0;
  if (!short) return;
  const holds = `${plural(now.exercises, "exercise")}, ${plural(now.groups, "course")} and ${plural(now.commands, "recorded command")}`;
  throw new StartupRefusal(
    `The database ${file} holds ${holds}, but ${had}: recent writes are missing. ` +
      `Its write-ahead log (${file}-wal) was probably cut short or removed, or an older copy of the database was put back. ` +
      `Restore the database together with its -wal file from a backup. ` +
      `To accept the loss and start with what the database holds, delete ${join(dir, HISTORY_FILE)}.`,
  );
}

/**
 * SQLite's integrity_check (measured: about 50 ms for 1,000 exercises, 33 MB; quick_check about 30 ms, but it
 * does not check that indexes match their tables, and a damaged index silently hides rows). Some damage stops
 * the check itself; then each table is checked alone to say where.
 */
function integrityCheck(db: DatabaseSync): string[] {
  const check = (of: string) =>
    (db.prepare(`PRAGMA integrity_check${of}`).all() as { integrity_check: string }[]).map((r) => r.integrity_check);
  const whole = (found: string[]) => found.length === 1 && found[0] === "ok";
  try {
    const found = check("");
    return whole(found) ? [] : found;
  } catch (err) {
    if (!isCorrupt(err)) throw err;
    const found = [`the check stopped: ${(err as Error).message}`];
    for (const table of TABLES) {
      try {
        const t = check(`(${table})`);
        if (!whole(t)) found.push(...t.map((line) => `${table}: ${line}`));
      } catch (e) {
        found.push(`table ${table}: ${(e as Error).message}`);
      }
    }
    return found;
  }
}

/** SQLITE_CORRUPT or SQLITE_NOTADB, with any extended code. */
function isCorrupt(err: unknown): boolean {
  const code = (err as { errcode?: unknown }).errcode;
  return typeof code === "number" && [11, 26].includes(code & 0xff);
}

function countRows(db: DatabaseSync, bestEffort: boolean): History {
  const count = (table: string): number => {
    try {
      return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    } catch (err) {
      if (bestEffort) return 0;
      throw err;
    }
  };
  if (!hasTables(db)) return { exercises: 0, groups: 0, commands: 0 };
  return { exercises: count("exercises"), groups: count("groups"), commands: count("commands") };
}

/** On a damaged database the counts cannot be trusted: keep the larger of both, so history.json never shrinks. */
function atLeast(history: HistoryFound, counted: History): History {
  if (history.kind !== "counts") return counted;
  const h = history.counts;
  return {
    exercises: Math.max(h.exercises, counted.exercises),
    groups: Math.max(h.groups, counted.groups),
    commands: Math.max(h.commands, counted.commands),
  };
}

function differs(a: History, b: History): boolean {
  return a.exercises !== b.exercises || a.groups !== b.groups || a.commands !== b.commands;
}

/** Says loudly what is damaged, and keeps a copy of the files as they were found. */
function reportDamage(file: string, damage: string[]): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const copy = `${file}.damaged-${stamp}`;
  let kept: string;
  try {
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) copyFileSync(`${file}-wal`, `${copy}-wal`);
    kept = `A copy of the database as it was found is kept at ${copy}.`;
  } catch (err) {
    kept = `No copy of it could be kept (${(err as Error).message}).`;
  }
  console.error(
    [
      `DAMAGED STORAGE: SQLite's integrity check found ${plural(damage.length, "problem")} in ${file}:`,
      ...damage.slice(0, 10).map((d) => `  ${d}`),
      ...(damage.length > 10 ? [`  … and ${damage.length - 10} more`] : []),
      `Exercises whose data cannot be read whole are quarantined: kept in the database, not loaded. The others start.`,
      kept,
      `Restore the database from a backup as soon as you can.`,
    ].join("\n"),
  );
}
