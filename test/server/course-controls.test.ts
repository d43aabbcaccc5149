// Course-wide controls: one command from the course dashboard reaches every cell,
// is recorded in each like any command, and the answer says what each cell did.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Participant, api, startTestServer, type TestServer } from "../helpers/server.ts";

interface Cell {
  exerciseId: string;
  roomId: string;
  codes: { facilitator: string; teams: Record<string, string> };
}
interface Course {
  groupId: string;
  code: string;
  cells: Cell[];
}
interface Result {
  exerciseId: string;
  ok: boolean;
  code?: string;
  message?: string;
}

async function createCourse(url: string): Promise<Course> {
  const r = await api(url, "POST", "/groups", { scenarioId: "tutorial", cells: 2, title: "Course controls" });
  if (r.status !== 201) throw new Error(`course not created: ${JSON.stringify(r.body)}`);
  return r.body as Course;
}

const control = (url: string, c: Course, body: unknown, code: string | undefined = c.code) =>
  api(url, "POST", `/groups/${c.groupId}/control`, body, code);

let srv: TestServer;
const people: Participant[] = [];
beforeAll(async () => {
  srv = await startTestServer();
});
afterEach(async () => {
  await Promise.all(people.splice(0).map((p) => p.leave()));
});
afterAll(async () => {
  await srv?.close();
});

describe("course-wide controls", () => {
  it("start, pause, resume, advance and an ad-hoc inject reach every cell's participants", async () => {
    const course = await createCourse(srv.url);
    const players = await Promise.all(
      course.cells.map((cell, i) =>
        Participant.join(srv.url, cell.roomId, Object.values(cell.codes.teams)[0]!, `Player ${i}`),
      ),
    );
    people.push(...players);
    const everyone = (status: string) =>
      Promise.all(players.map((p) => p.until(() => p.view.exercise.status === status, `every cell ${status}`)));

    const started = await control(srv.url, course, { action: "start" });
    expect(started.status).toBe(200);
    expect(started.body.results.map((r: Result) => [r.exerciseId, r.ok])).toEqual(
      course.cells.map((c) => [c.exerciseId, true]),
    );
    await everyone("running");

    const paused = await control(srv.url, course, { action: "pause", reason: "lunch break" });
    expect(paused.body.results.every((r: Result) => r.ok)).toBe(true);
    await everyone("paused");

    expect((await control(srv.url, course, { action: "resume" })).body.results.every((r: Result) => r.ok)).toBe(true);
    await everyone("running");

    const where = (p: Participant) => `${p.view.exercise.turn}/${p.view.exercise.phaseIndex}`;
    const phases = players.map(where);
    expect((await control(srv.url, course, { action: "advance" })).body.results.every((r: Result) => r.ok)).toBe(true);
    await Promise.all(players.map((p, i) => p.until(() => where(p) !== phases[i], "the next phase")));

    const inject = { action: "inject", title: "Breaking news", text: "COURSE-WIDE-INJECT", audience: ["all"] };
    expect((await control(srv.url, course, inject)).body.results.every((r: Result) => r.ok)).toBe(true);
    await Promise.all(
      players.map((p) => p.until(() => p.view.injects.some((i) => i.body === "COURSE-WIDE-INJECT"), "the inject")),
    );

    // each cell's recording holds the commands, given by the course's control
    for (const cell of course.cells) {
      const rec = await api(srv.url, "GET", `/exercises/${cell.exerciseId}/recording`, undefined, course.code);
      const byCourse = rec.body.commands.filter((c: { actor: { name: string } }) => c.actor.name === "Course control");
      expect(byCourse.map((c: { command: { type: string } }) => c.command.type)).toEqual([
        "exercise.start",
        "exercise.pause",
        "exercise.resume",
        "phase.advance",
        "inject.create",
      ]);
    }
  });

  it("reports a cell that refuses, with the engine's reason, and still commands the others", async () => {
    const course = await createCourse(srv.url);
    const [a, b] = course.cells as [Cell, Cell];
    const playerA = await Participant.join(srv.url, a.roomId, Object.values(a.codes.teams)[0]!, "Ann");
    const controlB = await Participant.join(srv.url, b.roomId, b.codes.facilitator, "Bob");
    people.push(playerA, controlB);
    await control(srv.url, course, { action: "start" });
    await controlB.command({ type: "exercise.end", reason: "cell B finished early" });

    const r = await control(srv.url, course, { action: "pause" });
    expect(r.status).toBe(200);
    const [ra, rb] = r.body.results as [Result, Result];
    expect(ra).toMatchObject({ exerciseId: a.exerciseId, ok: true });
    expect(rb).toMatchObject({ exerciseId: b.exerciseId, ok: false });
    expect(rb.message).toMatch(/ended|finished|over/i);
    await playerA.until(() => playerA.view.exercise.status === "paused", "cell A paused");
    expect(controlB.view.exercise.status).toBe("ended");
  });

  it("asks for the course code and names a bad field", async () => {
    const course = await createCourse(srv.url);
    const cellCode = course.cells[0]!.codes.facilitator;
    expect((await control(srv.url, course, { action: "pause" }, "")).status).toBe(401);
    const wrong = await control(srv.url, course, { action: "pause" }, cellCode);
    expect(wrong.status).toBe(403);
    const other = await createCourse(srv.url);
    expect((await control(srv.url, course, { action: "pause" }, other.code)).status).toBe(403);

    const unknown = await control(srv.url, course, { action: "explode" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/action/);
    const noText = await control(srv.url, course, { action: "inject", title: "T", audience: ["all"] });
    expect(noText.status).toBe(400);
    expect(noText.body.error.message).toMatch(/text/);
    const noAudience = await control(srv.url, course, { action: "inject", title: "T", text: "x", audience: [] });
    expect(noAudience.status).toBe(400);
    expect(noAudience.body.error.message).toMatch(/audience/);

    // nothing of it reached a cell
    const dash = await api(srv.url, "GET", `/groups/${course.groupId}`, undefined, course.code);
    expect(dash.body.cells.map((c: { status: string }) => c.status)).toEqual(["setup", "setup"]);
  });

  it("counts wrong course codes against WRONG_CODES_PER_MINUTE", async () => {
    const limited = await startTestServer({ WRONG_CODES_PER_MINUTE: "2" });
    try {
      const course = await createCourse(limited.url);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await control(limited.url, course, { action: "start" }, `AAAA-BBBB-CCCC-DDDD-EEE${i}`)).status);
      expect(statuses.slice(0, 4)).toEqual([403, 403, 403, 403]);
      expect(statuses.at(-1)).toBe(429);
      // the right code from that address waits too, and no cell was started
      expect((await control(limited.url, course, { action: "start" })).status).toBe(429);
      const dash = await api(limited.url, "GET", `/groups/${course.groupId}`, undefined, course.code);
      expect(dash.status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
