// A server started with CREATE_CODE: only organisers create exercises.
import { describe, expect, it } from "vitest";
import { api, startTestServer } from "../helpers/server.ts";

describe("a server with an organiser code", () => {
  it("lets only those who know CREATE_CODE create exercises and courses", async () => {
    const locked = await startTestServer({ CREATE_CODE: "organiser-secret" });
    try {
      expect((await api(locked.url, "GET", "/health")).body.createCodeRequired).toBe(true);
      expect(await api(locked.url, "POST", "/exercises", { scenarioId: "tutorial" })).toMatchObject({
        status: 401,
        body: { error: { code: "create-code-required" } },
      });
      expect(
        await api(locked.url, "POST", "/groups", { scenarioId: "tutorial", cells: 2 }, "guess-guess"),
      ).toMatchObject({ status: 403, body: { error: { code: "wrong-create-code" } } });
      expect((await api(locked.url, "POST", "/exercises", { scenarioId: "tutorial" }, "organiser-secret")).status).toBe(
        201,
      );
    } finally {
      await locked.close();
    }
  });
});
