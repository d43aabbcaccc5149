// The report command line, run as a user would: a file in, a report out, and
// exit 1 with the reason on a tampered file or an unknown option.
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { buildRecording } from "../../shared/protocol/integrity.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { START, gridRecording } from "./exercises.ts";
import { Driver, control } from "../helpers/driver.ts";
import { loadScenario, rawScenario } from "../helpers/scenarios.ts";
import { ENGINE_VERSION } from "../../shared/engine/version.ts";
import { KEPT_RULES, RULES_VERSION, checkRules } from "../../shared/engine/rules.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "deconflict-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The tutorial started and played on, over the given number of phases. */
function tutorial(phases: number): Driver {
  const d = new Driver(loadScenario("tutorial"), "cli");
  d.do(control, { type: "exercise.start" });
  for (let i = 0; i < phases && d.state.status !== "ended"; i++) d.do(control, { type: "phase.advance" });
  return d;
}

/** A Driver's exercise exported as the server does: where it stands, sealed when a key is given. */
function exportedFile(d: Driver, scenarioJson: unknown, key?: string, engineVersion = ENGINE_VERSION): string {
  const header = {
    engineVersion,
    exerciseId: "ex-cli",
    title: d.state.title,
    createdAt: START,
    seed: d.seed,
    scenario: scenarioJson,
  };
  const taken = { final: d.state.status === "ended", turn: d.state.turn };
  return JSON.stringify(buildRecording(header, d.commands, { taken, sealKey: key }));
}

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ["scripts/report.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("npm run report", () => {
  const input = join(dir, "dark-winter.json");
  writeFileSync(input, JSON.stringify(gridRecording()));

  it("writes the HTML report next to the recording by default, and says where", () => {
    const r = run(input);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const out = join(dir, "dark-winter.report.html");
    expect(r.out).toContain(out);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<h1>Dark Winter: an intrusion in the northern grid</h1>");
    expect(html).toContain(
      "Turn 1: Valdoria blamed Kestria for “Northern grid blackout” on 45% evidence pointing at Kestria; it was a non-state actor.",
    );
    expect(html).toContain("Stop the probes or we respond. &lt;script&gt;");
  });

  it("writes Markdown and CSV where --out says", () => {
    const md = join(dir, "aar.md");
    expect(run(input, "--format", "md", "--out", md).code).toBe(0);
    expect(readFileSync(md, "utf8")).toContain(
      "“Pre-notification of defensive operations”: broken by Kestria in turn 2 — did not pre-notify an operation",
    );
    const csv = join(dir, "timeline.csv");
    expect(run(input, "--format=csv", `--out=${csv}`).code).toBe(0);
    expect(readFileSync(csv, "utf8").split("\r\n")[0]).toBe("\uFEFFseq,time,turn,phase,kind,audience,text");
  });

  it("exits 1 with the reason on a tampered recording, and writes nothing", () => {
    const rec = gridRecording();
    rec.commands[2]!.at += 1;
    const bad = join(dir, "tampered.json");
    writeFileSync(bad, JSON.stringify(rec));
    const r = run(bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Command 3 was altered: its hash does not match the chain");
    expect(existsSync(join(dir, "tampered.report.html"))).toBe(false);
  });

  it("without --data-dir, says the chain is intact but the origin is not verified", () => {
    const unsealed = join(dir, "unsealed.json");
    writeFileSync(unsealed, exportedFile(tutorial(20), rawScenario("tutorial")));
    const r = run(unsealed, "--format", "md", "--out", join(dir, "unchecked.md"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("! Hash chain intact, origin not verified · the file says: final recording");
    expect(r.out).toContain("give --data-dir");
    expect(r.out).not.toContain("Sealed");
    expect(readFileSync(join(dir, "unchecked.md"), "utf8")).toContain("Hash chain intact, origin not verified");
  });

  it("checks the seal with --data-dir, says whether it is the final recording, and refuses a file that server did not seal", () => {
    const dataDir = join(dir, "server-data");
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, "integrity.key"), "server-key\n");
    const sealed = join(dir, "sealed.json");
    writeFileSync(sealed, exportedFile(tutorial(20), rawScenario("tutorial"), "server-key"));
    const ok = run(sealed, "--format", "md", "--data-dir", dataDir);
    expect(ok.err).toBe("");
    expect(ok.out).toContain("✓ Sealed by this server · final recording");
    expect(readFileSync(join(dir, "sealed.report.md"), "utf8")).toContain("Sealed by this server: the final recording");

    const early = join(dir, "early.json");
    writeFileSync(early, exportedFile(tutorial(6), rawScenario("tutorial"), "server-key"));
    const e = run(early, "--format", "md", "--data-dir", dataDir);
    expect(e.out).toContain("✓ Sealed by this server · recording taken while the exercise was still running (turn 2)");

    const other = join(dir, "other.json");
    writeFileSync(other, exportedFile(tutorial(20), rawScenario("tutorial"), "another-server"));
    const r = run(other, "--data-dir", dataDir);
    expect(r.code).toBe(1);
    expect(r.err).toContain("The seal does not match");
    expect(run(sealed, "--data-dir", join(dir, "nowhere")).err).toContain("holds no integrity.key");
  });

  it("checks a recording exported before format 3, and says it cannot tell whether it is final", () => {
    const fixtures = fileURLToPath(new URL("../fixtures/recordings/", import.meta.url));
    const out = join(dir, "fixture.md");
    const r = run(
      join(fixtures, "tutorial-final.recording.json"),
      "--format",
      "md",
      "--out",
      out,
      "--data-dir",
      fixtures,
    );
    expect(r.err).toBe("");
    expect(r.out).toContain("✓ Sealed by this server · format 2: cannot show whether it is the final recording");
    expect(readFileSync(out, "utf8")).toContain("made before recordings were marked final");
  });

  it("exits 1 on an unknown option, an unknown format, a missing file or bad JSON", () => {
    expect(run(input, "--colour")).toMatchObject({ code: 1, err: expect.stringContaining("unknown option --colour") });
    expect(run(input, "--format", "pdf")).toMatchObject({
      code: 1,
      err: expect.stringContaining('unknown format "pdf"'),
    });
    expect(run(join(dir, "missing.json"))).toMatchObject({
      code: 1,
      err: expect.stringContaining("cannot read it (ENOENT)"),
    });
    const junk = join(dir, "junk.json");
    writeFileSync(junk, "{ not json");
    expect(run(junk)).toMatchObject({ code: 1, err: expect.stringContaining("not valid JSON") });
    expect(run()).toMatchObject({ code: 1, err: expect.stringContaining("no recording file given") });
  });
});

