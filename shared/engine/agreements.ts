// Proposals of confidence-building measures and joint statements: proposed by a
// team or the mediator, accepted by every party, then adopted. And a team's
// own public word: a call on another state for restraint.
import type { Command, Proposal, GameState } from "./types.ts";
import type { EventOf, RestraintResult } from "./events.ts";
import type { Ctx } from "./context.ts";
import { partyOf } from "../protocol/identity.ts";
import type { Handlers } from "./apply.ts";
import { currentPhase, findById, partyName, requireRole, requireRunning, teamIds } from "./context.ts";
import { reject } from "./reject.ts";
import { agreementParties, negotiators, requireNegotiators } from "./roles.ts";
import { audienceScope } from "./ids.ts";
import { requireTalksOpen } from "./phase-rules.ts";
import { adoptCbm, cbmOf, activeCommitments } from "./commitments.ts";
import { shiftEscalation } from "./escalation.ts";
import { changeStanding, changeTrustAmong, trustOf } from "./measures.ts";
import { scaled, standingFactor } from "./model.ts";
import { use } from "./repetition.ts";

export const STATEMENT_ESCALATION = -5;
export const STATEMENT_TRUST = 5;
export const STATEMENT_STANDING = 3;
/** a call for restraint cools the crisis as little as convened talks or an answered deconflict message */
export const RESTRAINT_ESCALATION = -1;
/** the severity from which an act against a state is hostile (as adjudication counts it) */
export const HOSTILE_SEVERITY = 2;

type Create = Extract<Command, { type: "proposal.create" }>;
type Respond = Extract<Command, { type: "proposal.respond" }>;
type Withdraw = Extract<Command, { type: "proposal.withdraw" }>;
type CallForRestraint = Extract<Command, { type: "restraint.call" }>;

export function proposalAudience(p: Proposal): string[] {
  return [...new Set([...p.parties, p.proposer, "mediator"])];
}

export function createProposal(ctx: Ctx, cmd: Create): void {
  const actor = requireRole(ctx, "team", "mediator");
  requireTalksOpen(ctx);
  const { s } = ctx;
  const proposer = partyOf(actor)!;
  const all = teamIds(s);
  const parties = [...new Set(cmd.parties ?? negotiators(s))];
  for (const p of parties)
    if (!all.includes(p))
      reject("not-found", `There is no team “${p}”`, { key: "refusals-engine.no-team", params: { team: p } });
  requireNegotiators(s, proposer, parties);
  if (parties.length < 2)
    reject("invalid", "A proposal needs at least two parties", { key: "refusals-engine.proposal.two-parties" });
  if (proposer !== "mediator" && !parties.includes(proposer))
    reject("invalid", "A team can only propose agreements it is a party to", {
      key: "refusals-engine.proposal.own-party",
    });
  let cbmId: string | null = null;
  let text = cmd.text;
  if (cmd.kind === "cbm") {
    const cbm = cmd.cbmId ? cbmOf(s, cmd.cbmId) : undefined;
    if (!cbm)
      reject(
        "not-found",
        cmd.cbmId ? `There is no confidence-building measure “${cmd.cbmId}”` : "Name the measure to propose (cbmId)",
        { key: "refusals-engine.cbm.none", params: { cbm: cmd.cbmId ?? "", hasCbm: cmd.cbmId ? "yes" : "no" } },
      );
    cbmId = cbm.id;
    text ||= cbm.description;
    const dup = activeCommitments(s).some((c) => c.cbmId === cbm.id && sameSet(c.parties, parties));
    if (dup)
      reject("conflict", `“${cbm.name}” is already in force between these parties`, {
        key: "refusals-engine.proposal.in-force",
        params: { cbm: cbm.name },
      });
  } else if (!text) {
    reject("invalid", "A joint statement needs its text", { key: "refusals-engine.proposal.no-text" });
  }
  if (
    ctx.s.proposals.some(
      (p) =>
        p.status === "open" &&
        p.kind === cmd.kind &&
        p.cbmId === cbmId &&
        sameSet(p.parties, parties) &&
        p.text === text,
    )
  )
    reject("conflict", "The same proposal is already on the table", { key: "refusals-engine.proposal.same" });
  const proposal: Proposal = {
    id: ctx.nextId("proposal", audienceScope([...parties, proposer, "mediator"])),
    kind: cmd.kind,
    cbmId,
    text,
    proposer,
    parties,
    accepted: proposer === "mediator" ? [] : [proposer],
    status: "open",
    turn: s.turn,
    at: ctx.at,
    decidedAt: null,
  };
  s.proposals.push(proposal);
  ctx.emit({ type: "proposal.made", proposal: proposal.id, proposer, parties, kind: cmd.kind, cbm: cbmId, text });
}

