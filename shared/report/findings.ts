// Strengths and areas for improvement, derived from the metrics by fixed rules
// (each finding states its rule). Objectives are linked by keywords in their
// text, so observers' notes on those objectives can be read as evidence.
import type { Scenario } from "../engine/types.ts";
import type { Finding, HotlineStats, Metrics, Misattribution, Overview, TranscriptLine } from "./types.ts";
import { plural } from "./format.ts";
import { duration, fmt, pct } from "../words/index.ts";
import { RULES, objectivesFor, type FindingId, type Theme } from "./rules.ts";

export interface FindingInput {
  scenario: Scenario;
  overview: Overview;
  metrics: Metrics;
  hotline: { lines: TranscriptLine[]; stats: HotlineStats };
}

export function findings(x: FindingInput): Finding[] {
  const out: Finding[] = [];
  const add: Add = (theme, f) =>
    out.push({
      ...f,
      kind: RULES[f.id].kind,
      theme,
      rule: RULES[f.id].text,
      objectiveIds: objectivesFor(x.scenario, theme),
    });
  outcomeRules(x, add);
  escalationRules(x, add);
  hotlineRules(x, add);
  attributionRules(x, add);
  commitmentRules(x, add);
  perceptionRules(x, add);
  injectRules(x, add);
  return [...out.filter((f) => f.kind === "strength"), ...out.filter((f) => f.kind === "improvement")];
}

type Add = (theme: Theme, f: Omit<Finding, "objectiveIds" | "kind" | "rule" | "theme"> & { id: FindingId }) => void;

function outcomeRules({ overview: o }: FindingInput, add: Add): void {
  if (o.outcome.kind === "agreement")
    add("outcome", {
      id: "agreement",
      title: "The parties concluded the scenario's agreement",
      evidence: [`${o.outcome.text} in turn ${o.outcome.turn} of ${o.scenario.turns}.`],
      recommendation:
        "Record the sequence of contacts and measures that led to the agreement and use it as the reference path in the next iteration.",
    });
  if (o.outcome.kind === "failure")
    add("outcome", {
      id: "failure",
      title: "The crisis reached the top of the escalation ladder",
      evidence: [`${o.outcome.text}, in turn ${o.outcome.turn} of ${o.scenario.turns}.`],
      recommendation:
        "Run a hot wash on the last two turns: identify the decisions that committed each side, and rehearse the " +
        "off-ramps (verification, hotline, restraint) that were available.",
    });
}

function escalationRules({ metrics: m }: FindingInput, add: Add): void {
  const lines = [...m.redLines].sort((a, b) => a.from - b.from);
  const first = lines[0];
  if (first && m.final.value < first.from) {
    const never = m.peak.value < first.from;
    add("escalation", {
      id: "below-red-lines",
      title: never ? "No red line was crossed" : "Escalation ended below the first red line",
      evidence: [
        `Final escalation ${fmt(m.final.value)} (“${m.final.rung}”), below “${first.name}” at ${fmt(first.from)} (“${first.rungName}”).`,
        `Peak ${fmt(m.peak.value)} (“${m.peak.rung}”)${m.peak.turn ? ` in turn ${m.peak.turn}` : ""}; start ${fmt(m.start.value)}.`,
      ],
      recommendation: never
        ? "Keep verification and hotline use ahead of any public or covert response."
        : "Keep the de-escalation, and examine what first pushed the crisis over the line so it is caught earlier.",
    });
  }
  const crossed = lines.filter((l) => l.turnsAtAnyPoint > 0);
  if (crossed.length)
    add("escalation", {
      id: "red-lines-crossed",
      title: `${plural(crossed.length, "red line")} crossed`,
      evidence: crossed.map(
        (l) =>
          `“${l.name}” (${fmt(l.from)}, “${l.rungName}”): ` +
          `crossed ${plural(l.crossings, "time")}${l.firstCrossed ? `, first in turn ${l.firstCrossed.turn}` : ""}; ` +
          `at or above it during ${plural(l.turnsAtAnyPoint, "turn")}, at the end ` +
          `of ${plural(l.turnsAtEnd, "adjudicated turn")}${l.aboveAtEnd ? "; still above at the end" : ""}.`,
      ),
      recommendation:
        "Review the commands just before each crossing (the markers on the escalation curve); agree in advance " +
        "which off-ramps each team will use before a red line, and who decides.",
    });
}

