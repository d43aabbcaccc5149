// npm run i18n:check — fails when a shipped language lacks a key, a catalogue has a key no source file uses,
// or a translation does not parse or names other parameters than English (docs/i18n.md).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCataloguesFromDisk } from "./i18n-catalogues.ts";
import { checkCatalogues, describeProblem } from "../shared/i18n/check.ts";
import { englishFieldWords } from "../client/studio/field-keys.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
// where keys are used: the code that ships (tests do not count: a key only a test quotes is unused)
const SOURCE_DIRS = ["client", "shared", "server", "scripts"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "locales" ? [] : sourceFiles(path);
    return /\.(ts|js|html)$/.test(name) ? [path] : [];
  });
}

const sources = SOURCE_DIRS.flatMap((d) => sourceFiles(join(root, d))).map((f) => readFileSync(f, "utf8"));
// the studio's forms build their keys from the scenario schema's paths (client/studio/field-keys.ts): those
// keys count as used, and a studio-fields key the schema no longer has is reported unused
sources.push(
  Object.keys(englishFieldWords())
    .map((k) => `"${k}"`)
    .join("\n"),
);
const problems = checkCatalogues(loadCataloguesFromDisk(), sources);
for (const p of problems) console.log(describeProblem(p));
if (problems.length > 0) {
  console.error(`i18n:check: ${problems.length} problem(s) in shared/i18n/locales`);
  process.exit(1);
}
console.log("i18n:check: every shipped language has every key, and every key is used");
