// The studio's scenario library over real HTTP: save, list, versions, restore, refusals, and the catalogue
// (a saved scenario creates an exercise at once, joined with the real SDK; it survives a restart).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Participant, api, startTestServer, type TestServer } from "../helpers/server.ts";
import { rawScenario } from "../helpers/scenarios.ts";

type Raw = Record<string, unknown>;

function draft(id: string, title: string): Raw {
  return { ...rawScenario("tutorial"), id, title };
}

describe("the studio's scenario library", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("saves versions, lists them newest first, reads each, and restores an old one as the newest", async () => {
    const first = await api(server.url, "POST", "/studio/scenarios/cert-drill/versions", {
      scenario: draft("cert-drill", "CERT drill"),
      note: "first cut",
    });
    expect(first).toMatchObject({ status: 201, body: { id: "cert-drill", version: 1 } });
    expect(typeof first.body.savedAt).toBe("number");
    const second = await api(server.url, "POST", "/studio/scenarios/cert-drill/versions", {
      scenario: draft("cert-drill", "CERT drill, revised"),
    });
    expect(second.body.version).toBe(2);

    const list = await api(server.url, "GET", "/studio/scenarios");
    expect(list.body.scenarios).toContainEqual({
      id: "cert-drill",
      title: "CERT drill, revised",
      builtIn: false,
      version: 2,
      savedAt: second.body.savedAt,
      turns: 4,
      teams: 2,
    });
    expect(list.body.scenarios).toContainEqual(
      expect.objectContaining({ id: "tutorial", builtIn: true, version: null, savedAt: null }),
    );

    const newest = await api(server.url, "GET", "/studio/scenarios/cert-drill");
    expect(newest.body).toMatchObject({ id: "cert-drill", builtIn: false, version: 2 });
    expect(newest.body.scenario.title).toBe("CERT drill, revised");
    expect(newest.body.versions.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([
      [2, null],
      [1, "first cut"],
    ]);
    const old = await api(server.url, "GET", "/studio/scenarios/cert-drill?version=1");
    expect(old.body).toMatchObject({ version: 1, savedAt: first.body.savedAt, scenario: { title: "CERT drill" } });

    const restored = await api(server.url, "POST", "/studio/scenarios/cert-drill/restore", { version: 1 });
    expect(restored).toMatchObject({ status: 201, body: { id: "cert-drill", version: 3 } });
    const now = await api(server.url, "GET", "/studio/scenarios/cert-drill");
    expect(now.body.scenario).toEqual(draft("cert-drill", "CERT drill"));
    expect(now.body.versions[0]).toMatchObject({ version: 3, restoredFrom: 1, note: "first cut" });
    // nothing was overwritten: version 2 is still there as it was
    const kept = await api(server.url, "GET", "/studio/scenarios/cert-drill?version=2");
    expect(kept.body.scenario.title).toBe("CERT drill, revised");
  });

  it("offers a built-in file read-only, without versions", async () => {
    const r = await api(server.url, "GET", "/studio/scenarios/tutorial");
    expect(r.body).toMatchObject({ id: "tutorial", builtIn: true, version: null, savedAt: null, versions: [] });
    expect(r.body.scenario).toEqual(rawScenario("tutorial"));
  });

  it("refuses a scenario that does not validate, naming each problem by its path", async () => {
    const bad = draft("broken-one", "Broken");
    (bad.teams as Raw[])[0]!.colour = "#fff";
    bad.turns = "four";
    const r = await api(server.url, "POST", "/studio/scenarios/broken-one/versions", { scenario: bad });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid-scenario");
    const paths = r.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["teams[0]", "turns"]));
    expect(r.body.error.message).toMatch(/teams\[0\]: Unrecognized key: "colour"/);
    expect((await api(server.url, "GET", "/studio/scenarios/broken-one")).status).toBe(404);
  });

  it("refuses a built-in id, an id that differs from the address, and bodies that name no scenario", async () => {
    const builtIn = await api(server.url, "POST", "/studio/scenarios/tutorial/versions", {
      scenario: draft("tutorial", "Mine"),
    });
    expect(builtIn).toMatchObject({ status: 409, body: { error: { code: "built-in-scenario" } } });
    expect(builtIn.body.error.message).toMatch(/save it under a new id/);
    const mismatch = await api(server.url, "POST", "/studio/scenarios/one-id/versions", {
      scenario: draft("other-id", "X"),
    });
    expect(mismatch).toMatchObject({ status: 400, body: { error: { code: "id-mismatch" } } });
    expect(mismatch.body.error.message).toMatch(/"other-id".*"one-id"/);
    const empty = await api(server.url, "POST", "/studio/scenarios/one-id/versions", { note: "x" });
    expect(empty).toMatchObject({ status: 400, body: { error: { code: "invalid-request" } } });
    expect(empty.body.error.message).toMatch(/^scenario: /);
    const extra = await api(server.url, "POST", "/studio/scenarios/one-id/versions", { scenario: {}, colour: 1 });
    expect(extra.body.error.message).toMatch(/Unrecognized key: "colour"/);
    const badId = await api(server.url, "POST", "/studio/scenarios/Bad_Id/versions", {
      scenario: draft("Bad_Id", "X"),
    });
    expect(badId).toMatchObject({ status: 400, body: { error: { code: "invalid-request" } } });
    expect(badId.body.error.message).toMatch(/^id: lowercase letters/);
    const noSuch = await api(server.url, "GET", "/studio/scenarios/never-saved");
    expect(noSuch).toMatchObject({ status: 404, body: { error: { code: "unknown-scenario" } } });
    const badVersion = await api(server.url, "GET", "/studio/scenarios/cert-drill?version=zero");
    expect(badVersion.body.error.message).toMatch(/^version: a whole number/);
    const restoreNone = await api(server.url, "POST", "/studio/scenarios/cert-drill/restore", { version: 99 });
    expect(restoreNone).toMatchObject({ status: 404, body: { error: { code: "unknown-version" } } });
  });

  it("makes a saved scenario available at once: the lobby lists it, an exercise is made from it and joined", async () => {
    const scenario = draft("harbour-drill", "Harbour drill");
    expect((await api(server.url, "POST", "/studio/scenarios/harbour-drill/versions", { scenario })).status).toBe(201);
    const lobby = await api(server.url, "GET", "/scenarios");
    expect(lobby.body.map((s: { id: string }) => s.id)).toContain("harbour-drill");
    const created = await api(server.url, "POST", "/exercises", { scenarioId: "harbour-drill", seed: "s" });
    expect(created.status).toBe(201);
    const team = await Participant.join(server.url, created.body.roomId, created.body.codes.teams.borealis, "Bo");
    try {
      expect(team.view.viewer).toEqual({ role: "team", teamId: "borealis" });
      expect(team.view.exercise).toMatchObject({ scenarioId: "harbour-drill", scenarioTitle: "Harbour drill" });
    } finally {
      await team.leave();
    }
    // a later save changes new exercises only; the one made before keeps its scenario
    await api(server.url, "POST", "/studio/scenarios/harbour-drill/versions", {
      scenario: draft("harbour-drill", "Harbour 2"),
    });
    const summary = await api(
      server.url,
      "GET",
      `/exercises/${created.body.exerciseId}`,
      undefined,
      created.body.codes.facilitator,
    );
    expect(summary.body.title).toBe("Harbour drill");
    const later = await api(server.url, "POST", "/exercises", { scenarioId: "harbour-drill" });
    expect(later.body.title).toBe("Harbour 2");
  });
});

describe("the library on disk", () => {
  it("keeps what was saved across a restart, and the catalogue offers it at once", async () => {
    const first = await startTestServer();
    const env = { DATA_DIR: first.dataDir };
    await api(first.url, "POST", "/studio/scenarios/kept-drill/versions", { scenario: draft("kept-drill", "Kept") });
    await first.close();
    const second = await startTestServer(env);
    try {
      const lobby = await api(second.url, "GET", "/scenarios");
      expect(lobby.body.map((s: { id: string }) => s.id)).toContain("kept-drill");
      const r = await api(second.url, "GET", "/studio/scenarios/kept-drill");
      expect(r.body).toMatchObject({ version: 1, scenario: { title: "Kept" } });
    } finally {
      await second.close();
    }
  });
});
