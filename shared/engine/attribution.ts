// Public attribution of an incident, and a team's own investigation of one.
import type { Ctx } from "./context.ts";
import { findDraft, partyName } from "./context.ts";
import { shiftEscalation } from "./escalation.ts";
import { changePressure, changeStanding, changeTrust } from "./measures.ts";
import { pct, verifyIncident, WEAK_EVIDENCE } from "./incidents.ts";

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
  const inc = findDraft(ctx, "incidents", (i) => i.id === incidentId);
  if (!inc) return;
  const correct = inc.culprit === accused;
  const confidence = inc.evidence.confidence;
  inc.attributions.push({ by, accused, turn: s.turn, suspect: inc.evidence.suspect, confidence, correct });
  inc.public = true;
  const byName = partyName(s, by);
  const accusedName = partyName(s, accused);
  ctx.log(
    "attribution",
    ["all"],
    `${byName} publicly attributes “${inc.title}” to ${accusedName} (evidence confidence ${pct(confidence)})`,
    { ref: inc.id },
  );
  ctx.log("attribution", ["all"], `${accusedName} rejects the accusation`, { ref: inc.id });
  shiftEscalation(ctx, ATTRIBUTION_ESCALATION, `${byName} publicly blamed ${accusedName}`);
  changeTrust(ctx, by, accused, -5);
  if (confidence < WEAK_EVIDENCE) {
    changeStanding(ctx, by, WEAK_EVIDENCE_STANDING);
    ctx.log(
      "attribution",
      ["all"],
      `Observers question ${byName}'s attribution: the evidence was weak (${pct(confidence)})`,
      { ref: inc.id },
    );
  }
  if (correct) {
    changeStanding(ctx, by, Math.round(10 * confidence));
    changeStanding(ctx, accused, -8);
    changePressure(ctx, by, -10);
    ctx.log("attribution", ["facilitator"], `Control: the attribution was correct`, { ref: inc.id });
    return;
  }
  ctx.log("attribution", [accused], `${accusedName} knows the accusation is false: it did not do this`, {
    ref: inc.id,
  });
  ctx.log(
    "attribution",
    ["facilitator"],
    `Misattribution: “${inc.title}” was done by ${inc.culprit ? partyName(s, inc.culprit) : "a non-state actor"}, not ${accusedName}`,
    { ref: inc.id },
  );
  changeStanding(ctx, by, MISATTRIBUTION_STANDING);
  changeTrust(ctx, by, accused, MISATTRIBUTION_TRUST);
  changePressure(ctx, accused, 10);
  shiftEscalation(ctx, MISATTRIBUTION_ESCALATION, "the dispute over the accusation deepens");
}

export function investigate(ctx: Ctx, by: string, incidentId: string): void {
  const inc = findDraft(ctx, "incidents", (i) => i.id === incidentId);
  if (!inc) return;
  verifyIncident(ctx, inc, INVESTIGATE_BOOST, INVESTIGATE_CORRECT_CHANCE, `${partyName(ctx.s, by)}'s investigators`);
}
