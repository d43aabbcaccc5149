// Loads the built-in scenario files for tests.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseScenario } from "../../shared/scenario/parse.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

export const SCENARIO_DIR = fileURLToPath(new URL("../../scenarios/", import.meta.url));

export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"));
}

export function rawScenario(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${SCENARIO_DIR}${id}.json`, "utf8")) as Record<string, unknown>;
}

export function loadScenario(id: string): Scenario {
  const r = parseScenario(rawScenario(id));
  if (!r.ok) throw new Error(`${id}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return r.scenario;
}
