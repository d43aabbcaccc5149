// Loads every catalogue file under shared/i18n/locales from the disk (servers, scripts and tests in Node).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isLang } from "./languages.ts";
import { addCatalogue, catalogues, type Catalogues, type Messages } from "./resources.ts";

export const LOCALES_DIR = fileURLToPath(new URL("./locales", import.meta.url));

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
