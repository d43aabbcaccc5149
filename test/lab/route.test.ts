// The lab over HTTP, against a real server with an organiser code: refused
// without the code, one run at a time, progress, the report, the cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, startTestServer, type TestServer } from "../helpers/server.ts";
import { armsOf, defaultAblation, runLab } from "../../shared/lab/run.ts";
import { PROFILE_IDS } from "../../shared/lab/profiles.ts";
import { LAB_MAX_GAMES } from "../../server/http/lab.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const CODE = "organiser-secret";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ CREATE_CODE: CODE });
});
afterAll(async () => {
  await server?.close();
});

/** Polls a run until `done` holds, keeping every answer seen. */
async function until(id: string, done: (run: { status: string; done: number }) => boolean) {
  const seen: { status: string; done: number; total: number }[] = [];
  for (;;) {
    const r = await api(server.url, "GET", `/lab/runs/${id}`);
    expect(r.status).toBe(200);
    seen.push(r.body);
    if (done(r.body)) return seen;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("the lab route", () => {
  it("refuses to start a run without the organiser code, or with a wrong one", async () => {
    const body = { scenarioId: "tutorial", games: 2 };
    expect(await api(server.url, "POST", "/lab/runs", body)).toMatchObject({
      status: 401,
      body: { error: { code: "create-code-required" } },
    });
    expect(await api(server.url, "POST", "/lab/runs", body, "not-the-code")).toMatchObject({
      status: 403,
      body: { error: { code: "wrong-create-code" } },
    });
    // an id nobody was given opens nothing
    expect((await api(server.url, "GET", "/lab/runs/0123456789abcdef0123")).status).toBe(404);
  });

  it("names what is wrong in a bad request", async () => {
    const big = await api(server.url, "POST", "/lab/runs", { scenarioId: "tutorial", games: LAB_MAX_GAMES + 1 }, CODE);
    expect(big.status).toBe(400);
    expect(big.body.error.message).toContain(`games: at most ${LAB_MAX_GAMES}`);
    const unknown = await api(server.url, "POST", "/lab/runs", { scenarioId: "atlantis" }, CODE);
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "unknown-scenario" } } });
  });

  it("plays a run off the event loop with progress, one at a time, and serves and caches its report", async () => {
    const games = 8;
    // every profile, and the ablation profiles again with trust off and with standing off
    const ablation = defaultAblation(PROFILE_IDS);
    expect(ablation.length).toBeGreaterThan(0);
    const total = games * armsOf({ profiles: [...PROFILE_IDS], ablation }).length;
    // played here first: this thread is the server's too, and a long pause would drop its idle sockets
    const scenario = loadScenario("grid-intrusion");
    const local = runLab({ scenario, profiles: [...PROFILE_IDS], games, seed: "http", ablation });
    const start = await api(
      server.url,
      "POST",
      "/lab/runs",
      { scenarioId: "grid-intrusion", games, seed: "http" },
      CODE,
    );
    expect(start.status).toBe(202);
    expect(start.body).toMatchObject({ status: "running", total, scenarioId: "grid-intrusion" });
    const id: string = start.body.id;
    // a second run waits for the first
    const other = await api(server.url, "POST", "/lab/runs", { scenarioId: "tutorial", games: 2 }, CODE);
    expect(other.status).toBe(409);
    expect(other.body.error.message).toMatch(/Another simulation is running \(grid-intrusion, \d+% done\)/);
    // the server answers while the games are played: progress rises to the end
    const seen = await until(id, (r) => r.status !== "running");
    expect(seen.at(-1)).toMatchObject({ status: "done", done: total });
    expect(seen.some((r) => r.status === "running" && r.done > 0 && r.done < total)).toBe(true);

    const json = await api(server.url, "GET", `/lab/runs/${id}/report?format=json`);
    expect(json.body).toEqual(JSON.parse(JSON.stringify(local)));

    const html = await fetch(`${server.url}/api/lab/runs/${id}/report`);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(html.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'sha256-/);
    const page = await html.text();
    expect(page).toContain("Balance report — Dark Winter");
    for (const c of local.checks) expect(page).toContain(c.title.replace(/'/g, "&#39;"));
    expect(page).toContain("Trust and standing switched off");

    // asking again answers from the cache at once, with the same id
    const again = await api(
      server.url,
      "POST",
      "/lab/runs",
      { scenarioId: "grid-intrusion", games, seed: "http" },
      CODE,
    );
    expect(again).toMatchObject({ status: 200, body: { id, status: "done" } });
  }, 60_000);
});
