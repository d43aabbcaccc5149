// Names people read, from ids in the recording: parties, phases, rungs, audiences.
import type { Scenario } from "../engine/types.ts";
import { rungIndex } from "../engine/escalation.ts";
import type { PartyRef } from "./types.ts";

export function party(sc: Scenario, id: string | null): PartyRef {
  if (id === null) return { id: null, name: "a non-state actor" };
  if (id === "mediator") return { id, name: sc.mediator?.name ?? "the mediator" };
  return { id, name: sc.teams.find((t) => t.id === id)?.name ?? id };
}

export function phaseName(sc: Scenario, id: string): string {
  if (!id) return "Before start";
  return sc.phases.find((p) => p.id === id)?.name ?? id;
}

export function rungName(sc: Scenario, value: number): string {
  return sc.ladder.rungs[rungIndex(sc.ladder, value)]?.name ?? "";
}

export function audienceText(sc: Scenario, audience: readonly string[]): string {
  if (audience.includes("all")) return "everyone";
  return audience
    .map((a) => (a === "facilitator" ? "Control" : a === "observers" ? "Observers" : party(sc, a).name))
    .join(", ");
}

export function actionName(sc: Scenario, id: string): string {
  return sc.actions.find((a) => a.id === id)?.name ?? id;
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
