// The report command line, run as a user would: a file in, a report out, and
// exit 1 with the reason on a tampered file or an unknown option.
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { sealOf } from "../../shared/protocol/integrity.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gridRecording } from "./exercises.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "deconflict-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ["scripts/report.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
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
    expect(html).toContain("Turn 1: Valdoria blamed Kestria for “Northern grid blackout” on 45 % evidence pointing at Kestria; it was a non-state actor.");
    expect(html).toContain("Stop the probes or we respond. &lt;script&gt;");
  });

  it("writes Markdown and CSV where --out says", () => {
    const md = join(dir, "aar.md");
    expect(run(input, "--format", "md", "--out", md).code).toBe(0);
    expect(readFileSync(md, "utf8")).toContain("“Pre-notification of defensive operations”: broken by Kestria in turn 2 — did not pre-notify an operation");
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

  it("checks the seal with --data-dir, and refuses a file that server did not seal", () => {
    const dataDir = join(dir, "server-data");
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, "integrity.key"), "server-key\n");
    const rec = gridRecording();
    const sealed = join(dir, "sealed.json");
    writeFileSync(sealed, JSON.stringify({ ...rec, seal: sealOf("server-key", rec.head.hash) }));
    const ok = run(sealed, "--format", "md", "--data-dir", dataDir);
    expect(ok.err).toBe("");
    expect(readFileSync(join(dir, "sealed.report.md"), "utf8")).toContain("sealed by this server");
    const other = join(dir, "other.json");
    writeFileSync(other, JSON.stringify({ ...rec, seal: sealOf("another-server", rec.head.hash) }));
    const r = run(other, "--data-dir", dataDir);
    expect(r.code).toBe(1);
    expect(r.err).toContain("The seal does not match");
    expect(run(sealed, "--data-dir", join(dir, "nowhere")).err).toContain("holds no integrity.key");
  });

  it("exits 1 on an unknown option, an unknown format, a missing file or bad JSON", () => {
    expect(run(input, "--colour")).toMatchObject({ code: 1, err: expect.stringContaining("unknown option --colour") });
    expect(run(input, "--format", "pdf")).toMatchObject({ code: 1, err: expect.stringContaining('unknown format "pdf"') });
    expect(run(join(dir, "missing.json"))).toMatchObject({ code: 1, err: expect.stringContaining("cannot read it (ENOENT)") });
    const junk = join(dir, "junk.json");
    writeFileSync(junk, "{ not json");
    expect(run(junk)).toMatchObject({ code: 1, err: expect.stringContaining("not valid JSON") });
    expect(run()).toMatchObject({ code: 1, err: expect.stringContaining("no recording file given") });
  });
});
