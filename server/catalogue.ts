// The scenarios a facilitator can pick: every valid file in the scenarios folder (JSON or YAML),
// and the studio's saved scenarios (each id's newest version), seen at once without a restart.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseScenario, readScenarioText } from "../shared/scenario/parse.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import type { ScenarioIssue } from "../shared/scenario/cross-check.ts";
import type { ScenarioSummary } from "../shared/protocol/http.ts";

/** What the catalogue needs of the studio's library (server/studio/library.ts). */
export interface SavedScenarios {
  ids(): string[];
  newestScenario(id: string): Scenario | undefined;
}

/** A scenario file's name: JSON or YAML, not the JSON Schema beside them. */
export function isScenarioFile(name: string): boolean {
  return /\.(json|ya?ml)$/.test(name) && !name.endsWith(".schema.json");
}

export class Catalogue {
  /** the files of the scenarios folder, by id */
  readonly builtIn = new Map<string, Scenario>();
  /** each file's value as written (no defaults filled in), for the studio to edit and download */
  readonly sources = new Map<string, unknown>();
  readonly problems: { file: string; issues: ScenarioIssue[] }[] = [];
  private saved: SavedScenarios | null = null;

  constructor(dir: string) {
    const files = readdirSync(dir).filter(isScenarioFile).sort();
    for (const file of files) {
      const read = readScenarioText(readFileSync(join(dir, file), "utf8"), /\.ya?ml$/.test(file) ? "yaml" : undefined);
      const r = read.ok ? parseScenario(read.value) : { ok: false as const, issues: [read.issue] };
      if (!r.ok) this.problems.push({ file, issues: r.issues });
      else if (this.builtIn.has(r.scenario.id))
        this.problems.push({ file, issues: [{ path: "id", message: `duplicate scenario id "${r.scenario.id}"` }] });
      else {
        this.builtIn.set(r.scenario.id, r.scenario);
        this.sources.set(r.scenario.id, read.ok ? read.value : null);
      }
    }
  }

  /** The studio's library joins the catalogue when the studio opens it (not on shared storage). */
  useSaved(saved: SavedScenarios | null): void {
    this.saved = saved;
  }

  /** Every scenario by id: the files first; a saved id never shadows a file's. */
  get scenarios(): ReadonlyMap<string, Scenario> {
    const all = new Map(this.builtIn);
    for (const id of this.saved?.ids() ?? []) {
      const s = this.saved?.newestScenario(id);
      if (s && !all.has(id)) all.set(id, s);
    }
    return all;
  }

  isBuiltIn(id: string): boolean {
    return this.builtIn.has(id);
  }

  get(id: string): Scenario | undefined {
    return this.builtIn.get(id) ?? this.saved?.newestScenario(id);
  }

  /** Shortest first, so a first-time facilitator meets the tutorial at the top of the lobby; `saved: false` lists the files only. */
  list(opts: { saved?: boolean } = {}): ScenarioSummary[] {
    return [...this.scenarios.values()]
      .filter((s) => opts.saved !== false || this.isBuiltIn(s.id))
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
