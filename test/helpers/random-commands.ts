// Random but well-formed commands (they pass the zod schema; many break the
// rules on purpose) from random participants, for property tests and benchmarks.
import seedrandom from "seedrandom";
import type { GameState } from "../../shared/engine/index.ts";
import type { Actor } from "../../shared/protocol/identity.ts";
import { HOTLINE_KINDS, type CommandInput } from "../../shared/protocol/commands.ts";
import { SECTOR_KINDS } from "../../shared/scenario/schema.ts";

export type Pick = <T>(items: readonly T[]) => T;

export function randomSource(seed: string) {
  const rng = seedrandom(seed);
  const pick: Pick = (items) => items[Math.floor(rng() * items.length)]!;
  return { rng, pick };
}

export function randomActor(s: GameState, pick: Pick): Actor {
  const teams = s.scenario.teams.map((t) => t.id);
  return pick<Actor>([
    { role: "facilitator", name: "Control" },
    { role: "observer", name: "Obs" },
    ...(s.scenario.mediator ? [{ role: "mediator", name: "Med" } as const] : []),
    ...teams.map((teamId) => ({ role: "team" as const, teamId, name: `${teamId}-member` })),
    ...teams.map((teamId) => ({ role: "team" as const, teamId, name: `${teamId}-member` })),
  ]);
}

/** The role that may usually issue a command type, so most random commands get past the role check. */
const USUAL_ROLE: Record<string, Actor["role"]> = {
  "team.chat": "team",
  "hotline.send": "team",
  "orders.submit": "team",
  "orders.withdraw": "team",
  "proposal.create": "team",
  "proposal.respond": "team",
  "proposal.withdraw": "team",
  "hotline.relay": "mediator",
  "mediator.verify": "mediator",
  "mediator.convene": "mediator",
  "note.add": "observer",
};

/** A random command and, most of the time, an actor of the role that may issue it. */
export function randomStep(s: GameState, pick: Pick, rng: () => number): { actor: Actor; command: CommandInput } {
  const phase = s.status === "running" ? s.scenario.phases[s.phaseIndex]?.kind : undefined;
  // lean towards what the phase is for, so play gets deep into orders and talks
  let cmd = randomCommand(s, pick, rng);
  for (let i = 0; i < 10; i++) {
    const wanted =
      phase === "decision"
        ? ["orders.submit", "hotline.send"]
        : phase === "deliberation"
          ? ["hotline.send", "proposal.respond", "proposal.create", "mediator.verify"]
          : [];
    if (!wanted.length || wanted.includes(cmd.type) || rng() < 0.4) break;
    cmd = randomCommand(s, pick, rng);
  }
  let actor = randomActor(s, pick);
  const role = USUAL_ROLE[cmd.type] ?? "facilitator";
  for (let i = 0; i < 20 && rng() < 0.8 && actor.role !== role; i++) actor = randomActor(s, pick);
  if (role === "team" && cmd.type === "hotline.send" && rng() < 0.3 && s.scenario.mediator)
    actor = { role: "mediator", name: "Med" };
  return { actor, command: cmd };
}

