// Checks scenario files, JSON or YAML: npm run validate -- scenarios/*.json path/to/other.yaml
// With no arguments it checks every scenario in scenarios/. Exits 1 on some problem.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseScenarioText } from "../shared/scenario/parse.ts";
import { isScenarioFile } from "../server/catalogue.ts";

function expand(path: string): string[] {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
    return readdirSync(path)
      .filter(isScenarioFile)
      .map((f) => join(path, f));
  return [path];
}

const args = process.argv.slice(2);
const files = (args.length ? args : ["scenarios"]).flatMap(expand);
let bad = 0;
for (const file of files) {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (err) {
    bad++;
    console.error(`✗ ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    continue;
  }
  const r = parseScenarioText(source, /\.ya?ml$/i.test(file) ? "yaml" : undefined);
  if (r.ok) {
    console.log(
      `✓ ${file}: “${r.scenario.title}” — ${r.scenario.teams.length} teams, ${r.scenario.turns} turns, ${r.scenario.injects.length} injects`,
    );
  } else {
    bad++;
    console.error(`✗ ${file}: ${r.issues.length} problem${r.issues.length === 1 ? "" : "s"}`);
    for (const i of r.issues) console.error(`    ${i.path}: ${i.message}`);
  }
}
if (!files.length) console.error("no scenario files given");
process.exit(bad || !files.length ? 1 : 0);
