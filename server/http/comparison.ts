// The side-by-side comparison of a course's cells: outcomes, curves, metrics,
// key decisions — computed with the same analysis as the after-action report.
import { analyze, type Analysis } from "../../shared/report/index.ts";
import { comparedFindings } from "../../shared/report/comparison.ts";
import { loadRecording } from "../../shared/protocol/integrity.ts";
import type { LiveExercise } from "../live-exercise.ts";
import type { CellComparison } from "../../shared/protocol/http.ts";

export function compareCell(ex: LiveExercise): CellComparison {
  const loaded = loadRecording(JSON.parse(JSON.stringify(ex.recording())));
  if (!loaded.ok) throw new Error(loaded.error);
  const a: Analysis = analyze(loaded.recording, loaded.integrity);
  const m = a.metrics;
  const o = ex.state.outcome;
  return {
    exerciseId: ex.id,
    title: ex.row.title,
    seed: ex.row.seed,
    status: ex.state.status,
    outcome: o && { kind: o.kind, reason: o.reason, turn: o.turn },
    turnsPlayed: a.turns.length,
    turns: ex.scenario.turns,
    curve: a.curve.points.map((p) => ({ seq: p.seq, turn: p.turn, phase: p.phase, value: p.value })),
    turnStarts: a.curve.turnStarts,
    lastSeq: a.curve.lastSeq,
    ladder: {
      rungs: a.ladder.rungs.map((r) => ({ name: r.name, from: r.from })),
      redLines: a.ladder.redLines.map((r) => ({ name: r.name, from: r.from })),
    },
    metrics: {
      peak: { value: m.peak.value, rung: m.peak.rung },
      final: { value: m.final.value, rung: m.final.rung },
      redLines: m.redLines.map((r) => ({ name: r.name, turnsAtAnyPoint: r.turnsAtAnyPoint, crossings: r.crossings })),
      firstContactMs: m.firstContact?.ms ?? null,
      hotline: {
        opened: a.hotline.stats.opened,
        answered: a.hotline.stats.answered,
        timely: a.hotline.stats.timely,
        medianMs: a.hotline.stats.medianMs,
        lapsed: a.hotline.stats.lapsed,
      },
      commitments: { adopted: m.commitments.adopted, kept: m.commitments.kept, broken: m.commitments.broken },
      misattributions: m.misattributions.length,
      misperceptions: m.misperceptions.length,
    },
    decisions: a.turns.map((t) => ({
      turn: t.turn,
      teams: t.teams.map((d) => ({ team: d.team.name, actions: d.items.map((i) => i.actionName) })),
    })),
    findings: comparedFindings(a.findings, m),
  };
}
