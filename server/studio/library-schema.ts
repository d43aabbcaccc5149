// The studio's own database (studio.sqlite in DATA_DIR): its layout and version (PRAGMA user_version).
// A newer or foreign file is refused by name, as server/store-schema.ts does for the exercises' database.
import type { DatabaseSync } from "node:sqlite";
import { StartupRefusal } from "../startup-refusal.ts";

/** 1: saved scenarios, one row per version, never updated. */
export const LIBRARY_SCHEMA_VERSION = 1;

export const LIBRARY_FILE = "studio.sqlite";

const V1 = `
  CREATE TABLE IF NOT EXISTS scenario_versions (
    scenario_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    saved_at INTEGER NOT NULL,
    note TEXT,
    restored_from INTEGER,
    scenario_json TEXT NOT NULL,
    PRIMARY KEY (scenario_id, version)
  );`;

/** Brings a new file to the current layout; refuses a newer one, or one some other program wrote. */
export function migrateLibrary(db: DatabaseSync, file: string): void {
  const version = (db.prepare("PRAGMA user_version").get() as { user_version: number }).user_version;
  if (version > LIBRARY_SCHEMA_VERSION || version < 0)
    throw new StartupRefusal(
      `The studio's database ${file} has schema version ${version}, and this Deconflict knows versions 0 to ` +
        `${LIBRARY_SCHEMA_VERSION}: it was written by ${version > 0 ? "a newer Deconflict" : "another program"}. ` +
        `Run the Deconflict that wrote it, or restore a backup made by this one.`,
    );
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map(
    (t) => t.name,
  );
  if (tables.length > 0 && !tables.includes("scenario_versions"))
    throw new StartupRefusal(
      `The file ${file} is not the studio's database (it holds the tables ${tables.slice(0, 5).join(", ")}). ` +
        `Move it away from DATA_DIR, or point DATA_DIR at Deconflict's data directory.`,
    );
  if (version === LIBRARY_SCHEMA_VERSION) return;
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(V1);
    db.exec(`PRAGMA user_version = ${LIBRARY_SCHEMA_VERSION}`);
    db.exec("COMMIT");
  } catch (err) {
    if (db.isTransaction) db.exec("ROLLBACK");
    throw new StartupRefusal(`The studio's database ${file} could not be set up (${(err as Error).message}).`);
  }
}
