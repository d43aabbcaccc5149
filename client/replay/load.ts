// Getting a recording into the viewer: from this server (with the facilitator
// code this browser holds) or from a file. Every path ends in loadRecording,
// which refuses a tampered, truncated or unknown file with its reason, and in
// checkRules, which refuses one recorded under rules this engine does not play.
import { loadWithReason, type Integrity } from "../../shared/protocol/integrity.ts";
import type { Recording } from "../../shared/protocol/recording.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { checkRules } from "../../shared/engine/index.ts";
import { refusalText, rulesKeptText, rulesRefusalText } from "./integrity-words.ts";
import { call } from "../net/api.ts";
import { t as tr } from "../i18n/index.ts";
import { httpRefusalText } from "../net/refusals.ts";

export interface Loaded {
  recording: Recording;
  integrity: Integrity;
  scenario: Scenario;
  /** where it came from, for the page's header: a file name or "this server" */
  source: string;
  /** set when the recording was made under older rules this engine keeps a copy of */
  engineNote: string | null;
}

export type LoadOutcome = { ok: true; loaded: Loaded } | { ok: false; error: string };

/** Verifies a parsed JSON value and parses the scenario inside it. */
export function fromJson(json: unknown, source: string): LoadOutcome {
  const r = loadWithReason(json);
  if (!r.ok) return { ok: false, error: refusalText(r.error, r.reason) };
  const rules = checkRules(r.recording.engineVersion, "this viewer");
  if (!rules.ok) return { ok: false, error: rulesRefusalText(rules.recorded, rules.running) };
  const sc = parseScenario(r.recording.scenario);
  if (!sc.ok)
    return {
      ok: false,
      error: tr("replay.bad-scenario", { detail: sc.issues.map((i) => `${i.path}: ${i.message}`).join("; ") }),
    };
  const engineNote = rulesKeptText(rules.mode);
  return {
    ok: true,
    loaded: { recording: r.recording, integrity: r.integrity, scenario: sc.scenario, source, engineNote },
  };
}

/** Reads a file chosen or dropped by the user. */
export async function fromFile(file: File): Promise<LoadOutcome> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: tr("replay.unreadable", { file: file.name }) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      error: tr("replay.not-json", { file: file.name, detail: (err as Error).message }),
    };
  }
  // let the page show "verifying" before the synchronous hash check
  await nextFrame();
  return fromJson(json, file.name);
}

/** Downloads a recording from this server with the facilitator's code. */
export async function fromServer(exerciseId: string, code: string): Promise<LoadOutcome> {
  let json: unknown;
  try {
    json = await call<unknown>("GET", `/exercises/${encodeURIComponent(exerciseId)}/recording`, undefined, code);
  } catch (err) {
    return { ok: false, error: httpRefusalText(err) || tr("replay.download-failed") };
  }
  await nextFrame();
  return fromJson(json, "this server");
}

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
