// The studio's files over real HTTP: import (JSON or YAML), download (JSON or YAML), and the round trip
// of every built-in scenario through the studio (saved under a new id, read back unchanged).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, startTestServer, type TestServer } from "../helpers/server.ts";
import { rawScenario, scenarioFiles } from "../helpers/scenarios.ts";
import { parseScenarioText } from "../../shared/scenario/parse.ts";

describe("the studio's scenario files", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const download = (path: string) => fetch(`${server.url}/api/studio/scenarios/${path}`);

  it("keeps every built-in scenario unchanged through the studio: saved, read back, deep equal", async () => {
    for (const file of scenarioFiles()) {
      const id = file.replace(/\.json$/, "");
      const copy = { ...rawScenario(id), id: `${id}-copy` };
      const saved = await api(server.url, "POST", `/studio/scenarios/${id}-copy/versions`, { scenario: copy });
      expect(saved.status, JSON.stringify(saved.body)).toBe(201);
      const back = await api(server.url, "GET", `/studio/scenarios/${id}-copy`);
      expect(back.body.scenario).toStrictEqual(copy);
      const json = await (await download(`${id}-copy/file?format=json`)).text();
      expect(JSON.parse(json)).toStrictEqual(copy);
    }
  });

  it("downloads a scenario as YAML that reads back to the same scenario, with the schema line for editors", async () => {
    const res = await download("tutorial/file?format=yaml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/yaml/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="tutorial.yaml"');
    const text = await res.text();
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./scenario.schema.json");
    const back = parseScenarioText(text, "yaml");
    expect(back.ok).toBe(true);
    const imported = await api(server.url, "POST", "/studio/import", { text, name: "tutorial.yaml" });
    expect(imported.body).toStrictEqual({ ok: true, scenario: rawScenario("tutorial") });
  });

  it("downloads a saved version by number, as JSON named after it", async () => {
    const scenario = { ...rawScenario("tutorial"), id: "versioned", title: "Versioned one" };
    await api(server.url, "POST", "/studio/scenarios/versioned/versions", { scenario });
    await api(server.url, "POST", "/studio/scenarios/versioned/versions", { scenario: { ...scenario, title: "Two" } });
    const res = await download("versioned/file?format=json&version=1");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="versioned-v1.json"');
    expect(((await res.json()) as { title: string }).title).toBe("Versioned one");
    const bad = await api(server.url, "GET", "/studio/scenarios/versioned/file?format=docx");
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "invalid-request" } } });
    expect(bad.body.error.message).toMatch(/format: use json or yaml/);
  });

  it("imports JSON or YAML, and names each problem: the syntax by line and column, the scenario by path", async () => {
    const json = JSON.stringify(rawScenario("grid-intrusion"));
    expect((await api(server.url, "POST", "/studio/import", { text: json })).body).toMatchObject({ ok: true });

    const broken = await api(server.url, "POST", "/studio/import", {
      text: "id: x\ntitle: [a, b\nturns: 3\n",
      name: "x.yaml",
    });
    expect(broken.body.ok).toBe(false);
    expect(broken.body.issues[0].message).toMatch(/^not valid YAML at line \d+, column \d+: /);

    const noTurns = "id: small\ntitle: Small\nturns: none\n";
    const invalid = await api(server.url, "POST", "/studio/import", { text: noTurns });
    expect(invalid.body.ok).toBe(false);
    expect(invalid.body.issues).toContainEqual(expect.objectContaining({ path: "turns" }));
    // the text was read, so the studio receives it to fix in its forms
    expect(invalid.body.scenario).toMatchObject({ id: "small", turns: "none" });

    const notJson = await api(server.url, "POST", "/studio/import", { text: '{ "id": ', name: "x.json" });
    expect(notJson.body.issues[0].message).toMatch(/^not valid JSON/);
    const empty = await api(server.url, "POST", "/studio/import", { text: "" });
    expect(empty).toMatchObject({
      status: 400,
      body: { error: { code: "invalid-request", message: "text: the file is empty" } },
    });
  });
});
