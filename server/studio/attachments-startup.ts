// At start-up: the attachments' store opened with the configured limit, the built-in scenarios' media
// (scenarios/media) loaded into it, and a scenario whose file attachments are not stored refused by name.
import { join } from "node:path";
import type { Catalogue } from "../catalogue.ts";
import { unknownAttachments } from "../../shared/scenario/attachments.ts";
import { attachmentStore, type AttachmentStore } from "./attachments-store.ts";

/** Opens DATA_DIR's store and loads the media folder next to the scenarios; a refused file is logged. */
export function openAttachments(config: {
  dataDir: string;
  scenariosDir: string;
  attachmentMaxBytes: number;
}): AttachmentStore {
  const store = attachmentStore(config.dataDir, config.attachmentMaxBytes);
  for (const p of store.loadFolder(join(config.scenariosDir, "media")))
    console.warn(`Scenario media ${p.file} was not loaded: ${p.message}`);
  return store;
}

/** Moves each scenario file that names an attachment the store lacks into the catalogue's problems. */
export function refuseUnknownMedia(
  catalogue: Pick<Catalogue, "builtIn" | "sources" | "problems">,
  store: AttachmentStore,
): void {
  for (const [id, scenario] of [...catalogue.builtIn]) {
    const issues = unknownAttachments(scenario, (a) => store.has(a));
    if (!issues.length) continue;
    catalogue.builtIn.delete(id);
    catalogue.sources.delete(id);
    catalogue.problems.push({ file: `${id} (media)`, issues });
  }
}
