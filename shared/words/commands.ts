// describeCommand: a recorded command in words, for the replay's step strip.
// What a command did is read from its own fields and from the events it
// caused (a title, the escalation before and after, whether a message was an
// answer), never from a sentence. Who may know a command is not decided here:
// the replay shows these words to control only (see client/replay/header.ts).
import type { Actor, Command, HotlineMessage, Proposal, Scenario } from "../engine/types.ts";
import type { EventView, GameEvent } from "../engine/events.ts";
import { channelLabel, outcomeWords, EN, type Language } from "./describe.ts";
import { partyName } from "./format.ts";
import { cbmName } from "./names.ts";
import { enCommands, type CommandWords } from "./commands-en.ts";
import { describeReviewCommand } from "./review-en.ts";

export { quote, enCommands, type CommandWords } from "./commands-en.ts";

/** What a command's words draw on besides the command and the scenario. */
export interface CommandFacts {
  /** the events the command caused (the replay passes control's copies) */
  events: readonly (GameEvent | EventView)[];
  /** the proposal a response or a withdrawal names, as it stood */
  proposal?: Pick<Proposal, "kind" | "cbmId" | "text"> | null;
  /** the message a relay passed on */
  relayed?: Pick<HotlineMessage, "from" | "kind"> | null;
}

type Any = GameEvent | EventView;

/** The first event of a kind among those a command caused. */
function first<K extends Any["type"]>(events: readonly Any[], type: K): Extract<Any, { type: K }> | undefined {
  return events.find((e): e is Extract<Any, { type: K }> => e.type === type);
}

/** Who issued a command: "Bo (Borealis team)", "Control", "The server (phase timer)"; a bot says it is one. */
export function describeActor(a: Actor, sc: Scenario, w: CommandWords = enCommands): string {
  if ((a.role === "team" || a.role === "mediator") && a.bot)
    return w["actor.bot"]({ who: describeActor({ ...a, bot: undefined }, sc, w), policy: a.bot });
  switch (a.role) {
    case "team":
      return w["actor.team"]({ name: a.name, team: partyName(sc, a.teamId) });
    case "facilitator":
      return w["actor.control"]({ name: a.name && a.name !== "Control" ? a.name : null });
    case "mediator":
      return w["actor.mediator"]({ name: a.name, mediator: sc.mediator?.name ?? "mediator" });
    case "observer":
      return w["actor.observer"]({ name: a.name });
    case "system":
      // the phase timer acts as "Phase timer"; restarts, idle pauses and bot take-overs as "Server"
      return w["actor.system"]({ timer: a.name === "Phase timer" });
  }
}

