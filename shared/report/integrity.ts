// The recording's integrity and engine-version notes as the report shows them,
// in the report's language: the `integrity` namespace's statement (the replay
// viewer's), then what the file says about being final, from the `report` one.
import type { Integrity } from "../protocol/integrity.ts";
import { ENGINE_VERSION } from "../engine/version.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";

/** The whole integrity statement (count: the commands the recording holds); English keeps integrity-text.ts's own sentence. */
export function integrityText(i: Integrity, count: number, rl: ReportLanguage = reportLanguage()): string {
  if (rl.english) return i.text;
  const t = rl.tr.t;
  const head = i.head.slice(0, 16);
  if (i.status === "migrated") return t("integrity.title-migrated");
  const sealed = i.status === "sealed";
  const title = sealed ? t("integrity.title-sealed", { count, head }) : t("integrity.title-intact", { count, head });
  return `${title} ${final(i, sealed, rl)}`;
}

function final(i: Integrity, sealed: boolean, rl: ReportLanguage): string {
  const t = rl.tr.t;
  if (i.final === null) return t("report.integrity.unmarked");
  if (i.final) return t(sealed ? "report.integrity.final" : "report.integrity.says-final");
  if (!i.turn) return t(sealed ? "report.integrity.before-start" : "report.integrity.says-before-start");
  return t(sealed ? "report.integrity.running" : "report.integrity.says-running", { turn: i.turn });
}

/** "Recorded with engine 2.0.1, replayed with engine 3.0.0", or null when they are the same. */
export function engineNote(recorded: string, rl: ReportLanguage = reportLanguage()): string | null {
  if (recorded === ENGINE_VERSION) return null;
  return rl.tr.t("report.engine-note", { recorded, running: ENGINE_VERSION });
}
