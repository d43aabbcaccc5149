// Applies the scenario's declarative effects (of actions, injects) to the state.
import type { Effect, TeamRef } from "../scenario/schema.ts";
import type { SectorKind } from "./types.ts";
import type { EscalationCause } from "./events.ts";
import type { Ctx } from "./context.ts";
import { pairKey, teamIds } from "./context.ts";
import { shiftEscalation } from "./escalation.ts";
import { changePressure, changeResilience, changeSectorHealth, changeStanding, changeTrust } from "./measures.ts";
import { feelGrievance } from "./incidents.ts";

export interface EffectScope {
  actor?: string | null;
  target?: string | null;
  sector?: SectorKind | null;
  /** why escalation changes (audience.ts words it for those who may not know) */
  cause: EscalationCause;
}

/** The team ids a reference stands for in this scope. */
export function resolveRef(ctx: Ctx, ref: TeamRef, scope: EffectScope): string[] {
  const all = teamIds(ctx.s);
  switch (ref) {
    case "all":
      return all;
    case "others":
      return all.filter((t) => t !== scope.actor && t !== scope.target);
    case "actor":
      return scope.actor ? [scope.actor] : [];
    case "target":
      return scope.target ? [scope.target] : [];
    default:
      return all.includes(ref) ? [ref] : [];
  }
}

export function applyEffects(ctx: Ctx, effects: readonly Effect[], scope: EffectScope): void {
  for (const e of effects) applyEffect(ctx, e, scope);
}

function applyEffect(ctx: Ctx, e: Effect, scope: EffectScope): void {
  switch (e.type) {
    case "escalation":
      shiftEscalation(ctx, e.delta, scope.cause);
      return;
    case "sector": {
      const kind = e.sector === "target" ? scope.sector : e.sector;
      if (!kind) return;
      for (const t of resolveRef(ctx, e.team, scope)) changeSectorHealth(ctx, t, kind, e.delta);
      return;
    }
    case "resilience": {
      const kind = e.sector === "target" ? scope.sector : e.sector;
      if (!kind) return;
      for (const t of resolveRef(ctx, e.team, scope)) changeResilience(ctx, t, kind, e.delta);
      return;
    }
    case "trust": {
      const done = new Set<string>();
      for (const a of resolveRef(ctx, e.a, scope))
        for (const b of resolveRef(ctx, e.b, scope)) {
          const key = pairKey(a, b);
          if (a === b || done.has(key)) continue;
          done.add(key);
          changeTrust(ctx, a, b, e.delta);
        }
      return;
    }
    case "standing":
      for (const t of resolveRef(ctx, e.team, scope)) changeStanding(ctx, t, e.delta);
      return;
    case "pressure":
      for (const t of resolveRef(ctx, e.team, scope)) changePressure(ctx, t, e.delta);
      return;
    case "evidence":
      changeEvidence(ctx, e);
      return;
  }
}

/** Evidence confidence stays within these bounds, as after a verification. */
export const EVIDENCE_FLOOR = 0.05;
export const EVIDENCE_CEILING = 0.95;

/**
 * An inject's news changes an incident's evidence: it strengthens, weakens or
 * points elsewhere. Told to whoever knows the incident (audience.ts), nobody
 * else. The incident is the one an inject created, or the newest; if it does
 * not exist (yet), nothing happens.
 */
function changeEvidence(ctx: Ctx, e: Extract<Effect, { type: "evidence" }>): void {
  const { s } = ctx;
  const inc =
    e.incident === "latest"
      ? s.incidents[s.incidents.length - 1]
      : s.incidents.find((i) => i.source.kind === "inject" && i.source.injectId === e.incident);
  if (!inc) return;
  if (e.suspect === null || (e.suspect !== undefined && teamIds(s).includes(e.suspect)))
    inc.evidence.suspect = e.suspect;
  const confidence = Math.min(EVIDENCE_CEILING, Math.max(EVIDENCE_FLOOR, inc.evidence.confidence + e.confidence));
  inc.evidence.confidence = Math.round(confidence * 100) / 100;
  ctx.emit({
    type: "evidence.changed",
    incident: inc.id,
    title: inc.title,
    suspect: inc.evidence.suspect,
    confidence: inc.evidence.confidence,
    delta: e.confidence,
  });
  feelGrievance(ctx, inc);
}
