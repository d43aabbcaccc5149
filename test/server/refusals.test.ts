// Every refusal a participant can meet, from the receiving side: a clear reason,
// no disconnection, no change of state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { Participant, createExercise, startTestServer, type Created, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
let ex: Created;
beforeAll(async () => {
  srv = await startTestServer();
  ex = await createExercise(srv.url, "tutorial");
});
afterAll(async () => {
  await srv?.close();
});

async function joinError(options: object): Promise<{ code: number; message: string }> {
  try {
    const room = await new Client(srv.url).joinById(ex.roomId, options);
    await room.leave();
    return { code: 0, message: "joined" };
  } catch (err) {
    return { code: (err as { code: number }).code, message: (err as Error).message };
  }
}

describe("refusals", () => {
  it("a wrong or missing code is refused with a clear message", async () => {
    expect(await joinError({ code: "AAAA-BBBB-CCCC-DDDD-EEEE", name: "Eve" })).toEqual({
      code: 403,
      message: "That join code does not open a seat in this exercise",
    });
    expect(await joinError({ name: "Eve" })).toEqual({
      code: 401,
      message: "A join code is needed to enter this exercise",
    });
    expect(await joinError({ code: ex.codes.observer, name: "x".repeat(41) })).toEqual({
      code: 400,
      message: "A display name has at most 40 characters",
    });
    const other = await createExercise(srv.url, "tutorial");
    expect((await joinError({ code: other.codes.facilitator, name: "Eve" })).code).toBe(403);
  });

  it("accepts a code typed in lower case with spaces instead of dashes", async () => {
    const typed = ex.codes.observer.toLowerCase().replace(/-/g, " ");
    const p = await Participant.join(srv.url, ex.roomId, typed, "Olga");
    expect(p.store.seat).toMatchObject({ role: "observer", name: "Olga" });
    await p.leave();
  });

  it("wrong role, closed phase and bad payloads are refused without disconnecting or changing anything", async () => {
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    const al = await Participant.join(srv.url, ex.roomId, ex.codes.teams.austral!, "Al");
    const seq = control.view.seq!;
    expect(await al.refusal({ type: "exercise.start" })).toEqual({
      code: "forbidden",
      message: "Only the facilitator can do this",
      params: { reason: "refusals-engine.role", who: "facilitator" },
    });
    expect(await al.refusal({ type: "orders.submit", actions: [] })).toEqual({
      code: "not-started",
      message: "The exercise has not started yet",
      params: { reason: "refusals-engine.not-started" },
    });
    await control.command({ type: "exercise.start" });
    expect(await al.refusal({ type: "orders.submit", actions: [{ actionId: "harden" }] })).toEqual({
      code: "closed",
      message: "The Decision phase is closed: orders are only accepted during Decision (now: Briefing)",
      params: { decision: "Decision", now: "Briefing", reason: "refusals-engine.orders-closed" },
    });
    expect(await al.refusal({ type: "hotline.send", to: "borealis", text: "hi" })).toMatchObject({ code: "closed" });
    expect(await al.refusal({ type: "launch.missiles" })).toMatchObject({
      code: "invalid",
      message: expect.stringContaining('unknown command "launch.missiles"'),
    });
    expect(await al.refusal({ type: "team.chat" })).toEqual({
      code: "invalid",
      message: "text: Invalid input: expected string, received undefined",
    });
    expect(await al.refusal({ type: "team.chat", text: "   " })).toEqual({
      code: "invalid",
      message: "text: must not be empty",
    });
    expect(await al.refusal("just a string")).toMatchObject({ code: "invalid" });
    expect(await al.refusal({ text: "no type" })).toEqual({ code: "invalid", message: 'a command needs a "type"' });
    expect(await al.refusal({ type: "team.chat", text: "x".repeat(2001) })).toEqual({
      code: "invalid",
      message: "text: at most 2000 characters",
    });
    expect(await al.refusal({ type: "escalation.adjust", delta: 5, reason: "I wish" })).toMatchObject({
      code: "forbidden",
    });
    // still connected, nothing changed but the start
    expect(control.view.seq).toBe(seq + 1);
    await al.command({ type: "team.chat", text: "still here" });
    await control.leave();
    await al.leave();
  });

  it("an unknown message type is answered, not punished with a disconnect", async () => {
    const p = await Participant.join(srv.url, ex.roomId, ex.codes.observer, "Obi");
    await expect(p.room.request("hack", {})).rejects.toMatchObject({
      name: "rejected",
      reason: { code: "unknown-message" },
    });
    p.room.send("hack", {});
    await p.until(() => p.received.some((r) => r.type === "error"), "an error message");
    await p.command({ type: "note.add", text: "still connected" });
    await p.leave();
  });

  it("an oversize message is refused (large text) or cut off (a huge frame) without touching others", async () => {
    const bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
    const other = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bea");
    expect(await bo.refusal({ type: "team.chat", text: "ё".repeat(5000) })).toEqual({
      code: "invalid",
      message: "text: at most 2000 characters",
    });
    let closed: number | null = null;
    bo.room.onLeave((code) => {
      closed = code;
    });
    bo.room.send("command", { type: "team.chat", text: "x".repeat(100_000) });
    await bo.until(() => closed !== null, "the connection to be closed");
    expect(closed).toBe(1009);
    await other.command({ type: "team.chat", text: "I am unaffected" });
    await other.leave();
  });

  it("a flooding client is slowed and told why; others are unaffected", async () => {
    // a fresh exercise: a seat's budget is kept across the whole exercise, and the tests above spent some
    const fresh = await createExercise(srv.url, "tutorial");
    const flood = await Participant.join(srv.url, fresh.roomId, fresh.codes.teams.austral!, "Flood");
    const calm = await Participant.join(srv.url, fresh.roomId, fresh.codes.teams.borealis!, "Calm");
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => flood.refusal({ type: "team.chat", text: `spam ${i}` })),
    );
    const limited = results.filter((r) => r?.code === "rate-limited");
    expect(limited.length).toBeGreaterThanOrEqual(15);
    expect(limited[0]!.message).toMatch(/^Too much sent from this seat: wait a moment/);
    expect(results.filter((r) => r === null).length).toBeGreaterThanOrEqual(20);
    expect(await calm.refusal({ type: "team.chat", text: "business as usual" })).toBeNull();
    // after a pause the flooder may talk again
    await new Promise((r) => setTimeout(r, 600));
    expect(await flood.refusal({ type: "team.chat", text: "sorry" })).toBeNull();
    await flood.leave();
    await calm.leave();
  });
});
