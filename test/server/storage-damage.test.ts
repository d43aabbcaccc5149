// Damaged storage, as an operator meets it: a corrupt page, a database emptied
// or cut short, a cut write-ahead log, a bad integrity key, a database from an
// older or newer Deconflict. Each is refused loudly or isolated; none starts
// silently empty or with acknowledged commands missing.
import { afterAll, describe, expect, it } from "vitest";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { Participant, api, createExercise, type Created } from "../helpers/server.ts";
import { freePort, kill9, killAll, startProcess, startRefused } from "./server-process.ts";
import { Store } from "../../server/store.ts";
import { Hub } from "../../server/hub.ts";
import { Catalogue } from "../../server/catalogue.ts";
import { checkKey, integrityKey } from "../../server/integrity-key.ts";
import { StartupRefusal } from "../../server/startup-refusal.ts";

afterAll(killAll);

const DB = "deconflict.sqlite";
const newDir = (name: string) => mkdtempSync(join(tmpdir(), `deconflict-${name}-`));

/** A server with `n` exercises, control joined and each one started. */
async function withExercises(dir: string, n: number) {
  const port = await freePort();
  const srv = await startProcess(dir, port);
  const exercises: Created[] = [];
  const people: Participant[] = [];
  for (let i = 0; i < n; i++) {
    const ex = await createExercise(srv.url, "tutorial", `damage-${i}`);
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });
    exercises.push(ex);
    people.push(control);
  }
  return { srv, port, exercises, people };
}

async function teamOf(url: string, ex: Created, team: "borealis" | "austral", name: string): Promise<Participant> {
  return Participant.join(url, ex.roomId, ex.codes.teams[team]!, name);
}

const facilitator = { role: "facilitator", name: "Carla" } as const;
const borealis = (name: string) => ({ role: "team", teamId: "borealis", name }) as const;

/** Fills a data directory the way a server would (same Store and Hub, no sockets), then closes it cleanly. */
type Made = { exerciseId: string; codes: Created["codes"] };

async function recorded(dir: string, lines: string[][]): Promise<Made[]> {
  const store = new Store(dir);
  const hub = new Hub(store, new Catalogue("scenarios"));
  const made: Made[] = [];
  for (const chat of lines) {
    const ex = hub.create({ scenarioId: "tutorial" }, Date.now());
    expect((await ex.submit(facilitator, { type: "exercise.start" }, Date.now())).ok).toBe(true);
    for (const text of chat)
      expect((await ex.submit(borealis("Ann"), { type: "team.chat", text }, Date.now())).ok).toBe(true);
    made.push({ exerciseId: ex.id, codes: ex.row.codes });
  }
  store.close();
  return made;
}

