// The moments marked on the escalation curve: injects as they were released,
// decisions (each turn's adjudication) and hotline messages. Each comes from an
// event's fields, as the chosen point of view read it at that step: the
// engine's view of the state then (view(state, viewer)) decides which events
// it read and what of them; the recording only says at which step they happened.
import type { EventView, Viewer } from "../../shared/engine/index.ts";
import { viewInLanguage } from "../net/scenario-language.ts";
import { groupKey } from "../../shared/protocol/identity.ts";
import { describe, glossaryOf } from "../../shared/words/index.ts";
import type { Timeline } from "./timeline.ts";
import { writtenAt } from "./at-step.ts";
import { i18n, t as tr, eventWords } from "../i18n/index.ts";

export type MarkerKind = "inject" | "decision" | "hotline";

export interface Marker {
  kind: MarkerKind;
  step: number;
  /** short label for the tooltip and screen readers */
  label: string;
  /** the item it is about (inject or message id, turn-N), for tests and links */
  ref: string;
  /** a few words shown next to the marker when there is room */
  short?: string;
}

export const MARKER_STYLE: Record<MarkerKind, { color: string; lane: number }> = {
  inject: { color: "#b48cff", lane: 0 },
  decision: { color: "#f2b84b", lane: 1 },
  hotline: { color: "#3fd0c9", lane: 2 },
};

/** A kind of marker in words, as the legend names it. */
export function markerName(kind: MarkerKind): string {
  if (kind === "inject") return tr("replay.marker-inject");
  return kind === "decision" ? tr("replay.marker-decision") : tr("replay.marker-hotline");
}

/** A kind of marker in one or two words, for the curve's lanes. */
export function laneName(kind: MarkerKind): string {
  if (kind === "inject") return tr("replay.lane-inject");
  return kind === "decision" ? tr("replay.lane-decision") : tr("replay.lane-hotline");
}

/** The kinds of event a marker stands for. */
const MARKED = new Set<EventView["type"]>(["inject.released", "turn.resolved", "hotline.sent"]);

// markers of a step for a point of view never change once computed: kept per timeline, viewer and step
const memo = new WeakMap<Timeline, Map<string, Map<number, Marker[]>>>();

/** Markers up to the last computed step, as `viewer` read them. */
export function markersFor(t: Timeline, viewer: Viewer): Marker[] {
  let byViewer = memo.get(t);
  if (!byViewer) memo.set(t, (byViewer = new Map()));
  // scenario texts differ by language: a language change words the markers again
  const key = `${i18n().lang}|${groupKey(viewer)}`;
  let bySteps = byViewer.get(key);
  if (!bySteps) byViewer.set(key, (bySteps = new Map()));
  // the steps at which something to mark happened, from the recording (control's log)
  const steps = new Set<number>();
  for (const e of t.state(t.ready - 1).log) if (MARKED.has(e.type)) steps.add(e.seq);
  const out: Marker[] = [];
  for (const step of steps) {
    let ms = bySteps.get(step);
    if (!ms) bySteps.set(step, (ms = markersAt(t, viewer, step)));
    out.push(...ms);
  }
  return out;
}

/** The markers of one step: the events the viewer read at it, in words from shared/words. */
function markersAt(t: Timeline, viewer: Viewer, step: number): Marker[] {
  const s = t.state(step);
  const v = viewInLanguage(s, viewer);
  const read = writtenAt(s.log, v.log, step);
  const words = glossaryOf(v);
  const out: Marker[] = [];
  for (const e of read) {
    switch (e.type) {
      case "inject.released":
        out.push({
          kind: "inject",
          step,
          ref: e.inject,
          label: tr("replay.marker-label", {
            kind: markerName("inject"),
            turn: e.turn,
            what: describe(e, words, viewer, eventWords()),
          }),
        });
        break;
      case "hotline.sent": {
        // an answer says so: the step's hotline.answered, if the viewer read it
        const answer = read.find((x) => x.type === "hotline.answered");
        out.push({
          kind: "hotline",
          step,
          ref: e.message,
          label: tr("replay.marker-label", {
            kind: markerName("hotline"),
            turn: e.turn,
            what: describe(answer ?? e, words, viewer, eventWords()),
          }),
        });
        break;
      }
      case "turn.resolved":
        out.push({
          kind: "decision",
          step,
          ref: `turn-${e.turn}`,
          label: describe(e, words, viewer, eventWords()),
          short: tr("replay.decision-short", { turn: e.turn, from: tenths(e.from), to: tenths(e.to) }),
        });
        break;
    }
  }
  return out;
}

/** 12 or 12.5: a number for a message, which formats it in the reader's locale. */
export function tenths(n: number): number {
  return Math.round(n * 10) / 10;
}