export function randomCommand(s: GameState, pick: Pick, rng: () => number): CommandInput {
  const teams = s.scenario.teams.map((t) => t.id);
  const parties = [...teams, "mediator", "nobody"];
  const incident = () => pick([...s.incidents.map((i) => i.id), "incident-999"]);
  const message = () => pick([...s.messages.map((m) => m.id), "msg-999"]);
  const proposal = () => pick([...s.proposals.map((p) => p.id), "proposal-999"]);
  const inject = () => pick([...s.injects.map((i) => i.id), "inject-999"]);
  const text = () => pick(["ok", "<b>bold</b>", "Confirm: no operation of ours", "x".repeat(150)]);
  const order = () => {
    const a = pick(s.scenario.actions);
    if (rng() < 0.2)
      return {
        actionId: rng() < 0.5 ? a.id : "unknown",
        target: pick([...teams, null]),
        sector: pick([...SECTOR_KINDS, null]),
        incidentId: incident(),
      };
    // mostly a plausible order: a real target and one of its sectors
    const target = pick(teams);
    const sector = pick(s.teams[target]!.sectors).kind;
    return { actionId: a.id, target, sector, incidentId: incident() };
  };
  const options: (() => CommandInput)[] = [
    () => ({ type: "exercise.start" }),
    () => (rng() < 0.3 ? { type: "exercise.pause" } : { type: "exercise.resume" }),
    () => ({ type: "exercise.resume" }),
    () => ({ type: "phase.advance" }),
    () => ({ type: "inject.release", injectId: inject() }),
    () => ({ type: "inject.hold", injectId: inject() }),
    () => ({ type: "inject.skip", injectId: inject() }),
    () => ({
      type: "inject.create",
      title: "Ad hoc",
      body: text(),
      audience: [pick([...teams, "all", "mediator", "observers"])],
    }),
    () => ({ type: "escalation.adjust", delta: Math.round(rng() * 20 - 10), reason: "fuzz" }),
    () => ({ type: "observers.visibility", seeAll: rng() < 0.3 }),
    () => ({ type: "team.chat", text: text() }),
    () => ({
      type: "hotline.send",
      to: pick(parties),
      kind: pick(HOTLINE_KINDS),
      text: text(),
      ...(rng() < 0.3 ? { incidentId: incident() } : {}),
    }),
    () => ({ type: "hotline.send", to: pick(parties), kind: pick(HOTLINE_KINDS), text: text(), replyTo: message() }),
    () => ({ type: "hotline.relay", messageId: message(), to: pick(parties) }),
    () => ({ type: "orders.submit", actions: Array.from({ length: Math.floor(rng() * 3) }, order) }),
    () => ({ type: "orders.submit", actions: Array.from({ length: 1 + Math.floor(rng() * 2) }, order) }),
    () => ({ type: "orders.submit", actions: Array.from({ length: 1 + Math.floor(rng() * 2) }, order) }),
    () => ({ type: "orders.withdraw" }),
    () => ({
      type: "proposal.create",
      kind: "cbm",
      cbmId: pick([...s.scenario.cbms.map((c) => c.id), "none"]),
      ...(rng() < 0.5 ? { parties: [pick(teams), pick(teams)] } : {}),
    }),
    () => ({ type: "proposal.create", kind: "statement", text: text() }),
    () => ({ type: "proposal.respond", proposalId: proposal(), accept: rng() < 0.8 }),
    () => ({ type: "proposal.withdraw", proposalId: proposal() }),
    () => ({ type: "mediator.verify", incidentId: incident() }),
    () => ({ type: "mediator.convene", parties: [pick(teams), pick(teams)], text: "talks" }),
    () => ({ type: "note.add", text: text() }),
    () => ({ type: "restraint.call", target: pick(teams) }),
  ];
  const cmd = pick(options)();
  // control's review and levers (rules 3.0) from a stream of their own: the draws above stay as they were
  const calls = (leverCalls.get(pick) ?? 0) + 1;
  leverCalls.set(pick, calls);
  const side = seedrandom(`${s.seed}|control-levers|${calls}`);
  const sidePick: Pick = (items) => items[Math.floor(side() * items.length)]!;
  return side() < 0.08 ? controlLever(s, sidePick, side) : cmd;
}

/** How many commands each source has drawn: the side stream's seed. */
const leverCalls = new WeakMap<Pick, number>();

/** One of control's rules 3.0 commands: review, approval with amendments, values set, acting injects. */
function controlLever(s: GameState, pick: Pick, rng: () => number): CommandInput {
  const teams = s.scenario.teams.map((t) => t.id);
  const text = () => pick(["ok", "Confirm: no operation of ours"]);
  const options: (() => CommandInput)[] = [
    () => ({ type: "adjudication.mode", mode: rng() < 0.6 ? "review" : "auto" }),
    () => ({
      type: "adjudication.approve",
      strike: rng() < 0.5 ? [{ team: pick(teams), item: 1 + Math.floor(rng() * 2), reason: "fuzz" }] : [],
      set:
        rng() < 0.5 ? [{ change: randomChange(s, pick, rng), reason: "fuzz", tell: randomTell(teams, pick, rng) }] : [],
    }),
    () => ({ type: "adjudication.approve" }),
    () => ({
      type: "state.set",
      change: randomChange(s, pick, rng),
      reason: "fuzz",
      tell: randomTell(teams, pick, rng),
    }),
    () => ({
      type: "inject.create",
      title: "Acting",
      body: text(),
      audience: [pick([...teams, "all"])],
      effects: [{ type: "escalation", delta: Math.round(rng() * 6 - 3) }],
      ...(rng() < 0.5
        ? {
            incident: {
              title: "Ad hoc incident",
              victim: pick(teams),
              sector: pick(s.scenario.teams[0]!.sectors).kind,
              severity: 2,
              culprit: pick([...teams, null]),
              suspect: pick([...teams, null]),
              confidence: Math.round(rng() * 100) / 100,
            },
          }
        : {}),
    }),
  ];
  return pick(options)();
}

/** A value control might set: mostly real names, sometimes not. */
function randomChange(s: GameState, pick: Pick, rng: () => number) {
  const teams = s.scenario.teams.map((t) => t.id);
  const value = Math.round(rng() * 100);
  return pick([
    () => ({ what: "trust" as const, a: pick(teams), b: pick(teams), value }),
    () => ({ what: "standing" as const, team: pick([...teams, "nobody"]), value }),
    () => ({ what: "pressure" as const, team: pick(teams), value }),
    () => ({ what: "sector" as const, team: pick(teams), sector: pick(SECTOR_KINDS), value }),
    () => ({
      what: "evidence" as const,
      incident: pick([...s.incidents.map((i) => i.id), "incident-999"]),
      confidence: Math.round(rng() * 100) / 100,
      ...(rng() < 0.5 ? { suspect: pick([...teams, null]) } : {}),
    }),
    // low enough that most exercises go on: the top rung ends them
    () => ({ what: "escalation" as const, value: Math.round(rng() * 60) }),
  ])();
}

function randomTell(teams: string[], pick: Pick, rng: () => number) {
  return rng() < 0.4 ? pick(["all", "control"] as const) : [pick(teams)];
}
