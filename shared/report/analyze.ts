// analyze(recording, integrity): the after-action report's data, from one
// replay of a verified recording. Pure: no I/O, no clock, no randomness beyond
// the recording's own seed.
import type { GameState, Scenario } from "../engine/types.ts";
import { categoryOf, escalationAfter, type EventCategory, type StoredEvent } from "../engine/events.ts";
import type { Recording } from "../protocol/recording.ts";
import type { Integrity } from "../protocol/integrity.ts";
import { parseScenario } from "../scenario/parse.ts";
import { expectsAnswer } from "../engine/hotline.ts";
import { fold, type Folded } from "./fold.ts";
import { metrics } from "./metrics.ts";
import { hotlineStats, transcript } from "./hotline.ts";
import { findings } from "./findings.ts";
import { audienceText, party, phaseName, rungName } from "./names.ts";
import { eventsOf, sentence } from "./events.ts";
import { actionName, outcomeWords, type Language } from "../words/index.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";
import { engineNote } from "./integrity.ts";
import { localizeScenario } from "../scenario/localize.ts";
import type {
  Analysis,
  Annotation,
  LadderInfo,
  Overview,
  Participants,
  TimelineEntry,
  TurnDecisions,
} from "./types.ts";

export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportError";
  }
}

/**
 * Replays the recording once and computes the report. Throws ReportError when
 * the recorded scenario is invalid, and the engine's ReplayError when the
 * commands do not replay (another engine made them).
 */
