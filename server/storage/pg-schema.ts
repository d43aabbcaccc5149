// PostgreSQL's layout for several processes sharing one database: the same
// exercises, courses and commands as SQLite's, plus the join codes (looked up by
// every process), the processes alive (nodes) and who owns which exercise.
export const PG_SCHEMA_VERSION = 1;

/** Created under a transaction-scoped advisory lock, so processes starting together do not collide. */
export const PG_SCHEMA = `
  CREATE TABLE IF NOT EXISTS deconflict_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS exercises (
    id TEXT PRIMARY KEY,
    ord BIGSERIAL,
    title TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    scenario_json TEXT NOT NULL,
    seed TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    codes_json TEXT NOT NULL,
    engine_version TEXT NOT NULL,
    group_id TEXT,
    status TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS exercises_by_group ON exercises(group_id);
  CREATE INDEX IF NOT EXISTS exercises_by_status ON exercises(status);
  CREATE TABLE IF NOT EXISTS groups (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    code TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS groups_by_code ON groups(code);
  CREATE TABLE IF NOT EXISTS commands (
    exercise_id TEXT NOT NULL REFERENCES exercises(id),
    seq INTEGER NOT NULL,
    at BIGINT NOT NULL,
    actor_json TEXT NOT NULL,
    turn INTEGER NOT NULL,
    phase TEXT NOT NULL,
    command_json TEXT NOT NULL,
    PRIMARY KEY (exercise_id, seq)
  );
  CREATE TABLE IF NOT EXISTS codes (code TEXT PRIMARY KEY, exercise_id TEXT NOT NULL REFERENCES exercises(id));
  CREATE TABLE IF NOT EXISTS nodes (
    node_id TEXT PRIMARY KEY,
    process_id TEXT,
    seen TIMESTAMPTZ NOT NULL
  );
  CREATE TABLE IF NOT EXISTS owners (exercise_id TEXT PRIMARY KEY, node_id TEXT NOT NULL);`;

/** The advisory lock key of an exercise: 64 bits of its id's md5, so two exercises practically never share one. */
export const LOCK_KEY = (param: string) => `('x' || substr(md5(${param}), 1, 16))::bit(64)::bigint`;

/** The transaction-level lock that serialises schema creation (an arbitrary constant). */
export const SCHEMA_LOCK = 4_261_730_519;
