// The balance report's sections after the checks table (outcomes, escalation, ablation, unfolding, causes,
// injects, measures, chance, method) in the reader's language: no English left in French or Arabic but the
// scenario's own texts, the locale's numbers, and English as the lab wrote it.
import { describe, expect, it } from "vitest";
import { runLab } from "../../shared/lab/run.ts";
import { labHtml } from "../../shared/lab/html.ts";
import { loadScenario } from "../helpers/scenarios.ts";
import type { LabReport } from "../../shared/lab/types.ts";

const scenario = loadScenario("tutorial");
const report = runLab({
  scenario,
  profiles: ["diplomats", "hawks", "passive"],
  games: 3,
  seed: "sections",
  ablation: ["diplomats"],
});
const bare = runLab({ scenario, profiles: ["hawks"], games: 2, seed: "bare", ablation: [] });

/** The report's visible text and tooltips, less the scenario's own texts (its title and inject titles). */
function readable(r: LabReport, html: string): string {
  let text = html
    .replace(/<style>[\s\S]*?<\/style>/, "")
    .replace(/<[^>]*\b(?:title|aria-label)="([^"]*)"[^>]*>/g, " $1 ")
    .replace(/<[^>]+>/g, " ");
  for (const own of [r.scenario.title, ...r.scenario.injects.map((i) => i.title)])
    text = text.split(own.replace(/'/g, "&#39;")).join(" ");
  return text.replace(/&[a-z#0-9]+;/g, " ");
}

// words of the lab's English sections that a French or Arabic reader must not meet
const ENGLISH = new RegExp(
  `\\b(${[
    ...["games?", "profiles?", "Agreement", "Failure", "Median", "Middle", "escalation", "switched off", "per game"],
    ...[
      "Threshold",
      "Choices",
      "with it",
      "Peak",
      "Start",
      "End of turn",
      "released",
      "seed",
      "Trust off",
      "Standing off",
    ],
  ].join("|")})\\b`,
);

describe("the balance report's sections in the reader's language", () => {
  it("English keeps the lab's own passages, markup included", () => {
    const html = labHtml(report, "en");
    expect(html).toContain("<p>How the games ended: the parties concluded the scenario's agreement, the turns ran out");
    expect(html).toContain("(<code>at</code>); a game's share");
    expect(html).toContain("<h3>Thresholds</h3>");
    expect(labHtml(bare, "en")).toContain("<p>No profile was played with a part switched off.</p>");
    // the scan below finds the English it looks for
    expect(readable(report, labHtml(report, "en"))).toMatch(ENGLISH);
  });

  for (const lang of ["fr", "ar"] as const)
    it(`${lang}: every section reads in ${lang}, with no English left but the scenario's texts`, () => {
      for (const r of [report, bare]) {
        const text = readable(r, labHtml(r, lang));
        const found = text.match(new RegExp(ENGLISH.source, "g")) ?? [];
        expect(found, lang).toEqual([]);
      }
    });

  it("numbers follow the locale: French shares read 70,0 %, scores with a decimal comma", () => {
    const html = labHtml(report, "fr");
    const share = report.profiles[0]!.outcomes.agreement.share;
    const french = new Intl.NumberFormat("fr", {
      style: "percent",
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(Math.round(share * 1000) / 1000);
    expect(html).toContain(`<td class="num">${french}<div class="small">`);
    expect(labHtml(report, "en")).toContain(`<td class="num">${(Math.round(share * 1000) / 10).toFixed(1)}%<div`);
  });

  it("the injects' titles keep their own direction in an Arabic report", () => {
    const html = labHtml(report, "ar");
    expect(html).toContain(`dir="auto">${report.scenario.injects[0]!.title.replace(/'/g, "&#39;")}</td>`);
  });
});
