// Property tests: random well-formed command sequences never throw, never
// corrupt the state, never show a viewer what the rule forbids, and replay
// to exactly the live states.
import { describe, expect, it } from "vitest";
import {
  apply,
  init,
  replaySteps,
  view,
  type GameState,
  type ParticipantView,
  type Viewer,
} from "../../shared/engine/index.ts";
import { command } from "../../shared/protocol/commands.ts";
import type { StoredCommand } from "../../shared/protocol/recording.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { fixture } from "../helpers/fixture.ts";
import { loadScenario, scenarioFiles } from "../helpers/scenarios.ts";
import { randomSource, randomStep } from "../helpers/random-commands.ts";

function checkInvariants(s: GameState): void {
  const inRange = (v: number, what: string) => {
    if (!(v >= 0 && v <= 100)) throw new Error(`${what} out of range: ${v}`);
  };
  inRange(s.escalation, "escalation");
  expect(s.peakEscalation).toBeGreaterThanOrEqual(s.escalation);
  Object.entries(s.trust).forEach(([k, v]) => inRange(v, `trust ${k}`));
  for (const t of Object.values(s.teams)) {
    inRange(t.standing, `standing ${t.id}`);
    inRange(t.pressure, `pressure ${t.id}`);
    for (const x of t.sectors) {
      inRange(x.health, `health ${t.id}.${x.kind}`);
      expect(x.resilience).toBeLessThanOrEqual(90);
    }
  }
  const ids = [
    ...s.messages,
    ...s.chat,
    ...s.incidents,
    ...s.proposals,
    ...s.commitments,
    ...s.notes,
    ...s.log,
    ...s.injects,
  ].map((x) => x.id);
  expect(new Set(ids).size).toBe(ids.length);
  if (s.status === "ended") expect(s.outcome).not.toBeNull();
  for (const inc of s.incidents) expect(inc.evidence.confidence).toBeLessThanOrEqual(0.95);
}

/** What the rule forbids, checked item by item against the raw state. */
function checkView(s: GameState, viewer: Viewer, v: ParticipantView): void {
  if (viewer.role === "facilitator" || (viewer.role === "observer" && s.observersSeeAll)) return;
  const me = viewer.role === "team" ? viewer.teamId : viewer.role === "mediator" ? "mediator" : null;
  const readable = (aud: string[]) =>
    aud.includes("all") ||
    (me !== null && aud.includes(me)) ||
    (viewer.role === "observer" && aud.includes("observers"));
  for (const m of v.messages) expect(m.from === me || m.to === me).toBe(true);
  for (const c of v.chat) expect(c.teamId).toBe(me);
  for (const i of v.injects) {
    expect(i.status).toBe("released");
    expect(readable(i.audience)).toBe(true);
  }
  const raw = new Map(s.log.map((e) => [e.id, e]));
  for (const e of v.log) {
    // who else an entry was addressed to is not shown (it could name a culprit)
    expect(e).not.toHaveProperty("audience");
    expect(readable(raw.get(e.id)!.audience)).toBe(true);
  }
  for (const inc of v.incidents) {
    expect(
      inc.public ||
        inc.victim === me ||
        inc.sharedWith.includes(me ?? "-") ||
        s.incidents.find((x) => x.id === inc.id)!.culprit === me,
    ).toBe(true);
    if ("culprit" in inc) expect(inc.culprit).toBe(me);
    // what caused an incident and whether blame was right are control's to know (and the culprit's)
    if (!("culprit" in inc)) {
      expect(inc).not.toHaveProperty("source");
      for (const a of inc.attributions) expect(a).not.toHaveProperty("correct");
    }
  }
  for (const h of v.history) for (const o of h.orders) expect(o.teamId).toBe(me);
  if (viewer.role === "team") for (const t of v.trust) expect(t.a === me || t.b === me).toBe(true);
  for (const p of v.proposals)
    expect(me !== null && (p.parties.includes(me) || p.proposer === me || me === "mediator")).toBe(true);
  for (const t of s.scenario.teams) if (t.id !== me) expect(JSON.stringify(v.me ?? "")).not.toContain(t.briefing);
  if (viewer.role !== "observer") expect(v.notes).toEqual([]);
  else for (const n of v.notes) expect(n.role).toBe("observer");
}

function fuzz(scenario: Scenario, seed: string, steps: number) {
  const { rng, pick } = randomSource(seed);
  let state = init(scenario, { seed });
  const states: GameState[] = [];
  const commands: StoredCommand[] = [];
  const viewers: Viewer[] = [
    { role: "facilitator" },
    { role: "observer" },
    { role: "mediator" },
    ...scenario.teams.map((t) => ({ role: "team" as const, teamId: t.id })),
  ];
  let at = 1_700_000_000_000;
  let accepted = 0;
  for (let i = 0; i < steps; i++) {
    at += Math.floor(rng() * 120_000);
    const step = randomStep(state, pick, rng);
    const actor = step.actor;
    const parsed = command.safeParse(step.command);
    if (!parsed.success) continue;
    const before = state;
    const r = apply(state, { at, actor, command: parsed.data });
    if (!r.ok) {
      expect(r.error.message.length).toBeGreaterThan(5);
      continue;
    }
    accepted++;
    expect(r.seq).toBe(before.seq + 1);
    state = r.state;
    checkInvariants(state);
    for (const v of viewers) checkView(state, v, view(state, v));
    commands.push({
      seq: r.seq,
      at,
      actor,
      turn: before.turn,
      phase: before.scenario.phases[before.phaseIndex]?.id ?? "",
      command: parsed.data,
    });
    states.push(state);
    if (state.status === "ended") break;
  }
  return { state, states, commands, accepted };
}

const scenarios: [string, () => Scenario][] = [
  ["fixture", () => fixture()],
  ...scenarioFiles().map((f) => [f, () => loadScenario(f.replace(/\.json$/, ""))] as [string, () => Scenario]),
];

describe.each(scenarios)("random command sequences on %s", (_name, load) => {
  it.each(["alpha", "bravo", "charlie", "delta"])(
    "seed %s: never throw, never corrupt, never leak; replay is exact",
    (seed) => {
      const scenario = load();
      const { state, states, commands, accepted } = fuzz(scenario, seed, 1500);
      expect(accepted).toBeGreaterThan(20);
      let i = 0;
      for (const replayed of replaySteps({ scenario, seed, title: state.title, commands })) {
        expect(replayed).toEqual(states[i]);
        i++;
      }
      expect(i).toBe(states.length);
    },
  );
});
