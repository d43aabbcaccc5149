// The one visibility rule, checked on random well-formed exercises over every
// built-in scenario: each viewer's log is exactly the events the rule lets it
// read, redacted for it; the audience each event got matches what the rules of
// the game say (restated here independently of audience.ts); and no secret
// field of an event reaches a viewer who may not know it.
import { afterAll, describe, expect, it } from "vitest";
import {
  apply,
  init,
  mayRead,
  redact,
  view,
  type EventView,
  type GameState,
  type ParticipantView,
  type StoredEvent,
  type Viewer,
} from "../../shared/engine/index.ts";
import { command } from "../../shared/protocol/commands.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { loadScenario, scenarioFiles } from "../helpers/scenarios.ts";
import { randomSource, randomStep } from "../helpers/random-commands.ts";

const STEPS = 700;
const SEEDS = ["vis-1", "vis-2"];

/** How many times each kind of secret was kept from someone: the runs must exercise the redactions. */
const withheld = new Map<string, number>();
const count = (what: string) => withheld.set(what, (withheld.get(what) ?? 0) + 1);

function viewersOf(sc: Scenario): Viewer[] {
  return [
    { role: "facilitator" },
    { role: "observer" },
    ...(sc.mediator ? [{ role: "mediator" } as const] : []),
    ...sc.teams.map((t) => ({ role: "team" as const, teamId: t.id })),
  ];
}

/**
 * Who reads an event, as the rules of the game say it: restated from the
 * scenario and the states around the command, not taken from audience.ts.
 */
function checkAudience(e: StoredEvent, before: GameState, after: GameState): void {
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  const is = (expected: string[]) => expect(uniq(e.audience), `${e.type}`).toEqual(uniq(expected));
  const action = (id: string) => after.scenario.actions.find((a) => a.id === id)!;
  switch (e.type) {
    case "orders.submitted":
    case "orders.withdrawn":
    case "orders.carried-out":
    case "order.struck":
    case "action.failed":
    case "pressure.mounting":
      return is([e.team]);
    case "action.caught":
      return is([e.from, e.to]);
    case "misperception":
    case "perception.correct":
      return is([e.target]);
    case "hotline.sent":
    case "hotline.answered":
    case "hotline.unanswered":
    case "evidence.shared":
      return is([e.from, e.to]);
    case "proposal.made":
    case "proposal.accepted":
    case "proposal.rejected":
    case "proposal.withdrawn":
      return is([...e.parties, e.proposer, "mediator"]);
    case "mediator.convened":
      return is([...e.parties, "mediator"]);
    case "inject.held":
    case "inject.skipped":
    case "inject.unskipped":
    case "inject.unheld":
    case "inject.dropped":
    case "escalation.noted":
    case "adjudication.mode":
      return is(["facilitator"]);
    case "value.set": {
      // whom control chose; of evidence, "all" is all who knew of the incident
      if (e.tell === "control") return is(["facilitator"]);
      if (e.tell !== "all") return is([...e.tell]);
      const inc = e.incident === null ? undefined : after.incidents.find((i) => i.id === e.incident)!;
      if (!inc || inc.public) return is(["all"]);
      return is([inc.victim, ...(inc.culprit ? [inc.culprit] : []), ...inc.sharedWith]);
    }
    case "observers.visibility":
      return is(["facilitator", "observers"]);
    case "inject.released":
      return is([...after.injects.find((i) => i.id === e.inject)!.audience]);
    case "action.resolved":
    case "action.disproportionate": {
      const v = action(e.action).visibility;
      if (e.type === "action.disproportionate" && v === "covert") return is(["facilitator"]);
      return is(v === "public" ? ["all"] : v === "target" && e.target ? [e.actor, e.target] : [e.actor]);
    }
    case "incident.occurred":
    case "incident.verified":
    case "evidence.changed": {
      // the incident's readers at that moment: everyone if public, else its victim, culprit and those given it
      const was = before.incidents.find((i) => i.id === e.incident);
      const now = after.incidents.find((i) => i.id === e.incident)!;
      if (was?.public) return is(["all"]);
      if (e.audience.includes("all")) return expect(now.public).toBe(true);
      expect(e.audience).toContain(now.victim);
      for (const p of e.audience) expect([now.victim, now.culprit, ...now.sharedWith]).toContain(p);
      return;
    }
    default:
      // the meter, the flow, public accusations, statements and commitments: everyone
      return is(["all"]);
  }
}

