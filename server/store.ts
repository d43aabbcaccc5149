// Durable storage in an embedded SQLite database (node:sqlite, no native build):
// one row per exercise, one row per accepted command, written before the
// command is acknowledged.
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { StoredCommand } from "../shared/protocol/recording.ts";
import type { Codes } from "./codes.ts";

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

interface Raw {
  id: string;
  title: string;
  scenario_id: string;
  scenario_json: string;
  seed: string;
  created_at: number;
  codes_json: string;
  engine_version: string;
  group_id: string | null;
  status: string;
}

export class Store {
  private readonly db: DatabaseSync;
  private readonly insertCommand: StatementSync;
  private readonly updateStatus: StatementSync;

  /** Opens (or creates) the database in `dir`; ":memory:" keeps it in memory. */
  constructor(dir: string) {
    let file = ":memory:";
    if (dir !== ":memory:") {
      mkdirSync(dir, { recursive: true });
      file = join(dir, "deconflict.sqlite");
    }
    this.db = new DatabaseSync(file);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
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
      );
    `);
    this.insertCommand = this.db.prepare(
      "INSERT INTO commands (exercise_id, seq, at, actor_json, turn, phase, command_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    this.updateStatus = this.db.prepare("UPDATE exercises SET status = ? WHERE id = ?");
  }

  createExercise(row: ExerciseRow): void {
    this.db
      .prepare(
        "INSERT INTO exercises (id, title, scenario_id, scenario_json, seed, created_at, codes_json, engine_version, group_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(row.id, row.title, row.scenarioId, JSON.stringify(row.scenario), row.seed, row.createdAt, JSON.stringify(row.codes), row.engineVersion, row.groupId, row.status);
  }

  /** Appends an accepted command and the exercise's new status in one transaction. */
  appendCommand(exerciseId: string, c: StoredCommand, status: string): void {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      this.insertCommand.run(exerciseId, c.seq, c.at, JSON.stringify(c.actor), c.turn, c.phase, JSON.stringify(c.command));
      this.updateStatus.run(status, exerciseId);
      this.db.exec("COMMIT");
    } catch (err) {
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw err;
    }
  }

  createGroup(g: GroupRow): void {
    this.db.prepare("INSERT INTO groups (id, title, scenario_id, code, created_at) VALUES (?, ?, ?, ?, ?)").run(g.id, g.title, g.scenarioId, g.code, g.createdAt);
  }

  getGroup(id: string): GroupRow | undefined {
    return groupFromRaw(this.db.prepare("SELECT * FROM groups WHERE id = ?").get(id) as RawGroup | undefined);
  }

  groupByCode(code: string): GroupRow | undefined {
    return groupFromRaw(this.db.prepare("SELECT * FROM groups WHERE code = ?").get(code) as RawGroup | undefined);
  }

  getExercise(id: string): ExerciseRow | undefined {
    const raw = this.db.prepare("SELECT * FROM exercises WHERE id = ?").get(id) as Raw | undefined;
    return raw && fromRaw(raw);
  }

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
    return (this.db.prepare(sql).all(...args) as unknown as Raw[]).map(fromRaw);
  }

  commands(exerciseId: string): StoredCommand[] {
    const rows = this.db.prepare("SELECT * FROM commands WHERE exercise_id = ? ORDER BY seq").all(exerciseId) as unknown as {
      seq: number;
      at: number;
      actor_json: string;
      turn: number;
      phase: string;
      command_json: string;
    }[];
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: JSON.parse(r.actor_json),
      turn: r.turn,
      phase: r.phase,
      command: JSON.parse(r.command_json),
    }));
  }

  close(): void {
    this.db.close();
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

function fromRaw(r: Raw): ExerciseRow {
  return {
    id: r.id,
    title: r.title,
    scenarioId: r.scenario_id,
    scenario: JSON.parse(r.scenario_json),
    seed: r.seed,
    createdAt: r.created_at,
    codes: JSON.parse(r.codes_json),
    engineVersion: r.engine_version,
    groupId: r.group_id,
    status: r.status,
  };
}
