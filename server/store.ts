// Durable storage in an embedded SQLite database (node:sqlite, no native build):
// one row per exercise, one row per accepted command, committed in groups (by a
// writer thread, see store-commit.ts) before the command is acknowledged. Damaged storage is found at start-up (store-open.ts)
// and the exercises it touches are quarantined: kept on disk, not loaded.
import type { DatabaseSync, StatementSync } from "node:sqlite";
import type { StoredCommand } from "../shared/protocol/recording.ts";
import type { Codes } from "./codes.ts";
import { openDatabase } from "./store-open.ts";
import { exerciseIds, tableSeqs } from "./store-damage.ts";
import { StartupRefusal } from "./startup-refusal.ts";
import { DB_FILE, plural } from "./storage-files.ts";
import { join } from "node:path";
import { appendRow, groupAppender, type AppendRow } from "./store-append.ts";
import { GroupCommit } from "./store-commit.ts";
import { HistoryKeeper } from "./store-history.ts";
import { WriterThread } from "./store-thread.ts";
import type { Storage } from "./storage/types.ts";
import { exerciseFromText, type ExerciseText } from "./storage/rows.ts";

/**
 * Where groups of commands are committed. "thread" (the default): a writer thread with its own connection, so an
 * fsync never stalls the event loop that serves every room. "inline": on this thread (a database in memory, or to
 * compare). Measured with `npm run bench:durable` on this project's 2-core machine (2026-11): both far above the
 * 2,000 durable appends/s needed (thread 32,000/s quiet, 12,500-23,600/s with other processes fsyncing; inline about
 * 20 % more), with the same event-loop delays, because this disk's fsync takes 1-4 ms. The thread is chosen for the
 * disks where it does not: single commits were seen to stall the loop up to 230 ms, and in-thread every room waits.
 */
export type WriterMode = "thread" | "inline";

export interface ExerciseRow {
  id: string;
  title: string;
  scenarioId: string;
  scenario: unknown;
  seed: string;
  createdAt: number;
  codes: Codes;
  engineVersion: string;
  /** a course's parallel cells share a group id */
  groupId: string | null;
  status: string;
}

/** A course's set of parallel cells: the same scenario played by several groups at once. */
export interface GroupRow {
  id: string;
  title: string;
  scenarioId: string;
  /** the course facilitator's code: opens every cell's control */
  code: string;
  createdAt: number;
}

export class Store implements Storage {
  /** one process holds an SQLite file: every exercise is its own */
  readonly shared = false;
  private readonly db: DatabaseSync;
  private readonly dir: string;
  private readonly insertExercise: StatementSync;
  private readonly insertGroup: StatementSync;
  /** what SQLite's integrity check found at start-up; empty when the database is whole */
  readonly damage: readonly string[];
  private readonly quarantine = new Map<string, string>();
  private readonly history: HistoryKeeper;
  private readonly thread: WriterThread | null;
  private readonly appendInline: (rows: readonly AppendRow[]) => void;
  private readonly group = new GroupCommit((rows) => this.writeGroup(rows));

  /**
   * Opens (or creates) the database in `dir`; ":memory:" keeps it in memory.
   * Throws a StartupRefusal, leaving the files untouched, when the database cannot be used safely.
   */
  constructor(dir: string, writer: WriterMode = "thread") {
    const opened = openDatabase(dir);
    this.db = opened.db;
    this.dir = dir;
    this.damage = opened.damage;
    this.history = new HistoryKeeper(dir, opened.counts, opened.historyWritten);
    this.appendInline = groupAppender(this.db);
    this.thread =
      writer === "thread" && dir !== ":memory:" ? new WriterThread({ dir, file: join(dir, DB_FILE) }) : null;
    this.insertExercise = this.db.prepare(
      "INSERT INTO exercises (id, title, scenario_id, scenario_json, seed, created_at, codes_json, engine_version, " +
        "group_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    this.insertGroup = this.db.prepare(
      "INSERT INTO groups (id, title, scenario_id, code, created_at) VALUES (?, ?, ?, ?, ?)",
    );
    if (this.damage.length) this.isolateDamage(opened.history.kind === "counts" ? opened.history.counts.exercises : 0);
  }

  /** Whether SQLite's integrity check found damage at start-up. */
  get damaged(): boolean {
    return this.damage.length > 0;
  }

  /** Exercises found damaged (kept on disk, not loaded), with why: for the log, the operator and /api/health. */
  quarantined(): { id: string; reason: string }[] {
    return [...this.quarantine].map(([id, reason]) => ({ id, reason }));
  }

