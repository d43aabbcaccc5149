// Injects' attachments over real HTTP: the studio's upload decides the type by the content and refuses
// markup, script and oversize files by name; a participant gets a file only if an inject in its own view
// carries it, and every other caller the same 404. Seats join with the real @colyseus/sdk.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Participant, api, createExercise, startTestServer, type Created, type TestServer } from "../helpers/server.ts";
import { OTHER_TEAM, TEAM, mediaScenarios, png, sha256 } from "./attachments-fixture.ts";
import { rawScenario } from "../helpers/scenarios.ts";

const LIMIT = 8192;
let srv: TestServer;
let media: ReturnType<typeof mediaScenarios>;

beforeAll(async () => {
  media = mediaScenarios();
  srv = await startTestServer({
    SCENARIOS_DIR: media.dir,
    ATTACHMENT_MAX_BYTES: String(LIMIT),
    WRONG_CODES_PER_MINUTE: "50",
  });
});
afterAll(async () => {
  await srv?.close();
});

function upload(body: Uint8Array | string, name: string, type = "application/octet-stream") {
  return fetch(`${srv.url}/api/studio/attachments`, {
    method: "POST",
    headers: { "content-type": type, "x-attachment-name": encodeURIComponent(name) },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
}

function fetchAs(exerciseId: string, id: string, code?: string) {
  return fetch(`${srv.url}/api/exercises/${exerciseId}/attachments/${id}`, {
    headers: code === undefined ? {} : { authorization: `Bearer ${code}` },
  });
}

function expectInert(res: Response, type: string, disposition: "inline" | "attachment") {
  expect(res.headers.get("content-type")).toBe(type);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
  expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^${disposition};`));
  expect(res.headers.get("cache-control")).toMatch(/^private/);
}

describe("the studio's upload", () => {
  it("accepts a PNG, names it by its content's hash, and previews it with inert headers", async () => {
    const bytes = png(8, 0x22);
    // the header lies: the content decides
    const res = await upload(bytes, "harbour photo.png", "text/html");
    expect(res.status).toBe(201);
    const info = await res.json();
    expect(info).toEqual({ id: sha256(bytes), mediaType: "image/png", size: bytes.length, name: "harbour photo.png" });
    const preview = await fetch(`${srv.url}/api/studio/attachments/${info.id}`);
    expect(preview.status).toBe(200);
    expectInert(preview, "image/png", "inline");
    expect(Buffer.from(await preview.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("refuses an HTML page named .png, naming what it is", async () => {
    const res = await upload(
      "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
      "photo.png",
      "image/png",
    );
    expect(res.status).toBe(415);
    const { error } = await res.json();
    expect(error.code).toBe("unsupported-attachment");
    expect(error.message).toMatch(/HTML page/);
  });

  it("refuses an SVG image with script in it", async () => {
    const svg = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>`;
    const res = await upload(svg, "chart.svg", "image/svg+xml");
    expect(res.status).toBe(415);
    const { error } = await res.json();
    expect(error.code).toBe("unsupported-attachment");
    expect(error.message).toMatch(/SVG image with script/);
  });

  it("refuses a PNG with a page hidden in it, and a PDF that runs script", async () => {
    const polyglot = Buffer.concat([png(4, 0x33), Buffer.from("<html><script>alert(1)</script>")]);
    expect((await upload(polyglot, "p.png")).status).toBe(415);
    const pdf =
      "%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF";
    const res = await upload(pdf, "brief.pdf", "application/pdf");
    expect(res.status).toBe(415);
    expect((await res.json()).error.message).toMatch(/PDF document with script/);
  });

  it("accepts a plain PDF and serves it as a download", async () => {
    const pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n";
    const res = await upload(pdf, "brief.pdf");
    expect(res.status).toBe(201);
    const info = await res.json();
    expect(info.mediaType).toBe("application/pdf");
    const got = await fetch(`${srv.url}/api/studio/attachments/${info.id}`);
    expectInert(got, "application/pdf", "attachment");
  });

  it("refuses a file over ATTACHMENT_MAX_BYTES, with the limit in the message", async () => {
    const big = Buffer.concat([png(4), Buffer.alloc(LIMIT)]);
    const res = await upload(big, "big.png");
    expect(res.status).toBe(413);
    const { error } = await res.json();
    expect(error.code).toBe("attachment-too-large");
    expect(error.message).toContain("8 KB");
    expect(error.params.limit).toBe(LIMIT);
  });

  it("answers an unknown id with 404", async () => {
    expect((await fetch(`${srv.url}/api/studio/attachments/${"e".repeat(64)}`)).status).toBe(404);
  });
});

