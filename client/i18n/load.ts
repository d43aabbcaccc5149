// Every catalogue under shared/i18n/locales, bundled by Vite: adding a namespace is adding its files, nothing else.
import { addCatalogue, isLang, type Messages } from "../../shared/i18n/index.ts";

const files = import.meta.glob<Messages>("../../shared/i18n/locales/*/*.json", { eager: true, import: "default" });

for (const [path, messages] of Object.entries(files)) {
  const m = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (m && isLang(m[1]!)) addCatalogue(m[1]!, m[2]!, messages);
}