function hotlineRules({ overview: o, metrics: m, hotline: { stats: h, lines } }: FindingInput, add: Add): void {
  const std = duration(h.timelySeconds * 1000);
  if (o.commandCount > 0 && o.status !== "setup" && h.messages === 0)
    add("hotline", {
      id: "hotline-unused",
      title: "The hotline was not used",
      evidence: ["No hotline message was sent during the exercise."],
      recommendation:
        "Make a confirm/assess exchange the first step after any incident; if no direct line exists, route it through the mediator or propose a hotline.",
    });
  const stats = `median ${h.medianMs === null ? "—" : duration(h.medianMs)}, mean ${h.meanMs === null ? "—" : duration(h.meanMs)}`;
  if (h.answered > 0 && h.timely === h.answered)
    add("hotline", {
      id: "hotline-timely",
      title: "Hotline messages were answered in time",
      evidence: [`${h.timely} of ${h.answered} answered exchanges were answered within ${std} (${stats}).`],
      recommendation:
        "Keep a duty officer on the line and the structured kinds (confirm, assess, notify, deconflict, convene).",
    });
  if (h.answered > h.timely)
    add("hotline", {
      id: "hotline-late",
      title: "Some hotline answers came too late",
      evidence: [
        `${h.answered - h.timely} of ${h.answered} answers took longer than ${std}; slowest ${duration(h.slowestMs ?? 0)} (${stats}).`,
      ],
      recommendation: `Set an answering standard of ${std} with a named duty officer; acknowledge at once and assess later when facts are not yet known.`,
    });
  const unanswered = lines.filter((l) => l.status === "lapsed" || l.status === "open");
  if (unanswered.length)
    add("hotline", {
      id: "hotline-unanswered",
      title: "Hotline messages were left unanswered",
      evidence: unanswered.map(
        (l) =>
          `Turn ${l.turn}: ${l.from.name} → ${l.to.name} ` +
          `(${l.kind}) ${l.status === "lapsed" ? "lapsed at the end of the turn" : "was still open at the end"}.`,
      ),
      recommendation:
        "Answer every message before the turn ends, even if only to acknowledge it; an unanswered line costs trust and breaks hotline commitments.",
    });
  if (m.firstContact && m.firstContact.turn === 1)
    add("hotline", {
      id: "early-contact",
      title: "Contact was made in the first turn",
      evidence: [
        `First hotline message ${duration(m.firstContact.ms)} after the start: ${m.firstContact.from.name} → ${m.firstContact.to.name}.`,
      ],
      recommendation: "Open the line before taking positions.",
    });
  else if (m.firstContact)
    add("hotline", {
      id: "late-contact",
      title: "First contact came late",
      evidence: [
        `First hotline message only in turn ${m.firstContact.turn}, ${duration(m.firstContact.ms)} after the start.`,
      ],
      recommendation: "Contact the counterpart (or the mediator) in the first deliberation phase after an incident.",
    });
}

function attributionRules({ metrics: m }: FindingInput, add: Add): void {
  const a = m.attributions;
  if (m.misattributions.length)
    add("attribution", {
      id: "misattribution",
      title: `${plural(m.misattributions.length, "public misattribution")}`,
      evidence: m.misattributions.map(
        (x) => `Turn ${x.turn}: ${x.by.name} blamed ${x.accused.name} for “${x.incident}” ${evidenceClause(x)}`,
      ),
      recommendation:
        "Before any public attribution, verify through the mediator or own forensics and share the evidence; set " +
        "a confidence threshold (e.g. 50%) below which no state is named.",
    });
  if (a.weakCorrect)
    add("attribution", {
      id: "weak-attribution",
      title: "Attribution on weak evidence",
      evidence: [`${a.weakCorrect} of ${a.correct} correct attributions were made on evidence under 50%.`],
      recommendation:
        "Corroborate (verification, investigation) before naming a culprit, even when the suspicion is right.",
    });
  if (!m.misattributions.length && m.incidents > 0)
    add("attribution", {
      id: "no-misattribution",
      title: a.total ? "Public attributions were correct" : "No state was blamed without proof",
      evidence: [
        `${plural(m.incidents, "incident")}; ` +
          (a.total
            ? `${a.total} public attribution${a.total === 1 ? "" : "s"}, all correct`
            : "no public attribution") +
          `; evidence verified or investigated ${plural(a.verifications, "time")}.`,
      ],
      recommendation: "Keep verification ahead of attribution.",
    });
}

