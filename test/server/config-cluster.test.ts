// The cluster's variables are checked at start-up, each wrong one named with what to do.
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../server/config.ts";
import { freePort, startRefused } from "./server-process.ts";

const KEY = "ab".repeat(32);

describe("cluster configuration", () => {
  it("without new variables: one process, SQLite, no Redis", () => {
    const c = loadConfig({});
    expect([c.databaseUrl, c.redisUrl, c.publicAddress, c.sealKey, c.metricsToken]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("names what is missing or malformed", () => {
    expect(() => loadConfig({ REDIS_URL: "redis://r:6379" })).toThrow(/REDIS_URL: several processes cannot share/);
    expect(() => loadConfig({ REDIS_URL: "redis://r", DATABASE_URL: "postgres://d/x", SEAL_KEY: KEY })).toThrow(
      /PUBLIC_ADDRESS: with REDIS_URL, each process needs/,
    );
    expect(() => loadConfig({ DATABASE_URL: "postgres://d/x" })).toThrow(/SEAL_KEY: with DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: "postgres://d/x", SEAL_KEY: "xyz" })).toThrow(
      /SEAL_KEY: at least 32 hexadecimal/,
    );
    expect(() => loadConfig({ DATABASE_URL: "mysql://d/x", SEAL_KEY: KEY })).toThrow(
      /DATABASE_URL must start with postgres/,
    );
    expect(() => loadConfig({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN must have at least 16/);
  });

  it("a variable set to nothing counts as unset, as compose passes them", () => {
    expect(loadConfig({ CREATE_CODE: "", METRICS_TOKEN: "", PUBLIC_URL: "" })).toMatchObject({
      createCode: undefined,
      metricsToken: undefined,
      publicUrl: undefined,
    });
  });

  it("takes a whole cluster's settings", () => {
    const c = loadConfig({
      DATABASE_URL: "postgres://d/x",
      REDIS_URL: "redis://r:6379",
      PUBLIC_ADDRESS: "example.org/p1",
      SEAL_KEY: KEY,
      OWNER_TIMEOUT_SECONDS: "8",
    });
    expect(c).toMatchObject({ publicAddress: "example.org/p1", sealKey: KEY, ownerTimeoutSeconds: 8 });
  });

  it("a database that cannot be reached: the server refuses to start and says what to check, without the password", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deconflict-nodb-"));
    const port = await freePort();
    const r = await startRefused(dir, await freePort(), {
      DATABASE_URL: `postgres://deconflict:secret-password@127.0.0.1:${port}/deconflict`,
      SEAL_KEY: KEY,
    });
    expect(r.code).toBe(1);
    expect(r.output).toContain("The PostgreSQL database at DATABASE_URL cannot be used");
    expect(r.output).toContain("Check the address");
    expect(r.output).not.toContain("secret-password");
  });
});
