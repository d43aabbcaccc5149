// Games the engine of rules 1.1 really played end the same when today's engine
// replays them under the kept rules 1.1: the evidence that keeping them is honest.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { replay } from "../../shared/engine/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";

/** The scenario as it was when the games were played: built-in scenarios are retuned since. */
function loadScenario(id: string): Scenario {
  const file = new URL(`../fixtures/rules-1.1/scenarios/${id}.json`, import.meta.url);
  const parsed = parseScenario(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.ok) throw new Error(`fixture scenario ${id} does not parse`);
  return parsed.scenario;
}

interface Game {
  id: string;
  seed: string;
  commands: unknown[];
  end: {
    escalation: number;
    status: string;
    turn: number;
    outcome: string | null;
    trust: Record<string, number>;
    grievances: Record<string, unknown>;
    teams: Record<string, unknown>;
  };
}

const games = JSON.parse(
  readFileSync(new URL("../fixtures/rules-1.1/random-games.json", import.meta.url), "utf8"),
) as Game[];

describe("games played by the engine of rules 1.1", () => {
  it.each(games.map((g) => [g.id, g.seed, g] as const))("%s %s ends as it did", (_id, _seed, g) => {
    const scenario: Scenario = loadScenario(g.id);
    const s = replay({ scenario, seed: g.seed, title: "t", commands: g.commands, engineVersion: "1.1.0" } as never);
    const teams = Object.fromEntries(
      Object.entries(s.teams).map(([t, v]) => [t, { standing: v.standing, sectors: v.sectors }]),
    );
    expect({
      escalation: s.escalation,
      status: s.status,
      turn: s.turn,
      outcome: s.outcome?.kind ?? null,
      trust: s.trust,
      grievances: s.grievances,
      teams,
    }).toEqual(g.end);
  });
});
