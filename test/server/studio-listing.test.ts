// The lobby's list and the studio's saved scenarios: on a server with an organiser code, a saved
// scenario's title and summary are the organisers' own, listed only to a caller who gives the code.
import { describe, expect, it } from "vitest";
import { api, startTestServer } from "../helpers/server.ts";
import { rawScenario } from "../helpers/scenarios.ts";

const scenario = { ...rawScenario("tutorial"), id: "confidential-drill", title: "Operation Quiet Harbour" };
const ids = (r: { body: { id: string }[] }) => r.body.map((s) => s.id);

describe("the lobby's scenario list", () => {
  it("lists a saved scenario to the organiser only; the files to everyone", async () => {
    const server = await startTestServer({ CREATE_CODE: "organiser-secret" });
    try {
      const saved = await api(
        server.url,
        "POST",
        "/studio/scenarios/confidential-drill/versions",
        { scenario },
        "organiser-secret",
      );
      expect(saved.status).toBe(201);
      const anonymous = await api(server.url, "GET", "/scenarios");
      expect(anonymous.status).toBe(200);
      expect(ids(anonymous)).toContain("tutorial");
      expect(ids(anonymous)).not.toContain("confidential-drill");
      expect(JSON.stringify(anonymous.body)).not.toContain("Quiet Harbour");
      const wrong = await api(server.url, "GET", "/scenarios", undefined, "not-the-code");
      expect(ids(wrong)).not.toContain("confidential-drill");
      const organiser = await api(server.url, "GET", "/scenarios?lang=fr", undefined, "organiser-secret");
      expect(ids(organiser)).toEqual(expect.arrayContaining(["tutorial", "confidential-drill"]));
    } finally {
      await server.close();
    }
  });

  it("lists saved scenarios to everyone on a server without an organiser code (everyone may create there)", async () => {
    const server = await startTestServer();
    try {
      expect(
        (await api(server.url, "POST", "/studio/scenarios/confidential-drill/versions", { scenario })).status,
      ).toBe(201);
      expect(ids(await api(server.url, "GET", "/scenarios"))).toContain("confidential-drill");
    } finally {
      await server.close();
    }
  });
});
