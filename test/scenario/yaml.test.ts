// Scenario files in YAML: every built-in scenario round-trips JSON -> YAML -> JSON unchanged; YAML syntax errors
// name their line and column; the catalogue and `npm run validate` read .yaml and .yml files beside the JSON ones.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScenarioText, readScenarioText } from "../../shared/scenario/parse.ts";
import { scenarioFile } from "../../server/studio/library-file.ts";
import { Catalogue } from "../../server/catalogue.ts";
import { SCENARIO_DIR, rawScenario, scenarioFiles } from "../helpers/scenarios.ts";

function yamlOf(id: string, changes: Record<string, unknown> = {}): string {
  return scenarioFile({ ...rawScenario(id), ...changes }, "yaml");
}

describe("scenarios in YAML", () => {
  it("round-trips every built-in scenario JSON -> YAML -> JSON unchanged, and the YAML validates", () => {
    expect(scenarioFiles().length).toBeGreaterThan(0);
    for (const file of scenarioFiles()) {
      const raw = rawScenario(file.replace(/\.json$/, ""));
      const yaml = scenarioFile(raw, "yaml");
      const back = readScenarioText(yaml, "yaml");
      expect(back, file).toStrictEqual({ ok: true, value: raw });
      expect(parseScenarioText(yaml).ok, file).toBe(true);
      expect(JSON.parse(scenarioFile(raw, "json")), file).toStrictEqual(raw);
    }
  });

  it("names the line and column of a YAML syntax error, and refuses duplicate keys", () => {
    const broken = parseScenarioText("id: x\ntitle: Small\nturns: [1, 2\n");
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(broken.issues[0]).toMatchObject({
        path: "(file)",
        message: expect.stringMatching(/^not valid YAML at line 4, column 1: /),
      });
    const twice = parseScenarioText("id: x\nid: y\n");
    expect(twice.ok).toBe(false);
    if (!twice.ok)
      expect(twice.issues[0]!.message).toMatch(/^not valid YAML at line 2, column 1: Map keys must be unique/);
    const alias = parseScenarioText("id: *nowhere\n");
    if (!alias.ok) expect(alias.issues[0]!.message).toMatch(/^not valid YAML: Unresolved alias/);
    expect(alias.ok).toBe(false);
  });

  it("checks a YAML scenario like a JSON one: problems by path", () => {
    const r = parseScenarioText(yamlOf("tutorial", { turns: "four" }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toContainEqual(expect.objectContaining({ path: "turns" }));
  });

  it("loads .yaml and .yml files into the catalogue beside the JSON ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "deconflict-yaml-"));
    copyFileSync(join(SCENARIO_DIR, "tutorial.json"), join(dir, "tutorial.json"));
    writeFileSync(join(dir, "drill.yaml"), yamlOf("tutorial", { id: "drill", title: "Drill in YAML" }));
    writeFileSync(join(dir, "other.yml"), yamlOf("grid-intrusion", { id: "other" }));
    writeFileSync(join(dir, "broken.yaml"), "id: [\n");
    const catalogue = new Catalogue(dir);
    expect([...catalogue.builtIn.keys()].sort()).toEqual(["drill", "other", "tutorial"]);
    expect(catalogue.get("drill")?.title).toBe("Drill in YAML");
    expect(catalogue.problems).toEqual([
      {
        file: "broken.yaml",
        issues: [{ path: "(file)", message: expect.stringMatching(/^not valid YAML at line 2/) }],
      },
    ]);
  });

  it("npm run validate checks YAML files too, naming the file and the field", () => {
    const dir = mkdtempSync(join(tmpdir(), "deconflict-yaml-validate-"));
    writeFileSync(join(dir, "good.yaml"), yamlOf("tutorial"));
    writeFileSync(join(dir, "bad.yml"), yamlOf("tutorial", { turns: 0 }));
    const script = new URL("../../scripts/validate.ts", import.meta.url).pathname;
    let out = "";
    let code = 0;
    try {
      execFileSync(process.execPath, [script, dir], { encoding: "utf8", stdio: "pipe" });
    } catch (err) {
      const e = err as { status: number; stdout: string; stderr: string };
      code = e.status;
      out = e.stdout + e.stderr;
    }
    expect(code).toBe(1);
    expect(out).toContain(`✓ ${join(dir, "good.yaml")}`);
    expect(out).toContain(`✗ ${join(dir, "bad.yml")}`);
    expect(out).toMatch(/ {4}turns: /);
  });
});
