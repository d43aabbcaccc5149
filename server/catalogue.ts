// The scenarios a facilitator can pick: every valid file in the scenarios folder.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseScenarioText } from "../shared/scenario/parse.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import type { ScenarioIssue } from "../shared/scenario/cross-check.ts";
import type { ScenarioSummary } from "../shared/protocol/http.ts";

export class Catalogue {
  readonly scenarios = new Map<string, Scenario>();
  readonly problems: { file: string; issues: ScenarioIssue[] }[] = [];

  constructor(dir: string) {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
      .sort();
    for (const file of files) {
      const r = parseScenarioText(readFileSync(join(dir, file), "utf8"));
      if (!r.ok) this.problems.push({ file, issues: r.issues });
      else if (this.scenarios.has(r.scenario.id))
        this.problems.push({ file, issues: [{ path: "id", message: `duplicate scenario id "${r.scenario.id}"` }] });
      else this.scenarios.set(r.scenario.id, r.scenario);
    }
  }

  get(id: string): Scenario | undefined {
    return this.scenarios.get(id);
  }

  /** Shortest first, so a first-time facilitator meets the tutorial at the top of the lobby. */
  list(): ScenarioSummary[] {
    return [...this.scenarios.values()]
      .sort((a, b) => a.turns - b.turns || a.title.localeCompare(b.title))
      .map(summarize);
  }
}

export function summarize(s: Scenario): ScenarioSummary {
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    teams: s.teams.map((t) => ({ id: t.id, name: t.name, color: t.color })),
    mediator: s.mediator !== undefined,
    turns: s.turns,
    phases: s.phases.map((p) => p.name),
    objectives: s.objectives.length,
    injects: s.injects.length,
  };
}
