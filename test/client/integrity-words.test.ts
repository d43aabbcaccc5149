// The replay's integrity note and its refusals in the reader's language: a French or Arabic reader gets them
// from the `integrity` namespace; an English reader reads exactly the English the loader and rules give.
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../client/i18n/index.ts";
import { fromJson } from "../../client/replay/load.ts";
import { originText, rulesRefusalText, takenText } from "../../client/replay/integrity-words.ts";
import { ENGINE_VERSION, RULES_VERSION, checkRules } from "../../shared/engine/index.ts";
import { buildRecording, loadRecording } from "../../shared/protocol/integrity.ts";
import { Driver, control } from "../helpers/driver.ts";
import { rawScenario, loadScenario } from "../helpers/scenarios.ts";
import { createTranslator } from "../../shared/i18n/index.ts";

afterEach(() => setLocale("en"));

function recordingFile(): { commands: { command: unknown }[]; version: number } {
  const d = new Driver(loadScenario("tutorial"), "words");
  d.do(control, { type: "exercise.start" });
  d.do(control, { type: "phase.advance" });
  const header = {
    engineVersion: ENGINE_VERSION,
    exerciseId: "ex-words",
    title: d.state.title,
    createdAt: 1_700_000_000_000,
    seed: d.seed,
    scenario: rawScenario("tutorial"),
  };
  return JSON.parse(JSON.stringify(buildRecording(header, d.commands, { taken: { final: false, turn: 2 } })));
}

describe("the replay's integrity words", () => {
  it("an English reader reads the loader's own English for a truncated or unknown file", () => {
    const truncated = recordingFile();
    truncated.commands.pop();
    const unknown = { ...recordingFile(), version: 7 };
    for (const f of [truncated, unknown]) {
      const r = fromJson(f, "f.json");
      const expected = loadRecording(f);
      expect(!r.ok && !expected.ok && r.error).toBe(!expected.ok && expected.error);
    }
  });

  it("a French reader reads the refusal in French, with its numbers", () => {
    setLocale("fr");
    const truncated = recordingFile();
    const holds = truncated.commands.length - 1;
    truncated.commands.pop();
    const r = fromJson(truncated, "f.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe(createTranslator("fr").t("integrity.truncated", { holds, count: holds + 1 }));
    expect(r.error).toContain("tronqué");
  });

  it("names both rules versions in the reader's language, as the rules check does in English", () => {
    const [major, minor] = RULES_VERSION.split(".").map(Number) as [number, number];
    const later = `${major}.${minor + 1}`;
    const english = checkRules(`${later}.0`, "this viewer");
    expect(!english.ok && rulesRefusalText(later, RULES_VERSION)).toBe(!english.ok && english.message);
    setLocale("ar");
    const ar = rulesRefusalText(later, RULES_VERSION);
    expect(ar).toContain(later);
    expect(ar).toContain(RULES_VERSION);
    expect(ar).toMatch(/\p{Script=Arabic}/u);
  });

  it("words the note (origin, taken) as the English integrity does, and in Spanish", () => {
    const r = loadRecording(recordingFile());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(originText(r.integrity)).toBe(r.integrity.origin);
    expect(takenText(r.integrity)).toBe(r.integrity.taken);
    setLocale("es");
    expect(originText(r.integrity)).toBe("Cadena de hashes intacta, origen no verificado");
    expect(takenText(r.integrity)).toContain("turno 2");
  });
});
