// When the disk refuses a write, the command did not happen: the sender is told
// why, nothing changes, and the server carries on. Commands are written in
// groups, so a lost group takes with it everything that was applied on top of it.
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { Catalogue } from "../../server/catalogue.ts";
import { Hub } from "../../server/hub.ts";
import { Store } from "../../server/store.ts";
import { Participant, createExercise, startTestServer } from "../helpers/server.ts";

const facilitator = { role: "facilitator", name: "Carla" } as const;
const ann = { role: "team", teamId: "borealis", name: "Ann" } as const;
const newStore = () => new Store(mkdtempSync(join(tmpdir(), "deconflict-disk-")));

describe("a failed write", () => {
  it("refuses the command with a reason, changes nothing, and the next write works", async () => {
    const store = newStore();
    const hub = new Hub(store, new Catalogue("scenarios"));
    const ex = hub.create({ scenarioId: "tutorial" }, Date.now());
    const heard: number[] = [];
    ex.subscribe((s) => heard.push(s.seq));
    const write = store.writeGroup.bind(store);
    store.writeGroup = () => Promise.reject(new Error("SQLITE_FULL: database or disk is full"));
    const r = await ex.submit(facilitator, { type: "exercise.start" }, Date.now());
    expect(r).toEqual({
      ok: false,
      error: {
        code: "storage",
        message: expect.stringContaining("could not save this command, so it was not applied"),
      },
    });
    expect(ex.state.status).toBe("setup");
    expect(ex.commands).toHaveLength(0);
    expect(store.commands(ex.id)).toHaveLength(0);
    expect(heard.filter((seq) => seq > 0)).toEqual([]); // nobody was shown it

    store.writeGroup = write;
    expect(await ex.submit(facilitator, { type: "exercise.start" }, Date.now())).toEqual({ ok: true, seq: 1 });
    expect(store.commands(ex.id).map((c) => c.command.type)).toEqual(["exercise.start"]);
    expect(heard).toContain(1);
    store.close();
  });

  it("a group the database rejects is lost whole: every sender in it is refused and each state is rebuilt", async () => {
    const store = newStore();
    const hub = new Hub(store, new Catalogue("scenarios"));
    const a = hub.create({ scenarioId: "tutorial" }, Date.now());
    const b = hub.create({ scenarioId: "tutorial" }, Date.now());
    const c = hub.create({ scenarioId: "tutorial" }, Date.now());
    expect((await c.submit(facilitator, { type: "exercise.start" }, Date.now())).ok).toBe(true);
    // another program writes b's first command behind the server's back: b's next insert breaks the writer's transaction
    const other = new DatabaseSync(join(store["dir"], "deconflict.sqlite"), { timeout: 5000 });
    other
      .prepare(
        "INSERT INTO commands (exercise_id, seq, at, actor_json, turn, phase, command_json) VALUES (?,?,?,?,?,?,?)",
      )
      .run(b.id, 1, Date.now(), JSON.stringify(facilitator), 0, "", JSON.stringify({ type: "exercise.start" }));
    other.close();

    // sent in the same turn: one group (a's two commands, b's and c's)
    const results = await Promise.all([
      a.submit(facilitator, { type: "exercise.start" }, Date.now()),
      a.submit(ann, { type: "team.chat", text: "applied on top of the start" }, Date.now()),
      b.submit(facilitator, { type: "exercise.start" }, Date.now()),
      c.submit(ann, { type: "team.chat", text: "same group, other exercise" }, Date.now()),
    ]);
    expect(results.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["storage", "storage", "storage", "storage"]);
    expect(store.commands(a.id)).toHaveLength(0);
    expect(store.commands(c.id)).toHaveLength(1);
    // each state is what storage holds: a back in setup, b with the command the other program wrote
    expect(a.state.status).toBe("setup");
    expect(a.commands).toHaveLength(0);
    expect(b.state.status).toBe("running");
    expect(b.commands).toHaveLength(1);
    expect(c.state.chat ?? []).toHaveLength(0);

    // and the exercises carry on from there
    expect(await a.submit(facilitator, { type: "exercise.start" }, Date.now())).toEqual({ ok: true, seq: 1 });
    expect(await b.submit(ann, { type: "team.chat", text: "b goes on" }, Date.now())).toEqual({ ok: true, seq: 2 });
    expect(store.commands(b.id).map((x) => x.seq)).toEqual([1, 2]);
    store.close();
  });

  it("commands queued behind a lost group fail with it when they belong to the same exercise, and only then", async () => {
    const store = newStore();
    const hub = new Hub(store, new Catalogue("scenarios"));
    const a = hub.create({ scenarioId: "tutorial" }, Date.now());
    const b = hub.create({ scenarioId: "tutorial" }, Date.now());
    const write = store.writeGroup.bind(store);
    let release!: (fail: boolean) => void;
    let calls = 0;
    store.writeGroup = (rows) => {
      if (calls++ > 0) return write(rows);
      // the first group is held in flight until the test says how it ends
      return new Promise<void>((resolve, reject) => {
        release = (fail) => (fail ? reject(new Error("I/O error")) : resolve());
      });
    };
    const first = a.submit(facilitator, { type: "exercise.start" }, Date.now());
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(1);
    // while it is in flight, a's next command validates against the started exercise, and b starts
    const second = a.submit(ann, { type: "team.chat", text: "on top of the lost start" }, Date.now());
    const third = b.submit(facilitator, { type: "exercise.start" }, Date.now());
    expect(store.queuedWrites).toBe(3);
    release(true);
    expect((await first).ok).toBe(false);
    expect((await second).ok).toBe(false);
    expect(await third).toEqual({ ok: true, seq: 1 });
    expect(store.commands(a.id)).toEqual([]);
    expect(store.commands(b.id).map((c) => c.command.type)).toEqual(["exercise.start"]);
    expect(a.state.status).toBe("setup");
    expect(store.queuedWrites).toBe(0);
    store.close();
  });

  it("over real sockets: the sender is refused, nobody is shown the lost command, and everyone carries on", async () => {
    const srv = await startTestServer();
    const ex = await createExercise(srv.url);
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    const ann = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Ann");
    await control.command({ type: "exercise.start" });
    const store = srv.app.hub.store;
    const write = store.writeGroup.bind(store);
    store.writeGroup = () => Promise.reject(new Error("SQLITE_IOERR: disk I/O error"));
    const refusal = await ann.refusal({ type: "team.chat", text: "lost on the way to the disk" });
    expect(refusal).toMatchObject({ code: "storage", message: expect.stringContaining("was not applied") });
    store.writeGroup = write;
    await ann.command({ type: "team.chat", text: "this one is kept" });
    await control.until(() => control.view.chat.length === 1, "control to see the kept line");
    for (const p of [ann, control]) {
      expect(p.view.chat.map((c) => c.text)).toEqual(["this one is kept"]);
      expect(p.transcript()).not.toContain("lost on the way to the disk");
    }
    expect(store.commands(ex.exerciseId).map((c) => c.seq)).toEqual([1, 2]);
    for (const p of [ann, control]) await p.leave();
    await srv.close();
  });
});