describe("damaged storage", () => {
  it("a corrupt page quarantines the one exercise it holds; the others load and can be joined", async () => {
    const dir = newDir("corrupt");
    // long lines: two to a page, so one page holds nothing but the victim's commands
    const victimLines = Array.from({ length: 10 }, (_, i) => `VICTIM-${i}-${"x".repeat(1800)}`);
    const [first, victim, last] = (await recorded(dir, [["first is fine"], victimLines, ["last is fine"]])) as [
      Made,
      Made,
      Made,
    ];
    const file = join(dir, DB);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    const page = Math.floor(bytes.indexOf("VICTIM-5-") / pageSize);
    expect(page).toBeGreaterThan(0);
    for (let i = 0; i < pageSize; i++) bytes[page * pageSize + i] = (i * 37 + 11) & 0xff;
    writeFileSync(file, bytes);

    const srv = await startProcess(dir, await freePort());
    expect(srv.output()).toContain("DAMAGED STORAGE");
    expect(srv.output()).toContain(`QUARANTINED exercise ${victim.exerciseId}: its commands cannot be read`);
    expect(srv.output()).toContain("1 exercise is quarantined");
    for (const ex of [first, last]) expect(srv.output()).not.toContain(ex.exerciseId);
    // the operator's health check counts it, without naming it to anyone who asks
    const health = await api(srv.url, "GET", "/health");
    expect(health.body.quarantined).toBe(1);
    expect(JSON.stringify(health.body)).not.toContain(victim.exerciseId);

    // the others came back, paused as they were, and people join them with their codes
    const bo = await Participant.join(srv.url, first.exerciseId, first.codes.teams.borealis!, "Bo");
    const cy = await Participant.join(srv.url, last.exerciseId, last.codes.teams.borealis!, "Cy");
    expect(bo.view.chat.map((c) => c.text)).toEqual(["first is fine"]);
    expect(cy.view.chat.map((c) => c.text)).toEqual(["last is fine"]);
    expect(bo.view.exercise.status).toBe("paused");
    // the victim is not loaded …
    // … and those who hold its codes hear why, at the API and at the room's door
    const answer = await api(srv.url, "POST", "/join", { code: victim.codes.facilitator });
    expect(answer).toMatchObject({
      status: 503,
      body: { error: { code: "damaged", message: expect.stringContaining("stored data is damaged") } },
    });
    await expect(Participant.join(srv.url, victim.exerciseId, victim.codes.teams.borealis!, "Vi")).rejects.toThrow(
      /stored data is damaged/,
    );
    // … but kept: its row is still in the database, and a copy of the file as found sits beside it
    const db = new DatabaseSync(file, { readOnly: true });
    expect(db.prepare("SELECT id FROM exercises WHERE id = ?").get(victim.exerciseId)).toBeDefined();
    db.close();
    expect(readdirSync(dir).some((f) => f.startsWith(`${DB}.damaged-`))).toBe(true);
    for (const p of [bo, cy]) await p.leave();
    await kill9(srv.child);
  }, 30_000);

  it("a database emptied to 0 bytes next to its history refuses to start, and is left as it was", async () => {
    const dir = newDir("empty");
    await recorded(dir, [["hello"]]);
    writeFileSync(join(dir, DB), "");

    const { code, output } = await startRefused(dir, await freePort());
    expect(code).toBe(1);
    expect(output).toContain(
      `The database ${join(dir, DB)} is empty (0 bytes), but ${join(dir, "history.json")} says it held 1 exercise`,
    );
    expect(output).toContain("Restore");
    expect(output).not.toMatch(/\n\s+at /); // a message for the operator, not a stack trace
    expect(statSync(join(dir, DB)).size).toBe(0);
  }, 30_000);

  it("a write-ahead log cut in half is detected: refused, untouched, until the operator accepts the loss", async () => {
    const dir = newDir("walcut");
    const { srv, port, exercises, people } = await withExercises(dir, 1);
    const ex = exercises[0]!;
    const teams = [await teamOf(srv.url, ex, "borealis", "Ann"), await teamOf(srv.url, ex, "austral", "Ben")];
    let acked = 1; // exercise.start
    for (let i = 0; i < 15; i++)
      for (const t of teams) {
        await t.command({ type: "team.chat", text: `line ${i}` });
        acked++;
      }
    for (const p of [...people, ...teams]) await p.leave();
    await kill9(srv.child);
    const wal = join(dir, `${DB}-wal`);
    const size = statSync(wal).size;
    truncateSync(wal, Math.floor(size / 2));

    const refused = await startRefused(dir, port);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(
      new RegExp(
        String.raw`holds 1 exercise, 0 courses and \d+ recorded commands?, but .* says it held ` +
          String.raw`1 exercise, 0 courses and (\d+) recorded commands: recent writes are missing`,
      ),
    );
    expect(refused.output).toContain(`${acked} recorded commands: recent writes are missing`);
    expect(refused.output).toContain(`write-ahead log (${wal})`);
    expect(statSync(wal).size).toBe(Math.floor(size / 2));

    // the operator decides to go on with what is left
    rmSync(join(dir, "history.json"));
    const again = await startProcess(dir, port);
    const rec = (await api(again.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator))
      .body;
    const seqs = rec.commands.map((c: { seq: number }) => c.seq);
    expect(seqs.length).toBeLessThan(acked);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    expect(JSON.parse(readFileSync(join(dir, "history.json"), "utf8")).commands).toBe(seqs.length);
    await kill9(again.child);
  }, 40_000);

  it("an empty integrity key refuses to start, saying which file and what to do", async () => {
    const dir = newDir("key");
    writeFileSync(join(dir, "integrity.key"), "\n");
    const { code, output } = await startRefused(dir, await freePort());
    expect(code).toBe(1);
    expect(output).toContain(`The integrity key ${join(dir, "integrity.key")} is empty`);
    expect(output).toContain("Restore it from a backup");
  }, 30_000);

  it("a database made by the previous version (schema 0) is migrated and its exercises come back", async () => {
    const dir = newDir("migrate");
    const made = await oldDatabase(dir);
    const srv = await startProcess(dir, await freePort());
    expect(srv.output()).toContain(`Storage: ${join(dir, DB)} migrated from schema version 0 to 1.`);
    const ann = await Participant.join(srv.url, made.exerciseId, made.codes.teams.borealis!, "Ann");
    expect(ann.view.chat.map((c) => c.text)).toEqual(["written by the old version"]);
    expect(ann.view.exercise.status).toBe("paused");
    const db = new DatabaseSync(join(dir, DB), { readOnly: true });
    expect(db.prepare("PRAGMA user_version").get()).toEqual({ user_version: 1 });
    db.close();
    // from now on this directory has a history: emptying it would be refused
    expect(JSON.parse(readFileSync(join(dir, "history.json"), "utf8")).exercises).toBe(1);
    await ann.leave();
    await kill9(srv.child);
  }, 30_000);
});

