// Self-paced play over real sockets: a trainee alone in a team, bots in the
// other seats, the server as control; it needs the organiser code like any creation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import type { RecordingV3 } from "../../shared/protocol/recording.ts";
import { Participant, api, startTestServer, type Created, type TestServer } from "../helpers/server.ts";

const ORGANISER = "organiser-code-1234";
let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({
    CREATE_CODE: ORGANISER,
    BOT_DELAY_SECONDS: "0.05-0.1",
    SELF_PACED_MIN_PHASE_SECONDS: "1",
    // a room nobody is in closes after a second (pausing its exercise): the autopilot's resume is tested below
    ROOM_IDLE_SECONDS: "1",
  });
});
afterAll(async () => {
  await srv?.close();
});

type SelfPaced = Created & { team: string; phaseSeconds: number };

describe("self-paced play", () => {
  it("asks for the organiser code, and says what is wrong with a request", async () => {
    const body = { scenarioId: "tutorial", team: "borealis", phaseSeconds: 60 };
    expect((await api(srv.url, "POST", "/self-paced", body)).status).toBe(401);
    expect((await api(srv.url, "POST", "/self-paced", body, "not-the-code")).status).toBe(403);
    const team = await api(srv.url, "POST", "/self-paced", { ...body, team: "atlantis" }, ORGANISER);
    expect(team.status).toBe(400);
    expect(team.body.error.message).toBe(
      "team: First Light: a four-turn tutorial has no team “atlantis” (choose borealis, austral)",
    );
    const fast = await api(srv.url, "POST", "/self-paced", { ...body, phaseSeconds: 0 }, ORGANISER);
    expect(fast.body.error.message).toBe("phaseSeconds: a phase lasts at least 1 seconds");
    const who = await api(srv.url, "POST", "/self-paced", { ...body, opponents: "mediator" }, ORGANISER);
    expect(who.status).toBe(400);
    expect(who.body.error.message).toMatch(/^opponents: /);
  });

  it("runs alone to its end on timers, the trainee's orders ending the decision early, and gives its report", async () => {
    const r = await api(
      srv.url,
      "POST",
      "/self-paced",
      { scenarioId: "tutorial", team: "austral", phaseSeconds: 1, seed: "solo" },
      ORGANISER,
    );
    expect(r.status).toBe(201);
    const ex = r.body as SelfPaced;
    expect(ex.team).toBe("austral");
    const trainee = await Participant.join(srv.url, ex.roomId, ex.codes.teams.austral!, "Tia");
    // the server starts it once someone is there
    await trainee.until(() => trainee.view.exercise.status === "running", "the start");
    let decided = 0;
    const ended = () => trainee.view.exercise.status === "ended";
    while (!ended()) {
      const turn = trainee.view.exercise.turn;
      await trainee.until(
        () => trainee.view.exercise.phase?.kind === "decision" || ended(),
        "the decision phase",
        10_000,
      );
      if (ended()) break;
      await trainee.command({ type: "orders.submit", actions: [] });
      decided++;
      await trainee.until(() => trainee.view.exercise.turn !== turn || ended(), "the next turn", 10_000);
    }
    // the trainee decided every turn the exercise lasted (all four of the tutorial's, unless it failed first)
    expect(decided).toBe(trainee.view.exercise.turn);
    expect(trainee.view.exercise.outcome?.kind).toBeDefined();
    expect(trainee.transcript()).not.toMatch(/"bots?"\s*:|"autopilot"\s*:|hawk|opportunist|cautious-diplomat/);

    const rec = (await api(srv.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator))
      .body as RecordingV3;
    const types = rec.commands.map((c) => `${c.actor.name}:${c.command.type}`);
    expect(types.slice(0, 4)).toEqual([
      "Control:bot.seat",
      "Control:bot.seat",
      "Control:autopilot.set",
      "Autopilot:exercise.start",
    ]);
    expect(rec.commands[1]!.command).toEqual({ type: "bot.seat", seat: "mediator", policy: "mediator" });
    // the decision ended as soon as every team had its orders in, not on its timer: the autopilot advanced it
    const early = rec.commands.filter((c) => c.actor.name === "Autopilot" && c.command.type === "phase.advance");
    expect(early.map((c) => c.phase)).toEqual(Array.from({ length: decided }, () => "decision"));
    // every phase has a timer: a third of the phase where nobody can act
    expect((rec.scenario as { phases: { durationSeconds: number }[] }).phases.map((p) => p.durationSeconds)).toEqual([
      1, 1, 1, 1, 1,
    ]);
    const report = await fetch(`${srv.url}/api/exercises/${ex.exerciseId}/report?format=html`, {
      headers: { authorization: `Bearer ${ex.codes.facilitator}` },
    });
    expect(report.status).toBe(200);
    expect(await report.text()).toContain("First Light");
    await trainee.leave();
  }, 45_000);

  it("is paused by the server when the trainee leaves, and resumed by the autopilot when they come back", async () => {
    const body = { scenarioId: "tutorial", team: "borealis", phaseSeconds: 600, seed: "back" };
    const ex = (await api(srv.url, "POST", "/self-paced", body, ORGANISER)).body as SelfPaced;
    const first = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
    await first.until(() => first.view.exercise.status === "running", "the start");
    await first.leave();
    // the room closes, pausing the exercise first; the trainee comes back as the page does (the join route opens it)
    await first.until(() => matchMaker.getLocalRoomById(ex.roomId) === undefined, "the room to close", 5000);
    expect(srv.app.hub.get(ex.exerciseId)!.state.status).toBe("paused");
    expect((await api(srv.url, "POST", "/join", { code: ex.codes.teams.borealis })).status).toBe(200);
    const back = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
    await back.until(() => back.view.exercise.status === "running", "the autopilot's resume");
    const rec = (await api(srv.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator))
      .body as RecordingV3;
    const flow = rec.commands.filter((c) => c.actor.role === "facilitator" || c.actor.role === "system");
    expect(flow.slice(-3).map((c) => `${c.actor.name}:${c.command.type}`)).toEqual([
      "Autopilot:exercise.start",
      "Server:exercise.pause",
      "Autopilot:exercise.resume",
    ]);
    await back.leave();
  });

  it("makes a self-paced course: each cell a trainee alone with bots", async () => {
    const r = await api(
      srv.url,
      "POST",
      "/groups",
      { scenarioId: "tutorial", cells: 2, selfPaced: { team: "borealis", opponents: "hawk", phaseSeconds: 90 } },
      ORGANISER,
    );
    expect(r.status).toBe(201);
    // the course's facilitators see which seats bots play, and that the server paces each cell
    const course = await api(srv.url, "GET", `/groups/${r.body.groupId}`, undefined, r.body.code);
    for (const cell of course.body.cells)
      expect({ bots: cell.bots, autopilot: cell.autopilot }).toEqual({
        bots: { austral: "hawk", mediator: "mediator" },
        autopilot: true,
      });
    for (const cell of r.body.cells as Created[]) {
      const rec = (
        await api(srv.url, "GET", `/exercises/${cell.exerciseId}/recording`, undefined, cell.codes.facilitator)
      ).body as RecordingV3;
      expect(rec.commands.map((c) => c.command)).toEqual([
        { type: "bot.seat", seat: "austral", policy: "hawk" },
        { type: "bot.seat", seat: "mediator", policy: "mediator" },
        { type: "autopilot.set", on: true },
      ]);
      const phases = (rec.scenario as { phases: { kind: string; durationSeconds: number }[] }).phases;
      expect(phases.map((p) => p.durationSeconds)).toEqual([30, 90, 90, 30, 30]);
    }
  });
});
