// Builds the starting state of an exercise from a scenario and a seed.
import type { GameState, InjectState, Scenario } from "./types.ts";
import { seedRng } from "./rng.ts";
import { pairKey } from "./context.ts";
import { ENGINE_VERSION } from "./version.ts";
import { idSchemeOf } from "./ids.ts";
import { modelFor, type Ablation } from "./model.ts";

export interface InitOptions {
  seed: string;
  title?: string;
  /** the engine version a recording was made with, to replay it with the ids it had (default: this engine) */
  engineVersion?: string;
  /** the lab's ablation: parts of the model switched off (never in a live exercise) */
  ablate?: readonly Ablation[];
}

export function init(scenario: Scenario, options: InitOptions): GameState {
  const ids = scenario.teams.map((t) => t.id);
  const trust: Record<string, number> = {};
  ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => (trust[pairKey(a, b)] = scenario.trust.default)));
  for (const p of scenario.trust.pairs) trust[pairKey(p.a, p.b)] = p.value;
  const initial = scenario.hotline.initial;
  const hotlines =
    initial === "all"
      ? Object.keys(trust)
      : initial === "none"
        ? []
        : [...new Set(initial.map(([a, b]) => pairKey(a, b)))];
  const injects: InjectState[] = scenario.injects.map((i) => ({
    id: i.id,
    status: "pending",
    adhoc: false,
    title: i.title,
    body: i.body,
    channel: i.channel,
    audience: i.audience,
    releasedAt: null,
    releasedTurn: null,
    releasedPhase: null,
    releasedBy: null,
    ...(i.attachments?.length ? { attachments: i.attachments } : {}),
  }));
  const state: GameState = {
    // the rules it runs: a recording of an older engine replays (and resumes) under its own
    engineVersion: options.engineVersion ?? ENGINE_VERSION,
    scenario,
    title: options.title || scenario.title,
    seed: options.seed,
    rng: seedRng(options.seed),
    seq: 0,
    now: 0,
    status: "setup",
    outcome: null,
    turn: 0,
    phaseIndex: 0,
    clock: { elapsedMs: 0, runningSince: null },
    escalation: scenario.ladder.start,
    peakEscalation: scenario.ladder.start,
    teams: Object.fromEntries(
      scenario.teams.map((t) => [
        t.id,
        {
          id: t.id,
          standing: t.standing,
          pressure: t.pressure,
          sectors: t.sectors.map((x) => ({ kind: x.kind, name: x.name, health: x.health, resilience: x.resilience })),
        },
      ]),
    ),
    trust,
    hotlines,
    messages: [],
    chat: [],
    orders: {},
    history: [],
    incidents: [],
    injects,
    proposals: [],
    commitments: [],
    notes: [],
    log: [],
    grievances: {},
    mediatorActionsThisTurn: 0,
    observersSeeAll: false,
    counters: {},
    idScheme: idSchemeOf(options.engineVersion),
    model: modelFor(options.engineVersion ?? ENGINE_VERSION, scenario.model, options.ablate),
    uses: {},
    agreement: null,
    agreementEnds: true,
    deterred: {},
  };
  return state;
}
