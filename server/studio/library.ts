// The studio's scenario library: saved scenarios with every version kept, in studio.sqlite in DATA_DIR.
// Nothing is overwritten: each save adds a version, and a restore adds a copy of an old one as the newest.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { parseScenario } from "../../shared/scenario/parse.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { StartupRefusal } from "../startup-refusal.ts";
import { LIBRARY_FILE, migrateLibrary } from "./library-schema.ts";

export interface VersionInfo {
  version: number;
  savedAt: number;
  note: string | null;
  /** the version this one copies, when it was made by a restore */
  restoredFrom: number | null;
}

export interface SavedVersion extends VersionInfo {
  id: string;
  /** the scenario exactly as it was saved (not the parsed form with defaults filled in) */
  source: unknown;
}

interface Row {
  scenario_id: string;
  version: number;
  saved_at: number;
  note: string | null;
  restored_from: number | null;
  scenario_json: string;
}

/** Saved scenarios; the catalogue asks it for each id's newest version. */
export class Library {
  private readonly db: DatabaseSync;
  /** each id's newest version, parsed, for the catalogue (a row that no longer parses is left out) */
  private readonly newest = new Map<string, { version: number; savedAt: number; scenario: Scenario }>();
  private readonly insert: StatementSync;

  constructor(dataDir: string) {
    const file = dataDir === ":memory:" ? ":memory:" : join(dataDir, LIBRARY_FILE);
    if (file !== ":memory:") mkdirSync(dataDir, { recursive: true });
    this.db = new DatabaseSync(file, { timeout: 5000 });
    try {
      // WAL with synchronous FULL: a save is on disk when its transaction commits
      if (file !== ":memory:") this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
      migrateLibrary(this.db, file);
    } catch (err) {
      this.db.close();
      if (err instanceof StartupRefusal) throw err;
      throw new StartupRefusal(`The studio's database ${file} cannot be opened (${(err as Error).message}).`);
    }
    this.insert = this.db.prepare(
      "INSERT INTO scenario_versions (scenario_id, version, saved_at, note, restored_from, scenario_json) VALUES (?, ?, ?, ?, ?, ?)",
    );
    const rows = this.db
      .prepare(
        "SELECT v.* FROM scenario_versions v JOIN (SELECT scenario_id, MAX(version) AS top FROM scenario_versions " +
          "GROUP BY scenario_id) t ON v.scenario_id = t.scenario_id AND v.version = t.top",
      )
      .all() as unknown as Row[];
    for (const row of rows) this.remember(row);
  }

  /** Ids with a saved version, and each one's newest scenario (parsed). */
  ids(): string[] {
    return [...this.newest.keys()].sort();
  }

  newestScenario(id: string): Scenario | undefined {
    return this.newest.get(id)?.scenario;
  }

  has(id: string): boolean {
    return this.versions(id).length > 0;
  }

  /** Every saved id with its newest version's details, for the studio's list. */
  summaries(): { id: string; version: number; savedAt: number; scenario: Scenario }[] {
    return this.ids().map((id) => ({ id, ...this.newest.get(id)! }));
  }

  /** Newest first. */
  versions(id: string): VersionInfo[] {
    const rows = this.db
      .prepare(
        "SELECT version, saved_at, note, restored_from FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC",
      )
      .all(id) as unknown as Row[];
    return rows.map((r) => ({ version: r.version, savedAt: r.saved_at, note: r.note, restoredFrom: r.restored_from }));
  }

  /** One version (the newest when none is named), or undefined. */
  get(id: string, version?: number): SavedVersion | undefined {
    const row = (
      version === undefined
        ? this.db.prepare("SELECT * FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC LIMIT 1").get(id)
        : this.db.prepare("SELECT * FROM scenario_versions WHERE scenario_id = ? AND version = ?").get(id, version)
    ) as Row | undefined;
    if (!row) return undefined;
    return {
      id: row.scenario_id,
      version: row.version,
      savedAt: row.saved_at,
      note: row.note,
      restoredFrom: row.restored_from,
      source: JSON.parse(row.scenario_json) as unknown,
    };
  }

  /** Adds a version; the caller has validated the scenario. Durable when it returns. */
  save(id: string, source: unknown, at: number, note: string | null, restoredFrom: number | null = null): VersionInfo {
    const json = JSON.stringify(source);
    this.db.exec("BEGIN IMMEDIATE");
    let version: number;
    try {
      const top = this.db
        .prepare("SELECT MAX(version) AS top FROM scenario_versions WHERE scenario_id = ?")
        .get(id) as {
        top: number | null;
      };
      version = (top.top ?? 0) + 1;
      this.insert.run(id, version, at, note, restoredFrom, json);
      this.db.exec("COMMIT");
    } catch (err) {
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw err;
    }
    this.remember({ scenario_id: id, version, saved_at: at, note, restored_from: restoredFrom, scenario_json: json });
    return { version, savedAt: at, note, restoredFrom };
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  private remember(row: Row): void {
    const parsed = parseScenario(JSON.parse(row.scenario_json));
    if (parsed.ok)
      this.newest.set(row.scenario_id, { version: row.version, savedAt: row.saved_at, scenario: parsed.scenario });
    else {
      this.newest.delete(row.scenario_id);
      console.warn(
        `Saved scenario ${row.scenario_id} (version ${row.version}) no longer validates and is not offered.`,
      );
    }
  }
}