  isQuarantined(id: string): boolean {
    return this.quarantine.has(id);
  }

  /** Sets an exercise aside: it stays in the database and is no longer loaded; said loudly in the log. */
  quarantineExercise(id: string, reason: string): void {
    if (this.quarantine.has(id)) return;
    this.quarantine.set(id, reason);
    console.error(
      `QUARANTINED exercise ${id}: ${reason}. It stays in the database and is not loaded; restore the database from a backup to get it back.`,
    );
  }

  createExercise(row: ExerciseRow): void {
    this.insertExerciseRow(row);
    this.history.add({ exercises: 1 });
  }

  /** Creates a course and all its cells in one transaction: a crash leaves all of it or none. */
  createCourse(g: GroupRow, cells: ExerciseRow[]): void {
    this.transaction(() => {
      this.insertGroup.run(g.id, g.title, g.scenarioId, g.code, g.createdAt);
      for (const row of cells) this.insertExerciseRow(row);
    });
    this.history.add({ groups: 1, exercises: cells.length });
  }

  /** Records an accepted command with the exercise's new status; resolves once it is durable (see GroupCommit). */
  append(exerciseId: string, c: StoredCommand, status: string): Promise<void> {
    return this.group.add(appendRow(exerciseId, c, status));
  }

  /** Commands accepted and not yet durable. */
  get queuedWrites(): number {
    return this.group.queued;
  }

  /** Commits one group in one transaction, then counts it in history.json. Rejects with nothing of it written. */
  async writeGroup(rows: AppendRow[]): Promise<void> {
    if (!this.thread) {
      this.appendInline(rows);
      this.history.add({ commands: rows.length });
      return;
    }
    const historyError = await this.thread.write(rows, this.history.after(rows.length));
    this.history.committed(rows.length, historyError);
  }

  getGroup(id: string): GroupRow | undefined {
    return groupFromRaw(this.db.prepare("SELECT * FROM groups WHERE id = ?").get(id) as RawGroup | undefined);
  }

  groupByCode(code: string): GroupRow | undefined {
    return groupFromRaw(this.db.prepare("SELECT * FROM groups WHERE code = ?").get(code) as RawGroup | undefined);
  }

  /** An exercise's row; undefined for an unknown or quarantined one. Throws when its row cannot be read. */
  getExercise(id: string): ExerciseRow | undefined {
    if (this.quarantine.has(id)) return undefined;
    const raw = this.db.prepare("SELECT * FROM exercises WHERE id = ?").get(id) as ExerciseText | undefined;
    return raw && exerciseFromText(raw);
  }

  /** The exercises that can be read, oldest first; an unreadable row is quarantined, not thrown. */
  listExercises(filter: { unfinished?: boolean; groupId?: string } = {}): ExerciseRow[] {
    let sql = "SELECT * FROM exercises";
    const where: string[] = [];
    const args: string[] = [];
    if (filter.unfinished) where.push("status != 'ended'");
    if (filter.groupId) {
      where.push("group_id = ?");
      args.push(filter.groupId);
    }
    if (where.length) sql += ` WHERE ${where.join(" AND ")}`;
    sql += " ORDER BY created_at, rowid";
    let raws: ExerciseText[];
    try {
      raws = this.db.prepare(sql).all(...args) as unknown as ExerciseText[];
    } catch (err) {
      // a damaged page stops the whole query: read the rows one by one instead
      if (!this.damaged) throw err;
      raws = this.rowsOneByOne().filter(
        (r) => (!filter.unfinished || r.status !== "ended") && (!filter.groupId || r.group_id === filter.groupId),
      );
    }
    return raws.flatMap((raw) => {
      if (this.quarantine.has(raw.id)) return [];
      try {
        return [exerciseFromText(raw)];
      } catch (err) {
        this.quarantineExercise(raw.id, `its exercise row holds broken JSON (${(err as Error).message})`);
        return [];
      }
    });
  }

  /** An exercise's recorded commands, checked: throws if one is missing or its JSON is broken. */
  commands(exerciseId: string): StoredCommand[] {
    const rows = this.db
      .prepare("SELECT * FROM commands WHERE exercise_id = ? ORDER BY seq")
      .all(exerciseId) as unknown as {
      seq: number;
      at: number;
      actor_json: string;
      turn: number;
      phase: string;
      command_json: string;
    }[];
    return rows.map((r, i) => {
      if (r.seq !== i + 1) throw new Error(`command ${i + 1} is missing (the next one stored is ${r.seq})`);
      try {
        return {
          seq: r.seq,
          at: r.at,
          actor: JSON.parse(r.actor_json),
          turn: r.turn,
          phase: r.phase,
          command: JSON.parse(r.command_json),
        };
      } catch (err) {
        throw new Error(`command ${r.seq} holds broken JSON (${(err as Error).message})`);
      }
    });
  }

