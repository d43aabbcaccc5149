// The report route writes the report in the language asked for (?lang=), and refuses
// a language it does not ship by name; only the facilitator's code opens it, in every language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

async function reportIn(id: string, code: string, query: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${srv.url}/api/exercises/${id}/report?${query}`, {
    headers: { authorization: `Bearer ${code}` },
  });
  return { status: res.status, text: await res.text() };
}

describe("the report route's ?lang=", () => {
  it("writes the report in French or Arabic, English by default", async () => {
    const ex = await createExercise(srv.url, "tutorial", "report-lang");
    const fr = await reportIn(ex.exerciseId, ex.codes.facilitator, "format=html&lang=fr");
    expect(fr.status).toBe(200);
    expect(fr.text).toContain('<html lang="fr" dir="ltr">');
    expect(fr.text).toContain("<h2>1. Synthèse</h2>");
    const ar = await reportIn(ex.exerciseId, ex.codes.facilitator, "format=html&lang=ar");
    expect(ar.text).toContain('<html lang="ar" dir="rtl">');
    expect(ar.text).toContain("<h2>1. الملخص التنفيذي</h2>");
    const en = await reportIn(ex.exerciseId, ex.codes.facilitator, "format=html");
    expect(en.text).toContain('<html lang="en" dir="ltr">');
    expect(en.text).toContain("<h2>1. Executive summary</h2>");
  });

  it("refuses an unknown language by name, and a team's code in every language", async () => {
    const ex = await createExercise(srv.url, "tutorial", "report-lang-2");
    const bad = await api(
      srv.url,
      "GET",
      `/exercises/${ex.exerciseId}/report?format=html&lang=xx`,
      undefined,
      ex.codes.facilitator,
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: { code: "invalid-request", message: "lang: use one of en, fr, es, ar" } });
    const team = Object.values(ex.codes.teams)[0]!;
    const refused = await reportIn(ex.exerciseId, team, "format=html&lang=fr");
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain("Synthèse");
  });
});
