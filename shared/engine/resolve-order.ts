// Resolves one ordered action at adjudication: fog and misperception,
// commitments kept or broken, proportionality, effects, incidents.
import type { Action } from "../scenario/schema.ts";
import type { OrderItem } from "./types.ts";
import type { Ctx } from "./context.ts";
import { teamIds } from "./context.ts";
import { applyEffects } from "./effects.ts";
import { shiftEscalation } from "./escalation.ts";
import { changeStanding, changeTrust, findSector } from "./measures.ts";
import { createIncident, grievanceBefore, otherTeam, recordGrievance } from "./incidents.ts";
import { bound, breachesOf, breakCommitment } from "./commitments.ts";
import { notified } from "./hotline.ts";
import { attribute, investigate } from "./attribution.ts";
import { trustOf } from "./measures.ts";
import { trustFactor } from "./model.ts";
import { calming } from "./repetition.ts";
import { CAUGHT_CONFIDENCE, caughtInTheAct, failedOperation, markDeterrence } from "./operations.ts";

export const MISREAD_ESCALATION_PER_STEP = 2;
export const MISREAD_TRUST = -6;
export const DISPROPORTION_ESCALATION_PER_STEP = 3;
export const DISPROPORTION_STANDING_PER_STEP = -3;
/** a response may exceed the provocation by this much before it counts as disproportionate */
export const PROPORTION_TOLERANCE = 1;
/** rules 3.0: a reply deters when it stays within this many steps beyond the tolerance (a mild excess still deters) */
export const DETERRING_EXCESS = 1;

export interface Resolution {
  misread: boolean;
  hostile: boolean;
  /** rules 3.0: the order failed and did nothing */
  failed?: boolean;
}

export function resolveItem(ctx: Ctx, actorId: string, item: OrderItem, action: Action): Resolution {
  const { s } = ctx;
  const target = item.target;
  const covert = action.visibility === "covert";
  // messages do not change during adjudication
  const didNotify = target ? notified(s, actorId, target) : false;
  // simultaneous orders: what the actor had suffered before this command, whatever the team order
  const provocation = target ? grievanceBefore(ctx, actorId, target) : 0;
  const m = s.model;
  // a covert actor stays unknown to its target, unless it announced itself with a notify
  let known = !covert || didNotify;

  // 1. what happened (audience.ts: told to all, to actor and target, or to the actor alone)
  ctx.emit({ type: "action.resolved", actor: actorId, action: action.id, target, sector: item.sector, covert });

  // 2. commitments this breaks: the order was given, whether or not it works
  for (const b of breachesOf(s, actorId, item, action, didNotify)) breakCommitment(ctx, b.c, actorId, b.reason);

  // rules 3.0: an operation can fail (more often against a state that answered it in proportion last turn),
  // and a covert one can be caught in the act
  if (!m.legacy && failedOperation(ctx, actorId, target, action))
    return { misread: false, hostile: false, failed: true };
  const caught = !m.legacy && !known && target !== null && caughtInTheAct(ctx, actorId, target, action);
  if (caught) known = true;

  // 3. fog: the target may read it as something worse
  let misread = false;
  if (action.perception && target) {
    let chance = action.perception.misreadChance;
    if (didNotify) chance *= s.scenario.fog.preNotificationFactor;
    if (didNotify && bound(s, "pre-notification", actorId, target)) chance *= s.scenario.fog.preNotificationFactor;
    // rules 3.0: distrust reads the worst into an act, trust gives the benefit of the doubt
    if (!m.legacy) {
      // distrust may raise it up to 95%, never above what the designer wrote
      const f = trustFactor(m, trustOf(s, actorId, target), 1);
      chance = f > 1 ? Math.max(chance, Math.min(0.95, chance * f)) : chance * f;
    }
    const roll = ctx.random();
    misread = roll < chance;
    const perceived = misread ? action.perception.perceivedSeverity : action.severity;
    if (known) recordGrievance(ctx, target, actorId, perceived);
    if (misread) {
      // an unidentified actor and its action stay hidden from the target (audience.ts)
      ctx.emit({
        type: "misperception",
        actor: actorId,
        target,
        action: action.id,
        perceivedAs: action.perception.perceivedAs,
        identified: known,
        notified: didNotify,
        chance,
        roll,
      });
      const steps = Math.max(1, action.perception.perceivedSeverity - action.severity);
      // trust toward an unidentified actor cannot change: that would name it
      if (known) changeTrust(ctx, actorId, target, MISREAD_TRUST);
      shiftEscalation(ctx, steps * MISREAD_ESCALATION_PER_STEP, { kind: "perceived", target });
    } else if (action.visibility !== "public") {
      ctx.emit({
        type: "perception.correct",
        actor: actorId,
        target,
        action: action.id,
        identified: known,
        notified: didNotify,
      });
    }
  } else if (target && action.severity > 0 && !action.incident && known) {
    recordGrievance(ctx, target, actorId, action.severity);
  }

  // 4. proportionality: hostility beyond what the actor itself suffered from the target
  if (target && action.severity >= 2) {
    const excess = action.severity - provocation - PROPORTION_TOLERANCE;
    // rules 3.0: a reply in (rough) proportion to what the actor suffered deters the state it answers
    if (!m.legacy && provocation >= 2 && excess <= DETERRING_EXCESS) markDeterrence(ctx, target, actorId);
    if (excess > 0) {
      ctx.emit({
        type: "action.disproportionate",
        actor: actorId,
        action: action.id,
        target,
        severity: action.severity,
        provocation,
      });
      if (!covert) changeStanding(ctx, actorId, excess * DISPROPORTION_STANDING_PER_STEP);
      shiftEscalation(ctx, excess * DISPROPORTION_ESCALATION_PER_STEP, {
        kind: "disproportionate",
        actor: actorId,
        action: action.id,
      });
    }
  }

  // 5. the action's own effects
  applyEffects(ctx, m.legacy ? action.effects : calming(ctx, actorId, action), {
    actor: actorId,
    target,
    sector: item.sector,
    cause: { kind: "action", actor: actorId, action: action.id },
  });

  // 6. a covert operation leaves an incident with uncertain evidence
  if (action.incident && target) {
    const inc = action.incident;
    const sector = item.sector ?? s.teams[target]!.sectors[0]!.kind;
    const [lo, hi] = inc.confidence;
    const confidence = lo + (hi - lo) * ctx.random();
    const falseFlag = ctx.random() < inc.falseFlagChance;
    const suspect = falseFlag && !caught ? otherTeam(ctx, [actorId, target]) : actorId;
    const isPublic = ctx.random() < inc.publicChance || caught;
    if (findSector(s, target, sector))
      createIncident(ctx, {
        title: inc.title,
        victim: target,
        sector,
        severity: inc.severity,
        culprit: actorId,
        suspect,
        confidence: caught ? Math.max(confidence, CAUGHT_CONFIDENCE) : confidence,
        public: isPublic,
        source: { kind: "order", actionId: action.id },
      });
  }

  // 7. attribution and investigation of incidents
  if (action.special === "attribute" && item.incidentId && target) attribute(ctx, actorId, item.incidentId, target);
  if (action.special === "investigate" && item.incidentId) investigate(ctx, actorId, item.incidentId);

  return { misread, hostile: action.severity >= 2 && teamIds(s).includes(target ?? "") };
}
