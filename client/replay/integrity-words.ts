// The replay's integrity note and its refusals (a damaged, altered or unsealed file; rules this viewer does not
// play) in the participant's language, from the reason's key and parameters; the English message is the fallback.
import type { Integrity, RefusalReason } from "../../shared/protocol/integrity.ts";
import { ENGINE_VERSION, type RulesMode } from "../../shared/engine/index.ts";
import { i18n, t } from "../i18n/index.ts";

/** A refused recording in the reader's language; a reason this client does not know keeps the English. */
export function refusalText(error: string, reason: RefusalReason): string {
  return i18n().tryT(reason.key, reason.params) ?? error;
}

/** A recording under rules this viewer does not play, naming both versions. */
export function rulesRefusalText(recorded: string, running: string): string {
  if (!/^\d+\.\d+$/.test(recorded)) {
    const shown = JSON.stringify(recorded.length > 40 ? `${recorded.slice(0, 40)}…` : recorded);
    return t("integrity.rules-invalid", { shown, example: ENGINE_VERSION, running });
  }
  return newer(recorded, running)
    ? t("integrity.rules-newer", { recorded, running })
    : t("integrity.rules-dropped", { recorded, running });
}

/** The note for a recording of kept older rules; null for this engine's own. */
export function rulesKeptText(mode: RulesMode): string | null {
  if (mode.kind === "current") return null;
  return t("integrity.rules-kept", { recorded: mode.recorded, running: mode.running });
}

/** Who vouches for the recording. */
export function originText(i: Integrity): string {
  if (i.status === "sealed") return t("integrity.origin-sealed");
  if (i.status === "intact") return t("integrity.origin-intact");
  return t("integrity.origin-migrated");
}

/** Whether it is the final recording, as far as the check can say; null when it cannot say at all. */
export function takenText(i: Integrity): string | null {
  if (i.status === "migrated") return null;
  const sealed = i.status === "sealed";
  if (i.final === null) return sealed ? t("integrity.taken-unmarked") : null;
  if (i.final) return sealed ? t("integrity.taken-final") : t("integrity.says-final");
  if (!i.turn) return sealed ? t("integrity.taken-before-start") : t("integrity.says-before-start");
  return sealed ? t("integrity.taken-running", { turn: i.turn }) : t("integrity.says-running", { turn: i.turn });
}

/** The whole statement, for the note's tooltip; `count` is the recording's number of commands. */
export function integrityTitle(i: Integrity, count: number): string {
  const head = i.head.slice(0, 16);
  if (i.status === "sealed") return t("integrity.title-sealed", { count, head });
  if (i.status === "intact") return t("integrity.title-intact", { count, head });
  return t("integrity.title-migrated");
}

function newer(a: string, b: string): boolean {
  const [am, an] = a.split(".").map(Number) as [number, number];
  const [bm, bn] = b.split(".").map(Number) as [number, number];
  return am !== bm ? am > bm : an > bn;
}
