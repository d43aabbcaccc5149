// The lab on a saved scenario: a run is keyed by the scenario's content, so a draft saved again after a change
// gets a run of its own and never the old draft's checks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, startTestServer, type TestServer } from "../helpers/server.ts";
import { rawScenario } from "../helpers/scenarios.ts";

async function finished(url: string, id: string): Promise<void> {
  const start = Date.now();
  for (;;) {
    const r = await api(url, "GET", `/lab/runs/${id}`);
    if (r.body.status === "done") return;
    if (r.body.status === "failed" || Date.now() - start > 120_000)
      throw new Error(`run ${id}: ${JSON.stringify(r.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the lab on a studio draft", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("runs a changed draft anew, and finds the same draft's run again", async () => {
    const draft = { ...rawScenario("tutorial"), id: "lab-draft", title: "Lab draft" };
    await api(server.url, "POST", "/studio/scenarios/lab-draft/versions", { scenario: draft });
    const first = await api(server.url, "POST", "/lab/runs", { scenarioId: "lab-draft", games: 1, seed: "s" });
    expect(first.status).toBe(202);
    await finished(server.url, first.body.id);

    const changed = { ...draft, summary: "The same draft, changed after its first run." };
    expect((await api(server.url, "POST", "/studio/scenarios/lab-draft/versions", { scenario: changed })).status).toBe(
      201,
    );
    const second = await api(server.url, "POST", "/lab/runs", { scenarioId: "lab-draft", games: 1, seed: "s" });
    expect(second.status).toBe(202);
    expect(second.body.id).not.toBe(first.body.id);
    await finished(server.url, second.body.id);
    const again = await api(server.url, "POST", "/lab/runs", { scenarioId: "lab-draft", games: 1, seed: "s" });
    expect(again).toMatchObject({ status: 200, body: { id: second.body.id, status: "done" } });
  }, 240_000);
});
