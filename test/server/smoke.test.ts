import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Participant, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

describe("server smoke", () => {
  it("creates, joins and plays a command", async () => {
    const ex = await createExercise(srv.url);
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    const bor = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
    expect(control.view.exercise.status).toBe("setup");
    const reply = await control.command({ type: "exercise.start" });
    expect(reply).toEqual({ ok: true, seq: 1 });
    await bor.until(() => bor.store.view?.exercise.status === "running", "running");
    expect(await bor.refusal({ type: "exercise.pause" })).toEqual({
      code: "forbidden",
      message: "Only the facilitator can do this",
      params: { reason: "refusals-engine.role", who: "facilitator" },
    });
    await control.leave();
    await bor.leave();
  });
});
