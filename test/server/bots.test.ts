// Bots in live seats, over real sockets: two people and bots play an exercise
// to its end; a person takes a bot's seat over; control takes a bot out; the
// recording marks bot commands; and nobody but control can tell a bot from a person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedCommand, RecordingV3 } from "../../shared/protocol/recording.ts";
import type { MyControl } from "../../shared/engine/index.ts";
import { Participant, api, startTestServer, type Created, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
beforeAll(async () => {
  // bots at a test's pace: the server's default is 4-12 s between commands
  srv = await startTestServer({ BOT_DELAY_SECONDS: "0.05-0.1" });
});
afterAll(async () => {
  await srv?.close();
});

async function create(scenarioId: string, bots: Record<string, string>, seed = "bots-seed"): Promise<Created> {
  const r = await api(srv.url, "POST", "/exercises", { scenarioId, seed, bots });
  if (r.status !== 201) throw new Error(`create failed: ${JSON.stringify(r.body)}`);
  return r.body as Created;
}

async function recording(ex: Created): Promise<RecordedCommand[]> {
  const r = await api(srv.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator);
  expect(r.status).toBe(200);
  return (r.body as RecordingV3).commands;
}

/** Control moves on, and when it has spent its seat's budget (5 messages a second) waits until it may again. */
async function advance(control: Participant): Promise<void> {
  for (;;) {
    const refused = await control.refusal({ type: "phase.advance" });
    if (refused === null) return;
    if (!refused.message.startsWith("Too much sent")) throw new Error(refused.message);
    const at = Date.now();
    await control.until(() => Date.now() - at >= 200, "the seat's budget to refill");
  }
}

const me = (p: Participant) => p.view.me as MyControl;
const phaseKind = (p: Participant) => p.view.exercise.phase?.kind;
/** What a bot, or anything about bots, would look like in what a participant receives. */
const BOT_MARKS = /"bots?"\s*:|"autopilot"\s*:|bot:|hawk|opportunist|cautious-diplomat/;

describe("bots in live seats", () => {
  it("are put in every cell of a course created with them", async () => {
    const r = await api(srv.url, "POST", "/groups", { scenarioId: "tutorial", cells: 2, bots: { austral: "passive" } });
    expect(r.status).toBe(201);
    for (const cell of r.body.cells as Created[])
      expect((await recording(cell)).map((c) => c.command)).toEqual([
        { type: "bot.seat", seat: "austral", policy: "passive" },
      ]);
  });

  it("play with two people to the end; their commands are recorded as a bot's; only control can tell", async () => {
    const ex = await create("civilian-shield", { saranth: "hawk", ostmere: "opportunist", mediator: "mediator" });
    const join = (code: string, name: string) => Participant.join(srv.url, ex.roomId, code, name);
    const control = await join(ex.codes.facilitator, "Carla");
    const vera = await join(ex.codes.teams.veldmark!, "Vera");
    const cor = await join(ex.codes.teams.corvane!, "Cor");
    const obi = await join(ex.codes.observer, "Obi");
    expect(me(control).bots).toEqual({ saranth: "hawk", ostmere: "opportunist", mediator: "mediator" });

    await control.command({ type: "exercise.start" });
    await control.command({ type: "observers.visibility", seeAll: true });
    for (let step = 0; step < 200 && control.view.exercise.status !== "ended"; step++) {
      if (phaseKind(control) === "deliberation" && control.view.exercise.turn === 1) {
        await cor.command({ type: "hotline.send", to: "ostmere", kind: "confirm", text: "Was that you?" });
        // the opportunist answers what comes in on its hotline, at its own pace
        await cor.until(() => cor.view.messages.some((m) => m.from === "ostmere"), "the bot's answer");
      }
      if (phaseKind(control) === "decision") {
        await vera.command({ type: "orders.submit", actions: [{ actionId: "harden", sector: "health" }] });
        await cor.command({ type: "orders.submit", actions: [] });
        await control.until(
          () => ["saranth", "ostmere"].every((t) => me(control).orders[t] !== undefined),
          "the bots' orders",
        );
      }
      await advance(control);
    }
    expect(control.view.exercise.status).toBe("ended");

    const commands = await recording(ex);
    const byBot = commands.filter((c) => "bot" in c.actor && c.actor.bot);
    const seats = new Set(byBot.map((c) => (c.actor.role === "team" ? c.actor.teamId : c.actor.role)));
    expect(seats).toEqual(new Set(["saranth", "ostmere", "mediator"]));
    for (const c of byBot) {
      // named as a person who gave no name is; the policy is the seat's
      const policy = { saranth: "hawk", ostmere: "opportunist", mediator: "mediator" };
      if (c.actor.role === "team") {
        expect(c.actor).toEqual({
          role: "team",
          teamId: c.actor.teamId,
          name: "Team member",
          bot: policy[c.actor.teamId as "saranth"],
        });
      } else expect(c.actor).toEqual({ role: "mediator", name: "Mediator", bot: "mediator" });
    }
    // at a person's pace: never two commands from one bot within the least delay the server was given (50 ms)
    for (const seat of seats) {
      const at = byBot
        .filter((c) => (c.actor.role === "team" ? c.actor.teamId : c.actor.role) === seat)
        .map((c) => c.at);
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(50);
    }
    // a person's commands carry no mark
    expect(commands.filter((c) => c.actor.name === "Vera").every((c) => !("bot" in c.actor))).toBe(true);

    // what the bot wrote reads as a person's would: its author is the name a person who gave none gets
    const answer = cor.view.messages.find((m) => m.from === "ostmere")!;
    expect(answer.author).toBe("Team member");
    // nothing any participant received, observers who see every channel included, says bot
    for (const p of [vera, cor, obi]) expect(p.transcript()).not.toMatch(BOT_MARKS);
    await Promise.all([control, vera, cor, obi].map((p) => p.leave()));
  });

  it("a person joining a bot's seat takes over from it, for good; control takes a bot out and puts one back", async () => {
    const ex = await create("tutorial", { borealis: "cautious-diplomat", austral: "hawk" }, "takeover");
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });
    await control.command({ type: "phase.advance" });
    await control.command({ type: "phase.advance" });
    expect(phaseKind(control)).toBe("decision");
    await control.until(() => me(control).orders.austral !== undefined, "the hawk's orders");

    const al = await Participant.join(srv.url, ex.roomId, ex.codes.teams.austral!, "Al");
    await control.until(() => me(control).bots?.austral === undefined, "the bot leaves Austral's seat");
    expect(me(control).bots).toEqual({ borealis: "cautious-diplomat" });
    // Al replaces the bot's orders with his own; the bot does not come back
    await al.command({ type: "orders.submit", actions: [] });
    await control.until(() => me(control).orders.borealis !== undefined, "the diplomat's orders");
    await control.command({ type: "bot.seat", seat: "borealis", policy: null });
    expect(me(control).bots).toEqual({});
    const out = control.view.seq!;
    await control.command({ type: "phase.advance" });
    await control.command({ type: "phase.advance" });
    await control.command({ type: "phase.advance" });
    await control.command({ type: "phase.advance" });
    expect(phaseKind(control)).toBe("deliberation");
    // a bad policy for a seat is refused with the reason
    expect(await control.refusal({ type: "bot.seat", seat: "austral", policy: "mediator" })).toMatchObject({
      code: "invalid",
      message: "The mediator policy plays the mediator's seat, not a team's",
    });
    expect(await al.refusal({ type: "bot.seat", seat: "borealis", policy: "hawk" })).toMatchObject({
      code: "forbidden",
    });
    await control.command({ type: "bot.seat", seat: "mediator", policy: "mediator" });

    const commands = await recording(ex);
    const takeover = commands.find((c) => c.command.type === "bot.seat" && c.actor.role === "system")!;
    expect(takeover.command).toEqual({ type: "bot.seat", seat: "austral", policy: null });
    const after = commands.filter((c) => c.seq > takeover.seq && c.actor.role === "team");
    expect(after.some((c) => c.actor.name === "Al")).toBe(true);
    expect(
      after.filter((c) => c.actor.role === "team" && c.actor.teamId === "austral").every((c) => c.actor.name === "Al"),
    ).toBe(true);
    expect(commands.filter((c) => c.seq > out && "bot" in c.actor && c.actor.bot)).toEqual([]);
    await Promise.all([control, al].map((p) => p.leave()));
  });

  it("refuses a creation with a bot in a seat that is not there, or with a policy the seat cannot play", async () => {
    const nowhere = await api(srv.url, "POST", "/exercises", { scenarioId: "tutorial", bots: { nowhere: "hawk" } });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error.message).toBe(
      "bots.nowhere: There is no seat “nowhere” for a bot: name a team or the mediator",
    );
    const wrong = await api(srv.url, "POST", "/exercises", { scenarioId: "tutorial", bots: { mediator: "hawk" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/^bots\.mediator: The hawk policy plays a team; for the mediator choose/);
    const both = await api(srv.url, "POST", "/groups", {
      scenarioId: "tutorial",
      cells: 2,
      bots: { austral: "hawk" },
      selfPaced: { team: "borealis" },
    });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toBe("bots: self-paced play chooses its own bots");
    const unknown = await api(srv.url, "POST", "/exercises", { scenarioId: "tutorial", bots: { austral: "genius" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^bots\.austral: /);
  });
});
