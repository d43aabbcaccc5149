// Presence says who is in one's own group; nobody can count the comings and
// goings of another team from the messages that arrive.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Participant, createExercise, startTestServer, type TestServer } from "../../helpers/server.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

describe("presence", () => {
  it("tells a team nothing when people of another team come and go; control sees everyone", async () => {
    const ex = await createExercise(srv.url, "tutorial", "presence");
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    const bea = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bea");
    const seen = () => bea.received.filter((m) => m.type === "presence").length;
    const before = seen();
    for (let i = 0; i < 3; i++) {
      const a = await Participant.join(srv.url, ex.roomId, ex.codes.teams.austral!, `Ann ${i}`);
      await control.until(
        () => control.presence?.participants.some((p) => p.name === `Ann ${i}`) === true,
        "control to see Ann",
      );
      await a.leave();
      await control.until(
        () => !control.presence?.participants.some((p) => p.name === `Ann ${i}`),
        "control to see Ann leave",
      );
    }
    expect(seen()).toBe(before);
    // a teammate arriving is news to the team
    const bob = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bob");
    await bea.until(() => bea.presence?.participants.some((p) => p.name === "Bob") === true, "Bea to see Bob");
    expect(bea.presence!.participants.map((p) => p.name).sort()).toEqual(["Bea", "Bob"]);
    for (const p of [control, bea, bob]) await p.leave();
  });
});
