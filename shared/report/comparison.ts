// The course comparison's findings as data: each finding's rule id and the numbers its title names, so a page
// words the title in its reader's language (client/pages/compare.ts, namespace compare). The after-action
// report's own English title travels beside them, for scripts and for a rule the page does not know.
import type { Finding, Metrics } from "./types.ts";

/** What a finding's title needs: a count, or which of its two titles applies ("yes"/"no"). */
export type FindingParams = Record<string, number | string>;

/** A finding of a cell, for the comparison (GET /api/groups/:id/comparison). */
export interface ComparedFinding {
  id: string;
  kind: string;
  /** the report's English title */
  title: string;
  params: FindingParams;
}

/** The parameters of a finding's title, read from the metrics the rule read (shared/report/findings.ts). */
export function findingParams(id: string, m: Metrics): FindingParams {
  switch (id) {
    case "below-red-lines": {
      const lowest = Math.min(...m.redLines.map((l) => l.from));
      return { never: m.peak.value < lowest ? "yes" : "no" };
    }
    case "red-lines-crossed":
      return { count: m.redLines.filter((l) => l.turnsAtAnyPoint > 0).length };
    case "misattribution":
      return { count: m.misattributions.length };
    case "no-misattribution":
      return { attributed: m.attributions.total > 0 ? "yes" : "no" };
    case "commitments-broken":
      return { count: m.commitments.broken };
    default:
      return {};
  }
}

/** A cell's findings, as the comparison sends them. */
export function comparedFindings(findings: readonly Finding[], m: Metrics): ComparedFinding[] {
  return findings.map((f) => ({ id: f.id, kind: f.kind, title: f.title, params: findingParams(f.id, m) }));
}
