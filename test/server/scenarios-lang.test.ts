// The lobby's scenario cards in the reader's language: GET /api/scenarios?lang=.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, startTestServer, type TestServer } from "../helpers/server.ts";
import type { ScenarioSummary } from "../../shared/protocol/http.ts";

interface File {
  id: string;
  title: string;
  summary: string;
  translations: Record<string, Record<string, string>>;
}
const tutorial = JSON.parse(readFileSync("scenarios/tutorial.json", "utf8")) as File;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const card = async (query: string) => {
  const r = await api(server.url, "GET", `/scenarios${query}`);
  expect(r.status).toBe(200);
  return (r.body as ScenarioSummary[]).find((s) => s.id === tutorial.id)!;
};

describe("GET /api/scenarios?lang=", () => {
  it("keeps the scenario's own English without ?lang= and with lang=en", async () => {
    for (const q of ["", "?lang=en"]) {
      const c = await card(q);
      expect(c.title).toBe(tutorial.title);
      expect(c.summary).toBe(tutorial.summary);
    }
  });

  it("answers with the translated title and summary for French and Arabic", async () => {
    for (const lang of ["fr", "ar"]) {
      const c = await card(`?lang=${lang}`);
      expect(c.title).toBe(tutorial.translations[lang]!.title);
      expect(c.summary).toBe(tutorial.translations[lang]!.summary);
      expect(c.title).not.toBe(tutorial.title);
    }
  });

  it("lists the same scenarios in the same order in every language", async () => {
    const en = (await api(server.url, "GET", "/scenarios")).body as ScenarioSummary[];
    const fr = (await api(server.url, "GET", "/scenarios?lang=fr")).body as ScenarioSummary[];
    expect(fr.map((s) => s.id)).toEqual(en.map((s) => s.id));
  });

  it("refuses an unknown language with a clear error naming lang", async () => {
    const r = await api(server.url, "GET", "/scenarios?lang=xx");
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid-request");
    expect(r.body.error.message).toMatch(/^lang: use one of en, /);
  });
});
