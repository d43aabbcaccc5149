// The storage suite against PostgreSQL (DATABASE_URL), on a server started on loopback for the test.
import { describe, it } from "vitest";
import { PgStore } from "../../server/storage/pg-store.ts";
import { storageSuite } from "../server/storage-suite.ts";
import { clusterAvailable, startPostgres } from "./services.ts";

const bin = clusterAvailable(["initdb", "pg_ctl"]);
if (bin)
  storageSuite("PostgreSQL", async () => {
    const pg = await startPostgres(bin);
    return { open: () => new PgStore({ url: pg.url }), stop: () => pg.stop() };
  });
else describe.skip("storage: PostgreSQL (postgresql is not installed)", () => it("skipped", () => undefined));
