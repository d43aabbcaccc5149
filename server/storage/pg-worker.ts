// The PostgreSQL storage's thread: one connection, which holds this process's
// owner locks (session advisory locks, released by PostgreSQL when the
// connection ends), beats the process's heartbeat, ends the connections of
// processes that stopped beating, and takes their exercises over. Requests come
// synchronously (syncPort, answered before the main thread goes on) or not
// (parentPort: appends); one runs at a time.
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import pg from "pg";
import * as q from "./pg-queries.ts";
import { LOCK_KEY, PG_SCHEMA, PG_SCHEMA_VERSION, SCHEMA_LOCK } from "./pg-schema.ts";
import type { PgEvent, PgRequest, PgWorkerData, SyncReply } from "./pg-protocol.ts";

const data = workerData as PgWorkerData;
const flag = new Int32Array(data.flag);
const port = parentPort!;
const syncPort: MessagePort = data.syncPort;
// counts and times come back as numbers (JavaScript's are exact far beyond these)
pg.types.setTypeParser(20, Number);
const db = new pg.Client({ connectionString: data.url, application_name: `deconflict-${data.nodeId}` });
const owned = new Set<string>();
let lost: string | null = null;
let chain: Promise<unknown> = Promise.resolve();
let timer: NodeJS.Timeout | null = null;
/** Exercises one process takes over in one beat at most. */
const TAKE_PER_BEAT = 25;

/** Runs one request after the others: a transaction never interleaves with another request's queries. */
function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = chain.then(() => {
    if (lost) throw new Error(lost);
    return work();
  });
  chain = next.catch(() => undefined);
  return next;
}

function loseAll(why: string): void {
  if (lost) return;
  lost = `this process lost its database connection, and with it the exercises it owned (${why}); it writes no more`;
  if (timer) clearInterval(timer);
  port.postMessage({ kind: "lost", why } satisfies PgEvent);
}

db.on("error", (err) => loseAll(err.message));
db.on("end", () => loseAll("the connection ended"));

