// An outsider with no code, and a participant with a code, attack Colyseus's
// own matchmaking routes: nothing is found, reserved, locked or created.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import { Participant, createExercise, startTestServer, type Created, type TestServer } from "../../helpers/server.ts";

let srv: TestServer;
let exercises: Created[];

beforeAll(async () => {
  // a generous wrong-code budget here: this file counts what the routes reveal, not the throttle
  srv = await startTestServer({ WRONG_CODES_PER_MINUTE: "5000" });
  exercises = [];
  for (let i = 0; i < 4; i++) exercises.push(await createExercise(srv.url, "tutorial", `mm-${i}`));
});
afterAll(() => srv.close());

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${srv.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

const roomCount = () => matchMaker.stats.local.roomCount;

describe("matchmaking without a code", () => {
  it("finds, reserves, locks and creates nothing, and says nothing about which exercises exist", async () => {
    const rooms = roomCount();
    const ids = exercises.map((e) => e.roomId);
    const attempts: Promise<{ status: number; text: string }>[] = [];
    for (let i = 0; i < 250; i++) {
      const id = ids[i % ids.length]!;
      attempts.push(post("/matchmake/join/exercise", {}));
      attempts.push(post("/matchmake/joinOrCreate/exercise", { exerciseId: id }));
      attempts.push(post("/matchmake/create/exercise", { exerciseId: id }));
      attempts.push(post(`/matchmake/joinById/${id}`, i % 2 ? {} : { code: "AAAA-BBBB-CCCC-DDDD-EEEE" }));
    }
    const answers = await Promise.all(attempts);
    expect(answers.filter((a) => a.status < 400)).toEqual([]);
    // nothing in any answer names a room, a process or a seat
    for (const a of answers) expect(a.text).not.toMatch(/roomId|sessionId|processId|ex-[0-9a-f]{8}/);
    expect(roomCount()).toBe(rooms);

    // an unknown exercise id gets the very answer a wrong code gets
    const unknown = await post("/matchmake/joinById/ex-00000000", { code: "AAAA-BBBB-CCCC-DDDD-EEEE" });
    const wrong = await post(`/matchmake/joinById/${ids[0]}`, { code: "AAAA-BBBB-CCCC-DDDD-EEEE" });
    expect(unknown).toEqual(wrong);

    // every legitimate join still works afterwards
    for (const ex of exercises) {
      const p = await Participant.join(srv.url, ex.roomId, ex.codes.observer, "Olga");
      expect(p.view.exercise.status).toBe("setup");
      await p.leave();
    }
  });

  it("refuses a code of one exercise at the door of another", async () => {
    const [a, b] = exercises as [Created, Created];
    const r = await post(`/matchmake/joinById/${b.roomId}`, { code: a.codes.facilitator });
    expect(r.status).toBe(403);
    await expect(Participant.join(srv.url, b.roomId, a.codes.facilitator, "Mallory")).rejects.toThrow(
      /does not open a seat/,
    );
  });

  it("refuses a large body without reading it", async () => {
    const big = JSON.stringify({ code: "x".repeat(50 * 1024 * 1024) });
    const started = Date.now();
    const r = await post(`/matchmake/joinById/${exercises[0]!.roomId}`, big).catch((err: Error) => ({
      status: 0,
      text: err.message,
    }));
    // either the 413 arrives, or the connection is cut before the whole body is sent
    if (r.status !== 0) expect(r.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(10_000);
    const health = await fetch(`${srv.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it("a participant reserving seats without connecting cannot lock the exercise", async () => {
    const ex = exercises[1]!;
    const reservations = await Promise.all(
      Array.from({ length: 300 }, () => post(`/matchmake/joinById/${ex.roomId}`, { code: ex.codes.teams.austral })),
    );
    expect(reservations.every((r) => r.status === 200)).toBe(true);
    const other = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bea");
    expect(other.view.exercise.status).toBe("setup");
    await other.leave();
  });

  it("answers only the methods the client uses, and no other origin", async () => {
    for (const method of ["join", "joinOrCreate", "create"])
      expect((await post(`/matchmake/${method}/exercise`, {})).status).toBe(404);
    const res = await fetch(`${srv.url}/api/health`, { headers: { origin: "https://evil.example" } });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});
