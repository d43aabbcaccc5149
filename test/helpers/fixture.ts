// A small scenario built in code for engine unit tests: three states, a
// mediator, and one action of each kind the engine knows.
import { parseScenario } from "../../shared/scenario/parse.ts";
import type { Scenario, ScenarioInput } from "../../shared/scenario/schema.ts";

export function fixtureInput(): ScenarioInput {
  return {
    formatVersion: 1,
    id: "fixture",
    title: "Fixture",
    summary: "A scenario for unit tests",
    objectives: [{ id: "obj-1", text: "Talk before acting" }],
    turns: 3,
    phases: [
      { id: "briefing", name: "Briefing", kind: "briefing" },
      { id: "deliberation", name: "Deliberation", kind: "deliberation", durationSeconds: 60 },
      { id: "decision", name: "Decision", kind: "decision" },
      { id: "adjudication", name: "Adjudication", kind: "adjudication" },
      { id: "summary", name: "Summary", kind: "summary" },
    ],
    ladder: {
      start: 20,
      rungs: [
        { id: "calm", name: "Calm", from: 0 },
        { id: "tension", name: "Tension", from: 15 },
        { id: "crisis", name: "Crisis", from: 40 },
        { id: "war", name: "War", from: 90 },
      ],
      redLines: [{ id: "crisis-line", name: "Open crisis", rung: "crisis" }],
    },
    teams: [
      {
        id: "alpha",
        name: "Alpha",
        color: "#112233",
        briefing: "ALPHA-SECRET briefing",
        sectors: [
          { kind: "energy", name: "Alpha Grid" },
          { kind: "health", name: "Alpha Hospitals" },
        ],
      },
      {
        id: "beta",
        name: "Beta",
        color: "#445566",
        briefing: "BETA-SECRET briefing",
        sectors: [
          { kind: "energy", name: "Beta Grid" },
          { kind: "water", name: "Beta Water" },
        ],
      },
      {
        id: "gamma",
        name: "Gamma",
        color: "#778899",
        briefing: "GAMMA-SECRET briefing",
        sectors: [{ kind: "finance", name: "Gamma Bank" }],
      },
    ],
    mediator: { name: "Neutral Body", briefing: "MEDIATOR-SECRET briefing", actionsPerTurn: 2 },
    hotline: { initial: [["alpha", "beta"]], timelySeconds: 300 },
    actions: [
      {
        id: "harden",
        name: "Harden",
        description: "resilience",
        category: "resilience",
        effects: [{ type: "resilience", team: "actor", sector: "all", delta: 20 }],
      },
      {
        id: "calm-public",
        name: "Calm the public",
        description: "pressure down",
        category: "public",
        effects: [{ type: "pressure", team: "actor", delta: -10 }],
      },
      {
        id: "probe",
        name: "Probe",
        description: "ambiguous",
        category: "intelligence",
        severity: 1,
        target: "state",
        visibility: "covert",
        perception: { misreadChance: 1, perceivedAs: "Attack preparation", perceivedSeverity: 3 },
      },
      {
        id: "exercise",
        name: "Exercise",
        description: "never misread",
        category: "defensive",
        target: "state",
        visibility: "target",
        perception: { misreadChance: 0, perceivedAs: "Mobilisation", perceivedSeverity: 2 },
      },
      {
        id: "strike",
        name: "Strike",
        description: "disrupt a sector",
        category: "offensive",
        cost: 2,
        severity: 3,
        target: "sector",
        visibility: "covert",
        effects: [{ type: "sector", team: "target", sector: "target", delta: -50 }],
        incident: { title: "Strike", severity: 3, confidence: [0.6, 0.9], falseFlagChance: 0, publicChance: 0 },
      },
      {
        id: "sanction",
        name: "Sanction",
        description: "economic",
        category: "economic",
        severity: 2,
        target: "state",
        effects: [{ type: "standing", team: "target", delta: -5 }],
      },
      {
        id: "attribute",
        name: "Attribute",
        description: "blame",
        category: "public",
        severity: 1,
        target: "incident",
        special: "attribute",
      },
      {
        id: "investigate",
        name: "Investigate",
        description: "forensics",
        category: "intelligence",
        target: "incident",
        special: "investigate",
      },
      { id: "big", name: "Big", description: "too expensive", category: "offensive", cost: 4, target: "none" },
      {
        id: "gamma-only",
        name: "Gamma only",
        description: "restricted",
        category: "diplomatic",
        availableTo: ["gamma"],
      },
    ],
    cbms: [
      { id: "hotline", name: "Hotline", description: "hotline", kind: "hotline", cost: 0, trust: 5, escalation: 0 },
      { id: "notify", name: "Pre-notification", description: "notify", kind: "pre-notification" },
      {
        id: "no-target",
        name: "No target",
        description: "civilian",
        kind: "no-target",
        protectedSectors: ["health", "water"],
      },
      {
        id: "timeline",
        name: "Timeline",
        description: "de-escalate",
        kind: "timeline",
        timeline: { rung: "calm", withinTurns: 1 },
      },
    ],
    injects: [
      {
        id: "opening",
        title: "Opening",
        body: "ALL-PUBLIC opening",
        channel: "news",
        audience: ["all"],
        at: { turn: 1, phase: "briefing" },
      },
      {
        id: "alpha-intel",
        title: "Alpha intel",
        body: "ALPHA-ONLY intel",
        channel: "intelligence",
        audience: ["alpha"],
        at: { turn: 1, phase: "briefing" },
      },
      {
        id: "control-only",
        title: "Control note",
        body: "CONTROL-ONLY truth",
        channel: "control",
        audience: ["facilitator"],
        at: { turn: 1, phase: "briefing" },
      },
      {
        id: "hack",
        title: "Hack",
        body: "Beta's grid is hit",
        channel: "cert",
        audience: ["beta"],
        at: { turn: 1, phase: "deliberation" },
        incident: {
          title: "Grid hack",
          victim: "beta",
          sector: "energy",
          severity: 2,
          culprit: "gamma",
          suspect: "alpha",
          confidence: 0.4,
          public: false,
        },
      },
      {
        id: "later",
        title: "Later",
        body: "turn 2 news",
        channel: "news",
        audience: ["all"],
        at: { turn: 2, phase: "briefing" },
      },
      {
        id: "on-crisis",
        title: "Crisis news",
        body: "crisis",
        channel: "news",
        audience: ["all"],
        when: { type: "escalation", atLeastRung: "crisis" },
      },
      {
        id: "on-strike",
        title: "Strike reported",
        body: "strike",
        channel: "news",
        audience: ["all"],
        when: { type: "action", action: "strike" },
      },
    ],
    end: { agreement: { cbms: ["no-target"], statement: false } },
  };
}

/** The fixture, optionally changed, parsed like any scenario file. */
export function fixture(change?: (s: ScenarioInput) => void): Scenario {
  const input = fixtureInput();
  change?.(input);
  const r = parseScenario(input);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  return r.scenario;
}