/** What a viewer may know of an event's secret fields, restated from the rules of the game. */
function checkRedaction(s: GameState, viewer: Viewer, e: StoredEvent, seen: EventView, whole: string): void {
  expect(seen).not.toHaveProperty("audience");
  expect(seen).not.toHaveProperty("seq");
  const team = viewer.role === "team" ? viewer.teamId : null;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(seen, key);
  switch (e.type) {
    case "misperception": {
      const knowsWho = e.identified;
      expect(has("actor")).toBe(knowsWho);
      expect(has("action")).toBe(knowsWho);
      expect(has("chance") || has("roll")).toBe(false);
      // the roll is a number nobody else has: it appears nowhere in what the viewer receives
      expect(whole).not.toContain(String(e.roll));
      if (!knowsWho) count("misperception: actor");
      count("misperception: roll");
      return;
    }
    case "action.failed":
      // the dice are control's: the actor learns only that its order failed
      expect(has("chance") || has("roll")).toBe(false);
      count("action.failed: roll");
      return;
    case "perception.correct":
      expect(has("actor")).toBe(e.identified);
      if (!e.identified) count("perception: actor");
      return;
    case "incident.occurred":
      expect(has("culprit")).toBe(team !== null && team === e.culprit);
      if (!has("culprit")) count("incident: culprit");
      return;
    case "value.set":
      // whom else control told is control's
      expect(has("tell")).toBe(false);
      count("value.set: tell");
      return;
    case "attribution.made":
      expect(has("correct")).toBe(team !== null && (team === e.accused || team === e.culprit));
      expect(has("culprit")).toBe(team !== null && team === e.culprit);
      if (!has("correct")) count("attribution: correct");
      return;
    case "escalation.changed": {
      if (seen.type !== "escalation.changed") throw new Error("kind changed");
      const c = e.cause;
      if (c.kind === "inject") {
        const inj = s.injects.find((i) => i.id === c.inject)!;
        const readable =
          inj.audience.includes("all") ||
          (team !== null && inj.audience.includes(team)) ||
          (viewer.role === "mediator" && inj.audience.includes("mediator")) ||
          (viewer.role === "observer" && inj.audience.includes("observers"));
        expect(seen.cause).toEqual(readable ? c : { kind: "developments" });
        if (!readable) count("cause: inject");
      } else if (c.kind === "action" || c.kind === "disproportionate") {
        const covert = s.scenario.actions.find((a) => a.id === c.action)!.visibility === "covert";
        const named = !covert || team === c.actor;
        expect(seen.cause).toEqual(named ? c : { kind: "hostile-activity" });
        if (!named) count("cause: covert action");
      } else expect(seen.cause).toEqual(c);
      return;
    }
    default:
      // no secret field: the viewer reads the event whole, less the audience and the command counter
      expect(seen).toEqual(Object.fromEntries(Object.entries(e).filter(([k]) => k !== "audience" && k !== "seq")));
  }
}

function checkView(s: GameState, viewer: Viewer, v: ParticipantView, deep: boolean): void {
  const readable = s.log.filter((e) => mayRead(s, viewer, e));
  // exactly the events the rule allows, redacted by it
  expect(v.log).toEqual(readable.map((e) => redact(e, viewer, s)));
  const seesAll = viewer.role === "facilitator" || (viewer.role === "observer" && s.observersSeeAll);
  if (seesAll) {
    // whole, but control's private notes are control's alone
    const alone = (e: StoredEvent) => viewer.role !== "facilitator" && e.type === "escalation.noted";
    expect(v.log).toEqual(s.log.filter((e) => !alone(e)));
    return;
  }
  if (!deep) return;
  const whole = JSON.stringify(v);
  const logText = JSON.stringify(v.log);
  readable.forEach((e, i) => checkRedaction(s, viewer, e, v.log[i]!, whole));
  // a secret inject named in a cause: its id is nowhere in the viewer's log
  for (const e of s.log) {
    if (e.type !== "escalation.changed" || e.cause.kind !== "inject") continue;
    const id = e.cause.inject;
    const inj = s.injects.find((x) => x.id === id)!;
    if (!v.injects.some((x) => x.id === id) && !inj.audience.includes("all")) expect(logText).not.toContain(id);
  }
}

function run(sc: Scenario, seed: string): number {
  const { rng, pick } = randomSource(seed);
  let state = init(sc, { seed });
  const viewers = viewersOf(sc);
  let at = 1_700_000_000_000;
  let accepted = 0;
  for (let i = 0; i < STEPS && state.status !== "ended"; i++) {
    at += Math.floor(rng() * 120_000);
    const step = randomStep(state, pick, rng);
    const parsed = command.safeParse(step.command);
    // control ending the exercise early would leave little to look at
    if (!parsed.success || parsed.data.type === "exercise.end") continue;
    const before = state;
    const r = apply(state, { at, actor: step.actor, command: parsed.data });
    if (!r.ok) continue;
    accepted++;
    state = r.state;
    for (const e of r.events) checkAudience(e, before, state);
    const deep = accepted % 5 === 0 || state.status === "ended";
    for (const v of viewers) checkView(state, v, view(state, v), deep);
  }
  for (const v of viewers) checkView(state, v, view(state, v), true);
  return accepted;
}

describe.each(scenarioFiles().map((f) => f.replace(/\.json$/, "")))("visibility of events in %s", (id) => {
  it.each(SEEDS)("seed %s: each viewer reads exactly what the rule allows, and no secret field", (seed) => {
    // exercises end (the top rung, the last turn): play fresh ones until enough has happened
    let accepted = 0;
    for (let n = 0; n < 16 && accepted < 400; n++) accepted += run(loadScenario(id), `${seed}-${n}`);
    expect(accepted).toBeGreaterThanOrEqual(400);
  });
});

afterAll(() => {
  // the random exercises must have put the redactions to work, or the checks above prove little
  for (const what of ["misperception: roll", "incident: culprit", "cause: covert action", "value.set: tell"])
    expect(withheld.get(what) ?? 0, what).toBeGreaterThan(0);
});
