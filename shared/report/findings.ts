// Strengths and areas for improvement, derived from the metrics by fixed rules
// (each finding states its rule). Objectives are linked by keywords in their
// text, so observers' notes on those objectives can be read as evidence.
// Every sentence comes from the `report` catalogue, in the report's language.
import type { Scenario } from "../engine/types.ts";
import type { Finding, HotlineStats, Metrics, Misattribution, Overview, TranscriptLine } from "./types.ts";
import { duration, pct } from "../words/index.ts";
import { RULES, RULE_KEYS, objectivesFor, type FindingId, type Theme } from "./rules.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";
import { escalationNumber, own } from "./summary.ts";

export interface FindingInput {
  scenario: Scenario;
  overview: Overview;
  metrics: Metrics;
  hotline: { lines: TranscriptLine[]; stats: HotlineStats };
}

/** The formatters a finding's sentences use: English keeps shared/words' own, other languages their locale's. */
interface Say {
  t: ReportLanguage["tr"]["t"];
  rl: ReportLanguage;
  num: (v: number) => string;
  pct: (share: number) => string;
  dur: (ms: number) => string;
  /** the scenario's or a person's words, isolated in a right-to-left sentence */
  own: (text: string) => string;
  list: (items: string[]) => string;
}

function say(rl: ReportLanguage): Say {
  const ls = new Intl.ListFormat(rl.tr.lang, { type: "unit" });
  return {
    t: rl.tr.t,
    rl,
    num: escalationNumber(rl),
    pct: rl.english ? pct : (v) => rl.tr.number(v, { style: "percent", maximumFractionDigits: 0 }),
    dur: rl.english ? duration : rl.duration,
    own: (text) => own(rl, text),
    list: (items) => (rl.english ? items.join(", ") : ls.format(items)),
  };
}

export function findings(x: FindingInput, rl: ReportLanguage = reportLanguage()): Finding[] {
  const out: Finding[] = [];
  const s = say(rl);
  const add: Add = (theme, f) =>
    out.push({
      ...f,
      kind: RULES[f.id],
      theme,
      rule: s.t(RULE_KEYS[f.id]),
      objectiveIds: objectivesFor(x.scenario, theme),
    });
  outcomeRules(x, add, s);
  escalationRules(x, add, s);
  hotlineRules(x, add, s);
  attributionRules(x, add, s);
  commitmentRules(x, add, s);
  perceptionRules(x, add, s);
  injectRules(x, add, s);
  return [...out.filter((f) => f.kind === "strength"), ...out.filter((f) => f.kind === "improvement")];
}

type Add = (theme: Theme, f: Omit<Finding, "objectiveIds" | "kind" | "rule" | "theme"> & { id: FindingId }) => void;

function outcomeRules({ overview: o }: FindingInput, add: Add, { t }: Say): void {
  const at = { outcome: o.outcome.text, turn: o.outcome.turn, turns: o.scenario.turns };
  if (o.outcome.kind === "agreement")
    add("outcome", {
      id: "agreement",
      title: t("report-findings.agreement.title"),
      evidence: [t("report-findings.agreement.evidence", at)],
      recommendation: t("report-findings.agreement.rec"),
    });
  if (o.outcome.kind === "failure")
    add("outcome", {
      id: "failure",
      title: t("report-findings.failure.title"),
      evidence: [t("report-findings.failure.evidence", at)],
      recommendation: t("report-findings.failure.rec"),
    });
}

function escalationRules({ metrics: m }: FindingInput, add: Add, { t, num, own }: Say): void {
  const lines = [...m.redLines].sort((a, b) => a.from - b.from);
  const first = lines[0];
  if (first && m.final.value < first.from) {
    const never = m.peak.value < first.from;
    add("escalation", {
      id: "below-red-lines",
      title: t(never ? "report-findings.below-red-lines.title-never" : "report-findings.below-red-lines.title"),
      evidence: [
        t("report-findings.below-red-lines.final", {
          final: num(m.final.value),
          finalRung: own(m.final.rung),
          line: own(first.name),
          from: num(first.from),
          rung: own(first.rungName),
        }),
        t("report-findings.below-red-lines.peak", {
          peak: num(m.peak.value),
          peakRung: own(m.peak.rung),
          hasTurn: m.peak.turn ? "yes" : "no",
          turn: m.peak.turn ?? 0,
          start: num(m.start.value),
        }),
      ],
      recommendation: t(never ? "report-findings.below-red-lines.rec-never" : "report-findings.below-red-lines.rec"),
    });
  }
  const crossed = lines.filter((l) => l.turnsAtAnyPoint > 0);
  if (crossed.length)
    add("escalation", {
      id: "red-lines-crossed",
      title: t("report-findings.red-lines-crossed.title", { n: crossed.length }),
      evidence: crossed.map((l) =>
        t("report-findings.red-lines-crossed.evidence", {
          name: own(l.name),
          from: num(l.from),
          rung: own(l.rungName),
          crossings: l.crossings,
          hasFirst: l.firstCrossed ? "yes" : "no",
          first: l.firstCrossed?.turn ?? 0,
          turns: l.turnsAtAnyPoint,
          ended: l.turnsAtEnd,
          above: l.aboveAtEnd ? "yes" : "no",
        }),
      ),
      recommendation: t("report-findings.red-lines-crossed.rec"),
    });
}

