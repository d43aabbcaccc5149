// A process stopped on purpose (SIGTERM, as in a rolling restart) hands its exercises to the others:
// they take them over at once, paused, with every command, as after a crash.
import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { Participant, createExercise } from "../helpers/server.ts";
import { clusterAvailable, freePort, startPostgres, stopChild, waitForPort, type Service } from "./services.ts";

const bin = clusterAvailable(["initdb", "pg_ctl"]);
const MAIN = fileURLToPath(new URL("../../server/main.ts", import.meta.url));
const children: ChildProcess[] = [];
let db: Service | undefined;
afterAll(async () => {
  for (const c of children) await stopChild(c);
  await db?.stop();
});

async function start(url: string, key: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: mkdtempSync(join(tmpdir(), "deconflict-handoff-")),
      CLIENT_DIR: join(tmpdir(), "no-client-here"),
      DATABASE_URL: url,
      SEAL_KEY: key,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  await waitForPort(port, 30_000);
  return { child, url: `http://127.0.0.1:${port}`, output: () => out };
}

async function last(url: string, exerciseId: string): Promise<{ type: string; owner: string | null }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const cmd = await c.query("SELECT command_json FROM commands WHERE exercise_id = $1 ORDER BY seq DESC LIMIT 1", [
      exerciseId,
    ]);
    const own = await c.query("SELECT node_id FROM owners WHERE exercise_id = $1", [exerciseId]);
    const type = JSON.parse((cmd.rows[0] as { command_json: string }).command_json).type as string;
    return { type, owner: (own.rows[0] as { node_id: string } | undefined)?.node_id ?? null };
  } finally {
    await c.end();
  }
}

describe.runIf(bin)("a process stopped on purpose", () => {
  it("hands its running exercise to another process, which pauses it", async () => {
    db = await startPostgres(bin!);
    const key = randomBytes(32).toString("hex");
    const x = await start(db.url, key);
    const y = await start(db.url, key);
    const ex = await createExercise(x.url, "tutorial", "handoff");
    const control = await Participant.join(x.url, ex.roomId, ex.codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });
    const before = await last(db.url, ex.exerciseId);
    expect(before.type).toBe("exercise.start");
    await control.leave();
    x.child.kill("SIGTERM");
    await expect
      .poll(async () => (await last(db!.url, ex.exerciseId)).type, { timeout: 10_000 })
      .toBe("exercise.pause");
    expect((await last(db.url, ex.exerciseId)).owner).not.toBe(before.owner);
    expect(y.output()).toContain(`Took over exercise ${ex.exerciseId}`);
    // and it is played on there, with the same code
    const again = await Participant.join(y.url, ex.roomId, ex.codes.facilitator, "Carla");
    expect(again.view.exercise.status).toBe("paused");
    await again.command({ type: "exercise.resume" });
    await again.leave();
  });
});
