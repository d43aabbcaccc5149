// The moments marked on the escalation curve: injects as they were released,
// decisions (each turn's adjudication) and hotline messages. Each comes from
// the log entry the engine wrote at that step, and is shown only if the chosen
// point of view could read that entry (the engine's own rule, canSee).
import { canSee, type HotlineMessage, type Viewer } from "../../shared/engine/index.ts";
import type { Timeline } from "./timeline.ts";
import { partyLabel } from "./words.ts";

export type MarkerKind = "inject" | "decision" | "hotline";

export interface Marker {
  kind: MarkerKind;
  step: number;
  /** short label for the tooltip and screen readers */
  label: string;
  /** the item it is about (inject or message id), for tests and links */
  ref: string;
  /** a few words shown next to the marker when there is room */
  short?: string;
}

export const MARKER_STYLE: Record<MarkerKind, { name: string; color: string; lane: number }> = {
  inject: { name: "Inject released", color: "#b48cff", lane: 0 },
  decision: { name: "Decision (adjudication)", color: "#f2b84b", lane: 1 },
  hotline: { name: "Hotline message", color: "#3fd0c9", lane: 2 },
};

/** Markers up to the last computed step, visible to `viewer`. */
export function markersFor(t: Timeline, viewer: Viewer): Marker[] {
  const last = t.state(t.ready - 1);
  const messages = new Map<string, HotlineMessage>(last.messages.map((m) => [m.id, m]));
  const injects = new Map(last.injects.map((i) => [i.id, i]));
  const out: Marker[] = [];
  for (const e of last.log) {
    if (e.kind !== "inject" && e.kind !== "hotline") continue;
    if (!canSee(t.state(e.seq), viewer, e.audience)) continue;
    if (e.kind === "inject" && e.ref) {
      const i = injects.get(e.ref);
      out.push({
        kind: "inject",
        step: e.seq,
        ref: e.ref,
        label: `Inject released, turn ${e.turn}: ${i?.title ?? e.text}`,
      });
    } else if (e.kind === "hotline" && e.ref) {
      const m = messages.get(e.ref);
      // the entry written when the message was sent (not a later "left unanswered")
      if (!m || m.seq !== e.seq) continue;
      const what = m.relayOf ? `relayed “${m.kind}”` : m.replyTo ? `answer (${m.kind})` : `“${m.kind}”`;
      out.push({
        kind: "hotline",
        step: e.seq,
        ref: m.id,
        label: `Hotline, turn ${m.turn}: ${partyLabel(t.scenario, m.from)} → ${partyLabel(t.scenario, m.to)}, ${what}`,
      });
    }
  }
  for (const a of t.adjudications)
    out.push({
      kind: "decision",
      step: a.step,
      ref: `turn-${a.turn}`,
      label: `Turn ${a.turn} adjudicated: escalation ${fmt(a.before)} → ${fmt(a.after)}`,
      short: `Turn ${a.turn}: ${fmt(a.before)} → ${fmt(a.after)}`,
    });
  return out;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