export function analyze(recording: Recording, integrity: Integrity, rl: ReportLanguage = reportLanguage()): Analysis {
  const lang = rl.words;
  const parsed = parseScenario(recording.scenario);
  if (!parsed.ok)
    throw new ReportError(
      `The recording's scenario is not valid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
    );
  // the scenario's own texts in the report's language where the scenario has them (the engine ignores its words)
  const sc = localizeScenario(parsed.scenario, rl.tr.lang);
  const f = fold(sc, recording);
  const s = f.final;
  const overview = makeOverview(sc, recording, integrity, f, rl);
  const hotline = { lines: transcript(s), stats: hotlineStats(s) };
  const m = metrics(f, recording.commands, rl);
  const timeline = s.log.map((e) => entry(sc, e, rl));
  return {
    overview,
    ladder: ladderInfo(sc),
    curve: {
      points: f.points,
      annotations: annotations(sc, f, rl),
      turnStarts: f.turnStarts,
      lastSeq: s.seq,
    },
    timeline,
    turns: decisions(sc, f, rl),
    hotline,
    metrics: m,
    findings: findings({ scenario: sc, overview, metrics: m, hotline }, rl),
  };
}

function makeOverview(sc: Scenario, rec: Recording, integrity: Integrity, f: Folded, rl: ReportLanguage): Overview {
  const s = f.final;
  const first = rec.commands[0];
  const last = rec.commands.at(-1);
  const startedAt = f.startAt ?? first?.at ?? null;
  const endedAt = s.outcome?.at ?? (last ? s.now : null);
  return {
    exerciseTitle: rec.title,
    exerciseId: rec.exerciseId,
    scenario: {
      id: sc.id,
      title: sc.title,
      summary: sc.summary,
      turns: sc.turns,
      teams: sc.teams.length,
      mediator: sc.mediator?.name ?? null,
    },
    seed: rec.seed,
    engineVersion: rec.engineVersion,
    engineNote: engineNote(rec.engineVersion, rl),
    createdAt: rec.createdAt,
    startedAt,
    endedAt,
    durationMs: startedAt !== null && endedAt !== null ? endedAt - startedAt : 0,
    commandCount: rec.commands.length,
    turnsPlayed: s.turn,
    turnsAdjudicated: s.history.length,
    status: s.status,
    outcome: s.outcome
      ? {
          kind: s.outcome.kind,
          text: outcomeWords(s.outcome.kind, s.outcome.reason, sc, rl.words),
          turn: s.outcome.turn,
          at: s.outcome.at,
        }
      : {
          kind: "unfinished",
          text:
            s.status === "setup"
              ? rl.tr.t("report.outcome.not-started")
              : rl.tr.t("report.outcome.stops", { turn: s.turn, phase: phaseName(sc, phaseOf(s), rl) }),
          turn: s.turn,
          at: null,
        },
    participants: participants(sc, rec),
    objectives: sc.objectives.map((o) => ({ id: o.id, text: o.text })),
    integrity,
  };
}

function phaseOf(s: GameState): string {
  return s.status === "setup" ? "" : (s.scenario.phases[s.phaseIndex]?.id ?? "");
}

/** Distinct actor names per role (and per team), in order of first appearance. */
function participants(sc: Scenario, rec: Recording): Participants[] {
  const groups: Participants[] = [
    { role: "facilitator", team: null, label: "Control", names: [], bots: [] },
    ...sc.teams.map((t): Participants => ({
      role: "team",
      team: { id: t.id, name: t.name },
      label: t.name,
      names: [],
      bots: [],
    })),
    ...(sc.mediator ? [{ role: "mediator" as const, team: null, label: sc.mediator.name, names: [], bots: [] }] : []),
    { role: "observer", team: null, label: "Observers", names: [], bots: [] },
  ];
  for (const c of rec.commands) {
    const a = c.actor;
    if (a.role === "system") continue;
    const g = groups.find((x) => x.role === a.role && (a.role !== "team" || x.team?.id === a.teamId));
    if (!g) continue;
    const bot = "bot" in a ? a.bot : undefined;
    if (bot) {
      if (!g.bots.includes(bot)) g.bots.push(bot);
    } else if (!g.names.includes(a.name)) g.names.push(a.name);
  }
  return groups.filter((g) => g.names.length || g.bots.length || g.role === "team");
}

function ladderInfo(sc: Scenario): LadderInfo {
  const rungs = sc.ladder.rungs.map((r) => ({
    id: r.id,
    name: r.name,
    from: r.from,
    description: r.description ?? "",
  }));
  return {
    start: sc.ladder.start,
    rungs,
    redLines: sc.ladder.redLines.map((l) => {
      const r = rungs.find((x) => x.id === l.rung);
      return {
        id: l.id,
        name: l.name,
        rung: l.rung,
        rungName: r?.name ?? l.rung,
        from: r?.from ?? 100,
        description: l.description ?? "",
      };
    }),
  };
}

export function entry(sc: Scenario, e: StoredEvent, rl: ReportLanguage = reportLanguage()): TimelineEntry {
  return {
    seq: e.seq,
    at: e.at,
    turn: e.turn,
    phase: e.phase,
    phaseName: phaseName(sc, e.phase, rl),
    type: e.type,
    kind: categoryOf(e),
    audience: [...e.audience],
    audienceText: audienceText(sc, e.audience, rl),
    text: sentence(sc, e, rl.words),
    escalation: escalationAfter(e) ?? null,
  };
}

/** The escalation after command `seq`: the last curve point at or before it. */
function valueAt(f: Folded, seq: number): number {
  let v = f.points[0]!.value;
  for (const p of f.points) if (p.seq <= seq) v = p.value;
  return v;
}

function annotations(sc: Scenario, f: Folded, rl: ReportLanguage): Annotation[] {
  const lang: Language = rl.words;
  const s = f.final;
  const out: Annotation[] = [];
  for (const e of eventsOf(s.log, "inject.released"))
    out.push({
      kind: "inject",
      seq: e.seq,
      at: e.at,
      turn: e.turn,
      label: sentence(sc, e, lang),
      value: valueAt(f, e.seq),
    });
  for (const a of f.adjudications) {
    // the engine's own account of the turn: "turn.resolved", from → to and the rung
    const resolved = eventsOf(s.log.slice(a.logFrom, a.logTo), "turn.resolved")[0];
    const label = resolved ? sentence(sc, resolved, lang) : rl.tr.t("report.turn-adjudicated", { turn: a.turn });
    out.push({ kind: "decision", seq: a.seq, at: a.at, turn: a.turn, label, value: valueAt(f, a.seq) });
  }
  // messages that open an exchange (not replies, not relays), as the engine told them
  const opening = new Set(s.messages.filter(expectsAnswer).map((m) => m.id));
  for (const e of eventsOf(s.log, "hotline.sent"))
    if (opening.has(e.message))
      out.push({
        kind: "hotline",
        seq: e.seq,
        at: e.at,
        turn: e.turn,
        label: sentence(sc, e, lang),
        value: valueAt(f, e.seq),
      });
  return out.sort((a, b) => a.seq - b.seq);
}

const OUTCOME_KINDS = new Set<EventCategory>(["outcome", "perception", "attribution", "commitment", "incident"]);

function decisions(sc: Scenario, f: Folded, rl: ReportLanguage): TurnDecisions[] {
  const s = f.final;
  return f.adjudications.map((a) => {
    const h = s.history.find((x) => x.turn === a.turn)!;
    const added = s.log.slice(a.logFrom, a.logTo);
    // one event per happening: a covert action is one event, read by its actor (and control)
    const outcomes = added.filter((e) => OUTCOME_KINDS.has(categoryOf(e)));
    return {
      turn: a.turn,
      seq: a.seq,
      at: a.at,
      escalationBefore: h.escalationBefore,
      escalationAfter: h.escalationAfter,
      escalationAfterCommand: valueAt(f, a.seq),
      rungAfter: rungName(sc, h.escalationAfter),
      teams: sc.teams.map((t) => {
        const o = h.orders.find((x) => x.teamId === t.id);
        return {
          team: { id: t.id, name: t.name },
          submitted: !!o,
          submittedBy: o?.submittedBy ?? null,
          submittedAt: o?.at ?? null,
          items: (o?.items ?? []).map((it) => {
            const action = sc.actions.find((x) => x.id === it.actionId);
            return {
              actionId: it.actionId,
              actionName: actionName(sc, it.actionId),
              category: action?.category ?? "",
              severity: action?.severity ?? 0,
              target: it.target ? party(sc, it.target, rl).name : null,
              sector: it.sector,
              incident: it.incidentId
                ? (s.incidents.find((i) => i.id === it.incidentId)?.title ?? it.incidentId)
                : null,
              by: it.by,
              note: it.note,
            };
          }),
        };
      }),
      outcomes: outcomes.map((e) => entry(sc, e, rl)),
      escalationMoves: added.filter((e) => categoryOf(e) === "escalation").map((e) => entry(sc, e, rl)),
    };
  });
}
