// The lesson checks' measured values, thresholds and reasons in the reader's language: worded from data with the
// locale's numbers (70,0 % in French), no English left in French or Arabic, English unchanged byte for byte.
import { describe, expect, it } from "vitest";
import { runLab } from "../../shared/lab/run.ts";
import { labHtml } from "../../shared/lab/html.ts";
import { labTranslator } from "../../shared/lab/words.ts";
import { labWordsText, measuredText, thresholdText, whyText } from "../../shared/lab/check-words.ts";
import { PROFILE_IDS } from "../../shared/lab/profiles.ts";
import { LESSONS } from "../../shared/lab/thresholds.ts";
import { checksTable } from "../../scripts/simulate.ts";
import { loadScenario } from "../helpers/scenarios.ts";
import type { CheckResult } from "../../shared/lab/types.ts";

// every profile, a few games each: every check is measured or says why not
const report = runLab({ scenario: loadScenario("tutorial"), profiles: [...PROFILE_IDS], games: 3, seed: "words" });
const en = labTranslator("en");
const fr = labTranslator("fr");
const es = labTranslator("es");
const ar = labTranslator("ar");
// English words of the lab's sentences that a French, Spanish or Arabic reader must not meet
const ENGLISH = /\b(score gap|failure|settle[sd]?|games?|rolls?|against|higher|average|least|below|agreement|needs?)\b/;

describe("the lesson checks in the reader's language", () => {
  it("every check carries its measured value as data", () => {
    expect(report.checks.map((c) => c.id)).toEqual(LESSONS.map((l) => l.id));
    for (const c of report.checks) expect(c.words?.key, c.id).toMatch(/^lab-report\.measured\./);
  });

  it("English keeps the lab's own sentences, byte for byte", () => {
    for (const c of report.checks) {
      expect(measuredText(en, c)).toBe(c.measured);
      expect(thresholdText(en, c)).toBe(c.threshold);
      expect(whyText(en, c)).toBe(c.why);
    }
  });

  it("the English catalogue says what the lab says, so the pseudo-locale shows the same sentences", () => {
    const qps = labTranslator("en");
    for (const c of report.checks) expect(labWordsText(qps, c.words!), c.id).toBe(c.measured);
  });

  it("French, Spanish and Arabic word every measured value, threshold and reason, with no English left", () => {
    for (const tr of [fr, es, ar])
      for (const c of report.checks) {
        for (const text of [measuredText(tr, c), thresholdText(tr, c), whyText(tr, c)]) {
          expect(text, `${tr.locale} ${c.id}`).not.toMatch(/[{}]|lab-report\./);
          expect(text, `${tr.locale} ${c.id}: ${text}`).not.toMatch(ENGLISH);
        }
        expect(measuredText(tr, c)).not.toBe(c.measured);
        expect(whyText(tr, c)).not.toBe(c.why);
      }
  });

  it("numbers follow the locale: a decimal comma and a spaced percent in French", () => {
    const hawks = report.checks.find((c) => c.id === "hawks-fail")!;
    const share = Number(hawks.words!.params!.failure);
    const french = new Intl.NumberFormat("fr", { style: "percent", maximumFractionDigits: 1 }).format(share);
    expect(measuredText(fr, hawks)).toBe(`échec ${french}`);
    const careful = report.checks.find((c) => c.id === "careful-beats-reckless")!;
    expect(thresholdText(fr, careful)).toContain("+ 0,25");
    expect(thresholdText(en, careful)).toContain("+ 0.25");
  });

  it("a list of profiles is worded profile by profile in the reader's language", () => {
    const spam: CheckResult = report.checks.find((c) => c.id === "spam-no-better")!;
    const text = measuredText(fr, spam);
    expect(text.replace(/\u00a0/g, " ")).toMatch(
      /^score moyen : diplomates prudents [-−]?\d+,\d\d ; déclarations communes seulement [-−]?\d+,\d\d ; /,
    );
    expect(measuredText(ar, spam)).toContain("بيانات مشتركة فقط");
  });

  it("the HTML report and the command line carry them; English stays the lab's own", () => {
    const html = labHtml(report, "fr");
    for (const c of report.checks) expect(html).toContain(whyText(fr, c).replace(/'/g, "&#39;"));
    expect(html).not.toContain(report.checks[0]!.why);
    const table = checksTable(report, fr);
    expect(table).toMatch(/^ {2}(RÉUSSI|ÉCHEC|NON MESURÉ) +\S/);
    expect(table).toContain("seuil\u00a0: ");
    expect(checksTable(report)).toContain(`threshold: ${report.checks[0]!.threshold}`);
  });
});
