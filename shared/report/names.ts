// Names people read, from ids in the recording: parties, phases, rungs,
// audiences; causes and breaches in shared/words' words.
import type { Scenario } from "../engine/types.ts";
import type { BreachReason, EventOf } from "../engine/events.ts";
import { rungIndex } from "../engine/escalation.ts";
import { describeBreach, describeCause, EN, partyName, phaseName as named, type Language } from "../words/index.ts";
import type { PartyRef } from "./types.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";

/** A party by id (shared/words' name); null is a culprit no state was: a non-state actor. */
export function party(sc: Scenario, id: string | null, rl: ReportLanguage = reportLanguage()): PartyRef {
  if (id === null) return { id: null, name: rl.tr.t("report.non-state-actor") };
  return { id, name: partyName(sc, id) };
}

/** A phase's name; "Before start" for the moment before the first phase. */
export function phaseName(sc: Scenario, id: string, rl: ReportLanguage = reportLanguage()): string {
  return id ? named(sc, id) : rl.tr.t("report.phase.before-start");
}

export function rungName(sc: Scenario, value: number): string {
  return sc.ladder.rungs[rungIndex(sc.ladder, value)]?.name ?? "";
}

const EVERYONE = "all";

/** Who could read something: "everyone", or its readers by name ("Control", "Observers", teams…), in the report's words. */
export function audienceText(sc: Scenario, audience: readonly string[], rl: ReportLanguage = reportLanguage()): string {
  const t = rl.tr.t;
  if (audience.includes(EVERYONE)) return rl.english ? partyName(sc, EVERYONE) : t("report.audience.everyone");
  const names = audience.map((a) =>
    a === "facilitator"
      ? t("report.audience.control")
      : a === "observers"
        ? t("report.audience.observers")
        : partyName(sc, a),
  );
  return rl.english ? names.join(", ") : new Intl.ListFormat(rl.tr.lang, { type: "unit" }).format(names);
}

/** Why escalation moved, as control read it. */
export function causeWords(sc: Scenario, e: EventOf<"escalation.changed">, lang: Language = EN): string {
  return describeCause(e.cause, sc, lang);
}

/** Why a commitment was broken. */
export function breachWords(sc: Scenario, reason: BreachReason, lang: Language = EN): string {
  return describeBreach(reason, sc, lang);
}

/** Median of a list of numbers (null for none). */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}
