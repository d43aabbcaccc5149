// Why things happened, as data: the causes and results an event's fields carry
// (an escalation's cause, a breach's reason, how a verification came out).
// Part of the event union (events.ts re-exports every type here).
import type { SectorKind } from "../scenario/schema.ts";
import type { HotlineKind } from "./types.ts";

/** The health of a critical-infrastructure sector, in words a panel or report can key on. */
export type SectorStatusKind = "operational" | "degraded" | "down";

/**
 * Why escalation moved. The meter is public, so every cause is read by all;
 * causes that name something secret (an inject for a few, a covert action) are
 * replaced for readers who may not know it (audience.ts): `developments`,
 * `hostile-activity`.
 */
export type EscalationCause =
  | { kind: "pressure"; team: string; pressure: number }
  | { kind: "quiet-turn" }
  | { kind: "statement"; parties: string[] }
  | { kind: "accusation"; accuser: string; accused: string }
  | { kind: "dispute" }
  | { kind: "cbm-adopted"; cbm: string; parties: string[] }
  | { kind: "breach"; team: string; cbm: string }
  | { kind: "timeline-missed"; cbm: string }
  | { kind: "control"; reason: string }
  /** control set escalation by hand (the reason is in its value.set event, told to whom control chose) */
  | { kind: "control-set" }
  | { kind: "hotline"; a: string; b: string; messageKind: HotlineKind }
  | { kind: "inject"; inject: string }
  | { kind: "convened" }
  | { kind: "perceived"; target: string }
  | { kind: "action"; actor: string; action: string }
  | { kind: "disproportionate"; actor: string; action: string }
  /** an inject not everyone may read, as everyone else hears of it */
  | { kind: "developments" }
  /** a covert action, as everyone but control and its actor hears of it */
  | { kind: "hostile-activity" }
  | { kind: "restraint"; caller: string; target: string };

/** Why a commitment was broken. */
export type BreachReason =
  | { kind: "protected-sectors"; sectors: SectorKind[] }
  | { kind: "not-notified" }
  | { kind: "covert-operation" }
  | { kind: "unanswered"; from: string }
  | { kind: "timeline-missed" };

/**
 * What a public call for restraint did: `eased` the crisis (the turn's first
 * credible call), nothing more as another call had `already-eased` it this
 * turn, or nothing as the caller's own public hostile act `undercut` it.
 */
export type RestraintResult = "eased" | "already-eased" | "undercut";

/** How the scrutiny of an incident's evidence came out. */
export type VerificationResult = "confirmed" | "corrected" | "weakened" | "inconclusive";