export function respondToProposal(ctx: Ctx, cmd: Respond): void {
  const actor = requireRole(ctx, "team");
  requireTalksOpen(ctx);
  const { s } = ctx;
  const p = openProposal(ctx, cmd.proposalId, actor.teamId);
  if (!p.parties.includes(actor.teamId))
    reject("forbidden", `${partyName(s, actor.teamId)} is not a party to this proposal`, {
      key: "refusals-engine.proposal.not-party",
      params: { team: partyName(s, actor.teamId) },
    });
  if (p.accepted.includes(actor.teamId))
    reject("conflict", `${partyName(s, actor.teamId)} has already accepted`, {
      key: "refusals-engine.proposal.accepted",
      params: { team: partyName(s, actor.teamId) },
    });
  const about = { proposal: p.id, proposer: p.proposer, parties: [...p.parties], by: actor.teamId, text: p.text };
  if (!cmd.accept) {
    p.status = "rejected";
    p.decidedAt = ctx.at;
    ctx.emit({ type: "proposal.rejected", ...about });
    return;
  }
  p.accepted.push(actor.teamId);
  ctx.emit({ type: "proposal.accepted", ...about });
  if (p.parties.every((t) => p.accepted.includes(t))) adopt(ctx, p);
}

export function withdrawProposal(ctx: Ctx, cmd: Withdraw): void {
  const actor = requireRole(ctx, "team", "mediator");
  requireTalksOpen(ctx);
  const p = openProposal(ctx, cmd.proposalId, partyOf(actor)!);
  if (p.proposer !== partyOf(actor))
    reject("forbidden", "Only the proposer can withdraw a proposal", { key: "refusals-engine.proposal.not-proposer" });
  p.status = "withdrawn";
  p.decidedAt = ctx.at;
  ctx.emit({ type: "proposal.withdrawn", proposal: p.id, proposer: p.proposer, parties: [...p.parties], text: p.text });
}

function adopt(ctx: Ctx, p: Proposal): void {
  const { s } = ctx;
  p.status = "adopted";
  p.decidedAt = ctx.at;
  if (p.kind === "cbm") {
    adoptCbm(ctx, cbmOf(s, p.cbmId!)!, p.parties);
    return;
  }
  ctx.emit({ type: "statement.joint", proposal: p.id, parties: [...p.parties], text: p.text });
  // rules 3.0: each further statement earns less, and words weigh what their signatories' standing weighs
  const f = s.model.legacy ? 1 : use(ctx, "statement") * believed(s, p.parties);
  changeTrustAmong(ctx, p.parties, scaled(STATEMENT_TRUST, f));
  for (const t of p.parties) changeStanding(ctx, t, scaled(STATEMENT_STANDING, f));
  shiftEscalation(ctx, scaled(STATEMENT_ESCALATION, f), { kind: "statement", parties: [...p.parties] });
}

/** How far the world believes what these parties promise: by the lowest standing among them (model.ts). */
export function believed(s: GameState, parties: readonly string[]): number {
  const lowest = Math.min(...parties.map((t) => s.teams[t]?.standing ?? 50));
  return standingFactor(s.model, lowest, 0.5);
}

/**
 * A team calls publicly on another state for restraint, during deliberation,
 * once a turn. Everyone hears it. The turn's first credible call lowers
 * escalation by 1; a call is not credible if the caller's own hostile act of
 * this turn or the last was seen by all. Only what everyone saw counts, so
 * what the call did tells no one of an act they could not see.
 */