describe("the scenarios' media", () => {
  it("loads scenarios/media at start-up and refuses a scenario naming a file nobody stored", async () => {
    const list = await api(srv.url, "GET", "/scenarios");
    const ids = (list.body as { id: string }[]).map((s) => s.id);
    expect(ids).toContain("tutorial-media");
    expect(ids).not.toContain("tutorial-missing-media");
    const problem = srv.app.hub.catalogue.problems.find((p) => p.file.includes("tutorial-missing-media"));
    expect(problem?.issues[0]).toMatchObject({ path: "injects[0].attachments[0].id" });
    expect(problem?.issues[0]?.message).toMatch(/upload the file in the studio/);
  });
});

describe("the studio's save", () => {
  it("refuses a scenario naming a file the store lacks, by its path, and saves it once the file is uploaded", async () => {
    const scenario = structuredClone(rawScenario("tutorial")) as { id: string; injects: { attachments?: unknown }[] };
    scenario.id = "tutorial-own-media";
    const file = png(5, 0x77);
    scenario.injects[1]!.attachments = [{ kind: "file", id: sha256(file) }];
    const path = `/studio/scenarios/${scenario.id}/versions`;
    const refused = await api(srv.url, "POST", path, { scenario });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("invalid-scenario");
    expect(refused.body.error.issues).toEqual([
      { path: "injects[1].attachments[0].id", message: expect.stringMatching(/upload the file in the studio/) },
    ]);
    expect((await upload(file, "own.png")).status).toBe(201);
    expect((await api(srv.url, "POST", path, { scenario })).status).toBe(201);
  });
});

describe("a participant's copy", () => {
  let ex: Created;
  let teamImage: string;
  let controlImage: string;

  beforeAll(async () => {
    ex = await createExercise(srv.url, "tutorial-media", "media-seed");
    teamImage = sha256(media.teamImage);
    controlImage = sha256(media.controlImage);
  });

  it("is not given before the inject is released, then only to the seat whose view holds it", async () => {
    // pending: not in the team's view yet
    expect((await fetchAs(ex.exerciseId, teamImage, ex.codes.teams[TEAM])).status).toBe(404);
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    const team = await Participant.join(srv.url, ex.roomId, ex.codes.teams[TEAM]!, "Ana");
    await control.command({ type: "exercise.start" });
    await team.until(() => team.view.injects.some((i) => i.id === "austral-intel" && i.attachments?.length === 2));
    const own = await fetchAs(ex.exerciseId, teamImage, ex.codes.teams[TEAM]);
    expect(own.status).toBe(200);
    expectInert(own, "image/png", "inline");
    expect(Buffer.from(await own.arrayBuffer()).equals(media.teamImage)).toBe(true);
    // control fetches every attachment of its exercise, its own note's included
    expect((await fetchAs(ex.exerciseId, teamImage, ex.codes.facilitator)).status).toBe(200);
    expect((await fetchAs(ex.exerciseId, controlImage, ex.codes.facilitator)).status).toBe(200);
    await Promise.all([control.leave(), team.leave()]);
  });

  it("answers another team, an observer, the display, an anonymous caller and a wrong code with the same 404", async () => {
    const answers = [
      await fetchAs(ex.exerciseId, teamImage, ex.codes.teams[OTHER_TEAM]),
      await fetchAs(ex.exerciseId, teamImage, ex.codes.observer),
      await fetchAs(ex.exerciseId, controlImage, ex.codes.teams[TEAM]),
      await fetchAs(ex.exerciseId, teamImage),
      await fetchAs(ex.exerciseId, teamImage, "WRONG-CODE-1234"),
      // a code of another exercise, and a file stored but on no inject of this one
      await fetchAs("no-such-exercise", teamImage, ex.codes.teams[TEAM]),
      await fetchAs(ex.exerciseId, sha256(png(8, 0x22)), ex.codes.facilitator),
    ];
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 404));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toContain(teamImage);
  });

  it("counts wrong codes like the API does", async () => {
    let last = 0;
    for (let i = 0; i < 150 && last !== 429; i++) last = (await fetchAs(ex.exerciseId, teamImage, `WRONG-${i}`)).status;
    expect(last).toBe(429);
  });
});
