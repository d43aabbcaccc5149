// The reads and writes of the PostgreSQL storage, run on its worker thread
// (pg-worker.ts) over the one connection that also holds the owner's locks.
import type { ExerciseText } from "./rows.ts";
import type pg from "pg";
import type { ExerciseRow, GroupRow } from "../store.ts";
import type { AppendRow } from "../store-append.ts";
import type { ListFilter } from "./types.ts";
import { displayCode } from "../codes.ts";

export interface RawCommand {
  seq: number;
  at: number;
  actor_json: string;
  turn: number;
  phase: string;
  command_json: string;
}

/** Rows as the database holds them: JSON stays text here, parsed on the main thread where damage is judged. */
export type { ExerciseText };

export async function insertExercise(db: pg.Client, r: ExerciseRow): Promise<void> {
  await db.query(
    "INSERT INTO exercises (id, title, scenario_id, scenario_json, seed, created_at, codes_json, engine_version, " +
      "group_id, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    [
      r.id,
      r.title,
      r.scenarioId,
      JSON.stringify(r.scenario),
      r.seed,
      r.createdAt,
      JSON.stringify(r.codes),
      r.engineVersion,
      r.groupId,
      r.status,
    ],
  );
  const c = r.codes;
  const codes = [
    c.facilitator,
    c.observer,
    displayCode(c),
    ...(c.mediator ? [c.mediator] : []),
    ...Object.values(c.teams),
  ];
  await db.query("INSERT INTO codes (code, exercise_id) SELECT unnest($1::text[]), $2", [codes, r.id]);
}

export async function insertGroup(db: pg.Client, g: GroupRow): Promise<void> {
  await db.query("INSERT INTO groups (id, title, scenario_id, code, created_at) VALUES ($1, $2, $3, $4, $5)", [
    g.id,
    g.title,
    g.scenarioId,
    g.code,
    g.createdAt,
  ]);
}

export async function getGroup(db: pg.Client, by: "id" | "code", value: string): Promise<GroupRow | undefined> {
  const r = await db.query(`SELECT * FROM groups WHERE ${by} = $1 LIMIT 1`, [value]);
  const g = r.rows[0] as
    { id: string; title: string; scenario_id: string; code: string; created_at: number } | undefined;
  return g && { id: g.id, title: g.title, scenarioId: g.scenario_id, code: g.code, createdAt: g.created_at };
}

export async function getExercise(db: pg.Client, id: string): Promise<ExerciseText | undefined> {
  const r = await db.query("SELECT * FROM exercises WHERE id = $1", [id]);
  return r.rows[0] as ExerciseText | undefined;
}

export async function listExercises(db: pg.Client, f: ListFilter): Promise<ExerciseText[]> {
  const where: string[] = [];
  const args: string[] = [];
  if (f.unfinished) where.push("status <> 'ended'");
  if (f.groupId) {
    args.push(f.groupId);
    where.push(`group_id = $${args.length}`);
  }
  const sql = `SELECT * FROM exercises${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at, ord`;
  return (await db.query(sql, args)).rows as ExerciseText[];
}

export async function commands(db: pg.Client, id: string): Promise<RawCommand[]> {
  const r = await db.query(
    "SELECT seq, at, actor_json, turn, phase, command_json FROM commands WHERE exercise_id = $1 ORDER BY seq",
    [id],
  );
  return r.rows as RawCommand[];
}

export async function countUnfinished(db: pg.Client, except: string[]): Promise<number> {
  const r = await db.query(
    "SELECT count(*)::int AS n FROM exercises WHERE status <> 'ended' AND id <> ALL($1::text[])",
    [except],
  );
  return (r.rows[0] as { n: number }).n;
}

export async function exerciseIdByCode(db: pg.Client, code: string): Promise<string | undefined> {
  const r = await db.query("SELECT exercise_id FROM codes WHERE code = $1", [code]);
  return (r.rows[0] as { exercise_id: string } | undefined)?.exercise_id;
}

/** One group in one statement (so one round trip and one transaction): every command row, then each exercise's last status. */
export async function appendGroup(db: pg.Client, rows: readonly AppendRow[]): Promise<void> {
  const last = new Map<string, string>();
  for (const r of rows) last.set(r.exerciseId, r.status);
  // a data-modifying WITH runs whole whether or not the main statement reads it; a refused row refuses it all
  await db.query(
    "WITH added AS (INSERT INTO commands (exercise_id, seq, at, actor_json, turn, phase, command_json) SELECT * FROM " +
      "unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::int[], $6::text[], $7::text[])) " +
      "UPDATE exercises e SET status = u.s FROM unnest($8::text[], $9::text[]) AS u(id, s) " +
      "WHERE e.id = u.id AND e.status <> u.s",
    [
      rows.map((r) => r.exerciseId),
      rows.map((r) => r.seq),
      rows.map((r) => r.at),
      rows.map((r) => r.actor),
      rows.map((r) => r.turn),
      rows.map((r) => r.phase),
      rows.map((r) => r.command),
      [...last.keys()],
      [...last.values()],
    ],
  );
}
