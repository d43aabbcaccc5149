// The hotline: structured messages between parties (confirm, assess, notify,
// deconflict, convene, free text), relayed by the mediator, with measured
// response times. Timely answers build trust; unanswered messages cost it.
import type { Command, GameState, HotlineMessage } from "./types.ts";
import type { Ctx } from "./context.ts";
import { partyOf } from "../protocol/identity.ts";
import type { Handlers } from "./apply.ts";
import { findById, itemById, pairKey, partyName, requireRole, teamIds } from "./context.ts";
import { reject } from "./reject.ts";
import { requireTalksOpen } from "./phase-rules.ts";
import { changeTrust } from "./measures.ts";
import { shiftEscalation } from "./escalation.ts";
import { partyCanSee, shareIncident } from "./incidents.ts";
import { bound, breakCommitment } from "./commitments.ts";
import { answerEffects, DEESCALATING_KINDS, TIMELY_TRUST } from "./protocol.ts";

export const LAPSED_TRUST = -3;

type Send = Extract<Command, { type: "hotline.send" }>;
type Relay = Extract<Command, { type: "hotline.relay" }>;

export function hasHotline(s: GameState, a: string, b: string): boolean {
  if (a === "mediator" || b === "mediator") return s.scenario.mediator !== undefined;
  return s.hotlines.includes(pairKey(a, b));
}

/** A message opens an exchange unless it is itself a reply or a relay. */
export function expectsAnswer(m: HotlineMessage): boolean {
  return m.replyTo === null && m.relayOf === null;
}

/** The parties a message belongs to (and so who may read it). */
export function messageAudience(m: HotlineMessage): string[] {
  return [m.from, m.to];
}

export function sendMessage(ctx: Ctx, cmd: Send): void {
  const actor = requireRole(ctx, "team", "mediator");
  requireTalksOpen(ctx);
  const { s } = ctx;
  const from = partyOf(actor)!;
  const to = cmd.to;
  if (to === from)
    reject("invalid", "You cannot send a hotline message to yourself", { key: "refusals-engine.hotline.self" });
  if (to === "mediator" ? !s.scenario.mediator : !teamIds(s).includes(to))
    reject(
      "not-found",
      to === "mediator" ? "This scenario has no mediator" : `There is no party “${to}”`,
      to === "mediator"
        ? { key: "refusals-engine.no-mediator" }
        : { key: "refusals-engine.hotline.no-party", params: { party: to } },
    );
  if (!hasHotline(s, from, to))
    reject(
      "forbidden",
      `${partyName(s, from)} has no hotline with ${partyName(s, to)}: agree to establish one, or go through the mediator`,
      { key: "refusals-engine.hotline.no-line", params: { from: partyName(s, from), to: partyName(s, to) } },
    );
  let original: HotlineMessage | undefined;
  if (cmd.replyTo) {
    original = findById(ctx, "messages", cmd.replyTo);
    if (!original || original.to !== from || original.from !== to)
      reject("not-found", `${partyName(s, from)} is not a party to message “${cmd.replyTo}” from ${partyName(s, to)}`, {
        key: "refusals-engine.hotline.not-party",
        params: { from: partyName(s, from), message: cmd.replyTo, to: partyName(s, to) },
      });
  } else {
    // an answer without replyTo answers the latest open message from the other side
    // (an open message is of this turn: the turn's end lapses every one still open)
    const list = s.messages;
    for (let i = list.length - 1; i >= thisTurnStart(list, s.turn) && !original; i--) {
      const m = list[i]!;
      if (m.from === to && m.to === from && !m.answeredBy && !m.lapsed && expectsAnswer(m)) original = m;
    }
  }
  if (cmd.incidentId) {
    const inc = findById(ctx, "incidents", cmd.incidentId);
    if (!inc || !partyCanSee(s, inc, from))
      reject("not-found", `${partyName(s, from)} knows of no incident “${cmd.incidentId}”`, {
        key: "refusals-engine.hotline.no-incident",
        params: { team: partyName(s, from), incident: cmd.incidentId },
      });
    if (shareIncident(inc, to, from))
      ctx.emit({ type: "evidence.shared", incident: inc.id, title: inc.title, from, to });
  }
  const msg = post(ctx, {
    from,
    to,
    kind: cmd.kind,
    text: cmd.text,
    incidentId: cmd.incidentId ?? null,
    relayOf: null,
    relayedFrom: null,
    replyTo: original?.id ?? null,
  });
  if (original && !original.answeredBy) answer(ctx, original, msg);
}