function hotlineRules(x: FindingInput, add: Add, s: Say): void {
  const { overview: o, metrics: m, hotline: h } = x;
  const { t, dur, own } = s;
  const st = h.stats;
  const window = dur(st.timelySeconds * 1000);
  if (o.commandCount > 0 && o.status !== "setup" && st.messages === 0)
    add("hotline", {
      id: "hotline-unused",
      title: t("report-findings.hotline-unused.title"),
      evidence: [t("report-findings.hotline-unused.evidence")],
      recommendation: t("report-findings.hotline-unused.rec"),
    });
  const stats = {
    median: st.medianMs === null ? "—" : dur(st.medianMs),
    mean: st.meanMs === null ? "—" : dur(st.meanMs),
    window,
    answered: st.answered,
  };
  if (st.answered > 0 && st.timely === st.answered)
    add("hotline", {
      id: "hotline-timely",
      title: t("report-findings.hotline-timely.title"),
      evidence: [t("report-findings.hotline-timely.evidence", { ...stats, timely: st.timely })],
      recommendation: t("report-findings.hotline-timely.rec"),
    });
  if (st.answered > st.timely)
    add("hotline", {
      id: "hotline-late",
      title: t("report-findings.hotline-late.title"),
      evidence: [
        t("report-findings.hotline-late.evidence", {
          ...stats,
          late: st.answered - st.timely,
          slowest: dur(st.slowestMs ?? 0),
        }),
      ],
      recommendation: t("report-findings.hotline-late.rec", { window }),
    });
  const unanswered = h.lines.filter((l) => l.status === "lapsed" || l.status === "open");
  if (unanswered.length)
    add("hotline", {
      id: "hotline-unanswered",
      title: t("report-findings.hotline-unanswered.title"),
      evidence: unanswered.map((l) =>
        t("report-findings.hotline-unanswered.evidence", {
          turn: l.turn,
          from: own(l.from.name),
          to: own(l.to.name),
          kind: s.rl.ids.kind(l.kind),
          status: l.status === "lapsed" ? "lapsed" : "open",
        }),
      ),
      recommendation: t("report-findings.hotline-unanswered.rec"),
    });
  const fc = m.firstContact;
  if (fc && fc.turn === 1)
    add("hotline", {
      id: "early-contact",
      title: t("report-findings.early-contact.title"),
      evidence: [
        t("report-findings.early-contact.evidence", {
          after: dur(fc.ms),
          from: own(fc.from.name),
          to: own(fc.to.name),
        }),
      ],
      recommendation: t("report-findings.early-contact.rec"),
    });
  else if (fc)
    add("hotline", {
      id: "late-contact",
      title: t("report-findings.late-contact.title"),
      evidence: [t("report-findings.late-contact.evidence", { turn: fc.turn, after: dur(fc.ms) })],
      recommendation: t("report-findings.late-contact.rec"),
    });
}

function attributionRules({ metrics: m }: FindingInput, add: Add, s: Say): void {
  const { t } = s;
  const a = m.attributions;
  if (m.misattributions.length)
    add("attribution", {
      id: "misattribution",
      title: t("report-findings.misattribution.title", { n: m.misattributions.length }),
      evidence: m.misattributions.map((x) => misattributionLine(x, s.rl)),
      recommendation: t("report-findings.misattribution.rec"),
    });
  if (a.weakCorrect)
    add("attribution", {
      id: "weak-attribution",
      title: t("report-findings.weak-attribution.title"),
      evidence: [t("report-findings.weak-attribution.evidence", { weak: a.weakCorrect, correct: a.correct })],
      recommendation: t("report-findings.weak-attribution.rec"),
    });
  if (!m.misattributions.length && m.incidents > 0)
    add("attribution", {
      id: "no-misattribution",
      title: t(a.total ? "report-findings.no-misattribution.title" : "report-findings.no-misattribution.title-none"),
      evidence: [
        t("report-findings.no-misattribution.evidence", {
          incidents: m.incidents,
          total: a.total,
          verifications: a.verifications,
        }),
      ],
      recommendation: t("report-findings.no-misattribution.rec"),
    });
}

const STATUS_KEYS = {
  active: "report.metrics.c.active",
  fulfilled: "report.metrics.c.fulfilled",
  broken: "report.metrics.c.broken",
} as const;

