// Three processes behind nginx, sharing PostgreSQL and Redis: an exercise made
// through one is joined and played through the others; its owner is killed
// (SIGKILL) and a survivor takes it over, paused, with every acknowledged command
// and its hash chain going on, while the clients rejoin by themselves; a frozen
// owner (SIGSTOP) loses it and, woken, writes nothing more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { Client } from "@colyseus/sdk";
import { loadRecording } from "../../shared/protocol/integrity.ts";
import { Participant, api, createExercise, type Created } from "../helpers/server.ts";
import { clusterAvailable } from "./services.ts";
import { CLUSTER_BINARIES, startCluster, type Cluster, type Node } from "./cluster.ts";

const bin = clusterAvailable(CLUSTER_BINARIES);
const TAKEOVER_LIMIT_MS = 15_000;

/** A participant who comes back by itself, as the browser does (client/net/session.ts): the same code, through the proxy. */
class Rejoining extends Participant {
  private stopped = false;
  rejoins = 0;

  static async enter(proxy: string, via: string, ex: Created, code: string, name: string): Promise<Rejoining> {
    const p = new Rejoining(via);
    p.room = await p.sdk.joinById(ex.roomId, { code, name });
    p.follow(proxy, ex.roomId, code, name);
    await p.until(() => p.store.view !== null);
    return p;
  }

  private follow(proxy: string, roomId: string, code: string, name: string): void {
    this.listen();
    this.room.onLeave(async () => {
      while (!this.stopped) {
        try {
          this.room = await new Client(proxy).joinById(roomId, { code, name });
          this.rejoins++;
          this.follow(proxy, roomId, code, name);
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 300));
        }
      }
    });
  }

  stop(): void {
    this.stopped = true;
    this.room.reconnection.enabled = false;
    void this.room.leave().catch(() => undefined);
  }
}

async function ownerOf(c: Cluster, exerciseId: string): Promise<Node | undefined> {
  const db = new pg.Client({ connectionString: c.databaseUrl });
  await db.connect();
  try {
    const r = await db.query(
      "SELECT n.process_id FROM owners o JOIN nodes n ON n.node_id = o.node_id WHERE o.exercise_id = $1",
      [exerciseId],
    );
    const pid = (r.rows[0] as { process_id: string } | undefined)?.process_id;
    return c.nodes.find((n) => n.processId === pid);
  } finally {
    await db.end();
  }
}

async function storedTexts(c: Cluster, exerciseId: string): Promise<string[]> {
  const db = new pg.Client({ connectionString: c.databaseUrl });
  await db.connect();
  try {
    const r = await db.query("SELECT command_json FROM commands WHERE exercise_id = $1 ORDER BY seq", [exerciseId]);
    return r.rows.map((x) => String((x as { command_json: string }).command_json));
  } finally {
    await db.end();
  }
}

