// English for recorded commands: who issued one, and what it did, as a phrase
// that follows the actor ("messaged Austral on the hotline (confirm): “…”").
// Parameters are names already resolved and raw numbers; another language is
// another object of the type `CommandWords`.
import { list, short, signed, fmt } from "./format.ts";

type Names = readonly string[];

/** A text quoted for a sentence, on one line and cut to `max` characters: “…”. */
export function quote(text: string, max = 140): string {
  return `“${short(text.replace(/\s+/g, " ").trim(), max)}”`;
}

const because = (reason: string | null) => (reason ? ` — ${quote(reason)}` : "");

export const enCommands = {
  // who
  "actor.team": (p: { name: string; team: string }) => `${p.name} (${p.team} team)`,
  "actor.control": (p: { name: string | null }) => (p.name ? `${p.name} (control)` : "Control"),
  "actor.mediator": (p: { name: string; mediator: string }) => `${p.name} (mediator, ${p.mediator})`,
  "actor.observer": (p: { name: string }) => `${p.name} (observer)`,
  "actor.system": (p: { timer: boolean }) => (p.timer ? "The server (phase timer)" : "The server"),
  "actor.bot": (p: { who: string; policy: string }) => `${p.who} · bot: ${p.policy}`,

  // control: the flow
  "exercise.start": () => "started the exercise",
  "exercise.pause": (p: { reason: string | null }) => `paused the exercise${because(p.reason)}`,
  "exercise.resume": () => "resumed the exercise",
  "exercise.end": (p: { reason: string | null }) => `ended the exercise${because(p.reason)}`,
  "phase.advance": (p: { turn: number; turns: number; phase: string }) =>
    `advanced the exercise to Turn ${p.turn} of ${p.turns} · ${p.phase}`,
  "phase.advance.end": (p: { outcome: string }) => `advanced past the last phase: ${p.outcome}`,
  "phase.advance.unknown": () => "advanced the exercise",

  // control: injects and the meter
  "inject.release": (p: { title: string }) => `released the inject ${quote(p.title, 80)}`,
  "inject.hold": (p: { title: string }) => `held the inject ${quote(p.title, 80)}`,
  "inject.skip": (p: { title: string }) => `skipped the inject ${quote(p.title, 80)}`,
  "inject.unhold": (p: { title: string }) => `stopped holding the inject ${quote(p.title, 80)}`,
  "inject.create": (p: { channel: string; title: string; audience: Names }) =>
    `wrote and released an ad-hoc inject ${quote(p.title, 80)} (${p.channel}) for ${list(p.audience)}`,
  "escalation.adjust": (p: {
    delta: number;
    from: number | null;
    to: number | null;
    reason: string;
    note: string | null;
  }) =>
    `adjusted escalation by ${signed(p.delta)}${
      p.from !== null && p.to !== null ? ` (${fmt(p.from)} → ${fmt(p.to)})` : ""
    }: ${quote(p.reason)}${p.note ? ` (note: ${quote(p.note)})` : ""}`,
  "observers.visibility": (p: { seeAll: boolean }) =>
    p.seeAll ? "let the observers see every channel" : "limited the observers to the public picture",
  "bot.seat": (p: { seat: string; policy: string }) => `put a bot (${p.policy}) in ${p.seat}'s seat`,
  "bot.seat.out": (p: { seat: string }) => `took the bot out of ${p.seat}'s seat`,
  "agreement.ending": (p: { ends: boolean }) =>
    p.ends ? "decided that a held agreement ends the exercise" : "decided that play continues after a held agreement",
  "autopilot.set": (p: { on: boolean }) =>
    p.on ? "handed the pacing to the server (self-paced play)" : "took the pacing back from the server",

  // teams
  "team.chat": (p: { team: string; text: string }) => `wrote in ${p.team}'s team chat: ${quote(p.text)}`,
  "hotline.send": (p: { answered: boolean; to: string; kind: string; evidence: boolean; text: string }) =>
    `${p.answered ? "answered" : "messaged"} ${p.to} on the hotline (${p.kind}${
      p.evidence ? ", with evidence attached" : ""
    }): ${quote(p.text)}`,
  "orders.submit": (p: { team: string; actions: Names }) =>
    p.actions.length
      ? `submitted ${p.team}'s secret orders: ${p.actions.join("; ")}`
      : `submitted ${p.team}'s orders: no action this turn`,
  "orders.item": (p: { action: string; target: string | null; sector: string | null }) =>
    `${p.action}${p.target ? ` → ${p.target}` : ""}${p.sector ? ` (${p.sector})` : ""}`,
  "orders.withdraw": (p: { team: string }) => `withdrew ${p.team}'s orders`,
  "proposal.create.cbm": (p: { cbm: string; parties: Names | null }) =>
    `proposed the measure ${quote(p.cbm, 80)}${p.parties ? ` to ${list(p.parties)}` : ""}`,
  "proposal.create.statement": (p: { text: string }) => `proposed a joint statement: ${quote(p.text)}`,
  "proposal.respond": (p: { accept: boolean; what: string }) => `${p.accept ? "accepted" : "rejected"} ${p.what}`,
  "proposal.withdraw": (p: { what: string }) => `withdrew ${p.what}`,
  "restraint.call": (p: { target: string }) => `publicly called on ${p.target} for restraint`,
  "proposal.what.cbm": (p: { cbm: string }) => `the measure ${quote(p.cbm, 80)}`,
  "proposal.what.statement": (p: { text: string }) => `the joint statement ${quote(p.text, 60)}`,
  "proposal.what.unknown": () => "a proposal",

  // the mediator
  "hotline.relay": (p: { from: string | null; kind: string | null; to: string; reworded: boolean }) =>
    `relayed ${p.from && p.kind ? `${p.from}'s “${p.kind}” message` : "a message"} to ${p.to}${
      p.reworded ? ", reworded" : ""
    }`,
  "mediator.verify": (p: { title: string }) => `verified the evidence on ${quote(p.title, 80)}`,
  "mediator.convene": (p: { parties: Names; text: string }) =>
    `convened talks with ${list(p.parties)}: ${quote(p.text)}`,

  // observers and control
  "note.add": (p: { objective: string | null; text: string }) =>
    `wrote a note${p.objective ? ` on the objective ${quote(p.objective, 60)}` : ""}: ${quote(p.text)}`,
};

/** A language's words for commands: a template for every key English has, returning a phrase. */
export type CommandWords = { [K in keyof typeof enCommands]: (...p: Parameters<(typeof enCommands)[K]>) => string };
