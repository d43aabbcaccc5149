// The executive summary in sentences, shared by the HTML and Markdown reports.
import type { Analysis, Participants } from "./types.ts";
import type { PolicyName } from "../bots/policy.ts";
import { POLICY_WORDS } from "../words/bots-en.ts";
import { plural, utc } from "./format.ts";
import { duration, fmt } from "../words/index.ts";

export function roleLabel(role: string): string {
  return (
    {
      facilitator: "Control (facilitator)",
      team: "State team",
      mediator: "Mediator",
      observer: "Observers / evaluators",
    }[role] ?? role
  );
}

export function summarySentences(a: Analysis): string[] {
  const o = a.overview;
  const m = a.metrics;
  const h = a.hotline.stats;
  const people = o.participants.reduce((n, p) => n + p.names.length, 0);
  const bots = o.participants.filter((p) => p.bots.length).length;
  const botSeats = bots ? ` and ${plural(bots, "seat")} played by bots` : "";
  const out: string[] = [];
  if (o.startedAt === null) return ["The recording holds no command: the exercise was not played."];
  out.push(
    `“${o.exerciseTitle}” was played from ${utc(o.startedAt)} for ${duration(o.durationMs)}: ${o.turnsPlayed} ` +
      `of ${o.scenario.turns} turns, ${plural(people, "named participant")}${botSeats}. ${o.outcome.text}.`,
  );
  out.push(
    `Escalation started at ${fmt(m.start.value)} (“${m.start.rung}”), peaked at ${fmt(m.peak.value)} ` +
      `(“${m.peak.rung}”)${m.peak.turn ? ` in turn ${m.peak.turn}` : ""} and ended at ${fmt(m.final.value)} ` +
      `(“${m.final.rung}”).`,
  );
  const crossed = m.redLines.filter((l) => l.turnsAtAnyPoint > 0);
  out.push(
    crossed.length
      ? `${plural(crossed.length, "red line")} of ${m.redLines.length} ${crossed.length === 1 ? "was" : "were"} ` +
          `crossed: ${crossed.map((l) => `“${l.name}” (${plural(l.turnsAtAnyPoint, "turn")})`).join(", ")}.`
      : m.redLines.length
        ? "No red line was crossed."
        : "The scenario defines no red line.",
  );
  out.push(
    h.opened
      ? `On the hotline, ${h.answered} of ${h.opened} exchanges were answered, ${h.timely} ` +
          `within ${duration(h.timelySeconds * 1000)}` +
          `${h.medianMs !== null ? ` (median ${duration(h.medianMs)})` : ""}; ${h.lapsed} lapsed unanswered` +
          `${m.firstContact ? `; first contact came ${duration(m.firstContact.ms)} after the start` : ""}.`
      : "The hotline was not used.",
  );
  const c = m.commitments;
  out.push(
    c.adopted
      ? `${plural(c.adopted, "commitment")} adopted: ${c.kept} kept, ${c.broken} broken.`
      : "No commitment was adopted.",
  );
  out.push(
    m.misattributions.length
      ? `${plural(m.misattributions.length, "public misattribution")}; ${plural(m.misperceptions.length, "misperception")}.`
      : `No misattribution; ${plural(m.misperceptions.length, "misperception")}.`,
  );
  return out;
}

/** Who played a seat, for the participants table: the people by name, then each bot with its policy. */
export function playedBy(p: Participants): string {
  const bots = p.bots.map((b) => `bot (${(POLICY_WORDS[b as PolicyName]?.label ?? b).toLowerCase()})`);
  return [...p.names, ...bots].join(", ");
}