describe("npm run report and the rules a recording was played under", () => {
  const [major, minor] = RULES_VERSION.split(".").map(Number) as [number, number];

  it.each(["0.9.0", "9.0.0", `${major}.${minor + 1}.0`])(
    "exits 1 on a recording of rules %s, naming both versions, and writes nothing",
    (v) => {
      const name = `rules-${v}`;
      const input = join(dir, `${name}.json`);
      writeFileSync(input, exportedFile(tutorial(6), rawScenario("tutorial"), undefined, v));
      for (const format of ["html", "json"]) {
        const r = run(input, "--format", format);
        expect(r.code).toBe(1);
        const rules = v.split(".").slice(0, 2).join(".");
        expect(r.err).toContain(`Recorded under rules ${rules}; this Deconflict runs ${RULES_VERSION}`);
        expect(r.err).toContain((checkRules(v) as { message: string }).message);
        expect(existsSync(join(dir, `${name}.report.${format}`))).toBe(false);
      }
    },
  );

  it("reports on a real recording of engine 1.1.0 through the kept rules and says so, or refuses it by name", () => {
    const fixture = fileURLToPath(new URL("../fixtures/recordings/tutorial-final.recording.json", import.meta.url));
    const out = join(dir, "kept.md");
    const r = run(fixture, "--format", "md", "--out", out);
    if ("1.1" in KEPT_RULES) {
      expect(r.code).toBe(0);
      expect(r.out).toContain(
        `! Recorded under rules 1.1; replayed by the copy of those rules this Deconflict (rules ${RULES_VERSION}) keeps, with the same outcome.`,
      );
      expect(readFileSync(out, "utf8")).toContain("First Light");
    } else {
      expect(r.code).toBe(1);
      expect(r.err).toContain(`Recorded under rules 1.1; this Deconflict runs ${RULES_VERSION}`);
    }
  });

  it("says nothing about rules for a recording of this engine's own", () => {
    const input = join(dir, "own-rules.json");
    writeFileSync(input, exportedFile(tutorial(6), rawScenario("tutorial")));
    const r = run(input, "--format", "md");
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("Recorded under rules");
  });
});