function commitmentRules({ scenario, metrics: m }: FindingInput, add: Add): void {
  const c = m.commitments;
  if (c.adopted && !c.broken)
    add("commitments", {
      id: "commitments-kept",
      title: "Every commitment was kept",
      evidence: c.lines.map(
        (l) =>
          `“${l.name}” (${l.parties.map((p) => p.name).join(", ")}), adopted in turn ${l.adoptedTurn}: ${l.status}.`,
      ),
      recommendation: "Review how each commitment was verified in practice.",
    });
  if (c.broken)
    add("commitments", {
      id: "commitments-broken",
      title: `${plural(c.broken, "commitment")} broken`,
      evidence: c.lines
        .filter((l) => l.status === "broken")
        .map(
          (l) =>
            `“${l.name}”: ${l.breaches.map((b) => `${b.breaker.name} in turn ${b.turn} — ${b.reason}`).join("; ")}.`,
        ),
      recommendation:
        "Check every planned operation against the commitments in force before submitting orders; make one team member responsible for compliance.",
    });
  if (!c.adopted && scenario.cbms.length)
    add("commitments", {
      id: "no-commitments",
      title: "No confidence-building measure was adopted",
      evidence: [`${plural(scenario.cbms.length, "measure")} available; none adopted.`],
      recommendation:
        "Propose at least one low-cost measure early (a hotline or pre-notification) to build a track record.",
    });
}

function perceptionRules({ metrics: m }: FindingInput, add: Add): void {
  const unnotified = m.misperceptions.filter((p) => !p.notified);
  const notified = m.misperceptions.length - unnotified.length;
  if (unnotified.length)
    add("perception", {
      id: "misperception",
      title: "Misperceptions not prevented by pre-notification",
      evidence: [
        ...unnotified.map(
          (p) =>
            `Turn ${p.turn}: ${p.target.name} read ${p.actor.name}'s “${p.action}” as “${p.perceivedAs}”` +
            ` (misread chance ${pct(p.chance)}); ${p.actor.name} had not notified ${p.target.name}.`,
        ),
        ...(notified
          ? [
              `${notified} further misperception${notified === 1 ? "" : "s"} occurred despite a notification (residual fog).`,
            ]
          : []),
      ],
      recommendation:
        "Send a notify message on the hotline (or through the mediator) before any operation the other side " +
        "could misread; consider a pre-notification commitment.",
    });
  else if (m.notifyMessages > 0)
    add("perception", {
      id: "pre-notification",
      title: "Operations were pre-notified",
      evidence: [
        `${plural(m.notifyMessages, "notify message")}; ` +
          (m.misperceptions.length
            ? `${m.misperceptions.length} misperception(s), all despite a notification`
            : "no misperception") +
          `.`,
      ],
      recommendation: "Notify before every ambiguous operation.",
    });
}

function injectRules({ metrics: m }: FindingInput, add: Add): void {
  const closed = m.injects.filter((i) => i.windowEndSeq !== null && i.followUps.length);
  const missed = closed.flatMap((i) => i.followUps.filter((f) => !f.followedUp));
  const lines = closed.flatMap((i) => {
    const who = i.followUps.filter((f) => !f.followedUp).map((f) => f.team.name);
    return who.length ? [`Turn ${i.turn}: “${i.title}” — ${who.join(", ")}`] : [];
  });
  if (missed.length)
    add("injects", {
      id: "inject-follow-up",
      title: "Injects with no visible follow-up",
      evidence: [
        `${missed.length} of ${closed.reduce((n, i) => n + i.followUps.length, 0)} deliveries to a team saw no ` +
          `hotline message and no orders from it before the next adjudication:`,
        ...lines,
      ],
      recommendation:
        "Assign each incoming inject to a team member who reports what it changes; confirm with the counterpart when it concerns them.",
    });
}

/** Whether the accuser followed the evidence or went against it, and who it really was. */
export function evidenceClause(x: Misattribution): string {
  if (x.pointedAt.id === x.accused.id)
    return `on ${pct(x.confidence)} evidence pointing at ${x.accused.name}; it was ${x.culprit.name}.`;
  if (x.pointedAt.id === x.culprit.id)
    return `although the evidence (${pct(x.confidence)}) rightly pointed at ${x.culprit.name}.`;
  return `although the evidence (${pct(x.confidence)}) pointed at ${x.pointedAt.name}; it was ${x.culprit.name}.`;
}
