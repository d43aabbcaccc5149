// How a process takes over the exercises of one that stopped, at the storage level: it hears of each once,
// a few each heartbeat (so survivors share them and none stalls replaying them all), and holds their locks.
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { PgStore } from "../../server/storage/pg-store.ts";
import { clusterAvailable, startPostgres, type Service } from "./services.ts";

const bin = clusterAvailable(["initdb", "pg_ctl"]);
let srv: Service | undefined;
afterAll(async () => srv?.stop());

describe.runIf(bin)("taking over from a stopped process", () => {
  it("takes its exercises a few at a time, each once, and then owns them", async () => {
    srv = await startPostgres(bin!);
    const gone = new PgStore({ url: srv.url, beatMs: 60_000 });
    gone.close();
    const db = new pg.Client({ connectionString: srv.url });
    await db.connect();
    // 60 exercises whose owner stopped without letting go (its rows stay, its locks went with its connection)
    await db.query("INSERT INTO owners SELECT 'ex-' || g, 'a-stopped-node' FROM generate_series(1, 60) g");
    const survivor = new PgStore({ url: srv.url, beatMs: 150 });
    const heard: string[][] = [];
    survivor.onTakeover = (ids) => heard.push(ids);
    await expect.poll(() => heard.flat().length, { timeout: 10_000 }).toBe(60);
    expect(Math.max(...heard.map((ids) => ids.length))).toBeLessThanOrEqual(25);
    expect(heard.length).toBeGreaterThanOrEqual(3);
    expect(new Set(heard.flat()).size).toBe(60);
    const other = new PgStore({ url: srv.url, beatMs: 60_000 });
    expect(other.own("ex-7")).toBe(false);
    expect(survivor.own("ex-7")).toBe(true);
    const rows = await db.query("SELECT count(*)::int AS n FROM owners WHERE node_id = $1", [survivor.nodeId]);
    expect((rows.rows[0] as { n: number }).n).toBe(60);
    other.close();
    survivor.close();
    await db.end();
  });
});
