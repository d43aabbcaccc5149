// Rules 3.0: the hotline protocol is a protocol. Its steps are confirm → assess →
// notify → deconflict → convene; a message whose previous step the pair has
// already taken is in order and earns its full effect, one out of order earns
// half the trust and calms nothing. Lateness is graded: an answer within the
// scenario's response time earns all the trust, within twice that two thirds,
// within three times a third, later nothing. An answered de-escalating message
// cools the crisis once a turn per pair, by how far the two states trust each other;
// each further answer of the same kind between a pair in a turn earns less trust (`repeatFactor`).
import { scaled } from "./model.ts";
import type { HotlineMessage, GameState } from "./types.ts";
import type { Ctx } from "./context.ts";
import { pairKey } from "./context.ts";
import { changeTrust, trustOf } from "./measures.ts";
import { shiftEscalation } from "./escalation.ts";
import { use } from "./repetition.ts";

export const PROTOCOL_STEPS = ["confirm", "assess", "notify", "deconflict", "convene"] as const;
/** trust a timely answer earns (rules 3.0 grade it) */
export const TIMELY_TRUST = 3;
/** answered de-escalation kinds cool the crisis */
export const DEESCALATING_KINDS: ReadonlySet<string> = new Set(["deconflict", "convene"]);

/** 1 within the response time, then 2/3, 1/3, 0 by how many response times the answer took. */
export function lateness(s: GameState, m: HotlineMessage): number {
  const limit = s.scenario.hotline.timelySeconds * 1000;
  if (m.lapsed || m.answeredAfterMs === null) return 0;
  const periods = Math.ceil(Math.max(1, m.answeredAfterMs) / limit);
  return Math.max(0, (4 - periods) / 3);
}

/** Whether the pair took the step before this message's kind earlier in the exercise (a first step always is). */
export function inOrder(s: GameState, m: HotlineMessage): boolean {
  const step = PROTOCOL_STEPS.indexOf(m.kind as (typeof PROTOCOL_STEPS)[number]);
  if (step <= 0) return true;
  const before = PROTOCOL_STEPS[step - 1];
  const pair = pairKey(m.from, m.to);
  return s.messages.some((x) => x.seq < m.seq && x.kind === before && pairKey(x.from, x.to) === pair);
}

/** What answering `original` earns the two parties (rules 3.0). */
export function answerEffects(ctx: Ctx, original: HotlineMessage): void {
  const { s } = ctx;
  const grade = lateness(s, original);
  const ordered = inOrder(s, original);
  // the same kind of exchange repeated between a pair in a turn earns less (no winning by repetition)
  const again = use(ctx, `answer|${pairKey(original.from, original.to)}|${s.turn}|${original.kind}`);
  const trust = scaled(TIMELY_TRUST, grade * (ordered ? 1 : 0.5) * again);
  if (trust > 0) changeTrust(ctx, original.from, original.to, trust);
  const direct = original.from !== "mediator" && original.to !== "mediator";
  if (!direct || !ordered || grade === 0 || !DEESCALATING_KINDS.has(original.kind)) return;
  const key = `calm|${pairKey(original.from, original.to)}|${s.turn}`;
  if (s.uses[key]) return;
  s.uses[key] = 1;
  const t = trustOf(s, original.from, original.to);
  const relief = s.model.trust ? (t >= 60 ? -2 : t >= 30 ? -1 : 0) : -1;
  if (relief < 0)
    shiftEscalation(ctx, relief, { kind: "hotline", a: original.from, b: original.to, messageKind: original.kind });
}