async function start(): Promise<void> {
  await db.connect();
  await db.query("BEGIN");
  await db.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`);
  await db.query(PG_SCHEMA);
  const v = await db.query("SELECT value FROM deconflict_meta WHERE key = 'schema_version'");
  const found = Number((v.rows[0] as { value: string } | undefined)?.value ?? PG_SCHEMA_VERSION);
  if (found > PG_SCHEMA_VERSION) {
    await db.query("ROLLBACK");
    throw new Error(
      `the database has schema version ${found}, and this Deconflict knows versions up to ${PG_SCHEMA_VERSION}: ` +
        "it was written by a newer Deconflict",
    );
  }
  await db.query(
    "INSERT INTO deconflict_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO NOTHING",
    [String(PG_SCHEMA_VERSION)],
  );
  await db.query("COMMIT");
  await db.query("INSERT INTO nodes (node_id, seen) VALUES ($1, now())", [data.nodeId]);
  timer = setInterval(() => void serial(beat).catch((err: Error) => loseAll(err.message)), data.beatMs);
}

/** The heartbeat, the reaper and the takeover, once a beat. */
async function beat(): Promise<void> {
  const mine = await db.query("UPDATE nodes SET seen = now() WHERE node_id = $1", [data.nodeId]);
  // another process found this one silent and ended it: whatever it held may already be someone else's
  if (mine.rowCount === 0) return loseAll("another process found it silent for too long");
  const stale = await db.query(
    "DELETE FROM nodes WHERE node_id <> $1 AND seen < now() - $2 * interval '1 millisecond' RETURNING node_id",
    [data.nodeId, data.deadAfterMs],
  );
  const names = stale.rows.map((r) => `deconflict-${(r as { node_id: string }).node_id}`);
  if (names.length)
    await db.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name IN (SELECT unnest($1::text[]))",
      [names],
    );
  // a few a beat, in random order: the survivors share a stopped process's exercises, and none stalls replaying them all
  const taken = await db.query(
    "SELECT exercise_id, node_id FROM (SELECT exercise_id, node_id FROM owners WHERE node_id <> $1 " +
      `ORDER BY random() OFFSET 0) o WHERE pg_try_advisory_lock(${LOCK_KEY("exercise_id")}) LIMIT ${TAKE_PER_BEAT}`,
    [data.nodeId],
  );
  const ids: string[] = [];
  for (const r of taken.rows as { exercise_id: string; node_id: string }[]) {
    // released cleanly in the meantime (its row went before its lock): not a takeover
    const moved = await db.query("UPDATE owners SET node_id = $1 WHERE exercise_id = $2 AND node_id = $3", [
      data.nodeId,
      r.exercise_id,
      r.node_id,
    ]);
    if (moved.rowCount === 1) {
      owned.add(r.exercise_id);
      ids.push(r.exercise_id);
    } else await db.query(`SELECT pg_advisory_unlock(${LOCK_KEY("$1")})`, [r.exercise_id]);
  }
  if (ids.length) port.postMessage({ kind: "takeover", ids } satisfies PgEvent);
}

/** Takes the exercise if its lock is free; "taken" when a process that stopped still had it (then it is a takeover). */
async function own(id: string): Promise<"owned" | "taken" | "refused"> {
  if (owned.has(id)) return "owned";
  const r = await db.query(`SELECT pg_try_advisory_lock(${LOCK_KEY("$1")}) AS ok`, [id]);
  if (!(r.rows[0] as { ok: boolean }).ok) return "refused";
  const before = await db.query("SELECT node_id FROM owners WHERE exercise_id = $1", [id]);
  await db.query(
    "INSERT INTO owners (exercise_id, node_id) VALUES ($1, $2) ON CONFLICT (exercise_id) DO UPDATE SET node_id = $2",
    [id, data.nodeId],
  );
  owned.add(id);
  return before.rowCount ? "taken" : "owned";
}

async function release(id: string): Promise<void> {
  if (!owned.delete(id)) return;
  await db.query("DELETE FROM owners WHERE exercise_id = $1 AND node_id = $2", [id, data.nodeId]);
  await db.query(`SELECT pg_advisory_unlock(${LOCK_KEY("$1")})`, [id]);
}

async function run(r: PgRequest): Promise<unknown> {
  switch (r.op) {
    case "start":
      return start();
    case "createExercise":
      return tx(() => q.insertExercise(db, r.row));
    case "createCourse":
      return tx(async () => {
        await q.insertGroup(db, r.group);
        for (const row of r.cells) await q.insertExercise(db, row);
      });
    case "getGroup":
      return q.getGroup(db, r.by, r.value);
    case "getExercise":
      return q.getExercise(db, r.id);
    case "listExercises":
      return q.listExercises(db, r.filter);
    case "commands":
      return q.commands(db, r.id);
    case "countUnfinished":
      return q.countUnfinished(db, r.except);
    case "exerciseIdByCode":
      return q.exerciseIdByCode(db, r.code);
    case "own":
      return own(r.id);
    case "release":
      return release(r.id);
    case "ownerOf":
      return ownerOf(r.id);
    case "setProcessId":
      await db.query("UPDATE nodes SET process_id = $1 WHERE node_id = $2", [r.processId, data.nodeId]);
      return undefined;
    case "append": {
      const stranger = r.rows.find((row) => !owned.has(row.exerciseId));
      if (stranger) throw new Error(`this process does not own exercise ${stranger.exerciseId}`);
      return q.appendGroup(db, r.rows);
    }
    case "close":
      if (timer) clearInterval(timer);
      lost = "the storage is closed";
      await db.query("DELETE FROM nodes WHERE node_id = $1", [data.nodeId]).catch(() => undefined);
      await db.end();
      return undefined;
  }
}

/** The process that owns an exercise now (its Colyseus process id), if one does and it is alive. */
async function ownerOf(id: string): Promise<string | null> {
  const r = await db.query(
    "SELECT n.process_id FROM owners o JOIN nodes n ON n.node_id = o.node_id WHERE o.exercise_id = $1 " +
      "AND n.seen > now() - $2 * interval '1 millisecond' AND EXISTS (SELECT 1 FROM pg_locks l " +
      "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 " +
      `AND l.classid::bigint = ((${LOCK_KEY("$1")} >> 32) & 4294967295) ` +
      `AND l.objid::bigint = (${LOCK_KEY("$1")} & 4294967295))`,
    [id, data.deadAfterMs],
  );
  return (r.rows[0] as { process_id: string | null } | undefined)?.process_id ?? null;
}

async function tx(work: () => Promise<void>): Promise<void> {
  await db.query("BEGIN");
  try {
    await work();
    await db.query("COMMIT");
  } catch (err) {
    await db.query("ROLLBACK").catch(() => undefined);
    throw err;
  }
}

/** Posts the answer; a value that cannot be sent is answered as an error rather than never. */
function answer(to: MessagePort, work: Promise<unknown>, wrap: (reply: SyncReply) => unknown): Promise<void> {
  return work.then(
    (value) => {
      try {
        to.postMessage(wrap({ ok: true, value }));
      } catch (err) {
        to.postMessage(wrap({ ok: false, error: `the answer could not be sent (${(err as Error).message})` }));
      }
    },
    (err: Error) => void to.postMessage(wrap({ ok: false, error: err.message })),
  );
}

syncPort.on("message", (r: PgRequest) => {
  void answer(
    syncPort,
    serial(() => run(r)),
    (reply) => reply,
  ).finally(() => {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
});

port.on("message", (m: { id: number; request: PgRequest }) => {
  void answer(
    port as unknown as MessagePort,
    serial(() => run(m.request)),
    (reply) => ({ kind: "reply", id: m.id, ...reply }),
  );
});
