// A real recording (engine 1.1.0, sealed by the server that made it; its scenario predates scenario
// translations) reported in French, Spanish and Arabic: the integrity and engine notes and the report's
// own words in the language, no English sentence left, and the
// pseudo-locale finds no word outside the catalogues or the recording in HTML, Markdown and CSV.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderReport } from "../../shared/report/index.ts";
import { KEPT_RULES } from "../../shared/engine/rules.ts";
import { ENGINE_VERSION } from "../../shared/engine/version.ts";
import { OWN, englishSentences, outsideCatalogues, recordedTexts } from "./catalogue-words.ts";

const file = (name: string) => fileURLToPath(new URL(`../fixtures/recordings/${name}`, import.meta.url));
const recording = () => JSON.parse(readFileSync(file("tutorial-final.recording.json"), "utf8")) as unknown;
const key = readFileSync(file("integrity.key"), "utf8").trim();

function report(format: "html" | "md" | "csv", lang: "en" | "fr" | "es" | "ar" | "qps"): string {
  const r = renderReport(recording(), format, key, lang);
  if (!r.ok) throw new Error(r.error);
  return r.body;
}

const tutorial = recording() as { scenario: { title: string } };

describe.runIf("1.1" in KEPT_RULES)("a real recording of engine 1.1.0, reported in the reader's language", () => {
  it("French: sealed, recorded with another engine, no English sentence", () => {
    const html = report("html", "fr");
    expect(html).toContain("Scellé par ce serveur : 17 commandes, en-tête ");
    expect(html).toContain("il ne peut donc pas indiquer si l’exercice était terminé lorsqu’il a été pris.");
    expect(html).toContain(`Enregistré avec le moteur 1.1.0, rejoué avec le moteur ${ENGINE_VERSION}.`);
    for (const english of [...englishSentences(OWN), "Sealed by this server", "Recorded with engine"])
      expect(html).not.toContain(english);
  });

  it("Arabic and Spanish: the notes in the language", () => {
    const ar = report("html", "ar");
    expect(ar).toContain(`سُجّل بالمحرك 1.1.0، وأُعيد تشغيله بالمحرك ${ENGINE_VERSION}.`);
    const es = report("md", "es");
    expect(es).toContain("# Informe posterior a la acción: ");
    expect(es).toContain("| Integridad | Sellado por este servidor");
    expect(report("html", "es")).toContain(`Grabado con el motor 1.1.0, reproducido con el motor ${ENGINE_VERSION}.`);
    for (const english of englishSentences(OWN)) {
      expect(ar).not.toContain(english);
      expect(es).not.toContain(english);
    }
  });

  it("the pseudo-locale: every word of the HTML, Markdown and CSV is from a catalogue or from the recording", () => {
    const texts = recordedTexts(recording());
    for (const format of ["html", "md", "csv"] as const) {
      const body = report(format, "qps");
      expect(outsideCatalogues(format === "html" ? body.slice(body.indexOf("<body>")) : body, texts), format).toEqual(
        [],
      );
    }
  });

  it("English keeps its own sentences", () => {
    const html = report("html", "en");
    expect(html).toContain("Sealed by this server: ");
    expect(html).toContain(`Recorded with engine 1.1.0, replayed with engine ${ENGINE_VERSION}.`);
    expect(html).toContain(tutorial.scenario.title.replace(/'/g, "&#39;"));
  });
});
