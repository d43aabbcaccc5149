// Back-pressure, from outside: a flood of commands from hundreds of real
// connections gets quick "busy" refusals instead of queueing, a phase timer
// still fires on time during it, and a sender who has gone is not acted for.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Room } from "@colyseus/sdk";
import { matchMaker } from "@colyseus/core";
import { Participant, api, createExercise, startTestServer, type Created } from "../helpers/server.ts";
import { rawScenario } from "../helpers/scenarios.ts";
import { freePort, kill9, killAll, startProcess, type ServerProcess } from "./server-process.ts";

afterAll(killAll);

const BUSY = { code: "busy", message: "The server is busy; try again in a moment." };
const TIMER_SECONDS = 4;

/** The tutorial with a deliberation phase of TIMER_SECONDS. */
function scenariosDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "deconflict-overload-scenarios-"));
  const timed = rawScenario("tutorial") as { phases: { durationSeconds?: number }[] };
  timed.phases[1]!.durationSeconds = TIMER_SECONDS;
  writeFileSync(join(dir, "tutorial.json"), JSON.stringify(timed));
  return dir;
}

async function server(): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), "deconflict-overload-"));
  return startProcess(dir, await freePort(), {
    SCENARIOS_DIR: scenariosDir(),
    CREATE_PER_MINUTE: "1000",
    BUSY_LAG_MS: "100",
  });
}

/** Sends a long chat line (a command with some weight) without waiting; resolves with how long the answer took and what it was. */
async function timed(room: Room, text: string): Promise<{ ms: number; code: string; message?: string }> {
  const t0 = performance.now();
  try {
    await room.request("command", { type: "team.chat", text: text.padEnd(1500, " ·") });
    return { ms: performance.now() - t0, code: "ok" };
  } catch (err) {
    const reason = (err as { reason?: { code: string; message: string } }).reason;
    return { ms: performance.now() - t0, code: reason?.code ?? "network", message: reason?.message };
  }
}

/** Setting up on a loaded machine: a busy refusal says "try again in a moment", and the setup does, until accepted. */
async function insist(send: () => Promise<unknown>): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      await send();
      return;
    } catch (err) {
      const code = (err as { reason?: { code?: string } }).reason?.code;
      if (code !== "busy" || tries >= 200) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe("overload", () => {
  it("a flood gets fast busy refusals, and a phase timer due during it fires on time", async () => {
    const srv = await server();
    const flooders: Participant[] = [];
    for (let i = 0; i < 100; i++) {
      const ex = await createExercise(srv.url, "tutorial", `flood-${i}`);
      const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
      await insist(() => control.command({ type: "exercise.start" }));
      for (const team of ["borealis", "austral"])
        flooders.push(await Participant.join(srv.url, ex.roomId, ex.codes.teams[team]!, `${team}-${i}`));
      await control.leave();
    }
    const ex = await createExercise(srv.url, "tutorial", "timed");
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    await insist(() => control.command({ type: "exercise.start" }));
    await insist(() => control.command({ type: "phase.advance" })); // into deliberation, which times out by itself
    const began = control.view.now;
    expect(control.view.exercise.phase?.id).toBe("deliberation");

    // two waves of 20 commands from each of 200 seats, the second one across the timer's deadline
    const wave = (n: number) =>
      flooders.flatMap((p, i) => Array.from({ length: 20 }, (_, k) => timed(p.room, `wave ${n}: ${i}-${k}`)));
    await new Promise((r) => setTimeout(r, TIMER_SECONDS * 1000 - 1500));
    const first = Promise.all(wave(1));
    await new Promise((r) => setTimeout(r, 1300));
    const answers = [...(await first), ...(await Promise.all(wave(2)))];

    const busy = answers.filter((a) => a.code === "busy");
    const accepted = answers.filter((a) => a.code === "ok");
    expect(busy.length, "busy refusals").toBeGreaterThan(0);
    expect(accepted.length, "commands accepted").toBeGreaterThan(0);
    for (const b of busy) expect(b).toMatchObject(BUSY);
    expect(answers.filter((a) => a.code === "network")).toEqual([]);
    // quick: no answer waited in a queue for seconds
    const slowest = Math.max(...answers.map((a) => a.ms));
    expect(slowest, "the slowest answer (ms)").toBeLessThan(2000); // about 3,200 ms without back-pressure

    // the timer's own command came on time, by the server's clock
    await control.until(() => control.view.exercise.phase?.id === "decision", "the timer to advance", 10_000);
    const rec = await api(srv.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator);
    const byTimer = rec.body.commands.find((c: { actor: { role: string } }) => c.actor.role === "system");
    const late = byTimer.at - (began! + TIMER_SECONDS * 1000);
    expect(late, "how late the timer fired (ms)").toBeGreaterThanOrEqual(0);
    expect(late, "how late the timer fired (ms)").toBeLessThan(500);
    await kill9(srv.child);
  }, 120_000);

  it("a command whose connection closes before it is applied is not applied", async () => {
    const srv = await startTestServer();
    const ex: Created = await createExercise(srv.url, "tutorial", "gone");
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });
    const ann = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Ann");
    ann.room.reconnection.enabled = false;
    // the moment the server reads Ann's command, her connection starts to close (as when a page is closed mid-send)
    const room = matchMaker.getLocalRoomById(ex.roomId)!;
    const hers = room.clients.find((c) => c.sessionId === ann.room.sessionId)!;
    const socket = hers.ref as unknown as { on(e: "message", f: () => void): void; close(): void };
    socket.on("message", () => socket.close());
    void timed(ann.room, "sent by Ann as she left");
    const gone = () => control.presence?.participants.find((p) => p.name === "Ann")?.connected !== true;
    await control.until(gone, "Ann to be gone", 5000);
    await control.command({ type: "note.add", text: "after Ann left" });
    const rec = await api(srv.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator);
    const texts = rec.body.commands.map((c: { command: { text?: string } }) => c.command.text).filter(Boolean);
    expect(texts).toEqual(["after Ann left"]);
    await control.leave();
    await srv.close();
  });
});