/** What a command did, as a phrase that follows its actor. */
export function describeCommand(
  rc: { actor: Actor; command: Command },
  sc: Scenario,
  facts: CommandFacts,
  w: CommandWords = enCommands,
  lang: Language = EN,
): string {
  const c = rc.command;
  const ev = facts.events;
  const name = (id: string) => partyName(sc, id);
  const team = rc.actor.role === "team" ? name(rc.actor.teamId) : "the team";
  switch (c.type) {
    case "exercise.start":
      return w["exercise.start"]();
    case "exercise.pause":
      return w["exercise.pause"]({ reason: c.reason || null });
    case "exercise.resume":
      return w["exercise.resume"]();
    case "exercise.end":
      return w["exercise.end"]({ reason: c.reason || null });
    case "phase.advance": {
      const ended = first(ev, "exercise.ended");
      if (ended) return w["phase.advance.end"]({ outcome: outcomeWords(ended.outcome, ended.reason, sc, lang) });
      const began = ev.findLast((e) => e.type === "phase.began");
      if (!began) return w["phase.advance.unknown"]();
      const phase = sc.phases.find((p) => p.id === began.phase)?.name ?? began.phase;
      return w["phase.advance"]({ turn: began.turn, turns: sc.turns, phase });
    }
    case "inject.release": {
      const e = ev.find((x) => x.type === "inject.released" && x.inject === c.injectId);
      return w["inject.release"]({ title: e?.type === "inject.released" ? e.title : c.injectId });
    }
    case "inject.hold":
      return w["inject.hold"]({ title: first(ev, "inject.held")?.title ?? c.injectId });
    case "inject.skip":
      return w["inject.skip"]({ title: first(ev, "inject.skipped")?.title ?? c.injectId });
    case "inject.unhold":
      return w["inject.unhold"]({ title: first(ev, "inject.unheld")?.title ?? c.injectId });
    case "inject.create":
      return w["inject.create"]({
        channel: channelLabel(c.channel, lang),
        title: c.title,
        audience: c.audience.map(name),
      });
    case "escalation.adjust": {
      const moved = first(ev, "escalation.changed");
      return w["escalation.adjust"]({
        delta: c.delta,
        from: moved?.from ?? null,
        to: moved?.to ?? null,
        reason: c.reason,
        note: c.note ?? null,
      });
    }
    case "observers.visibility":
      return w["observers.visibility"]({ seeAll: c.seeAll });
    case "bot.seat":
      return c.policy === null
        ? w["bot.seat.out"]({ seat: name(c.seat) })
        : w["bot.seat"]({ seat: name(c.seat), policy: c.policy });
    case "autopilot.set":
      return w["autopilot.set"]({ on: c.on });
    case "agreement.ending":
      return w["agreement.ending"]({ ends: c.ends });
    case "team.chat":
      return w["team.chat"]({ team, text: c.text });
    case "hotline.send":
      return w["hotline.send"]({
        answered: first(ev, "hotline.answered") !== undefined,
        to: name(c.to),
        kind: c.kind,
        evidence: Boolean(c.incidentId),
        text: c.text,
      });
    case "hotline.relay":
      return w["hotline.relay"]({
        from: facts.relayed ? name(facts.relayed.from) : null,
        kind: facts.relayed?.kind ?? null,
        to: name(c.to),
        reworded: Boolean(c.text),
      });
    case "orders.submit":
      return w["orders.submit"]({
        team,
        actions: c.actions.map((a) =>
          w["orders.item"]({
            action: sc.actions.find((x) => x.id === a.actionId)?.name ?? a.actionId,
            target: a.target ? name(a.target) : null,
            sector: a.sector ?? null,
          }),
        ),
      });
    case "orders.withdraw":
      return w["orders.withdraw"]({ team });
    case "proposal.create":
      return c.kind === "cbm"
        ? w["proposal.create.cbm"]({ cbm: cbmName(sc, c.cbmId ?? ""), parties: c.parties?.map(name) ?? null })
        : w["proposal.create.statement"]({ text: c.text });
    case "proposal.respond":
      return w["proposal.respond"]({ accept: c.accept, what: proposalWhat(sc, facts.proposal, w) });
    case "proposal.withdraw":
      return w["proposal.withdraw"]({ what: proposalWhat(sc, facts.proposal, w) });
    case "restraint.call":
      return w["restraint.call"]({ target: name(c.target) });
    case "mediator.verify":
      return w["mediator.verify"]({ title: first(ev, "incident.verified")?.title ?? c.incidentId });
    case "mediator.convene":
      return w["mediator.convene"]({ parties: c.parties.map(name), text: c.text });
    case "adjudication.mode":
    case "adjudication.approve":
    case "state.set":
      return describeReviewCommand(c, sc, ev, lang.review);
    case "note.add":
      return w["note.add"]({
        objective: c.objectiveId ? (sc.objectives.find((o) => o.id === c.objectiveId)?.text ?? null) : null,
        text: c.text,
      });
  }
}

function proposalWhat(sc: Scenario, p: CommandFacts["proposal"], w: CommandWords): string {
  if (!p) return w["proposal.what.unknown"]();
  return p.kind === "cbm"
    ? w["proposal.what.cbm"]({ cbm: cbmName(sc, p.cbmId ?? "") })
    : w["proposal.what.statement"]({ text: p.text });
}
