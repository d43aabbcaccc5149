// The built-in tutorial as it was before rules 3.0 retuned it (two turns), kept
// in test/fixtures: tests that replay it under rules 2.2, or use it as a known
// valid document to break one field at a time, stay what they were.
import { readFileSync } from "node:fs";
import { parseScenario } from "../../shared/scenario/parse.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

export const FROZEN_TUTORIAL = new URL("../fixtures/rules-2.2/scenarios/tutorial.json", import.meta.url);

/** The frozen two-turn tutorial's JSON, as a scenario file holds it. */
export function rawFrozenTutorial(): Record<string, unknown> {
  return JSON.parse(readFileSync(FROZEN_TUTORIAL, "utf8")) as Record<string, unknown>;
}

/** The frozen two-turn tutorial, parsed. */
export function loadFrozenTutorial(): Scenario {
  const r = parseScenario(rawFrozenTutorial());
  if (!r.ok) throw new Error(`frozen tutorial: ${r.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return r.scenario;
}
