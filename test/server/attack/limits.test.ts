// Floods from one address are slowed with a clear 429; an instance caps its
// unfinished exercises; rooms nobody uses leave memory; errors say little.
import { afterEach, describe, expect, it } from "vitest";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { matchMaker } from "@colyseus/core";
import { Participant, api, createExercise, startTestServer, type TestServer } from "../../helpers/server.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

describe("resource limits", () => {
  it("a creation flood gets 429 with the wait, and memory stays bounded", async () => {
    srv = await startTestServer({ CREATE_PER_MINUTE: "5" });
    const first = await Promise.all(
      Array.from({ length: 10 }, () => api(srv!.url, "POST", "/exercises", { scenarioId: "tutorial" })),
    );
    expect(first.filter((r) => r.status === 201)).toHaveLength(10);
    gc();
    const heap = process.memoryUsage().heapUsed;
    const flood = await Promise.all(
      Array.from({ length: 1500 }, () => api(srv!.url, "POST", "/exercises", { scenarioId: "tutorial" })),
    );
    expect(flood.filter((r) => r.status === 201)).toHaveLength(0);
    expect(flood[0]).toMatchObject({
      status: 429,
      body: {
        error: {
          code: "too-many-creations",
          message: expect.stringMatching(/at most 5 a minute\. Try again in \d+ s/),
        },
      },
    });
    gc();
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(40 * 1024 * 1024);
    const courses = await api(srv.url, "POST", "/groups", { scenarioId: "tutorial", cells: 2 });
    expect(courses.status).toBe(429);
  });

  it("caps unfinished exercises with a refusal that says what to do", async () => {
    srv = await startTestServer({ MAX_LIVE_EXERCISES: "3" });
    for (let i = 0; i < 3; i++) await createExercise(srv.url);
    const over = await api(srv.url, "POST", "/exercises", { scenarioId: "tutorial" });
    expect(over).toMatchObject({
      status: 503,
      body: { error: { code: "too-many-exercises", message: expect.stringContaining("MAX_LIVE_EXERCISES") } },
    });
    expect((await api(srv.url, "POST", "/groups", { scenarioId: "tutorial", cells: 2 })).status).toBe(503);
  });

  it("throttles wrong codes per address, on the API and at the room's door", async () => {
    srv = await startTestServer({ WRONG_CODES_PER_MINUTE: "3" });
    const ex = await createExercise(srv.url);
    const tries = [];
    for (let i = 0; i < 8; i++)
      tries.push(await api(srv.url, "POST", "/join", { code: `AAAA-BBBB-CCCC-DDDD-EEE${i}` }));
    expect(tries.slice(0, 6).every((r) => r.status === 404)).toBe(true);
    expect(tries[7]).toMatchObject({
      status: 429,
      body: { error: { code: "too-many-wrong-codes", message: expect.stringMatching(/wait \d+ s/) } },
    });
    // the same address cannot go on guessing at a room's door or on facilitator routes
    await expect(Participant.join(srv.url, ex.roomId, "AAAA-BBBB-CCCC-DDDD-EEEE", "Eve")).rejects.toThrow(
      /Too many wrong codes/,
    );
    expect(
      (await api(srv.url, "GET", `/exercises/${ex.exerciseId}`, undefined, "AAAA-BBBB-CCCC-DDDD-EEEE")).status,
    ).toBe(429);
  });

  it("closes a room nobody is in, pauses its running exercise, frees it, and brings it back on the next join", async () => {
    srv = await startTestServer({ ROOM_IDLE_SECONDS: "1" });
    const ex = await createExercise(srv.url);
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });
    await control.leave();
    const start = Date.now();
    while (matchMaker.getLocalRoomById(ex.roomId) || srv.app.hub.all().some((e) => e.id === ex.exerciseId)) {
      if (Date.now() - start > 10_000) throw new Error("the idle room was not closed");
      await new Promise((r) => setTimeout(r, 50));
    }
    const back = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    expect(back.view.exercise.status).toBe("paused");
    expect(back.view.log.some((l) => JSON.stringify(l).includes("nobody was connected"))).toBe(true);
    await back.command({ type: "exercise.resume" });
    await back.leave();
  });
});

describe("errors say little", () => {
  it("a malformed address is a 400, with no stack", async () => {
    srv = await startTestServer();
    for (const path of ["/api/exercises/%E0%A4%A", "/api/exercises/%E0%A4%A/report", "/api/groups/%"]) {
      const res = await fetch(`${srv.url}${path}`);
      const text = await res.text();
      expect(res.status, path).toBe(400);
      expect(text).not.toMatch(/at .*\.(ts|js):\d+|URIError|node_modules/);
    }
  });

  it("a full disk at creation answers with the storage message, not the database's words", async () => {
    srv = await startTestServer();
    srv.app.hub.store.createExercise = () => {
      throw new Error("SQLITE_FULL: database or disk is full");
    };
    const r = await api(srv.url, "POST", "/exercises", { scenarioId: "tutorial" });
    expect(r).toMatchObject({
      status: 507,
      body: { error: { code: "storage", message: expect.stringContaining("could not save") } },
    });
    expect(JSON.stringify(r.body)).not.toContain("SQLITE");
  });

  it("an unknown command type is not echoed back in full", async () => {
    srv = await startTestServer();
    const ex = await createExercise(srv.url);
    const p = await Participant.join(srv.url, ex.roomId, ex.codes.teams.austral!, "Ann");
    const long = `x${"<script>".repeat(500)}`;
    const refusal = await p.refusal({ type: long });
    expect(refusal!.message.length).toBeLessThan(120);
    await p.leave();
  });
});
