// An action's category ("offensive", "diplomatic", …) and a measure's kind in the report's words.
import type { ReportLanguage } from "./language.ts";

/** Literal keys, so the catalogue check finds them. */
const CATEGORY_KEYS: Readonly<Record<string, string>> = {
  offensive: "report.category.offensive",
  defensive: "report.category.defensive",
  intelligence: "report.category.intelligence",
  diplomatic: "report.category.diplomatic",
  public: "report.category.public",
  economic: "report.category.economic",
  resilience: "report.category.resilience",
};

/** English keeps the scenario's id (as it always printed it); an unknown category keeps its id too. */
export function actionCategory(id: string, rl: ReportLanguage): string {
  const key = CATEGORY_KEYS[id];
  return rl.english || key === undefined ? id : rl.tr.t(key);
}

const CBM_KEYS: Readonly<Record<string, string>> = {
  hotline: "report.cbm.hotline",
  "pre-notification": "report.cbm.pre-notification",
  "incident-reporting": "report.cbm.incident-reporting",
  "joint-cert": "report.cbm.joint-cert",
  "no-target": "report.cbm.no-target",
  timeline: "report.cbm.timeline",
};

/** A confidence-building measure's kind: English keeps the scenario's id, as it always printed it. */
export function cbmKind(id: string, rl: ReportLanguage): string {
  const key = CBM_KEYS[id];
  return rl.english || key === undefined ? id : rl.tr.t(key);
}
