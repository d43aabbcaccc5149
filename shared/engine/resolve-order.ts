// Resolves one ordered action at adjudication: fog and misperception,
// commitments kept or broken, proportionality, effects, incidents.
import type { Action } from "../scenario/schema.ts";
import type { Audience, OrderItem } from "./types.ts";
import type { Ctx } from "./context.ts";
import { partyName, teamIds } from "./context.ts";
import { applyEffects } from "./effects.ts";
import { shiftEscalation } from "./escalation.ts";
import { changeStanding, changeTrust, findSector } from "./measures.ts";
import { createIncident, grievance, otherTeam, recordGrievance } from "./incidents.ts";
import { bound, breachesOf, breakCommitment } from "./commitments.ts";
import { notified } from "./hotline.ts";
import { attribute, investigate } from "./attribution.ts";

export const MISREAD_ESCALATION_PER_STEP = 2;
export const MISREAD_TRUST = -6;
export const DISPROPORTION_ESCALATION_PER_STEP = 3;
export const DISPROPORTION_STANDING_PER_STEP = -3;
/** a response may exceed the provocation by this much before it counts as disproportionate */
export const PROPORTION_TOLERANCE = 1;

export interface Resolution {
  misread: boolean;
  hostile: boolean;
}

export function resolveItem(ctx: Ctx, actorId: string, item: OrderItem, action: Action): Resolution {
  const { s } = ctx;
  const actorName = partyName(s, actorId);
  const target = item.target;
  const targetName = target ? partyName(s, target) : "";
  // messages do not change during adjudication: read them from the state before it
  const didNotify = target ? notified(ctx.base, actorId, target) : false;
  // simultaneous orders: what the actor had suffered before this adjudication, whatever the team order
  const provocation = target ? grievance(ctx.base, actorId, target) : 0;
  // a covert actor stays unknown to its target, unless it announced itself with a notify
  const known = action.visibility !== "covert" || didNotify;
  const who = known ? actorName : "unidentified actors";

  // 1. what happened, told to those who can see it
  const audience: Audience =
    action.visibility === "public" ? ["all"] : action.visibility === "target" && target ? [actorId, target] : [actorId];
  const aim = target ? ` → ${targetName}${item.sector ? ` (${item.sector})` : ""}` : "";
  ctx.log("outcome", audience, `${actorName}: ${action.name}${aim}`, { ref: action.id });
  if (action.visibility === "covert")
    ctx.log("outcome", ["facilitator"], `(covert) ${actorName}: ${action.name}${aim}`, { ref: action.id });

  // 2. commitments this breaks
  for (const b of breachesOf(s, actorId, item, action, didNotify)) breakCommitment(ctx, b.c, actorId, b.reason);

  // 3. fog: the target may read it as something worse
  let misread = false;
  if (action.perception && target) {
    let chance = action.perception.misreadChance;
    if (didNotify) chance *= s.scenario.fog.preNotificationFactor;
    if (didNotify && bound(s, "pre-notification", actorId, target)) chance *= s.scenario.fog.preNotificationFactor;
    const roll = ctx.random();
    misread = roll < chance;
    const perceived = misread ? action.perception.perceivedSeverity : action.severity;
    if (known) recordGrievance(ctx, target, actorId, perceived);
    if (misread) {
      ctx.log(
        "perception",
        [target],
        `${targetName} reads activity from ${who} as “${action.perception.perceivedAs}”${didNotify ? " despite the notification" : ""}`,
        // the action's id could name the only team that has it
        known ? { ref: action.id } : {},
      );
      ctx.log(
        "perception",
        ["facilitator"],
        `Misperception: ${targetName} read ${actorName}'s “${action.name}” as “${action.perception.perceivedAs}” (roll ${roll.toFixed(2)} < ${chance.toFixed(2)})`,
        { ref: action.id },
      );
      const steps = Math.max(1, action.perception.perceivedSeverity - action.severity);
      // trust toward an unidentified actor cannot change: that would name it
      if (known) changeTrust(ctx, actorId, target, MISREAD_TRUST);
      shiftEscalation(ctx, steps * MISREAD_ESCALATION_PER_STEP, `${targetName} perceived a hostile act`);
    } else if (action.visibility !== "public") {
      ctx.log(
        "perception",
        [target],
        `${targetName} observed “${action.name}” by ${who} and read it correctly${didNotify ? " (it was pre-notified)" : ""}`,
        known ? { ref: action.id } : {},
      );
    }
  } else if (target && action.severity > 0 && !action.incident && known) {
    recordGrievance(ctx, target, actorId, action.severity);
  }

  // 4. proportionality: hostility beyond what the actor itself suffered from the target
  if (target && action.severity >= 2) {
    const excess = action.severity - provocation - PROPORTION_TOLERANCE;
    if (excess > 0) {
      const seen: Audience = action.visibility === "covert" ? ["facilitator"] : audience;
      ctx.log(
        "outcome",
        seen,
        provocation
          ? `Disproportionate: ${actorName}'s “${action.name}” (severity ${action.severity}) answers a provocation of severity ${provocation}`
          : `Unprovoked: ${actorName}'s “${action.name}” (severity ${action.severity}) against ${targetName}`,
        { ref: action.id },
      );
      if (action.visibility !== "covert") changeStanding(ctx, actorId, excess * DISPROPORTION_STANDING_PER_STEP);
      shiftEscalation(
        ctx,
        excess * DISPROPORTION_ESCALATION_PER_STEP,
        action.visibility === "covert" ? "hostile cyber activity" : `${actorName}'s disproportionate action`,
      );
    }
  }

  // 5. the action's own effects
  applyEffects(ctx, action.effects, {
    actor: actorId,
    target,
    sector: item.sector,
    cause: action.visibility === "covert" ? "hostile cyber activity" : `${actorName}: ${action.name}`,
  });

  // 6. a covert operation leaves an incident with uncertain evidence
  if (action.incident && target) {
    const inc = action.incident;
    const sector = item.sector ?? s.teams[target]!.sectors[0]!.kind;
    const [lo, hi] = inc.confidence;
    const confidence = lo + (hi - lo) * ctx.random();
    const falseFlag = ctx.random() < inc.falseFlagChance;
    const suspect = falseFlag ? otherTeam(ctx, [actorId, target]) : actorId;
    const isPublic = ctx.random() < inc.publicChance;
    if (findSector(s, target, sector))
      createIncident(ctx, {
        title: inc.title,
        victim: target,
        sector,
        severity: inc.severity,
        culprit: actorId,
        suspect,
        confidence,
        public: isPublic,
        source: { kind: "order", actionId: action.id },
      });
  }

  // 7. attribution and investigation of incidents
  if (action.special === "attribute" && item.incidentId && target) attribute(ctx, actorId, item.incidentId, target);
  if (action.special === "investigate" && item.incidentId) investigate(ctx, actorId, item.incidentId);

  return { misread, hostile: action.severity >= 2 && teamIds(s).includes(target ?? "") };
}
