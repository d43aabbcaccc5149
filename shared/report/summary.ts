// The executive summary in sentences, shared by the HTML and Markdown reports,
// in the report's language (English unless asked).
import type { Analysis, Participants } from "./types.ts";
import type { PolicyName } from "../bots/policy.ts";
import { POLICY_WORDS } from "../words/bots-en.ts";
import { utc } from "./format.ts";
import { fmt } from "../words/index.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";

const ROLE_KEYS: Record<string, string> = {
  facilitator: "report.role.facilitator",
  team: "report.role.team",
  mediator: "report.role.mediator",
  observer: "report.role.observer",
};

/** A role's name in the participants table ("Control (facilitator)"). */
export function roleLabel(role: string, rl: ReportLanguage = reportLanguage()): string {
  const key = ROLE_KEYS[role];
  return key ? rl.tr.t(key) : role;
}

/** A seat's name: control's and the observers' in the report's words, the scenario's otherwise. */
export function seatLabel(p: Participants, rl: ReportLanguage = reportLanguage()): string {
  if (p.role === "facilitator") return rl.tr.t("report.audience.control");
  if (p.role === "observer") return rl.tr.t("report.audience.observers");
  return p.label;
}

/** The scenario's or a person's words inside a right-to-left sentence, isolated so that they keep their own direction. */
export function own(rl: ReportLanguage, text: string): string {
  return rl.tr.dir === "rtl" ? `\u2068${text}\u2069` : text;
}

/** An escalation value: English keeps shared/words' "12.5"; other languages their own digits. */
export function escalationNumber(rl: ReportLanguage): (v: number) => string {
  return rl.english ? fmt : (v) => rl.tr.number(v, { maximumFractionDigits: 1 });
}

/** The summary's sentences, in order: how it was played, escalation, red lines, hotline, commitments, attributions. */
export function summarySentences(a: Analysis, rl: ReportLanguage = reportLanguage()): string[] {
  const t = rl.tr.t;
  const n = escalationNumber(rl);
  const o = a.overview;
  const m = a.metrics;
  const h = a.hotline.stats;
  const people = o.participants.reduce((k, p) => k + p.names.length, 0);
  const bots = o.participants.filter((p) => p.bots.length).length;
  if (o.startedAt === null) return [t("report.summary.not-played")];
  const out: string[] = [];
  out.push(
    t("report.summary.played", {
      title: own(rl, o.exerciseTitle),
      start: utc(o.startedAt),
      duration: rl.duration(o.durationMs),
      played: o.turnsPlayed,
      turns: o.scenario.turns,
      people,
      bots,
      outcome: o.outcome.text,
    }),
  );
  out.push(
    t("report.summary.escalation", {
      start: n(m.start.value),
      startRung: own(rl, m.start.rung),
      peak: n(m.peak.value),
      peakRung: own(rl, m.peak.rung),
      hasTurn: m.peak.turn ? "yes" : "no",
      turn: m.peak.turn ?? 0,
      final: n(m.final.value),
      finalRung: own(rl, m.final.rung),
    }),
  );
  const crossed = m.redLines.filter((l) => l.turnsAtAnyPoint > 0);
  const list = new Intl.ListFormat(rl.tr.lang, { type: "unit" });
  out.push(
    crossed.length
      ? t("report.summary.red-lines", {
          crossed: crossed.length,
          total: m.redLines.length,
          list: list.format(
            crossed.map((l) => t("report.summary.red-line", { name: own(rl, l.name), turns: l.turnsAtAnyPoint })),
          ),
        })
      : m.redLines.length
        ? t("report.summary.no-red-line-crossed")
        : t("report.summary.no-red-line"),
  );
  out.push(
    h.opened
      ? t("report.summary.hotline", {
          answered: h.answered,
          opened: h.opened,
          timely: h.timely,
          window: rl.duration(h.timelySeconds * 1000),
          hasMedian: h.medianMs !== null ? "yes" : "no",
          median: rl.duration(h.medianMs ?? 0),
          lapsed: h.lapsed,
          hasFirst: m.firstContact ? "yes" : "no",
          first: rl.duration(m.firstContact?.ms ?? 0),
        })
      : t("report.summary.hotline-unused"),
  );
  const c = m.commitments;
  out.push(
    c.adopted
      ? t("report.summary.commitments", { adopted: c.adopted, kept: c.kept, broken: c.broken })
      : t("report.summary.no-commitment"),
  );
  out.push(
    m.misattributions.length
      ? t("report.summary.misattributions", { n: m.misattributions.length, m: m.misperceptions.length })
      : t("report.summary.no-misattribution", { m: m.misperceptions.length }),
  );
  return out;
}

/** A bot policy's name in the report's words (literal keys, so the catalogue check finds them). */
const POLICY_KEYS: Record<PolicyName, string> = {
  "cautious-diplomat": "report.bot.cautious-diplomat",
  hawk: "report.bot.hawk",
  opportunist: "report.bot.opportunist",
  passive: "report.bot.passive",
  random: "report.bot.random",
  mediator: "report.bot.mediator",
  "repeat-statement": "report.bot.repeat-statement",
  "repeat-deconflict": "report.bot.repeat-deconflict",
  "repeat-measure": "report.bot.repeat-measure",
};

/** "cautious diplomat": English keeps the bots' own label, lower case; an unknown policy keeps its id. */
export function policyName(id: string, rl: ReportLanguage = reportLanguage()): string {
  if (rl.english) return (POLICY_WORDS[id as PolicyName]?.label ?? id).toLowerCase();
  const key = POLICY_KEYS[id as PolicyName] as string | undefined;
  return key ? rl.tr.t(key) : id;
}

/** Who played a seat, for the participants table: the people by name, then each bot with its policy. */
export function playedBy(p: Participants, rl: ReportLanguage = reportLanguage()): string {
  const bots = p.bots.map((b) => rl.tr.t("report.overview.bot", { policy: policyName(b, rl) }));
  return [...p.names, ...bots].join(", ");
}
