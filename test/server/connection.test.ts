// Dropping out and coming back, and the phase timers that run on the server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { matchMaker } from "@colyseus/core";
import { Participant, api, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";
import { rawScenario } from "../helpers/scenarios.ts";

let srv: TestServer;
beforeAll(async () => {
  // the tutorial with one-second timers on deliberation and decision
  const dir = mkdtempSync(join(tmpdir(), "deconflict-scenarios-"));
  const fast = rawScenario("tutorial") as { phases: { durationSeconds?: number }[] };
  fast.phases[1]!.durationSeconds = 1;
  fast.phases[2]!.durationSeconds = 1;
  writeFileSync(join(dir, "tutorial.json"), JSON.stringify(fast));
  srv = await startTestServer({ SCENARIOS_DIR: dir });
});
afterAll(async () => {
  await srv?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("connections", () => {
  it("a participant who drops keeps the seat and catches up on what it missed", async () => {
    const ex = await createExercise(srv.url);
    const bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
    const bea = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bea");
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    bo.room.reconnection.minUptime = 0;
    const sessionId = bo.room.sessionId;
    let dropped = false;
    let reconnected = false;
    bo.room.onDrop(() => (dropped = true));
    bo.room.onReconnect(() => (reconnected = true));
    // the network fails under Bo
    const serverRoom = matchMaker.getLocalRoomById(ex.roomId)!;
    const serverSide = serverRoom.clients.find((c) => c.sessionId === sessionId) as unknown as {
      ref: { terminate(): void };
    };
    serverSide.ref.terminate();
    await bo.until(() => dropped, "the drop");
    await control.until(
      () => control.presence?.participants.some((p) => p.name === "Bo" && !p.connected) ?? false,
      "control sees Bo offline",
    );
    await bea.command({ type: "team.chat", text: "said while Bo was away" });
    await bo.until(() => reconnected, "the reconnection");
    expect(bo.room.sessionId).toBe(sessionId);
    await bo.until(() => bo.view.chat.some((c) => c.text === "said while Bo was away"), "the missed chat line");
    expect(bo.view).toEqual(bea.view);
    await control.until(
      () => control.presence?.participants.find((p) => p.name === "Bo")?.connected === true,
      "control sees Bo back",
    );
    await bo.command({ type: "team.chat", text: "back" });
    for (const p of [bo, bea, control]) await p.leave();
  });

  it("a team sees its own members in presence; control sees everyone", async () => {
    const ex = await createExercise(srv.url);
    const bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
    const al = await Participant.join(srv.url, ex.roomId, ex.codes.teams.austral!, "Al");
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    await control.until(() => control.presence?.participants.length === 3, "three present");
    await bo.until(() => (bo.presence?.participants.length ?? 0) >= 1, "presence");
    expect(bo.presence!.participants.map((p) => p.name)).toEqual(["Bo"]);
    expect(bo.transcript()).not.toContain('"Al"');
    for (const p of [bo, al, control]) await p.leave();
  });
});

describe("phase timers", () => {
  it("advance the exercise when a timed phase runs out, recorded as the timer's command", async () => {
    const ex = await createExercise(srv.url);
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });
    await control.command({ type: "phase.advance" }); // deliberation: 1 s
    expect(control.view.exercise.phase?.id).toBe("deliberation");
    await control.until(() => control.view.exercise.phase?.id === "decision", "the timer to advance", 3000);
    await control.until(() => control.view.exercise.phase?.id === "adjudication", "the decision timer", 3000);
    // adjudication has no timer: it waits for control
    await sleep(1300);
    expect(control.view.exercise.phase?.id).toBe("adjudication");
    const rec = await api(srv.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator);
    const byTimer = rec.body.commands.filter((c: { actor: { role: string } }) => c.actor.role === "system");
    expect(byTimer.map((c: { command: unknown }) => c.command)).toEqual([
      { type: "phase.advance", from: { turn: 1, phase: "deliberation" } },
      { type: "phase.advance", from: { turn: 1, phase: "decision" } },
    ]);
    await control.leave();
  });

  it("stop while the exercise is paused; paused time does not count", async () => {
    const ex = await createExercise(srv.url);
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });
    await control.command({ type: "phase.advance" });
    await sleep(500);
    await control.command({ type: "exercise.pause" });
    await sleep(1500);
    expect(control.view.exercise.phase?.id).toBe("deliberation");
    const resumedAt = Date.now();
    await control.command({ type: "exercise.resume" });
    await control.until(() => control.view.exercise.phase?.id === "decision", "the rest of the timer", 3000);
    // about half a second was left
    expect(Date.now() - resumedAt).toBeGreaterThan(250);
    expect(Date.now() - resumedAt).toBeLessThan(1000);
    await control.leave();
  });
});