  /** How many exercises have not ended (quarantined ones do not count: they will not run). */
  countUnfinished(): number {
    const ids = [...this.quarantine.keys()];
    const r = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM exercises WHERE status != 'ended' AND id NOT IN (${ids.map(() => "?").join(",")})`,
      )
      .get(...ids) as { n: number };
    return r.n;
  }

  /** The join codes of a quarantined exercise, if its row still tells them: so its people hear why it will not open. */
  quarantinedCodes(): { id: string; codes: Codes }[] {
    const found: { id: string; codes: Codes }[] = [];
    for (const id of this.quarantine.keys()) {
      try {
        const r = this.db.prepare("SELECT codes_json FROM exercises WHERE id = ?").get(id) as
          { codes_json: string } | undefined;
        if (r) found.push({ id, codes: JSON.parse(r.codes_json) as Codes });
      } catch {
        // its row is beyond reading: its codes are simply unknown
      }
    }
    return found;
  }

  /** Unshared: the hub knows every code from start-up, so the database is never asked. */
  exerciseIdByCode(_code: string): string | undefined {
    return undefined;
  }

  own(_exerciseId: string): boolean {
    return true;
  }

  release(_exerciseId: string): void {}

  /** Closes the writer thread (after the groups it was given) and then this connection, which checkpoints the log. */
  close(): void {
    this.thread?.close();
    this.db.close();
  }

  private insertExerciseRow(row: ExerciseRow): void {
    this.insertExercise.run(
      row.id,
      row.title,
      row.scenarioId,
      JSON.stringify(row.scenario),
      row.seed,
      row.createdAt,
      JSON.stringify(row.codes),
      row.engineVersion,
      row.groupId,
      row.status,
    );
  }

  private transaction(write: () => void): void {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      write();
      this.db.exec("COMMIT");
    } catch (err) {
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw err;
    }
  }

  /** Every row still readable, one at a time, by the ids the database still names. */
  private rowsOneByOne(): ExerciseText[] {
    const get = this.db.prepare("SELECT * FROM exercises WHERE id = ?");
    return [...exerciseIds(this.db).ids].flatMap((id) => {
      if (this.quarantine.has(id)) return [];
      try {
        const raw = get.get(id) as ExerciseText | undefined;
        return raw ? [raw] : [];
      } catch (err) {
        this.quarantineExercise(id, `its exercise row cannot be read (${(err as Error).message})`);
        return [];
      }
    });
  }

  /** After a failed integrity check: quarantines every exercise whose row or commands cannot be read whole. */
  private isolateDamage(recordedExercises: number): void {
    const { ids, problems } = exerciseIds(this.db);
    for (const p of problems)
      console.error(`DAMAGED STORAGE: not every exercise could be listed (${p}); unlisted ones cannot be loaded.`);
    const inTable = tableSeqs(this.db);
    let readable = 0;
    for (const id of ids) {
      const why = this.whyUnreadable(id, inTable.get(id) ?? 0);
      if (why) this.quarantineExercise(id, why);
      else readable++;
    }
    if (readable === 0 && (this.quarantine.size > 0 || recordedExercises > 0)) {
      this.db.close();
      throw new StartupRefusal(
        `The database in ${this.dir} is damaged and none of its exercises can be read (see the log above). ` +
          `The server will not start empty over it. Restore it from a backup.`,
      );
    }
    console.error(
      `DAMAGED STORAGE: ${plural(readable, "exercise")} can be read and will start; ${this.quarantine.size} quarantined.`,
    );
  }

  private whyUnreadable(id: string, seqInTable: number): string | null {
    try {
      if (!this.getExercise(id)) return "its exercise row is missing (only its commands were found)";
    } catch (err) {
      return `its exercise row cannot be read (${(err as Error).message})`;
    }
    try {
      const n = this.commands(id).length;
      if (n < seqInTable) return `${seqInTable - n} of its commands are missing from the database's index`;
    } catch (err) {
      return `its commands cannot be read (${(err as Error).message})`;
    }
    return null;
  }
}

interface RawGroup {
  id: string;
  title: string;
  scenario_id: string;
  code: string;
  created_at: number;
}

function groupFromRaw(r: RawGroup | undefined): GroupRow | undefined {
  return r && { id: r.id, title: r.title, scenarioId: r.scenario_id, code: r.code, createdAt: r.created_at };
}
