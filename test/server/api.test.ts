import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Participant, api, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";
import { recording as recordingSchema } from "../../shared/protocol/recording.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

describe("HTTP API", () => {
  it("reports health and the scenario catalogue", async () => {
    const health = await api(srv.url, "GET", "/health");
    expect(health).toMatchObject({ status: 200, body: { ok: true, version: expect.any(String) } });
    const list = await api(srv.url, "GET", "/scenarios");
    expect(list.status).toBe(200);
    const tutorial = list.body.find((s: { id: string }) => s.id === "tutorial");
    expect(tutorial).toMatchObject({
      title: expect.any(String),
      summary: expect.any(String),
      teams: [
        { id: "borealis", name: "Borealis" },
        { id: "austral", name: "Austral" },
      ],
      mediator: true,
      turns: 4,
    });
    expect(list.body.map((s: { id: string }) => s.id).sort()).toEqual([
      "civilian-shield",
      "early-warning",
      "grid-intrusion",
      "tutorial",
    ]);
    // the four-turn tutorial comes first, where a first-time facilitator looks
    expect(list.body[0].id).toBe("tutorial");
  });

  it("creates an exercise with unguessable codes for every seat", async () => {
    const r = await api(srv.url, "POST", "/exercises", { scenarioId: "civilian-shield", title: "Cell A", seed: "s-1" });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      exerciseId: expect.stringMatching(/^ex-/),
      roomId: r.body.exerciseId,
      title: "Cell A",
      seed: "s-1",
    });
    const codes = [
      r.body.codes.facilitator,
      r.body.codes.observer,
      r.body.codes.mediator,
      ...Object.values(r.body.codes.teams),
    ] as string[];
    expect(Object.keys(r.body.codes.teams)).toHaveLength(4);
    expect(new Set(codes).size).toBe(codes.length);
    // 20 base32 characters carry 100 bits
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    const noMediator = await createExercise(srv.url, "tutorial");
    expect(noMediator.codes.mediator).toEqual(expect.any(String));
  });

  it("refuses bad requests with a JSON error and the right status", async () => {
    expect(await api(srv.url, "POST", "/exercises", { scenarioId: "nope" })).toMatchObject({
      status: 404,
      body: {
        error: {
          code: "unknown-scenario",
          message: expect.stringContaining('There is no scenario "nope" (available:'),
        },
      },
    });
    expect(await api(srv.url, "POST", "/exercises", {})).toMatchObject({
      status: 400,
      body: { error: { code: "invalid-request", message: expect.stringContaining("scenarioId") } },
    });
    expect(await api(srv.url, "POST", "/exercises", { scenarioId: "tutorial", colour: "red" })).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining("colour") } },
    });
    expect(await api(srv.url, "POST", "/exercises", "{ not json")).toMatchObject({
      status: 400,
      body: { error: { code: "bad-json" } },
    });
    // a lone surrogate would not survive storage, and the replayed seed would differ from the live one
    expect(await api(srv.url, "POST", "/exercises", { scenarioId: "tutorial", seed: "ab\ud800" })).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringMatching(/seed.*broken character/) } },
    });
    expect(
      await api(srv.url, "POST", "/exercises", JSON.stringify({ scenarioId: "tutorial", title: "x".repeat(70_000) })),
    ).toMatchObject({
      status: 413,
      body: { error: { code: "too-large" } },
    });
    expect(await api(srv.url, "GET", "/nothing")).toMatchObject({
      status: 404,
      body: { error: { code: "not-found" } },
    });
  });

  it("gives the exercise and its recording to the facilitator only", async () => {
    const ex = await createExercise(srv.url, "tutorial");
    const path = `/exercises/${ex.exerciseId}`;
    expect((await api(srv.url, "GET", path)).status).toBe(401);
    expect((await api(srv.url, "GET", path, undefined, ex.codes.teams.borealis)).status).toBe(403);
    expect((await api(srv.url, "GET", path, undefined, ex.codes.observer)).status).toBe(403);
    expect((await api(srv.url, "GET", `${path}/recording`, undefined, ex.codes.mediator)).status).toBe(403);
    // an unknown id is answered exactly like a wrong code: nothing tells which exercises exist
    const unknown = await api(srv.url, "GET", "/exercises/ex-00000000", undefined, ex.codes.facilitator);
    const wrong = await api(srv.url, "GET", path, undefined, ex.codes.observer);
    expect(unknown).toMatchObject({ status: 403, body: wrong.body });
    const other = await createExercise(srv.url, "tutorial");
    expect((await api(srv.url, "GET", path, undefined, other.codes.facilitator)).status).toBe(403);
    const ok = await api(srv.url, "GET", path, undefined, ex.codes.facilitator);
    expect(ok).toMatchObject({
      status: 200,
      body: { exerciseId: ex.exerciseId, status: "setup", turn: 0, codes: ex.codes },
    });
    const rec = await api(srv.url, "GET", `${path}/recording`, undefined, ex.codes.facilitator);
    expect(rec.status).toBe(200);
    expect(rec.headers.get("content-disposition")).toContain("recording.json");
    expect(recordingSchema.parse(rec.body)).toMatchObject({
      format: "deconflict-recording",
      version: 3,
      exerciseId: ex.exerciseId,
      commands: [],
      head: { count: 0, final: false, turn: 0 },
    });
    expect(rec.body.seal).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives control the after-action report in every format", async () => {
    const ex = await createExercise(srv.url, "tutorial");
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    const bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
    await control.command({ type: "exercise.start" });
    await control.command({ type: "phase.advance" });
    await bo.command({
      type: "hotline.send",
      to: "austral",
      kind: "confirm",
      text: "Was it you? <script>alert(1)</script>",
    });
    const path = `/exercises/${ex.exerciseId}/report`;
    const get = async (q: string, code = ex.codes.facilitator) => {
      const res = await fetch(`${srv.url}/api${path}${q}`, { headers: { authorization: `Bearer ${code}` } });
      return {
        status: res.status,
        type: res.headers.get("content-type") ?? "",
        disposition: res.headers.get("content-disposition"),
        body: await res.text(),
      };
    };
    const html = await get("?format=html");
    expect(html.status).toBe(200);
    expect(html.type).toContain("text/html");
    expect(html.body).toContain("First Light");
    expect(html.body).toContain("Was it you? &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.body).not.toContain("<script>alert(1)</script>");
    // the server holds the key, so its report vouches for the seal, and says the exercise was still running
    expect(html.body).toMatch(
      /Sealed by this server: a recording taken while the exercise was still running \(turn 1\), 3 commands, head [0-9a-f]{16}…/,
    );
    const md = await get("?format=md&download");
    expect(md.type).toContain("text/markdown");
    expect(md.disposition).toMatch(/attachment; filename=".*after-action-report\.md"/);
    const csv = await get("?format=csv");
    expect(csv.body.split("\r\n")[0]).toContain("seq");
    const json = await get("?format=json");
    expect(JSON.parse(json.body)).toMatchObject({ format: "deconflict-recording", head: { count: 3 } });
    expect((await get("?format=pdf")).status).toBe(400);
    expect((await get("?format=html", ex.codes.teams.austral!)).status).toBe(403);
    await control.leave();
    await bo.leave();
  });

  it("tells a participant with only a code where to go", async () => {
    const ex = await createExercise(srv.url, "tutorial");
    const r = await api(srv.url, "POST", "/join", { code: ex.codes.teams.austral!.toLowerCase() });
    expect(r).toMatchObject({
      status: 200,
      body: { exerciseId: ex.exerciseId, roomId: ex.roomId, role: "team", teamId: "austral", seatName: "Austral" },
    });
    expect(await api(srv.url, "POST", "/join", { code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ" })).toMatchObject({
      status: 404,
      body: { error: { code: "unknown-code" } },
    });
  });
});
