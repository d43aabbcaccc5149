// The repeaters: each repeats a single move (a joint statement, a deconflict
// message, a measure) every turn, answers that move in kind, and does nothing
// else. The lab plays them to see whether a scenario rewards repetition: if one
// of them settles the crisis, it does. Like every bot, each reads only its
// seat's view.
import type { CommandInput } from "../protocol/commands.ts";
import type { ParticipantView } from "../engine/index.ts";
import type { Policy, Rng } from "./policy.ts";
import * as h from "./helpers.ts";

/** The one move a repeater repeats. */
export type RepeatMove = "statement" | "deconflict" | "measure";

/** A bot that repeats one move every deliberation, and answers that move in kind. */
export function repeater(move: RepeatMove): Policy {
  return { name: `repeat-${move}`, params: {}, act: (v, rng) => repeatAct(v, rng, move) };
}

function repeatAct(v: ParticipantView, rng: Rng, move: RepeatMove): CommandInput[] {
  const mine = h.myTeam(v);
  if (!mine || !v.exercise.talksOpen) return [];
  const me = mine.teamId;
  const out: CommandInput[] = [];
  const deliberating = h.phaseKind(v) === "deliberation";
  // a non-state actor never proposes: it repeats its hotline moves only
  const proposing = deliberating && h.negotiates(v, me);
  const proposedNow = v.proposals.some((x) => x.proposer === me && x.turn === v.exercise.turn);
  if (move === "statement") {
    for (const p of h.proposalsToAnswer(v, me))
      if (p.kind === "statement") out.push({ type: "proposal.respond", proposalId: p.id, accept: true });
    const onTable = v.proposals.some((x) => x.status === "open" && x.kind === "statement");
    if (proposing && !proposedNow && !onTable)
      out.push({ type: "proposal.create", kind: "statement", text: "We call for calm and restraint." });
  }
  if (move === "measure") {
    for (const p of h.proposalsToAnswer(v, me))
      if (p.kind === "cbm") out.push({ type: "proposal.respond", proposalId: p.id, accept: true });
    const cbm = h.pick(h.measuresNotInForce(v, h.negotiators(v)), rng);
    if (proposing && !proposedNow && cbm) out.push({ type: "proposal.create", kind: "cbm", cbmId: cbm.id });
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
