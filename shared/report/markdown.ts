// The after-action report as Markdown (CommonMark with pipe tables). Text from
// the recording is backslash-escaped so it can neither format nor inject HTML.
import type { Analysis } from "./types.ts";
import { md } from "./escape.ts";
import { elapsed, utc } from "./format.ts";
import { duration, pct } from "../words/index.ts";
import { escalationNumber, playedBy, roleLabel, seatLabel, summarySentences } from "./summary.ts";
import { definitions } from "./method.ts";
import { THEME_TITLES } from "./rules.ts";
import { THEME_KEYS } from "./html-sections.ts";
import type { Theme } from "./types.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";
import { integrityText } from "./integrity.ts";

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** The report as Markdown, in the language given (analyze with the same language's words). */
export function renderMarkdown(a: Analysis, rl: ReportLanguage = reportLanguage()): string {
  const tr = rl.tr.t;
  const num = escalationNumber(rl);
  const n = (v: number) => (rl.english ? String(v) : rl.tr.number(v));
  const dur = rl.english ? duration : rl.duration;
  const share = rl.english ? pct : (v: number) => rl.tr.number(v, { style: "percent", maximumFractionDigits: 0 });
  const h2 = (k: number, key: string) => `## ${tr("report.section.numbered", { n: k, title: tr(key) })}`;
  const o = a.overview;
  const m = a.metrics;
  const h = a.hotline.stats;
  const t = (at: number) => elapsed(at, o.startedAt);
  const obj = (id: string) => {
    const i = o.objectives.findIndex((x) => x.id === id);
    return i < 0 ? md(id) : `O${i + 1}`;
  };
  const out: string[] = [];
  out.push(`# ${tr("report.md.title", { title: md(o.exerciseTitle) })}`, "");
  out.push(tr("report.md.outcome-line", { scenario: md(o.scenario.title), outcome: md(o.outcome.text) }), "");
  const played = (from: number) =>
    tr("report.cover.played-value", { from: utc(from), to: utc(o.endedAt ?? from), duration: dur(o.durationMs) });
  out.push(
    table(
      [tr("report.md.item"), tr("report.md.detail")],
      [
        [tr("report.cover.exercise"), `${md(o.exerciseTitle)} (${md(o.exerciseId)})`],
        [tr("report.cover.scenario"), `${md(o.scenario.title)} (${md(o.scenario.id)})`],
        [tr("report.cover.played"), o.startedAt === null ? tr("report.cover.not-started") : played(o.startedAt)],
        [
          tr("report.cover.turns"),
          tr("report.cover.turns-value", {
            played: o.turnsPlayed,
            turns: o.scenario.turns,
            adjudicated: o.turnsAdjudicated,
          }),
        ],
        [tr("report.cover.seed"), tr("report.md.seed-value", { seed: md(o.seed), engine: md(o.engineVersion) })],
        [tr("report.md.integrity"), md(integrityText(o.integrity, o.commandCount, rl))],
      ],
    ),
    "",
  );
  out.push(h2(1, "report.section.summary"), "", ...summarySentences(a, rl).map((s) => `${md(s)}\n`));
  out.push(h2(2, "report.section.overview"), "", md(o.scenario.summary), "");
  out.push(`### ${tr("report.overview.participants")}`, "");
  out.push(
    table(
      [tr("report.overview.role"), tr("report.overview.seat"), tr("report.overview.participants")],
      o.participants.map((p) => [roleLabel(p.role, rl), md(seatLabel(p, rl)), md(playedBy(p, rl) || "—")]),
    ),
    "",
  );
  out.push(
    `### ${tr("report.plan.objectives")}`,
    "",
    ...o.objectives.map((x, i) => `- **O${i + 1}** ${md(x.text)}`),
    "",
  );
  out.push(h2(3, "report.metrics.escalation"), "");
  out.push(
    table(
      [tr("report.metrics.measure"), tr("report.metrics.value"), tr("report.ladder.rung")],
      [
        [tr("report.metrics.start"), num(m.start.value), md(m.start.rung)],
        [
          tr("report.metrics.peak"),
          num(m.peak.value),
          `${md(m.peak.rung)}${m.peak.turn ? ` ${tr("report.metrics.turn-list", { turns: m.peak.turn })}` : ""}`,
        ],
        [tr("report.metrics.final"), num(m.final.value), md(m.final.rung)],
      ],
    ),
    "",
  );
  out.push(
    table(
      [
        tr("report.metrics.red-line"),
        tr("report.metrics.at"),
        tr("report.metrics.crossings"),
        tr("report.metrics.turns-some-point"),
        tr("report.metrics.turns-end"),
        tr("report.metrics.first-crossed"),
      ],
      m.redLines.map((l) => [
        md(l.name),
        num(l.from),
        n(l.crossings),
        n(l.turnsAtAnyPoint),
        n(l.turnsAtEnd),
        l.firstCrossed ? tr("report.metrics.turn-n", { turn: l.firstCrossed.turn }) : "—",
      ]),
    ),
    "",
    tr("report.md.points"),
    "",
    table(
      [tr("report.metrics.command"), tr("report.time"), tr("report.turn"), tr("report.metrics.escalation")],
      a.curve.points.map((p) => [String(p.seq), t(p.at), n(p.turn), num(p.value)]),
    ),
    "",
  );
  if (m.drivers.length)
    out.push(
      tr("report.md.drivers"),
      "",
      table(
        [tr("report.turn"), tr("report.metrics.move"), tr("report.metrics.to"), tr("report.metrics.cause")],
        m.drivers.map((x) => [
          n(x.turn),
          `+${num(x.delta)}`,
          `${num(x.value)}${x.rung ? ` (${tr("report.metrics.now", { rung: md(x.rung) })})` : ""}`,
          md(x.text),
        ]),
      ),
      "",
    );
  out.push(
    tr("report.md.teams"),
    "",
    table(
      [
        tr("report.decisions.team"),
        tr("report.teams.actions"),
        tr("report.teams.sent"),
        tr("report.teams.in-time"),
        tr("report.teams.unanswered"),
        tr("report.metrics.c.breaches"),
        tr("report.teams.attributions"),
        tr("report.teams.standing"),
        tr("report.teams.pressure"),
      ],
      m.teams.map((x) => [
        md(x.team.name),
        `${n(x.actions)} (${n(x.hostileActions)})`,
        n(x.messagesSent),
        n(x.answeredInTime),
        n(x.leftUnanswered),
        n(x.breaches),
        `${n(x.attributions)} (${n(x.misattributions)})`,
        `${num(x.standing.start)} → ${num(x.standing.end)}`,
        `${num(x.pressure.start)} → ${num(x.pressure.end)}`,
      ]),
    ),
    "",
  );
  out.push(h2(4, "report.section.analysis"), "");
  const themes = (Object.keys(THEME_TITLES) as Theme[]).filter((th) => a.findings.some((f) => f.theme === th));
  themes.forEach((theme, i) => {
    const fs = a.findings.filter((f) => f.theme === theme);
    const ids = [...new Set(fs.flatMap((f) => f.objectiveIds))];
    out.push(
      `### 4.${i + 1} ${rl.english ? THEME_TITLES[theme] : tr(THEME_KEYS[theme])}`,
      "",
      ids.length
        ? tr("report.findings.related", { list: ids.map(obj).join(", ") })
        : tr("report.findings.no-objective"),
      "",
    );
    for (const f of fs) {
      const strength = f.kind === "strength";
      out.push(`#### ${tr(strength ? "report.md.strength" : "report.md.improvement", { title: md(f.title) })}`, "");
      out.push(...f.evidence.map((e) => `- ${md(e)}`), "");
      out.push(
        `**${tr(strength ? "report.finding.sustain" : "report.finding.recommendation")}** ${md(f.recommendation)}`,
        "",
        `*${tr("report.finding.rule", { rule: md(f.rule) })}*`,
        "",
      );
    }
    const notes = m.notes.filter((g) => g.objective && ids.includes(g.objective.id)).flatMap((g) => g.notes);
    if (notes.length)
      out.push(
        tr("report.md.notes"),
        "",
        ...notes.map(
          (x) =>
            `> ${md(x.text)} — *${tr("report.md.note-by", { role: x.role === "observer" ? "observer" : "control", author: md(x.author), turn: x.turn })}*\n`,
        ),
      );
  });
  out.push(h2(5, "report.section.metrics"), "");
  out.push(
    `- ${tr("report.md.hotline", {
      messages: n(h.messages),
      opened: n(h.opened),
      answered: n(h.answered),
      timely: n(h.timely),
      window: dur(h.timelySeconds * 1000),
      median: h.medianMs === null ? "—" : dur(h.medianMs),
      mean: h.meanMs === null ? "—" : dur(h.meanMs),
      lapsed: n(h.lapsed),
      open: n(h.open),
    })}`,
    `- ${tr("report.md.first-contact", { after: m.firstContact ? dur(m.firstContact.ms) : "—" })}`,
    `- ${tr("report.md.commitments", { adopted: n(m.commitments.adopted), kept: n(m.commitments.kept), broken: n(m.commitments.broken) })}`,
    ...m.commitments.lines.flatMap((l) =>
      l.breaches.map(
        (b) =>
          `  - ${tr("report.md.breach", { name: md(l.name), who: md(b.breaker.name), turn: b.turn, reason: md(b.reason) })}`,
      ),
    ),
    `- ${tr("report.md.misattributions", { n: n(m.misattributions.length) })}`,
    ...m.misattributions.map(
      (x) =>
        `  - ${tr("report.md.misattribution", {
          turn: x.turn,
          by: md(x.by.name),
          accused: md(x.accused.name),
          incident: md(x.incident),
          confidence: share(x.confidence),
          pointed: md(x.pointedAt.name),
          culprit: md(x.culprit.name),
        })}`,
    ),
    `- ${tr("report.md.misperceptions", {
      n: n(m.misperceptions.length),
      without: n(m.misperceptions.filter((p) => !p.notified).length),
    })}`,
    "",
  );
  out.push(
    `### ${tr("report.md.injects")}`,
    "",
    table(
      [tr("report.turn"), tr("report.injects.inject"), tr("report.injects.audience"), tr("report.md.follow-up")],
      m.injects.map((i) => [
        n(i.turn),
        md(i.title),
        md(i.audienceText),
        i.followUps
          .map((f) => tr("report.md.followed", { team: md(f.team.name), done: f.followedUp ? "yes" : "no" }))
          .join("; ") || "—",
      ]),
    ),
    "",
  );
  out.push(h2(6, "report.section.decisions"), "");
  for (const turn of a.turns) {
    const head = {
      turn: turn.turn,
      before: num(turn.escalationBefore),
      after: num(turn.escalationAfter),
      rung: md(turn.rungAfter),
    };
    out.push(`### ${tr("report.md.turn", head)}`, "");
    const rows = turn.teams.flatMap((d) =>
      d.items.length
        ? d.items.map((it) => [
            md(d.team.name),
            md(it.actionName),
            md(
              [it.target, it.sector === null ? null : rl.ids.sector(it.sector), it.incident]
                .filter((x) => x)
                .join(", ") || "—",
            ),
            md(it.by),
          ])
        : [[md(d.team.name), tr(d.submitted ? "report.md.no-action" : "report.md.no-orders"), "", ""]],
    );
    const heads = [
      "report.decisions.team",
      "report.decisions.action",
      "report.decisions.target",
      "report.decisions.drafted-by",
    ];
    out.push(
      table(
        heads.map((k) => tr(k)),
        rows,
      ),
      "",
    );
    out.push(
      ...turn.outcomes.map((e) => `- ${tr("report.md.seen-by", { text: md(e.text), audience: md(e.audienceText) })}`),
      "",
    );
  }
  out.push(h2(7, "report.section.hotline"), "");
  out.push(
    table(
      [
        "#",
        tr("report.time"),
        tr("report.turn"),
        tr("report.transcript.from-to"),
        tr("report.transcript.kind"),
        tr("report.transcript.message"),
        tr("report.transcript.answer"),
      ],
      a.hotline.lines.map((l) => [
        String(l.seq),
        t(l.at),
        n(l.turn),
        `${md(l.from.name)} → ${md(l.to.name)}`,
        tr("report.md.kind", { kind: rl.ids.kind(l.kind), relayed: l.relayed ? "yes" : "no" }),
        md(l.text),
        l.status === "answered"
          ? tr("report.md.answered", { duration: dur(l.answeredAfterMs ?? 0), late: l.timely ? "no" : "yes" })
          : tr("report.md.status", { status: l.status }),
      ]),
    ),
    "",
  );
  out.push(h2(8, "report.section.notes"), "");
  for (const g of m.notes) {
    out.push(`### ${g.objective ? `${obj(g.objective.id)} ${md(g.objective.text)}` : tr("report.notes.untied")}`, "");
    out.push(
      ...(g.notes.length
        ? g.notes.map(
            (x) =>
              `- ${tr("report.md.note-line", { text: md(x.text), role: x.role, author: md(x.author), turn: x.turn, elapsed: t(x.at) })}`,
          )
        : [`- ${tr("report.md.no-note")}`]),
      "",
    );
  }
  out.push(h2(9, "report.section.plan"), "");
  out.push(
    table(
      [
        "#",
        tr("report.plan.area"),
        tr("report.plan.action"),
        tr("report.plan.objectives"),
        tr("report.plan.responsible"),
        tr("report.plan.date"),
      ],
      a.findings
        .filter((f) => f.kind === "improvement")
        .map((f, i) => [
          n(i + 1),
          md(f.title),
          md(f.recommendation),
          f.objectiveIds.map(obj).join(", ") || "—",
          "",
          "",
        ]),
    ),
    "",
  );
  out.push(`## ${tr("report.md.appendix-a")}`, "");
  out.push(
    table(
      [
        "#",
        tr("report.time"),
        tr("report.turn"),
        tr("report.md.phase"),
        tr("report.timeline.kind"),
        tr("report.seen-by"),
        tr("report.timeline.entry"),
      ],
      a.timeline.map((e) => [
        String(e.seq),
        t(e.at),
        n(e.turn),
        md(e.phaseName),
        rl.ids.category(e.kind),
        md(e.audienceText),
        md(e.text),
      ]),
    ),
    "",
  );
  out.push(
    `## ${tr("report.md.appendix-b")}`,
    "",
    ...definitions(a, rl).map((d) => `- **${md(d.term)}**: ${md(d.text)}`),
    "",
  );
  return out.join("\n");
}