function commitmentRules({ scenario, metrics: m }: FindingInput, add: Add, s: Say): void {
  const { t, own, list } = s;
  const c = m.commitments;
  if (c.adopted && !c.broken)
    add("commitments", {
      id: "commitments-kept",
      title: t("report-findings.commitments-kept.title"),
      evidence: c.lines.map((l) =>
        t("report-findings.commitments-kept.evidence", {
          name: own(l.name),
          parties: list(l.parties.map((p) => own(p.name))),
          turn: l.adoptedTurn,
          status: s.rl.english ? l.status : t(STATUS_KEYS[l.status]),
        }),
      ),
      recommendation: t("report-findings.commitments-kept.rec"),
    });
  if (c.broken)
    add("commitments", {
      id: "commitments-broken",
      title: t("report-findings.commitments-broken.title", { n: c.broken }),
      evidence: c.lines
        .filter((l) => l.status === "broken")
        .map((l) =>
          t("report-findings.commitments-broken.evidence", {
            name: own(l.name),
            breaches: l.breaches
              .map((b) =>
                t("report-findings.commitments-broken.breach", {
                  who: own(b.breaker.name),
                  turn: b.turn,
                  reason: b.reason,
                }),
              )
              .join(s.rl.tr.dir === "rtl" ? "؛ " : "; "),
          }),
        ),
      recommendation: t("report-findings.commitments-broken.rec"),
    });
  if (!c.adopted && scenario.cbms.length)
    add("commitments", {
      id: "no-commitments",
      title: t("report-findings.no-commitments.title"),
      evidence: [t("report-findings.no-commitments.evidence", { n: scenario.cbms.length })],
      recommendation: t("report-findings.no-commitments.rec"),
    });
}

function perceptionRules({ metrics: m }: FindingInput, add: Add, s: Say): void {
  const { t, own } = s;
  const unnotified = m.misperceptions.filter((p) => !p.notified);
  const notified = m.misperceptions.length - unnotified.length;
  if (unnotified.length)
    add("perception", {
      id: "misperception",
      title: t("report-findings.misperception.title"),
      evidence: [
        ...unnotified.map((p) =>
          t("report-findings.misperception.evidence", {
            turn: p.turn,
            target: own(p.target.name),
            actor: own(p.actor.name),
            action: own(p.action),
            perceived: own(p.perceivedAs),
            chance: s.pct(p.chance),
          }),
        ),
        ...(notified ? [t("report-findings.misperception.further", { n: notified })] : []),
      ],
      recommendation: t("report-findings.misperception.rec"),
    });
  else if (m.notifyMessages > 0)
    add("perception", {
      id: "pre-notification",
      title: t("report-findings.pre-notification.title"),
      evidence: [
        t("report-findings.pre-notification.evidence", { notify: m.notifyMessages, m: m.misperceptions.length }),
      ],
      recommendation: t("report-findings.pre-notification.rec"),
    });
}

function injectRules({ metrics: m }: FindingInput, add: Add, s: Say): void {
  const { t, own, list } = s;
  const closed = m.injects.filter((i) => i.windowEndSeq !== null && i.followUps.length);
  const missed = closed.flatMap((i) => i.followUps.filter((f) => !f.followedUp));
  const lines = closed.flatMap((i) => {
    const who = i.followUps.filter((f) => !f.followedUp).map((f) => own(f.team.name));
    return who.length
      ? [t("report-findings.inject-follow-up.line", { turn: i.turn, title: own(i.title), teams: list(who) })]
      : [];
  });
  if (missed.length)
    add("injects", {
      id: "inject-follow-up",
      title: t("report-findings.inject-follow-up.title"),
      evidence: [
        t("report-findings.inject-follow-up.evidence", {
          missed: missed.length,
          deliveries: closed.reduce((n, i) => n + i.followUps.length, 0),
        }),
        ...lines,
      ],
      recommendation: t("report-findings.inject-follow-up.rec"),
    });
}

/** A misattribution in one sentence: whether the accuser followed the evidence or went against it, and who it really was. */
export function misattributionLine(x: Misattribution, rl: ReportLanguage = reportLanguage()): string {
  const s = say(rl);
  const p = {
    turn: x.turn,
    by: s.own(x.by.name),
    accused: s.own(x.accused.name),
    incident: s.own(x.incident),
    confidence: s.pct(x.confidence),
    culprit: s.own(x.culprit.name),
    pointed: s.own(x.pointedAt.name),
  };
  if (x.pointedAt.id === x.accused.id) return s.t("report-findings.misattribution.followed", p);
  if (x.pointedAt.id === x.culprit.id) return s.t("report-findings.misattribution.against", p);
  return s.t("report-findings.misattribution.elsewhere", p);
}
