// The studio's blank scenario: the least a valid two-state scenario needs, for a designer to fill in.
import type { ScenarioInput } from "../scenario/schema.ts";

/** A minimal valid scenario (two states, one action, five phases, a two-rung ladder) under the given id. */
export function blankScenario(id = "new-scenario"): ScenarioInput {
  return {
    formatVersion: 1,
    id,
    title: "New scenario",
    summary: "What this exercise is about, in one or two sentences.",
    background: "",
    objectives: [],
    turns: 3,
    phases: [
      { id: "briefing", name: "Briefing", kind: "briefing" },
      { id: "deliberation", name: "Deliberation", kind: "deliberation", durationSeconds: 600 },
      { id: "decision", name: "Decision", kind: "decision", durationSeconds: 300 },
      { id: "adjudication", name: "Adjudication", kind: "adjudication" },
      { id: "summary", name: "Turn summary", kind: "summary" },
    ],
    ladder: {
      rungs: [
        { id: "calm", name: "Calm", from: 0 },
        { id: "crisis", name: "Crisis", from: 50 },
        { id: "conflict", name: "Open conflict", from: 100 },
      ],
      redLines: [],
      start: 10,
    },
    teams: [
      {
        id: "state-a",
        name: "State A",
        color: "#2f6fd6",
        briefing: "Your private briefing: what your government knows and wants.",
        objectives: [],
        sectors: [{ kind: "energy", name: "National Grid", health: 100, resilience: 0 }],
        actionPoints: 3,
        standing: 60,
        pressure: 30,
      },
      {
        id: "state-b",
        name: "State B",
        color: "#d65a2f",
        briefing: "Your private briefing: what your government knows and wants.",
        objectives: [],
        sectors: [{ kind: "energy", name: "Power Network", health: 100, resilience: 0 }],
        actionPoints: 3,
        standing: 60,
        pressure: 30,
      },
    ],
    actions: [
      {
        id: "harden",
        name: "Harden infrastructure",
        description: "Patch and segment your own networks.",
        category: "resilience",
        cost: 1,
        effects: [{ type: "resilience", team: "actor", sector: "all", delta: 10 }],
      },
    ],
    cbms: [],
    injects: [],
  };
}
