// Opening a recording file in the replay viewer: one recorded under rules this
// engine does not play is refused with a message naming both versions; kept
// older rules open, with a note saying which rules replay them.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fromJson } from "../../client/replay/load.ts";
import { ENGINE_VERSION, KEPT_RULES, RULES_VERSION, checkRules } from "../../shared/engine/index.ts";
import { buildRecording } from "../../shared/protocol/integrity.ts";
import { Driver, control } from "../helpers/driver.ts";
import { loadScenario, rawScenario } from "../helpers/scenarios.ts";

/** The tutorial, started and advanced once, as a file stamped with `engineVersion` (its chain built over it). */
function file(engineVersion: string): unknown {
  const d = new Driver(loadScenario("tutorial"), "viewer");
  d.do(control, { type: "exercise.start" });
  d.do(control, { type: "phase.advance" });
  const header = {
    engineVersion,
    exerciseId: "ex-viewer",
    title: d.state.title,
    createdAt: 1_700_000_000_000,
    seed: d.seed,
    scenario: rawScenario("tutorial"),
  };
  return JSON.parse(JSON.stringify(buildRecording(header, d.commands)));
}

describe("the replay viewer's loader", () => {
  it("opens a recording of this engine's rules without a note", () => {
    const r = fromJson(file(ENGINE_VERSION), "mine.json");
    expect(r.ok && r.loaded.engineNote).toBe(null);
  });

  it("refuses a recording of older rules it does not keep, or of newer rules, naming both versions", () => {
    const [major, minor] = RULES_VERSION.split(".").map(Number) as [number, number];
    for (const v of ["0.9.0", "9.0.0", `${major}.${minor + 1}.0`]) {
      const r = fromJson(file(v), "old.json");
      const rules = v.split(".").slice(0, 2).join(".");
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error).toContain(`Recorded under rules ${rules}; this viewer runs ${RULES_VERSION}`);
      expect(r.error).toBe((checkRules(v, "this viewer") as { message: string }).message);
    }
  });

  it("opens a real recording exported by engine 1.1.0 if its rules are kept, saying so; else refuses it by name", () => {
    const fixture = new URL("../fixtures/recordings/tutorial-final.recording.json", import.meta.url);
    const r = fromJson(JSON.parse(readFileSync(fixture, "utf8")), "fixture.json");
    if ("1.1" in KEPT_RULES) {
      expect(r.ok && r.loaded.engineNote).toBe(
        `Recorded under rules 1.1; replayed by the copy of those rules this Deconflict (rules ${RULES_VERSION}) keeps, with the same outcome.`,
      );
    } else {
      expect(!r.ok && r.error).toContain(`Recorded under rules 1.1; this viewer runs ${RULES_VERSION}`);
    }
  });
});
