// Public attribution of an incident, and a team's own investigation of one.
import type { Ctx } from "./context.ts";
import { findById } from "./context.ts";
import { shiftEscalation } from "./escalation.ts";
import { changePressure, changeStanding, changeTrust } from "./measures.ts";
import { verifyIncident, WEAK_EVIDENCE } from "./incidents.ts";

export const ATTRIBUTION_ESCALATION = 2;
export const MISATTRIBUTION_ESCALATION = 6;
export const MISATTRIBUTION_STANDING = -15;
export const MISATTRIBUTION_TRUST = -15;
export const WEAK_EVIDENCE_STANDING = -5;
export const INVESTIGATE_BOOST = 0.15;
export const INVESTIGATE_CORRECT_CHANCE = 0.35;

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
  shiftEscalation(ctx, ATTRIBUTION_ESCALATION, { kind: "accusation", accuser: by, accused });
  changeTrust(ctx, by, accused, -5);
  if (confidence < WEAK_EVIDENCE) {
    changeStanding(ctx, by, WEAK_EVIDENCE_STANDING);
    ctx.emit({ type: "attribution.questioned", accuser: by, incident: inc.id, confidence });
  }
  if (correct) {
    changeStanding(ctx, by, Math.round(10 * confidence));
    changeStanding(ctx, accused, -8);
    changePressure(ctx, by, -10);
    return;
  }
  changeStanding(ctx, by, MISATTRIBUTION_STANDING);
  changeTrust(ctx, by, accused, MISATTRIBUTION_TRUST);
  changePressure(ctx, accused, 10);
  shiftEscalation(ctx, MISATTRIBUTION_ESCALATION, { kind: "dispute" });
}

export function investigate(ctx: Ctx, by: string, incidentId: string): void {
  const inc = findById(ctx, "incidents", incidentId);
  if (!inc) return;
  verifyIncident(ctx, inc, INVESTIGATE_BOOST, INVESTIGATE_CORRECT_CHANCE, by);
}
