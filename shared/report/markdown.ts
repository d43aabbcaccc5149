// The after-action report as Markdown (CommonMark with pipe tables). Text from
// the recording is backslash-escaped so it can neither format nor inject HTML.
import type { Analysis } from "./types.ts";
import { md } from "./escape.ts";
import { elapsed, utc } from "./format.ts";
import { duration, fmt, pct } from "../words/index.ts";
import { playedBy, roleLabel, summarySentences } from "./summary.ts";
import { definitions } from "./method.ts";
import { THEME_TITLES } from "./rules.ts";
import type { Theme } from "./types.ts";

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

export function renderMarkdown(a: Analysis): string {
  const o = a.overview;
  const m = a.metrics;
  const h = a.hotline.stats;
  const t = (at: number) => elapsed(at, o.startedAt);
  const obj = (id: string) => {
    const i = o.objectives.findIndex((x) => x.id === id);
    return i < 0 ? md(id) : `O${i + 1}`;
  };
  const out: string[] = [];
  out.push(`# After-action report: ${md(o.exerciseTitle)}`, "");
  out.push(`*${md(o.scenario.title)}* — outcome: **${md(o.outcome.text)}**`, "");
  out.push(
    table(
      ["Item", "Detail"],
      [
        ["Exercise", `${md(o.exerciseTitle)} (${md(o.exerciseId)})`],
        ["Scenario", `${md(o.scenario.title)} (${md(o.scenario.id)})`],
        [
          "Played",
          o.startedAt === null
            ? "not started"
            : `${utc(o.startedAt)} – ${utc(o.endedAt ?? o.startedAt)} (${duration(o.durationMs)})`,
        ],
        ["Turns", `${o.turnsPlayed} of ${o.scenario.turns} (${o.turnsAdjudicated} adjudicated)`],
        ["Seed / engine", `${md(o.seed)} / ${md(o.engineVersion)}`],
        ["Integrity", md(o.integrity.text)],
      ],
    ),
    "",
  );
  out.push("## 1. Executive summary", "", ...summarySentences(a).map((s) => `${md(s)}\n`));
  out.push("## 2. Exercise overview", "", md(o.scenario.summary), "", "### Participants", "");
  out.push(
    table(
      ["Role", "Seat", "Participants"],
      o.participants.map((p) => [roleLabel(p.role), md(p.label), md(playedBy(p) || "—")]),
    ),
    "",
  );
  out.push("### Objectives", "", ...o.objectives.map((x, i) => `- **O${i + 1}** ${md(x.text)}`), "");
  out.push("## 3. Escalation", "");
  out.push(
    table(
      ["Measure", "Value", "Rung"],
      [
        ["Start", fmt(m.start.value), md(m.start.rung)],
        ["Peak", fmt(m.peak.value), `${md(m.peak.rung)}${m.peak.turn ? ` (turn ${m.peak.turn})` : ""}`],
        ["Final", fmt(m.final.value), md(m.final.rung)],
      ],
    ),
    "",
  );
  out.push(
    table(
      ["Red line", "At", "Crossings", "Turns above (any point)", "Turns above (end of adjudication)", "First crossed"],
      m.redLines.map((l) => [
        md(l.name),
        fmt(l.from),
        String(l.crossings),
        String(l.turnsAtAnyPoint),
        String(l.turnsAtEnd),
        l.firstCrossed ? `turn ${l.firstCrossed.turn}` : "—",
      ]),
    ),
    "",
    "Escalation after each command that changed it:",
    "",
    table(
      ["Command", "Time", "Turn", "Escalation"],
      a.curve.points.map((p) => [String(p.seq), t(p.at), String(p.turn), fmt(p.value)]),
    ),
    "",
  );
  if (m.drivers.length)
    out.push(
      "Largest escalation moves:",
      "",
      table(
        ["Turn", "Move", "To", "Cause"],
        m.drivers.map((x) => [
          String(x.turn),
          `+${fmt(x.delta)}`,
          `${fmt(x.value)}${x.rung ? ` (now “${md(x.rung)}”)` : ""}`,
          md(x.text),
        ]),
      ),
      "",
    );
  out.push(
    "Teams at a glance:",
    "",
    table(
      [
        "Team",
        "Actions (hostile)",
        "Hotline sent",
        "Answered in time",
        "Left unanswered",
        "Breaches",
        "Attributions (wrong)",
        "Standing",
        "Pressure",
      ],
      m.teams.map((x) => [
        md(x.team.name),
        `${x.actions} (${x.hostileActions})`,
        String(x.messagesSent),
        String(x.answeredInTime),
        String(x.leftUnanswered),
        String(x.breaches),
        `${x.attributions} (${x.misattributions})`,
        `${fmt(x.standing.start)} → ${fmt(x.standing.end)}`,
        `${fmt(x.pressure.start)} → ${fmt(x.pressure.end)}`,
      ]),
    ),
    "",
  );
  out.push("## 4. Strengths and areas for improvement", "");
  const themes = (Object.keys(THEME_TITLES) as Theme[]).filter((th) => a.findings.some((f) => f.theme === th));
  themes.forEach((theme, i) => {
    const fs = a.findings.filter((f) => f.theme === theme);
    const ids = [...new Set(fs.flatMap((f) => f.objectiveIds))];
    out.push(
      `### 4.${i + 1} ${THEME_TITLES[theme]}`,
      "",
      ids.length ? `Related objectives: ${ids.map(obj).join(", ")}` : "No exercise objective names this capability.",
      "",
    );
    for (const f of fs) {
      out.push(`#### ${f.kind === "strength" ? "Strength" : "Area for improvement"}: ${md(f.title)}`, "");
      out.push(...f.evidence.map((e) => `- ${md(e)}`), "");
      out.push(
        `**${f.kind === "strength" ? "Sustain" : "Recommendation"}:** ${md(f.recommendation)}`,
        "",
        `*Rule: ${md(f.rule)}*`,
        "",
      );
    }
    const notes = m.notes.filter((g) => g.objective && ids.includes(g.objective.id)).flatMap((g) => g.notes);
    if (notes.length)
      out.push(
        "Evaluator notes on these objectives:",
        "",
        ...notes.map(
          (n) =>
            `> ${md(n.text)} — *${n.role === "observer" ? "observer" : "control"} ${md(n.author)}, turn ${n.turn}*\n`,
        ),
      );
  });
  out.push("## 5. Metrics", "");
  out.push(
    `- Hotline: ${h.messages} messages, ${h.opened} exchanges opened, ${h.answered} answered, ${h.timely} ` +
      `within ${duration(h.timelySeconds * 1000)}; median ${h.medianMs === null ? "—" : duration(h.medianMs)}, ` +
      `mean ${h.meanMs === null ? "—" : duration(h.meanMs)}; ${h.lapsed} lapsed, ${h.open} open.`,
    `- Time to first hotline contact: ${m.firstContact ? duration(m.firstContact.ms) : "—"}.`,
    `- Commitments: ${m.commitments.adopted} adopted, ${m.commitments.kept} kept, ${m.commitments.broken} broken.`,
    ...m.commitments.lines.flatMap((l) =>
      l.breaches.map((b) => `  - “${md(l.name)}”: broken by ${md(b.breaker.name)} in turn ${b.turn} — ${md(b.reason)}`),
    ),
    `- Misattributions: ${m.misattributions.length}.`,
    ...m.misattributions.map(
      (x) =>
        `  - Turn ${x.turn}: ${md(x.by.name)} accused ${md(x.accused.name)} of “${md(x.incident)}” ` +
        `(${pct(x.confidence)}, pointing at ${md(x.pointedAt.name)}); real culprit: ${md(x.culprit.name)}`,
    ),
    `- Misperceptions: ${m.misperceptions.length} (${m.misperceptions.filter((p) => !p.notified).length} without pre-notification).`,
    "",
  );
  out.push(
    "### Injects and follow-up (heuristic)",
    "",
    table(
      ["Turn", "Inject", "Audience", "Follow-up"],
      m.injects.map((i) => [
        String(i.turn),
        md(i.title),
        md(i.audienceText),
        i.followUps.map((f) => `${md(f.team.name)}: ${f.followedUp ? "yes" : "no"}`).join("; ") || "—",
      ]),
    ),
    "",
  );
  out.push("## 6. Decisions per turn", "");
  for (const turn of a.turns) {
    out.push(
      `### Turn ${turn.turn}: escalation ${fmt(turn.escalationBefore)} → ${fmt(turn.escalationAfter)} (${md(turn.rungAfter)})`,
      "",
    );
    const rows = turn.teams.flatMap((d) =>
      d.items.length
        ? d.items.map((it) => [
            md(d.team.name),
            md(it.actionName),
            md([it.target, it.sector, it.incident].filter((x) => x).join(", ") || "—"),
            md(it.by),
          ])
        : [[md(d.team.name), d.submitted ? "no action" : "no orders", "", ""]],
    );
    out.push(table(["Team", "Action", "Target", "Drafted by"], rows), "");
    out.push(...turn.outcomes.map((e) => `- ${md(e.text)} *(seen by ${md(e.audienceText)})*`), "");
  }
  out.push("## 7. Hotline transcript", "");
  out.push(
    table(
      ["#", "Time", "Turn", "From → to", "Kind", "Message", "Answer"],
      a.hotline.lines.map((l) => [
        String(l.seq),
        t(l.at),
        String(l.turn),
        `${md(l.from.name)} → ${md(l.to.name)}`,
        l.kind + (l.relayed ? " (relayed)" : ""),
        md(l.text),
        l.status === "answered" ? `after ${duration(l.answeredAfterMs ?? 0)}${l.timely ? "" : " (late)"}` : l.status,
      ]),
    ),
    "",
  );
  out.push("## 8. Observer and control notes", "");
  for (const g of m.notes) {
    out.push(`### ${g.objective ? `${obj(g.objective.id)} ${md(g.objective.text)}` : "Not tied to an objective"}`, "");
    out.push(
      ...(g.notes.length
        ? g.notes.map((n) => `- ${md(n.text)} — *${n.role} ${md(n.author)}, turn ${n.turn}, ${t(n.at)}*`)
        : ["- *No note.*"]),
      "",
    );
  }
  out.push("## 9. Improvement plan", "");
  out.push(
    table(
      ["#", "Area for improvement", "Corrective action", "Objectives", "Responsible", "Completion date"],
      a.findings
        .filter((f) => f.kind === "improvement")
        .map((f, i) => [
          String(i + 1),
          md(f.title),
          md(f.recommendation),
          f.objectiveIds.map(obj).join(", ") || "—",
          "",
          "",
        ]),
    ),
    "",
  );
  out.push("## Appendix A: Timeline", "");
  out.push(
    table(
      ["#", "Time", "Turn", "Phase", "Kind", "Seen by", "Entry"],
      a.timeline.map((e) => [
        String(e.seq),
        t(e.at),
        String(e.turn),
        md(e.phaseName),
        e.kind,
        md(e.audienceText),
        md(e.text),
      ]),
    ),
    "",
  );
  out.push(
    "## Appendix B: Method and rules",
    "",
    ...definitions(a).map((d) => `- **${md(d.term)}**: ${md(d.text)}`),
    "",
  );
  return out.join("\n");
}