describe("damaged storage, refused before anything is written", () => {
  it("refuses a database from a newer Deconflict, naming both versions", async () => {
    const dir = newDir("newer");
    await oldDatabase(dir);
    const db = new DatabaseSync(join(dir, DB));
    db.exec("PRAGMA user_version = 2");
    db.close();
    expect(() => new Store(dir)).toThrow(
      new StartupRefusal(
        `The database ${join(dir, DB)} has schema version 2, and this Deconflict knows versions 0 to 1: ` +
          `it was written by a newer Deconflict. ` +
          `Run the Deconflict that wrote it, or restore a backup made by this one.`,
      ),
    );
  });

  it("refuses a truncated database, whether or not the directory has a history", () => {
    for (const history of [true, false]) {
      const dir = newDir("truncated");
      const store = new Store(dir);
      const hub = new Hub(store, new Catalogue("scenarios"));
      for (let i = 0; i < 4; i++) hub.create({ scenarioId: "grid-intrusion" }, Date.now());
      store.close();
      if (!history) rmSync(join(dir, "history.json"));
      const file = join(dir, DB);
      const pages = statSync(file).size / 4096;
      truncateSync(file, Math.floor(pages / 2) * 4096);
      expect(() => new Store(dir)).toThrow(/is truncated: it holds \d+ pages of the \d+ its header counts/);
      expect(statSync(file).size).toBe(Math.floor(pages / 2) * 4096);
    }
  });

  it("a new data directory, even with an empty database file, starts", () => {
    const dir = newDir("fresh");
    writeFileSync(join(dir, DB), "");
    const store = new Store(dir);
    expect(store.listExercises()).toEqual([]);
    store.close();
    expect(existsSync(join(dir, "history.json"))).toBe(false);
  });

  it("an integrity key is refused when short or malformed, and a new one is written whole, private and in place", () => {
    expect(() => checkKey("k", "abc123\n")).toThrow("is too short: 6 hexadecimal digits, at least 32 are needed");
    expect(() => checkKey("k", `${"g".repeat(64)}\n`)).toThrow("is malformed: it must hold hexadecimal digits only");
    expect(checkKey("k", `${"a1".repeat(16)}\n`)).toBe("a1".repeat(16));
    const dir = newDir("newkey");
    const key = integrityKey(dir);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dir, "integrity.key"), "utf8")).toBe(`${key}\n`);
    expect(statSync(join(dir, "integrity.key")).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["integrity.key"]);
    expect(integrityKey(dir)).toBe(key);
  });
});

/** The previous version's layout (unversioned, no indexes, no history.json), holding one running exercise. */
async function oldDatabase(dir: string): Promise<Made> {
  const mem = new Store(":memory:");
  const hub = new Hub(mem, new Catalogue("scenarios"));
  const ex = hub.create({ scenarioId: "tutorial", seed: "old" }, 1_700_000_000_000);
  await ex.submit(facilitator, { type: "exercise.start" }, 1_700_000_001_000);
  await ex.submit(borealis("Ann"), { type: "team.chat", text: "written by the old version" }, 1_700_000_002_000);
  const db = new DatabaseSync(join(dir, DB));
  db.exec(`
    PRAGMA journal_mode = WAL;
    CREATE TABLE exercises (id TEXT PRIMARY KEY, title TEXT NOT NULL, scenario_id TEXT NOT NULL, scenario_json TEXT NOT NULL, seed TEXT NOT NULL,
      created_at INTEGER NOT NULL, codes_json TEXT NOT NULL, engine_version TEXT NOT NULL, group_id TEXT, status TEXT NOT NULL);
    CREATE TABLE groups (id TEXT PRIMARY KEY, title TEXT NOT NULL, scenario_id TEXT NOT NULL, code TEXT NOT NULL, created_at INTEGER NOT NULL);
    CREATE TABLE commands (exercise_id TEXT NOT NULL REFERENCES exercises(id), seq INTEGER NOT NULL, at INTEGER NOT NULL, actor_json TEXT NOT NULL,
      turn INTEGER NOT NULL, phase TEXT NOT NULL, command_json TEXT NOT NULL, PRIMARY KEY (exercise_id, seq));`);
  const r = ex.row;
  db.prepare("INSERT INTO exercises VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run(
    r.id,
    r.title,
    r.scenarioId,
    JSON.stringify(r.scenario),
    r.seed,
    r.createdAt,
    JSON.stringify(r.codes),
    r.engineVersion,
    null,
    ex.state.status,
  );
  for (const c of ex.commands)
    db.prepare("INSERT INTO commands VALUES (?, ?, ?, ?, ?, ?, ?)").run(
      r.id,
      c.seq,
      c.at,
      JSON.stringify(c.actor),
      c.turn,
      c.phase,
      JSON.stringify(c.command),
    );
  db.close();
  mem.close();
  return { exerciseId: r.id, codes: r.codes };
}