describe.runIf(bin)("a cluster of three processes", () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster(bin!, { env: { OWNER_TIMEOUT_SECONDS: "3", RECONNECT_GRACE_SECONDS: "5" } });
  });
  afterAll(async () => {
    // what each process said, when something went wrong
    for (const n of c?.nodes ?? [])
      if (process.exitCode || process.env.CLUSTER_LOGS) console.log(`--- ${n.name}\n${n.output()}`);
    await c?.stop();
  });

  it("a course made through one process is controlled through another: its commands run where each cell is owned", async () => {
    const [a, b] = c.nodes as [Node, Node, Node];
    const made = await api(a.url, "POST", "/groups", { scenarioId: "tutorial", cells: 2, title: "Cluster course" });
    expect(made.status).toBe(201);
    const course = made.body as { groupId: string; code: string; cells: { exerciseId: string }[] };
    for (const cell of course.cells) expect((await ownerOf(c, cell.exerciseId))?.name).toBe("p1");
    const r = await api(b.url, "POST", `/groups/${course.groupId}/control`, { action: "start" }, course.code);
    expect(r.status).toBe(200);
    expect((r.body as { results: { ok: boolean }[] }).results.map((x) => x.ok)).toEqual([true, true]);
    for (const cell of course.cells) {
      expect((await storedTexts(c, cell.exerciseId)).map((t) => JSON.parse(t).type)).toEqual(["exercise.start"]);
      // still owned by the process that made it: nothing was written from elsewhere
      expect((await ownerOf(c, cell.exerciseId))?.name).toBe("p1");
    }
    // someone in cell A, whose room is on p1: the dashboard read through p2 counts them (within a few seconds)
    const cells = course.cells as { exerciseId: string; roomId: string; codes: { observer: string } }[];
    const watcher = await Participant.join(c.proxy, cells[0]!.roomId, cells[0]!.codes.observer, "Olga");
    const connected = async () => {
      const dash = await api(b.url, "GET", `/groups/${course.groupId}`, undefined, course.code);
      const list = (dash.body as { cells: { status: string; connected: number }[] }).cells;
      return list.map((x) => [x.status, x.connected]);
    };
    await expect.poll(connected, { timeout: 8000, interval: 250 }).toEqual([
      ["running", 1],
      ["running", 0],
    ]);
    await watcher.leave();
  });

  it("plays across processes, survives SIGKILL of the owner, and fences a frozen owner", async () => {
    const [a, b, cc] = c.nodes as [Node, Node, Node];
    expect(c.nodes.every((n) => n.processId)).toBe(true);
    // made through A: A owns it
    const ex = await createExercise(a.url, "grid-intrusion", "cluster-seed");
    expect((await ownerOf(c, ex.exerciseId))?.name).toBe("p1");
    const [north, south] = Object.keys(ex.codes.teams) as [string, string];
    // joined through B and C: matchmaking there reserves the seat on A, the game connection goes through nginx to A
    const control = await Rejoining.enter(c.proxy, b.url, ex, ex.codes.facilitator, "Carla");
    const n1 = await Rejoining.enter(c.proxy, cc.url, ex, ex.codes.teams[north]!, "Nora");
    const s1 = await Rejoining.enter(c.proxy, c.proxy, ex, ex.codes.teams[south]!, "Sam");
    await control.command({ type: "exercise.start" });
    await control.command({ type: "phase.advance" });
    await n1.command({ type: "hotline.send", to: south, kind: "confirm", text: "Is this yours?" });
    await s1.until(() => s1.view.messages.some((m) => m.text === "Is this yours?"), "the message crosses");
    // what was sent through one process is in another's API
    const seen = await api(cc.url, "GET", `/exercises/${ex.exerciseId}`, undefined, ex.codes.facilitator);
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.body)).toContain('"running"');

    // commands in flight while the owner is killed: every acknowledged one survives
    const acked: string[] = [];
    const sends = Array.from({ length: 12 }, (_, i) =>
      n1
        .command({ type: "team.chat", text: `line ${i}` })
        .then(() => acked.push(`line ${i}`))
        .catch(() => undefined),
    );
    await n1.until(() => acked.length >= 4, "four acknowledgements", 10_000);
    const killedAt = Date.now();
    a.child.kill("SIGKILL");
    await Promise.all(sends);

    // a survivor holds it within the limit, paused, as after a restart
    let owner: Node | undefined;
    await expect
      .poll(async () => (owner = await ownerOf(c, ex.exerciseId))?.name, { timeout: TAKEOVER_LIMIT_MS, interval: 200 })
      .toMatch(/^p[23]$/);
    await expect
      .poll(async () => (await storedTexts(c, ex.exerciseId)).at(-1), { timeout: 5000 })
      .toContain('"exercise.pause"');
    const tookMs = Date.now() - killedAt;
    console.log(`takeover after SIGKILL: ${tookMs} ms, by ${owner!.name}`);
    const texts = await storedTexts(c, ex.exerciseId);
    for (const line of acked) expect(texts.some((t) => t.includes(`"${line}"`))).toBe(true);
    // the clients rejoined by themselves, on the survivor, and see it paused
    for (const p of [control, n1, s1])
      await p.until(() => p.rejoins > 0 && p.store.view?.exercise.status === "paused", "a rejoin", TAKEOVER_LIMIT_MS);
    await control.command({ type: "exercise.resume" });
    await n1.command({ type: "team.chat", text: "back on the survivor" });

    // the recording checks with the shared key, on every process: one chain from the start to now
    for (const node of [b, cc]) {
      const rec = (await api(node.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator))
        .body;
      const loaded = loadRecording(rec, c.sealKey);
      expect(loaded.ok).toBe(true);
      expect(JSON.stringify(rec.commands)).toContain("back on the survivor");
    }

    // freeze the new owner: the other survivor takes over once it has been silent for OWNER_TIMEOUT_SECONDS
    const frozen = owner!;
    const other = frozen === b ? cc : b;
    frozen.child.kill("SIGSTOP");
    const frozenAt = Date.now();
    await expect
      .poll(async () => (await ownerOf(c, ex.exerciseId))?.name, { timeout: TAKEOVER_LIMIT_MS, interval: 200 })
      .toBe(other.name);
    console.log(`takeover from a frozen process: ${Date.now() - frozenAt} ms (OWNER_TIMEOUT_SECONDS=3)`);
    // the other survivor paused it as it took it over
    await expect
      .poll(async () => (await storedTexts(c, ex.exerciseId)).at(-1), { timeout: 5000 })
      .toContain('"exercise.pause"');
    const before = await storedTexts(c, ex.exerciseId);
    // its clients still hold sockets to it: a command sent now waits in the frozen process's buffers
    const late = n1.command({ type: "team.chat", text: "sent to the frozen process" }).then(
      () => "accepted",
      () => "refused",
    );
    // woken, it finds its lock gone: it stops, and nothing more of it reaches the database
    frozen.child.kill("SIGCONT");
    const exit = await Promise.race([frozen.exited, new Promise((r) => setTimeout(() => r("still running"), 10_000))]);
    expect(exit).toBe(1);
    expect(frozen.output()).toContain("LOST OWNERSHIP");
    expect(await late).toBe("refused");
    // the clients rejoin on the last process by themselves, and play on
    for (const p of [control, n1, s1])
      await p.until(
        () => p.store.view?.exercise.status === "paused",
        "a rejoin on the last process",
        TAKEOVER_LIMIT_MS,
      );
    await n1.command({ type: "team.chat", text: "on the last process" });
    const after = await storedTexts(c, ex.exerciseId);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual([JSON.stringify({ type: "team.chat", text: "on the last process" })]);
    for (const p of [control, n1, s1]) p.stop();
  });
});
