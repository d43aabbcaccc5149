// The course comparison's findings in the reader's language: the server sends each finding's rule id and the
// numbers its title names; the page words it. In English it reads exactly as the after-action report's title.
import { afterAll, describe, expect, it } from "vitest";
import { loadRecording } from "../../shared/protocol/integrity.ts";
import { analyze } from "../../shared/report/analyze.ts";
import { RULES } from "../../shared/report/rules.ts";
import { comparedFindings } from "../../shared/report/comparison.ts";
import type { Recording } from "../../shared/protocol/recording.ts";
import { setLocale } from "../../client/i18n/index.ts";
import { loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";
import { findingTitle } from "../../client/pages/compare-findings.ts";
import { fixtureRecording, gridRecording } from "./exercises.ts";

loadCataloguesFromDisk();
afterAll(() => setLocale("en"));

function findingsOf(rec: Recording) {
  const r = loadRecording(rec);
  if (!r.ok) throw new Error(r.error);
  const a = analyze(r.recording, r.integrity);
  return comparedFindings(a.findings, a.metrics);
}

function titleIn(lang: "en" | "fr" | "es" | "ar", f: ReturnType<typeof findingsOf>[number]): string | undefined {
  setLocale(lang);
  const t = findingTitle(f);
  setLocale("en");
  return t;
}

describe("the comparison's findings in the reader's language", () => {
  const all = [...findingsOf(fixtureRecording()), ...findingsOf(gridRecording())];

  it("the scripted exercises give findings with counts and with both titles of a two-title rule", () => {
    expect(all.length).toBeGreaterThan(5);
    expect(all.some((f) => typeof f.params.count === "number")).toBe(true);
  });

  it("every finding reads in English as the after-action report words it", () => {
    // the report's English titles (shared/report/findings.ts) of the scripted exercises' findings
    const english: Record<string, string> = {
      "below-red-lines": "Escalation ended below the first red line",
      "hotline-timely": "Hotline messages were answered in time",
      "hotline-late": "Some hotline answers came too late",
      "hotline-unanswered": "Hotline messages were left unanswered",
      "early-contact": "Contact was made in the first turn",
      misperception: "Misperceptions not prevented by pre-notification",
      "inject-follow-up": "Injects with no visible follow-up",
    };
    const counted: Record<string, (n: number) => string> = {
      "red-lines-crossed": (n) => `${n} red line${n === 1 ? "" : "s"} crossed`,
      misattribution: (n) => `${n} public misattribution${n === 1 ? "" : "s"}`,
      "commitments-broken": (n) => `${n} commitment${n === 1 ? "" : "s"} broken`,
    };
    for (const f of all) {
      const count = Number(f.params.count);
      expect(titleIn("en", f), f.id).toBe(english[f.id] ?? counted[f.id]?.(count));
    }
    expect(all.map((f) => f.params.count).filter((n) => typeof n === "number")).toContain(3);
  });

  it("every finding reads in French, Spanish and Arabic, with no English title left", () => {
    for (const f of all)
      for (const lang of ["fr", "es", "ar"] as const) {
        const t = titleIn(lang, f);
        expect(t, `${lang} ${f.id}`).toBeDefined();
        expect(t, `${lang} ${f.id}`).not.toBe(f.title);
        expect(t, `${lang} ${f.id}`).not.toMatch(/\b(the|was|were|crossed|hotline)\b/i);
      }
  });

  it("a count's plural follows the language (French 1 and 2, Arabic two and few)", () => {
    const crossed = (count: number) => ({ id: "red-lines-crossed", kind: "improvement", title: "", params: { count } });
    expect(titleIn("fr", crossed(1))).toBe("1 ligne rouge franchie");
    expect(titleIn("fr", crossed(2))).toBe("2 lignes rouges franchies");
    expect(titleIn("ar", crossed(2))).toBe("تجاوز خطين أحمرين");
    expect(titleIn("ar", crossed(3))).toBe("تجاوز 3 خطوط حمراء");
  });

  it("every rule the report knows has its title on the comparison page", () => {
    for (const id of Object.keys(RULES)) {
      const params = { count: 2, never: "no", attributed: "yes" };
      expect(titleIn("fr", { id, kind: "strength", title: "", params }), id).toBeDefined();
    }
  });
});
