// SIGKILL while many are writing: every command the server acknowledged is on
// disk after a restart, and a course is created whole or not at all.
import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DatabaseSync } from "node:sqlite";
import { Participant, api, createExercise, type Created } from "../helpers/server.ts";
import { freePort, kill9, killAll, startProcess } from "./server-process.ts";
import { Store } from "../../server/store.ts";

afterAll(killAll);

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("durability under load", () => {
  it("kill -9 while six clients send at once: every acknowledged command is there after the restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deconflict-load-"));
    const port = await freePort();
    let srv = await startProcess(dir, port);
    const exercises: Created[] = [];
    const senders: { ex: Created; p: Participant; name: string }[] = [];
    const others: Participant[] = [];
    for (let i = 0; i < 3; i++) {
      const ex = await createExercise(srv.url, "tutorial", `load-${i}`);
      const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
      await control.command({ type: "exercise.start" });
      exercises.push(ex);
      others.push(control);
      for (const team of ["borealis", "austral"])
        senders.push({
          ex,
          p: await Participant.join(srv.url, ex.roomId, ex.codes.teams[team]!, team),
          name: `${i}-${team}`,
        });
    }

    // each client keeps two commands in flight, up to 18 (within its seat's burst); the server dies mid-stream
    const acked: { exerciseId: string; text: string }[] = [];
    let sent = 0;
    const lane = async (s: (typeof senders)[number], lane: number) => {
      for (let i = lane; i < 18; i += 2) {
        const text = `${s.name} line ${i}`;
        sent++;
        try {
          await s.p.command({ type: "team.chat", text });
          acked.push({ exerciseId: s.ex.exerciseId, text });
        } catch {
          return; // the server is gone
        }
      }
    };
    const load = Promise.all(senders.flatMap((s) => [lane(s, 0), lane(s, 1)]));
    await senders[0]!.p.until(() => acked.length >= 40, "forty acknowledgements", 20_000);
    const everyone = [...others, ...senders.map((s) => s.p)];
    for (const p of everyone) p.room.reconnection.enabled = false;
    await kill9(srv.child);
    await load;
    expect(acked.length).toBeLessThan(sent); // it really died with commands in flight

    srv = await startProcess(dir, port);
    for (const ex of exercises) {
      const rec = (await api(srv.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator))
        .body;
      const seqs = rec.commands.map((c: { seq: number }) => c.seq);
      expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
      const stored = new Set(rec.commands.map((c: { command: { text?: string } }) => c.command.text).filter(Boolean));
      for (const a of acked.filter((x) => x.exerciseId === ex.exerciseId)) expect(stored, a.text).toContain(a.text);
    }
    await kill9(srv.child);
  }, 60_000);

  it("kill -9 in the middle of creating courses: every course in the database is whole", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deconflict-courses-"));
    // a child process creates twelve-cell courses in a loop, printing a dot after each one
    const script = `
      const [dir, root] = process.argv.slice(1);
      const { Store } = await import(root + "/server/store.ts");
      const { Hub } = await import(root + "/server/hub.ts");
      const { Catalogue } = await import(root + "/server/catalogue.ts");
      const hub = new Hub(new Store(dir), new Catalogue(root + "/scenarios"));
      for (let i = 0; i < 300; i++) {
        hub.createGroup({ scenarioId: "grid-intrusion", cells: 12, sameSeed: true }, Date.now());
        process.stdout.write(".");
      }`;
    let created = 0;
    for (let trial = 0; trial < 5; trial++) {
      const child = spawn(process.execPath, ["--input-type=module", "-e", script, dir, ROOT], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let dots = 0;
      let err = "";
      child.stderr!.on("data", (d) => (err += d));
      const want = 1 + (trial % 3);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no courses created in time:\n${err}`)), 20_000);
        child.stdout!.on("data", (d) => {
          dots += String(d).length;
          if (dots >= want) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once("exit", () => reject(new Error(`the child stopped by itself:\n${err}`)));
      });
      // somewhere inside the next course's creation (it takes a few milliseconds)
      await new Promise((r) => setTimeout(r, trial * 3));
      await kill9(child);
      created += dots;

      const db = new DatabaseSync(join(dir, "deconflict.sqlite"), { readOnly: true });
      const cells = db
        .prepare("SELECT g.id, count(e.id) AS n FROM groups g LEFT JOIN exercises e ON e.group_id = g.id GROUP BY g.id")
        .all() as { id: string; n: number }[];
      const orphans = db
        .prepare(
          "SELECT count(*) AS n FROM exercises WHERE group_id IS NOT NULL AND group_id NOT IN (SELECT id FROM groups)",
        )
        .get() as { n: number };
      db.close();
      expect(cells.filter((c) => c.n !== 12)).toEqual([]);
      expect(orphans.n).toBe(0);
      expect(cells.length).toBeGreaterThanOrEqual(created);
    }
    // and the directory still opens: what history.json counted is all there
    const store = new Store(dir);
    expect(store.listExercises().length).toBeGreaterThanOrEqual(created * 12);
    store.close();
  }, 60_000);
});