/** The mediator passes a message it received on to another party. */
export function relayMessage(ctx: Ctx, cmd: Relay): void {
  requireRole(ctx, "mediator");
  requireTalksOpen(ctx);
  const { s } = ctx;
  const original = findById(ctx, "messages", cmd.messageId);
  if (!original || original.to !== "mediator")
    reject("not-found", `The mediator received no message “${cmd.messageId}”`, {
      key: "refusals-engine.relay.no-message",
      params: { message: cmd.messageId },
    });
  if (!teamIds(s).includes(cmd.to))
    reject("not-found", `There is no team “${cmd.to}”`, { key: "refusals-engine.no-team", params: { team: cmd.to } });
  if (cmd.to === original.from)
    reject("invalid", "Relay a message to a party other than its sender", { key: "refusals-engine.relay.to-sender" });
  const msg = post(ctx, {
    from: "mediator",
    to: cmd.to,
    kind: original.kind,
    text: cmd.text || original.text,
    incidentId: null,
    relayOf: original.id,
    relayedFrom: original.from,
    replyTo: null,
  });
  if (!original.answeredBy) answer(ctx, original, msg);
}

function post(
  ctx: Ctx,
  m: Pick<HotlineMessage, "from" | "to" | "kind" | "text" | "incidentId" | "relayOf" | "relayedFrom" | "replyTo">,
): HotlineMessage {
  const { s } = ctx;
  const msg: HotlineMessage = {
    ...m,
    id: ctx.nextId("msg", pairKey(m.from, m.to)),
    seq: ctx.seq,
    at: ctx.at,
    turn: s.turn,
    phase: s.scenario.phases[s.phaseIndex]!.id,
    author: ctx.actor.name,
    answeredBy: null,
    answeredAfterMs: null,
    lapsed: false,
  };
  s.messages.push(msg);
  ctx.emit({ type: "hotline.sent", message: msg.id, from: m.from, to: m.to, kind: m.kind, relay: m.relayOf !== null });
  return msg;
}

function answer(ctx: Ctx, original: HotlineMessage, reply: HotlineMessage): void {
  const { s } = ctx;
  original.answeredBy = reply.id;
  original.answeredAfterMs = reply.at - original.at;
  // an answer after the message lapsed comes too late to build trust
  const timely = !original.lapsed && original.answeredAfterMs <= s.scenario.hotline.timelySeconds * 1000;
  ctx.emit({
    type: "hotline.answered",
    message: original.id,
    from: original.from,
    to: original.to,
    kind: original.kind,
    answeredAfterMs: original.answeredAfterMs,
    timely,
  });
  if (!s.model.legacy) {
    answerEffects(ctx, original);
    return;
  }
  if (!timely) return;
  changeTrust(ctx, original.from, original.to, TIMELY_TRUST);
  if (DEESCALATING_KINDS.has(original.kind) && original.from !== "mediator" && original.to !== "mediator")
    shiftEscalation(ctx, -1, { kind: "hotline", a: original.from, b: original.to, messageKind: original.kind });
}

/** At the end of a turn, messages (not replies) still unanswered lapse: trust suffers, hotline commitments break. */
export function lapseUnanswered(ctx: Ctx): void {
  const { s } = ctx;
  for (let i = thisTurnStart(s.messages, s.turn); i < s.messages.length; i++) {
    const m = s.messages[i]!;
    if (m.answeredBy || !expectsAnswer(m) || m.lapsed || m.turn !== s.turn) continue;
    m.lapsed = true;
    changeTrust(ctx, m.from, m.to, LAPSED_TRUST);
    ctx.emit({ type: "hotline.unanswered", message: m.id, from: m.from, to: m.to, kind: m.kind });
    const c = bound(s, "hotline", m.from, m.to);
    if (c) breakCommitment(ctx, c, m.to, { kind: "unanswered", from: m.from });
  }
}

/** Did `from` pre-notify `to` this turn, directly or through the mediator's relay? */
export function notified(s: GameState, from: string, to: string): boolean {
  return s.messages.slice(thisTurnStart(s.messages, s.turn)).some((m) => {
    if (m.kind !== "notify" || m.turn !== s.turn || m.to !== to) return false;
    if (m.from === from) return true;
    const original = m.relayOf ? itemById(s, "messages", m.relayOf) : undefined;
    return m.from === "mediator" && original?.from === from;
  });
}

/** The commands this family handles: apply.ts dispatches through it. */
export const hotlineCommands = {
  "hotline.send": sendMessage,
  "hotline.relay": relayMessage,
} satisfies Partial<Handlers>;

/**
 * Where this turn's messages begin: messages are posted in order and carry the turn they were posted in, so the
 * turn's are the last run of the list. Searches that only concern this turn start there, not at the first message.
 */
function thisTurnStart(list: readonly HotlineMessage[], turn: number): number {
  let i = list.length;
  while (i > 0 && list[i - 1]!.turn >= turn) i--;
  return i;
}
