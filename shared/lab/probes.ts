// Lab-only players for the lesson checks. The one-move probes each repeat a
// single move (a joint statement, a deconflict message, a measure) every turn
// and do nothing else: if one of them settles the crisis, the scenario rewards
// repetition. The notifying hawk is the hawk, unchanged, plus a pre-notification
// to each state it is about to act against (directly, or through the mediator
// when there is no line): the one difference the
// pre-notification check needs. Like every bot, each reads only its seat's view.
import type { CommandInput } from "../protocol/commands.ts";
import type { ParticipantView } from "../engine/index.ts";
import { hawk, type Policy, type Rng } from "../bots/index.ts";
import * as h from "../bots/helpers.ts";

/** The one move a probe repeats. */
export type ProbeMove = "statement" | "deconflict" | "measure";

/** A probe that repeats one move every deliberation, and answers that move in kind. */
export function repeatProbe(move: ProbeMove): Policy {
  // the name is the closest bot name for the recording; the lab names the profile itself
  return { name: "random", params: { probe: true }, act: (v, rng) => probeAct(v, rng, move) };
}

function probeAct(v: ParticipantView, rng: Rng, move: ProbeMove): CommandInput[] {
  const mine = h.myTeam(v);
  if (!mine || !v.exercise.talksOpen) return [];
  const me = mine.teamId;
  const out: CommandInput[] = [];
  const deliberating = h.phaseKind(v) === "deliberation";
  const proposedNow = v.proposals.some((x) => x.proposer === me && x.turn === v.exercise.turn);
  if (move === "statement") {
    for (const p of h.proposalsToAnswer(v, me))
      if (p.kind === "statement") out.push({ type: "proposal.respond", proposalId: p.id, accept: true });
    const onTable = v.proposals.some((x) => x.status === "open" && x.kind === "statement");
    if (deliberating && !proposedNow && !onTable)
      out.push({ type: "proposal.create", kind: "statement", text: "We call for calm and restraint." });
  }
  if (move === "measure") {
    for (const p of h.proposalsToAnswer(v, me))
      if (p.kind === "cbm") out.push({ type: "proposal.respond", proposalId: p.id, accept: true });
    const cbm = h.pick(openMeasures(v), rng);
    if (deliberating && !proposedNow && cbm) out.push({ type: "proposal.create", kind: "cbm", cbmId: cbm.id });
  }
  if (move === "deconflict") {
    for (const m of h.awaitingAnswer(v, me))
      if (m.kind === "deconflict" && h.canTalk(v, me, m.from))
        out.push({
          type: "hotline.send",
          to: m.from,
          kind: "deconflict",
          text: "Agreed: let us deconflict.",
          replyTo: m.id,
        });
    if (deliberating)
      for (const t of h.otherTeams(v, me))
        if (h.canTalk(v, me, t) && !h.sentThisTurn(v, me, t, "deconflict"))
          out.push({ type: "hotline.send", to: t, kind: "deconflict", text: "Let us deconflict our operations." });
  }
  return out;
}

/**
 * Measures neither in force (active or fulfilled: the engine refuses both again) nor on the table between all
 * states. bots/helpers.ts's measuresNotInForce counts only active ones, so a fulfilled timeline would be refused.
 */
function openMeasures(v: ParticipantView) {
  const all = v.teams.map((t) => t.id);
  const same = (a: string[]) => a.length === all.length && a.every((p) => all.includes(p));
  return h
    .measuresNotInForce(v, all)
    .filter((c) => !v.commitments.some((k) => k.status !== "broken" && k.cbmId === c.id && same(k.parties)));
}

/** The default hawk that first notifies every state its orders target: over the hotline, or through the mediator. */
export function notifyingHawk(): Policy {
  const inner = hawk();
  return {
    name: "hawk",
    params: { ...inner.params, notify: true },
    act: (v, rng) => {
      const out = inner.act(v, rng);
      const mine = h.myTeam(v);
      if (!mine) return out;
      const me = mine.teamId;
      const notices: CommandInput[] = [];
      for (const c of out) {
        if (c.type !== "orders.submit") continue;
        const targets = new Set(c.actions.map((a) => a.target).filter((t): t is string => !!t && t !== me));
        for (const t of targets) {
          // with no direct line, through the mediator, who relays it (the engine counts a relayed notice)
          const to = h.canTalk(v, me, t) ? t : h.canTalk(v, me, "mediator") ? "mediator" : null;
          const text =
            to === t ? "Advance notice of our operations." : `Please tell ${t}: advance notice of our operations.`;
          if (
            to &&
            !h.sentThisTurn(v, me, to, "notify") &&
            !notices.some((n) => n.type === "hotline.send" && n.to === to)
          )
            notices.push({ type: "hotline.send", to, kind: "notify", text });
        }
      }
      return [...notices, ...out];
    },
  };
}
