// The storage suite against SQLite (the default: one process, a file in DATA_DIR).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Store } from "../../server/store.ts";
import { storageSuite } from "./storage-suite.ts";

storageSuite("SQLite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "deconflict-suite-"));
  return {
    open: () => new Store(dir),
    stop: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
