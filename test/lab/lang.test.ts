// The lab report in the reader's language: check titles, status words, the checks table's and the sections' headings from the
// lab-report catalogue (?lang= on the route, --lang on the command line); English output unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, startTestServer, type TestServer } from "../helpers/server.ts";
import { runLab } from "../../shared/lab/run.ts";
import { labHtml } from "../../shared/lab/html.ts";
import { labTranslator } from "../../shared/lab/words.ts";
import { LESSONS } from "../../shared/lab/thresholds.ts";
import { checksTable, parseArgs } from "../../scripts/simulate.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const CODE = "organiser-secret";
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ CREATE_CODE: CODE });
});
afterAll(() => server?.close());

const fr = labTranslator("fr");
const report = runLab({ scenario: loadScenario("tutorial"), profiles: ["diplomats", "hawks"], games: 2, seed: "lang" });

describe("the lab report's language", () => {
  it("is English by default, with the lab's own titles, and the same with lang en", () => {
    const html = labHtml(report);
    expect(labHtml(report, "en")).toBe(html);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2 id="outcomes">Outcomes by profile</h2>');
    expect(html).toContain('<h2 id="method">Method</h2>');
    for (const c of report.checks) expect(html).toContain(c.title.replace(/'/g, "&#39;"));
  });

  it("words every check title and the checks table in French, and reads right to left in Arabic", () => {
    const html = labHtml(report, "fr");
    expect(html).toContain('<html lang="fr">');
    for (const lesson of LESSONS) {
      const title = fr.t(`lab-report.check.${lesson.id}`);
      expect(title).not.toBe(lesson.title);
      if (report.checks.some((c) => c.id === lesson.id)) expect(html).toContain(title);
    }
    expect(html).toContain(`<h2 id="checks">${fr.t("lab-report.checks-heading")}</h2>`);
    expect(html).toContain(`<h2 id="outcomes">${fr.t("lab-report.section.outcomes")}</h2>`);
    expect(html).toContain(`<h2 id="method">${fr.t("lab-report.section.method")}</h2>`);
    expect(html).toContain(fr.t("lab-report.tile.passed"));
    expect(html).toContain(`${report.gamesPerProfile} parties par profil, ${report.profiles.length} profils`);
    expect(labHtml(report, "ar")).toContain('<html lang="ar" dir="rtl">');
  });

  it("the command line takes --lang, refuses an unknown one by name, and prints titles in that language", () => {
    expect(parseArgs(["tutorial", "--lang", "es"]).lang).toBe("es");
    expect(parseArgs(["tutorial"]).lang).toBe("en");
    expect(() => parseArgs(["tutorial", "--lang", "xx"])).toThrow(/--lang: use one of en, .* \(got "xx"\)/);
    const c = report.checks[0]!;
    expect(checksTable(report)).toContain(c.title);
    expect(checksTable(report, fr)).toContain(fr.t(`lab-report.check.${c.id}`));
  });

  it("the route serves the report in ?lang= and refuses an unknown language with a clear error", async () => {
    const start = await api(server.url, "POST", "/lab/runs", { scenarioId: "tutorial", games: 2, seed: "l" }, CODE);
    expect([200, 202]).toContain(start.status);
    const id: string = start.body.id;
    for (;;) {
      const r = await api(server.url, "GET", `/lab/runs/${id}`);
      if (r.body.status !== "running") break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const page = await (await fetch(`${server.url}/api/lab/runs/${id}/report?lang=fr`)).text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain(fr.t("lab-report.checks-heading"));
    const bad = await fetch(`${server.url}/api/lab/runs/${id}/report?lang=xx`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^lang: use one of en, /);
  }, 60_000);
});
