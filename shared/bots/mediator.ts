// The mediator bot: verifies the evidence shared with it, relays what teams
// send it to the other side, convenes talks when the crisis climbs, and
// proposes a joint statement once a turn.
import type { CommandInput } from "../protocol/commands.ts";
import type { ParticipantView } from "../engine/index.ts";
import type { Policy, Rng } from "./policy.ts";
import * as h from "./helpers.ts";

export interface MediatorParams {
  /** the rung (0-based) from which it convenes talks */
  conveneFromRung: number;
  /** chance per deliberation phase of proposing a joint statement */
  statementChance: number;
}

export const MEDIATOR_DEFAULTS: MediatorParams = { conveneFromRung: 1, statementChance: 0.5 };

export function mediatorBot(params: Partial<MediatorParams> = {}): Policy {
  const p = { ...MEDIATOR_DEFAULTS, ...params };
  return { name: "mediator", params: p, act: (v, rng) => mediatorAct(v, rng, p) };
}

function mediatorAct(v: ParticipantView, rng: Rng, p: MediatorParams): CommandInput[] {
  if (v.me?.kind !== "mediator" || !v.mediator || !v.exercise.talksOpen) return [];
  const out: CommandInput[] = [];
  let actions = v.mediator.actionsPerTurn - v.me.actionsUsed;
  // verification is its first duty: unverified evidence it holds
  for (const inc of v.incidents) {
    if (actions <= 0) break;
    if (inc.verifications === 0 && (inc.public || inc.sharedWith.includes("mediator"))) {
      out.push({ type: "mediator.verify", incidentId: inc.id });
      actions -= 1;
    }
  }
  const teams = v.teams.map((t) => t.id);
  for (const m of h.awaitingAnswer(v, "mediator")) {
    // carry it to the state the message is about, or else to every other state in turn
    const about = m.incidentId ? v.incidents.find((i) => i.id === m.incidentId)?.evidence.suspect : null;
    const to =
      about && about !== m.from
        ? about
        : h.pick(
            teams.filter((t) => t !== m.from),
            rng,
          );
    if (to) out.push({ type: "hotline.relay", messageId: m.id, to });
  }
  const kind = h.phaseKind(v);
  if (kind === "deliberation" && actions > 0 && v.ladder.rung >= p.conveneFromRung && teams.length >= 2) {
    out.push({ type: "mediator.convene", parties: teams, text: "Talks under the mediator's good offices." });
    actions -= 1;
  }
  const proposedNow = v.proposals.some((x) => x.proposer === "mediator" && x.turn === v.exercise.turn);
  if (kind === "deliberation" && !proposedNow && rng() < p.statementChance)
    out.push({
      type: "proposal.create",
      kind: "statement",
      text: `The parties commit to restraint and to settling turn ${v.exercise.turn}'s incidents through verification.`,
    });
  return out;
}
