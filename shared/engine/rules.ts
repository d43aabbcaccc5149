// The rules an exercise was played under, as a checked fact. A recording names
// the engine version that made it; its major.minor is the rules version. This
// engine replays its own rules, and older ones only where it keeps a tested
// compatibility path; any other recording is refused by name, never replayed
// under rules it was not played with. Policy and reasons: docs/protocol.md §6.
import type { IdScheme } from "./ids.ts";
import { ENGINE_VERSION } from "./version.ts";

/** What replaying older rules needs changed; init applies them from the recorded engine version. */
export interface RulesSwitches {
  /** how ids were made: keyed hashes, or sequential ones (`proposal-1`) before rules 1.2 */
  idScheme: IdScheme;
}

/** How a recording whose rules this engine plays is replayed. */
export interface RulesMode {
  /** the rules it was recorded under, e.g. "1.1" */
  recorded: string;
  /** the rules this engine runs, e.g. "1.2" */
  running: string;
  /** "current": this engine's own rules; "kept": older rules replayed through a kept compatibility path */
  kind: "current" | "kept";
  switches: RulesSwitches;
}

export type RulesCheck =
  { ok: true; mode: RulesMode } | { ok: false; recorded: string; running: string; message: string };

/** The rules version (major.minor) of an engine version, or null when it is not one. */
export function rulesOf(engineVersion: string): string | null {
  const m = /^(\d{1,6})\.(\d{1,6})\.\d{1,6}$/.exec(engineVersion);
  return m ? `${Number(m[1])}.${Number(m[2])}` : null;
}

/** The rules this engine runs: a patch release never changes what a command does. */
export const RULES_VERSION = rulesOf(ENGINE_VERSION)!;

const CURRENT: RulesSwitches = { idScheme: "keyed" };

/**
 * Older rules this engine still replays with an identical outcome, each with the switches that make it so.
 * Rules 1.1 differ from 1.2 only in ids (sequential), the wording of one control-only log entry and
 * who-told-whom bookkeeping; every accepted command, draw and number is the same. Rules 1.0 are not kept:
 * 1.1 changed adjudication (covert acts leave no grievance), so a 1.0 recording would replay differently.
 * Rules 1.2 differ from 2.0 only in the form of the log (sentences then, typed events now): same commands,
 * draws and numbers, so 2.0 replays them as they were played.
 */
export const KEPT_RULES: Readonly<Record<string, RulesSwitches>> = {
  "1.1": { idScheme: "sequential" },
  // 2.1 added the control commands bot.seat and autopilot.set (no rule of play changed): 2.0 replays as it was played
  "2.0": { idScheme: "keyed" },
  // 2.2 added inject.unhold and escalation.adjust's private note (no rule of play changed): 2.1 replays as it was played
  "2.1": { idScheme: "keyed" },
  // 3.0 rebuilt the crisis model (model.ts): 2.2 recordings replay with the model of rules 2.x
  "2.2": { idScheme: "keyed" },
  // 1.2 is not kept: it never shipped, and its keyed ids are not today's
};

/**
 * Whether a recording made by `engineVersion` may be replayed here, and how; if not, a message naming both
 * rules versions and what to do. `runner` names this program in the message ("this server", "this viewer").
 */
export function checkRules(engineVersion: string, runner = "this Deconflict"): RulesCheck {
  const running = RULES_VERSION;
  const recorded = rulesOf(engineVersion);
  if (recorded === null) {
    const shown = JSON.stringify(engineVersion.length > 40 ? `${engineVersion.slice(0, 40)}…` : engineVersion);
    return {
      ok: false,
      recorded: engineVersion,
      running,
      message:
        `Recorded under rules ${shown}, which is not a Deconflict version (major.minor.patch, e.g. ${ENGINE_VERSION}); ` +
        `${runner} runs ${running}. It was not made by Deconflict, so it is not replayed.`,
    };
  }
  if (recorded === running) return { ok: true, mode: { recorded, running, kind: "current", switches: CURRENT } };
  const kept = KEPT_RULES[recorded];
  if (kept) return { ok: true, mode: { recorded, running, kind: "kept", switches: kept } };
  const head = `Recorded under rules ${recorded}; ${runner} runs ${running}`;
  const message = newer(recorded, running)
    ? `${head}. A newer Deconflict made it: open it with a Deconflict whose engine is ${recorded}.x, or update this one.`
    : `${head}, which no longer keeps the rules of ${recorded} and does not replay a recording under other rules. ` +
      `Open it with a Deconflict whose engine is ${recorded}.x, which plays them.`;
  return { ok: false, recorded, running, message };
}

/** A recording whose rules this engine does not play; its message names both versions. */
export class RulesError extends Error {
  readonly recorded: string;
  readonly running: string;
  constructor(check: Extract<RulesCheck, { ok: false }>) {
    super(check.message);
    this.name = "RulesError";
    this.recorded = check.recorded;
    this.running = check.running;
  }
}

/** The replay mode for a recording's engine version; throws RulesError when this engine must not replay it. */
export function requireRules(engineVersion: string, runner?: string): RulesMode {
  const r = checkRules(engineVersion, runner);
  if (!r.ok) throw new RulesError(r);
  return r.mode;
}

/** One line for whoever shows a replay of kept older rules; null for this engine's own rules. */
export function rulesNote(mode: RulesMode): string | null {
  if (mode.kind === "current") return null;
  return `Recorded under rules ${mode.recorded}; replayed by the copy of those rules this Deconflict (rules ${mode.running}) keeps, with the same outcome.`;
}

function newer(a: string, b: string): boolean {
  const [am, an] = a.split(".").map(Number) as [number, number];
  const [bm, bn] = b.split(".").map(Number) as [number, number];
  return am !== bm ? am > bm : an > bn;
}
