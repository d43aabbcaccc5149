// The report route writes the report in the language asked for (?lang=), and refuses
// a language it does not ship by name; only the facilitator's code opens it, in every language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { api, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

async function reportIn(
  id: string,
  code: string,
  query: string,
): Promise<{ status: number; text: string; csp: string }> {
  const res = await fetch(`${srv.url}/api/exercises/${id}/report?${query}`, {
    headers: { authorization: `Bearer ${code}` },
  });
  return { status: res.status, text: await res.text(), csp: res.headers.get("content-security-policy") ?? "" };
}

/** The CSP source of the report's one stylesheet, as a browser computes it. */
function styleHash(html: string): string {
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
  return `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;
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

  it("each language's report comes under a policy allowing its own stylesheet (the print footer is worded in it)", async () => {
    const ex = await createExercise(srv.url, "tutorial", "report-lang-csp");
    const hashes = new Set<string>();
    for (const lang of ["en", "fr", "es", "ar"]) {
      const r = await reportIn(ex.exerciseId, ex.codes.facilitator, `format=html&lang=${lang}`);
      const hash = styleHash(r.text);
      expect(r.csp).toContain(`style-src ${hash};`);
      expect(r.text).toContain(`style-src ${hash};`);
      hashes.add(hash);
    }
    expect(hashes.size).toBe(4);
  });

  it("Markdown and CSV follow ?lang= too: headings, tables and the timeline's columns", async () => {
    const ex = await createExercise(srv.url, "tutorial", "report-lang-md");
    const md = await reportIn(ex.exerciseId, ex.codes.facilitator, "format=md&lang=fr");
    expect(md.status).toBe(200);
    expect(md.text).toContain("# Rapport après action : ");
    expect(md.text).toContain("## 1. Synthèse");
    const csv = await reportIn(ex.exerciseId, ex.codes.facilitator, "format=csv&lang=ar");
    expect(csv.text.split("\r\n")[0]).toBe("الرقم,الوقت,الجولة,المرحلة,النوع,المطّلعون,النص");
    const en = await reportIn(ex.exerciseId, ex.codes.facilitator, "format=csv");
    expect(en.text.split("\r\n")[0]).toBe("seq,time,turn,phase,kind,audience,text");
  });
});
