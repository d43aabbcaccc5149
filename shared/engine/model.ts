// The crisis model's numbers: what trust, standing and pressure do, how much a
// repeated move still earns, how uncertain verification is. They are data in
// the state, fixed when the exercise begins: rules 3.0 use MODEL (tuned by the
// scenario's `model` section), recordings of older rules the neutral LEGACY
// numbers that reproduce them. The lab switches trust or standing off
// (ablation) to measure what each changes.
import type { ModelTuning } from "../scenario/schema.ts";
import { rulesAtLeast } from "./rules-gate.ts";

export type Ablation = "trust" | "standing";

export interface ModelParams {
  /** rules before 3.0: none of what follows applies */
  legacy: boolean;
  /** trust between two states changes what happens between them (false: the lab's ablation) */
  trust: boolean;
  /** standing changes what a state can do in the world (false: the lab's ablation) */
  standing: boolean;
  /** domestic pressure added per turn by each public incident a state has not answered */
  pressurePerIncident: number;
  /** each repeat of the same calming move (statement, message, briefing) keeps this share of its effect */
  repeatFactor: number;
  /** chance a verification finds nothing new */
  inconclusiveChance: number;
  /** extra escalation of a public attribution made before verification on evidence under `hastyBelow` */
  hastyEscalation: number;
  hastyBelow: number;
  /** domestic pressure a wrongly accused state takes on (it must answer) */
  misattributionPressure: number;
  /** escalation when hardliners push a government under heavy pressure into a hostile step */
  hardlinerEscalation: number;
  /** scales the hardliners' chance each turn (1: up to 80 %); a rarer push with a larger escalation is a lurch */
  hardlinerOdds: number;
  /** an actor answered in proportion last turn: its next hostile act against that state fails this much more often */
  deterrence: number;
}

/** Rules 3.0 defaults; a scenario's `model` section overrides the tunable ones. */
export const MODEL: Readonly<ModelParams> = {
  legacy: false,
  trust: true,
  standing: true,
  pressurePerIncident: 4,
  repeatFactor: 0.5,
  inconclusiveChance: 0.25,
  hastyEscalation: 5,
  hastyBelow: 0.6,
  misattributionPressure: 20,
  hardlinerEscalation: 10,
  hardlinerOdds: 1,
  deterrence: 0.3,
};

/** Rules 1.1 to 2.2: numbers that change nothing, so their recordings replay as they were played. */
export const LEGACY_MODEL: Readonly<ModelParams> = {
  legacy: true,
  trust: false,
  standing: false,
  pressurePerIncident: 0,
  repeatFactor: 1,
  inconclusiveChance: 0,
  hastyEscalation: 0,
  hastyBelow: 0,
  misattributionPressure: 10,
  hardlinerEscalation: 0,
  hardlinerOdds: 1,
  deterrence: 0,
};

/** The model an exercise runs: by its rules version, the scenario's tuning, and the lab's ablations. */
export function modelFor(
  engineVersion: string,
  tuning: ModelTuning = {},
  ablate: readonly Ablation[] = [],
): ModelParams {
  if (!rulesAtLeast(engineVersion, "3.0")) return { ...LEGACY_MODEL };
  const tuned: Partial<ModelParams> = {};
  for (const [k, v] of Object.entries(tuning)) if (v !== undefined) Object.assign(tuned, { [k]: v });
  return { ...MODEL, ...tuned, trust: !ablate.includes("trust"), standing: !ablate.includes("standing") };
}

/** A factor from trust 0–100 between two states: 1 at 50, `spread` higher at 0 and lower at 100 (1 when trust is off). */
export function trustFactor(m: ModelParams, trust: number, spread: number): number {
  if (!m.trust) return 1;
  return 1 + (spread * (50 - trust)) / 50;
}

/** A factor from standing 0–100: 1 at 50, `spread` higher at 100 and lower at 0 (1 when standing is off). */
export function standingFactor(m: ModelParams, standing: number, spread: number): number {
  if (!m.standing) return 1;
  return 1 + (spread * (standing - 50)) / 50;
}

/** What the n-th use (0-based) of a repeated move still earns. */
export function repeated(m: ModelParams, n: number): number {
  return m.repeatFactor ** n;
}

/** A delta scaled by `factor`, rounded half away from zero (a halved 1 still counts, a quartered 1 does not). */
export function scaled(delta: number, factor: number): number {
  return Math.sign(delta) * Math.floor(Math.abs(delta) * factor + 0.5);
}
