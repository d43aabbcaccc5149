// Public attribution of an incident, and a team's own investigation of one.
import type { Ctx } from "./context.ts";
import { findById } from "./context.ts";
import { shiftEscalation } from "./escalation.ts";
import { changePressure, changeStanding, changeTrust } from "./measures.ts";
import { recordGrievance, verifyIncident, WEAK_EVIDENCE } from "./incidents.ts";
import { standingFactor } from "./model.ts";

export const ATTRIBUTION_ESCALATION = 2;
export const MISATTRIBUTION_ESCALATION = 6;
export const MISATTRIBUTION_STANDING = -15;
export const MISATTRIBUTION_TRUST = -15;
export const WEAK_EVIDENCE_STANDING = -5;
export const INVESTIGATE_BOOST = 0.15;
export const INVESTIGATE_CORRECT_CHANCE = 0.35;
/** rules 3.0: how hostile a public accusation feels to the accused (a démarche is 1, a disruption 3) */
export const HASTY_GRIEVANCE = 2;

/**
 * Naming a culprit in public: right and well-founded, it relieves domestic
 * pressure and costs the culprit standing; on weak evidence it draws criticism
 * either way; wrong, it is a misattribution with backlash. No text anyone else
 * reads says whether the accusation was right (only control and the accused
 * know); its consequences do differ, as they would in the world — a false
 * accusation costs standing and deepens the dispute, and attentive players may
 * read that.
 */
export function attribute(ctx: Ctx, by: string, incidentId: string, accused: string): void {
  const { s } = ctx;
  const inc = findById(ctx, "incidents", incidentId);
  if (!inc) return;
  const correct = inc.culprit === accused;
  const confidence = inc.evidence.confidence;
  inc.attributions.push({ by, accused, turn: s.turn, suspect: inc.evidence.suspect, confidence, correct });
  inc.public = true;
  if (!s.model.legacy && by === inc.victim) inc.answered = true;
  ctx.emit({
    type: "attribution.made",
    accuser: by,
    accused,
    incident: inc.id,
    title: inc.title,
    suspect: inc.evidence.suspect,
    confidence,
    correct,
    culprit: inc.culprit,
  });
  ctx.emit({ type: "attribution.denied", accused, incident: inc.id });
  const m = s.model;
  // rules 3.0: an accusation before verification on thin evidence is itself a provocation
  const hasty = !m.legacy && inc.verifications === 0 && confidence < m.hastyBelow;
  shiftEscalation(ctx, ATTRIBUTION_ESCALATION + (hasty ? m.hastyEscalation : 0), {
    kind: "accusation",
    accuser: by,
    accused,
  });
  changeTrust(ctx, by, accused, -5);
  if (confidence < WEAK_EVIDENCE) {
    changeStanding(ctx, by, WEAK_EVIDENCE_STANDING);
    ctx.emit({ type: "attribution.questioned", accuser: by, incident: inc.id, confidence });
  }
  // rules 3.0: the world weighs an accusation by the accuser's standing
  const weight = m.legacy ? 1 : standingFactor(m, s.teams[by]?.standing ?? 50, 0.5);
  if (correct) {
    changeStanding(ctx, by, Math.round(10 * confidence));
    changeStanding(ctx, accused, Math.round(-8 * weight));
    changePressure(ctx, by, Math.round(-10 * weight));
    // the accused was named in public: it is under pressure to answer
    if (hasty) recordGrievance(ctx, accused, by, HASTY_GRIEVANCE);
    return;
  }
  changeStanding(ctx, by, MISATTRIBUTION_STANDING);
  changeTrust(ctx, by, accused, MISATTRIBUTION_TRUST);
  changePressure(ctx, accused, m.misattributionPressure);
  // a false accusation is a hostile act in the accused's eyes: it justifies an answer
  if (!m.legacy) recordGrievance(ctx, accused, by, HASTY_GRIEVANCE);
  shiftEscalation(ctx, MISATTRIBUTION_ESCALATION, { kind: "dispute" });
}

export function investigate(ctx: Ctx, by: string, incidentId: string): void {
  const inc = findById(ctx, "incidents", incidentId);
  if (!inc) return;
  verifyIncident(ctx, inc, INVESTIGATE_BOOST, INVESTIGATE_CORRECT_CHANCE, by);
}