export function callForRestraint(ctx: Ctx, cmd: CallForRestraint): void {
  const caller = requireRole(ctx, "team").teamId;
  requireRunning(ctx);
  const { s } = ctx;
  const phase = currentPhase(s)!;
  if (phase.kind !== "deliberation") {
    const when = s.scenario.phases.filter((p) => p.kind === "deliberation").map((p) => p.name);
    reject(
      "closed",
      `A call for restraint can only be made during ${when.join(" or ") || "deliberation"} (now: ${phase.name})`,
      { key: "refusals-engine.restraint.closed", params: { when: when.join(", ") || "—", now: phase.name } },
    );
  }
  if (!teamIds(s).includes(cmd.target))
    reject("not-found", `There is no state “${cmd.target}”`, {
      key: "refusals-engine.no-state",
      params: { state: cmd.target },
    });
  if (cmd.target === caller)
    reject("invalid", `${partyName(s, caller)} cannot call on itself for restraint`, {
      key: "refusals-engine.restraint.itself",
      params: { team: partyName(s, caller) },
    });
  const calls = callsThisTurn(s);
  const own = calls.find((e) => e.caller === caller);
  if (own)
    reject(
      "limit",
      `${partyName(s, caller)} already called on ${partyName(s, own.target)} for restraint this turn; it can call again next turn`,
      {
        key: "refusals-engine.restraint.once",
        params: { team: partyName(s, caller), target: partyName(s, own.target) },
      },
    );
  const result: RestraintResult = publiclyHostile(s, caller)
    ? "undercut"
    : calls.some((e) => e.result === "eased")
      ? "already-eased"
      : "eased";
  ctx.emit({ type: "restraint.called", caller, target: cmd.target, result });
  if (result === "eased") shiftEscalation(ctx, RESTRAINT_ESCALATION, { kind: "restraint", caller, target: cmd.target });
}

/** The calls for restraint of the current turn (the log is in order: its tail). */
function callsThisTurn(s: GameState): EventOf<"restraint.called">[] {
  const calls: EventOf<"restraint.called">[] = [];
  for (let i = s.log.length - 1; i >= 0 && s.log[i]!.turn === s.turn; i--) {
    const e = s.log[i]!;
    if (e.type === "restraint.called") calls.push(e);
  }
  return calls;
}

/** Did everyone see the team commit a hostile act against a state this turn or the last? */
function publiclyHostile(s: GameState, team: string): boolean {
  for (let i = s.log.length - 1; i >= 0 && s.log[i]!.turn >= s.turn - 1; i--) {
    const e = s.log[i]!;
    if (e.type !== "action.resolved" || e.actor !== team || e.target === null || !e.audience.includes("all")) continue;
    if ((s.scenario.actions.find((a) => a.id === e.action)?.severity ?? 0) >= HOSTILE_SEVERITY) return true;
  }
  return false;
}

/** Has the scenario's agreement (its success condition) been concluded? */
export function agreementConcluded(s: GameState): boolean {
  const need = s.scenario.end.agreement;
  if (!need || s.turn < need.notBeforeTurn) return false;
  const all = agreementParties(s);
  const cbmsDone = need.cbms.every((id) =>
    activeCommitments(s).some((c) => c.cbmId === id && all.every((t) => c.parties.includes(t))),
  );
  const statementDone =
    !need.statement ||
    s.proposals.some(
      (p) => p.kind === "statement" && p.status === "adopted" && all.every((t) => p.parties.includes(t)),
    );
  return cbmsDone && statementDone && (s.model.legacy || groundworkDone(s, all));
}

/** Rules 3.0: the groundwork the scenario's agreement needs (trust between every pair, standing, verified evidence). */
function groundworkDone(s: GameState, parties: readonly string[]): boolean {
  const need = s.scenario.end.agreement!;
  if (s.model.trust && need.minTrust > 0)
    for (let i = 0; i < parties.length; i++)
      for (let j = i + 1; j < parties.length; j++)
        if (trustOf(s, parties[i]!, parties[j]!) < need.minTrust) return false;
  if (s.model.standing && need.minStanding > 0)
    for (const t of parties) if ((s.teams[t]?.standing ?? 0) < need.minStanding) return false;
  if (need.verified)
    for (const inc of s.incidents)
      if (inc.public && inc.verifications === 0 && !inc.attributions.some((a) => a.correct)) return false;
  return true;
}

/**
 * An open proposal the party may see. One it may not see gets the very refusal
 * of one that does not exist: its existence and status are not the party's to learn.
 */
function openProposal(ctx: Ctx, id: string, party: string): Proposal {
  const p = findById(ctx, "proposals", id);
  if (!p || !proposalAudience(p).includes(party))
    reject("not-found", `There is no proposal “${id}”`, {
      key: "refusals-engine.proposal.none",
      params: { proposal: id },
    });
  if (p.status !== "open")
    reject("closed", `That proposal is already ${p.status}`, {
      key: "refusals-engine.proposal.closed",
      params: { status: p.status },
    });
  return p;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** The commands this family handles: apply.ts dispatches through it. */
export const agreementCommands = {
  "proposal.create": createProposal,
  "proposal.respond": respondToProposal,
  "proposal.withdraw": withdrawProposal,
  "restraint.call": callForRestraint,
} satisfies Partial<Handlers>;
