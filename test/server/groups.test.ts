// Parallel cells: one course, several exercises of the same scenario.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Participant, api, startTestServer, type TestServer } from "../helpers/server.ts";
import { outcomeWords } from "../../shared/words/index.ts";
import type { CellComparison, CellSummary } from "../../shared/protocol/http.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const tutorial = loadScenario("tutorial");

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

describe("parallel cells", () => {
  it("creates several cells at once, each with its own codes, under one course code", async () => {
    const r = await api(srv.url, "POST", "/groups", {
      scenarioId: "tutorial",
      cells: 3,
      title: "Course 7",
      seed: "same",
    });
    expect(r.status).toBe(201);
    const { groupId, code, cells } = r.body;
    expect(cells.map((c: { title: string }) => c.title)).toEqual([
      "Course 7 — cell A",
      "Course 7 — cell B",
      "Course 7 — cell C",
    ]);
    expect(cells.map((c: { seed: string }) => c.seed)).toEqual(["same", "same", "same"]);
    const allCodes = cells.flatMap((c: { codes: { facilitator: string; teams: Record<string, string> } }) => [
      c.codes.facilitator,
      ...Object.values(c.codes.teams),
    ]);
    expect(new Set([...allCodes, code]).size).toBe(allCodes.length + 1);

    // the course code opens the dashboard and every cell's control data; a cell's code does not open the course
    const dash = await api(srv.url, "GET", `/groups/${groupId}`, undefined, code);
    expect(dash.status).toBe(200);
    expect(dash.body).toMatchObject({ scenarioId: "tutorial", scenarioTitle: "First Light: a four-turn tutorial" });
    expect(dash.body.cells.map((c: { status: string }) => c.status)).toEqual(["setup", "setup", "setup"]);
    expect((await api(srv.url, "GET", `/groups/${groupId}`, undefined, cells[0].codes.facilitator)).status).toBe(403);
    expect((await api(srv.url, "GET", `/groups/${groupId}`)).status).toBe(401);
    expect((await api(srv.url, "GET", `/exercises/${cells[1].exerciseId}/recording`, undefined, code)).status).toBe(
      200,
    );
    expect(
      (await api(srv.url, "GET", `/exercises/${cells[1].exerciseId}`, undefined, cells[0].codes.facilitator)).status,
    ).toBe(403);

    // cells are separate exercises: playing one leaves the others untouched, and the dashboard shows it
    const control = await Participant.join(srv.url, cells[0].roomId, cells[0].codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });
    const after = await api(srv.url, "GET", `/groups/${groupId}`, undefined, code);
    expect(after.body.cells.map((c: { status: string }) => c.status)).toEqual(["running", "setup", "setup"]);
    expect(after.body.cells[0]).toMatchObject({ turn: 1, connected: 1 });
    await control.leave();

    // the comparison sets the cells side by side
    const cmp = await api(srv.url, "GET", `/groups/${groupId}/comparison`, undefined, code);
    expect(cmp.status).toBe(200);
    expect(cmp.body.cells.map((c: { title: string; status: string }) => [c.title, c.status])).toEqual([
      ["Course 7 — cell A", "running"],
      ["Course 7 — cell B", "setup"],
      ["Course 7 — cell C", "setup"],
    ]);
    // the tutorial's blackout moves escalation from 12 to 17 when cell A starts
    expect(tutorial.ladder.start).toBe(12);
    expect(cmp.body.cells[0].metrics.final).toMatchObject({ value: 17 });
    expect(cmp.body.cells[1].metrics.final).toMatchObject({ value: 12 });
    expect(
      (await api(srv.url, "GET", `/groups/${groupId}/comparison`, undefined, cells[0].codes.facilitator)).status,
    ).toBe(403);

    // the course code typed on the join page leads to the course
    expect((await api(srv.url, "POST", "/join", { code: code.toLowerCase() })).body).toEqual({
      course: groupId,
      title: "Course 7",
      role: "course",
    });
  });

  it("sends how a cell ended as data that the pages word, on the dashboard and in the comparison", async () => {
    const { groupId, code, cells } = (await api(srv.url, "POST", "/groups", { scenarioId: "tutorial", cells: 2 })).body;
    const control = await Participant.join(srv.url, cells[1].roomId, cells[1].codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });
    await control.command({ type: "exercise.end", reason: "the room was needed" });
    await control.leave();

    const dash = (await api(srv.url, "GET", `/groups/${groupId}`, undefined, code)).body;
    const ended = { kind: "facilitator", reason: "the room was needed", turn: 1 };
    expect(dash.cells.map((c: CellSummary) => c.outcome)).toEqual([null, ended]);
    const cell: CellSummary = dash.cells[1];
    expect(cell.ladder.rungs.map((r) => r.name)).toEqual(tutorial.ladder.rungs.map((r) => r.name));
    expect(outcomeWords(cell.outcome!.kind, cell.outcome!.reason, cell)).toBe("Ended by control: the room was needed");
    // a failure names the scenario's top rung, from the ladder the summary carries
    expect(outcomeWords("failure", null, cell)).toBe(
      `Escalation reached the top rung: ${tutorial.ladder.rungs.at(-1)!.name}`,
    );

    const cmp = (await api(srv.url, "GET", `/groups/${groupId}/comparison`, undefined, code)).body;
    expect(cmp.cells.map((c: CellComparison) => c.outcome)).toEqual([null, ended]);
  });

  it("gives each cell its own seed when asked, and refuses a bad request", async () => {
    const r = await api(srv.url, "POST", "/groups", {
      scenarioId: "tutorial",
      cells: 2,
      sameSeed: false,
      seed: "base",
    });
    expect(r.body.cells.map((c: { seed: string }) => c.seed)).toEqual(["base-A", "base-B"]);
    expect(await api(srv.url, "POST", "/groups", { scenarioId: "tutorial", cells: 1 })).toMatchObject({
      status: 400,
      body: { error: { message: "cells: a course has at least 2 cells" } },
    });
    expect(await api(srv.url, "POST", "/groups", { scenarioId: "tutorial", cells: 40 })).toMatchObject({
      status: 400,
      body: { error: { message: "cells: a course has at most 12 cells" } },
    });
    // an unknown course is answered like a wrong code
    expect((await api(srv.url, "GET", "/groups/course-00000000", undefined, "x")).status).toBe(403);
  });
});
