// npm run studio-fields — writes the English studio-fields catalogue from the scenario schema (a label for every
// field, a help for every described one, the union kinds); `-- --check` only says whether it is up to date.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LOCALES_DIR } from "./i18n-catalogues.ts";
import { englishFieldCatalogue, FIELDS_NS } from "../client/studio/field-keys.ts";

const file = join(LOCALES_DIR, "en", `${FIELDS_NS}.json`);
const text = `${JSON.stringify(englishFieldCatalogue(), null, 2)}\n`;
let old = "";
try {
  old = readFileSync(file, "utf8");
} catch {
  old = "";
}
if (process.argv.includes("--check")) {
  if (old !== text) {
    console.error(
      `studio-fields: ${file} differs from the schema; run npm run studio-fields and translate the new keys`,
    );
    process.exit(1);
  }
  console.log("studio-fields: the English catalogue matches the scenario schema");
} else {
  writeFileSync(file, text);
  console.log(`studio-fields: wrote ${Object.keys(englishFieldCatalogue()).length} keys to ${file}`);
}
