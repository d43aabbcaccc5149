// `npm run simulate -- --lang fr|ar`: the command line's own lines (what it simulates, progress, the checks with
// their status, measured values and thresholds, the summary) in that language; English as it always was.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "simulate-lang-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function simulate(lang: string) {
  const out = join(dir, lang);
  const args = ["tutorial", "--games", "2", "--profiles", "hawks,passive", "--ablation", "none", "--workers", "1"];
  const r = spawnSync(process.execPath, ["scripts/simulate.ts", ...args, "--out", out, "--lang", lang], {
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return { out: r.stdout, err: r.stderr };
}

describe("the simulate command line's language", () => {
  it("English: the lines it always printed", () => {
    const { out, err } = simulate("en");
    expect(out).toMatch(/^Simulating tutorial: 2 games × 2 ways of playing = 4 games on 1 worker, seed "lab"\n/);
    expect(out).toMatch(
      /\nDone in \d+\.\d s \(\d+ games\/s\)\.\nLesson checks \(\d+ of 19 pass\):\n {2}(PASS|FAIL|UNMEASURED) /,
    );
    expect(out).toContain("threshold: ");
    expect(err).toMatch(/ {2}4\/4 games \(100%\), \d+ games\/s/);
  }, 120_000);

  for (const lang of ["fr", "ar"])
    it(`${lang}: every line in ${lang}, no English sentence left`, () => {
      const { out, err } = simulate(lang);
      const text = `${out}\n${err}`
        // the paths it wrote and the checks' ids are names, not words
        .replaceAll(dir, "")
        .replace(/tutorial(\.lab\.(html|json))?/g, "");
      expect(text).not.toMatch(
        /\b(Simulating|games?|worker|seed|Done|Lesson checks|PASS|FAIL|threshold|Wrote|needs)\b/,
      );
      expect(out.split("\n").filter(Boolean).length).toBeGreaterThan(19 * 3);
    }, 120_000);
});
