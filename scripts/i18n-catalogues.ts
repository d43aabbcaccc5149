// Loads every catalogue file under shared/i18n/locales from the disk, for Node tools and tests (the check, the
// words tests). It reads files, so it lives outside shared/, which stays pure: the browser bundles the
// catalogues with Vite, the report imports the ones it needs as JSON modules.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isLang } from "../shared/i18n/languages.ts";
import { addCatalogue, catalogues, type Catalogues, type Messages } from "../shared/i18n/resources.ts";

export const LOCALES_DIR = fileURLToPath(new URL("../shared/i18n/locales", import.meta.url));

/** Reads every `<lang>/<namespace>.json` under `dir` into the catalogues; returns them. */
export function loadCataloguesFromDisk(dir: string = LOCALES_DIR): Catalogues {
  for (const lang of readdirSync(dir)) {
    if (!isLang(lang)) continue;
    for (const file of readdirSync(join(dir, lang))) {
      if (!file.endsWith(".json")) continue;
      const messages = JSON.parse(readFileSync(join(dir, lang, file), "utf8")) as Messages;
      addCatalogue(lang, file.slice(0, -".json".length), messages);
    }
  }
  return catalogues();
}
