// The report's detailed sections: decisions per turn, hotline transcript,
// notes by objective, the improvement plan, the timeline and the method.
import type { Analysis, TranscriptLine } from "./types.ts";
import { esc } from "./escape.ts";
import { empty, noteQuote, pill, seqLink, table, when } from "./html-parts.ts";
import { utc } from "./format.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";
import { escalationNumber, own } from "./summary.ts";
import { objectiveLabel } from "./html-sections.ts";
import { definitions } from "./method.ts";
import { actionCategory } from "./categories.ts";

const KIND_KEYS: Partial<Record<string, string>> = {
  outcome: "report.decisions.kind.outcome",
  perception: "report.decisions.kind.perception",
  attribution: "report.decisions.kind.attribution",
  commitment: "report.decisions.kind.commitment",
  incident: "report.decisions.kind.incident",
};

/** Each adjudicated turn: the orders, the outcomes and the escalation moves. */
export function turnsSection(a: Analysis, rl: ReportLanguage = reportLanguage()): string {
  const t = rl.tr.t;
  const fmt = escalationNumber(rl);
  if (!a.turns.length) return empty(t("report.decisions.none"));
  return a.turns
    .map((turn) => {
      const withNotes = turn.teams.some((d) => d.items.some((it) => it.note));
      const rows = turn.teams.flatMap((d) =>
        d.submitted && d.items.length
          ? d.items.map((it, i) => [
              i === 0
                ? `<strong>${esc(d.team.name)}</strong><br><span class="small">${esc(t("report.decisions.submitted-by", { who: d.submittedBy ?? "?" }))}</span>`
                : "",
              `${esc(it.actionName)}<br><span class="small">` +
                `${esc(t("report.decisions.category", { category: actionCategory(it.category, rl), severity: it.severity }))}</span>`,
              esc(
                [
                  it.target,
                  it.sector === null ? null : rl.ids.sector(it.sector),
                  it.incident ? t("report.decisions.incident", { title: it.incident }) : null,
                ]
                  .filter((x) => x)
                  .join(", ") || "—",
              ),
              esc(it.by),
              ...(withNotes ? [it.note ? `<span class="msg">${esc(it.note)}</span>` : ""] : []),
            ])
          : [
              [
                `<strong>${esc(d.team.name)}</strong>`,
                `<span class="empty">${esc(t(d.submitted ? "report.decisions.no-action" : "report.decisions.no-orders"))}</span>`,
                "",
                "",
                ...(withNotes ? [""] : []),
              ],
            ],
      );
      const outcomes = turn.outcomes.length
        ? table(
            [t("report.decisions.kind"), t("report.seen-by"), t("report.decisions.outcome")],
            turn.outcomes.map((e) => [
              esc(KIND_KEYS[e.kind] ? t(KIND_KEYS[e.kind]!) : e.kind),
              `<span class="small">${esc(e.audienceText)}</span>`,
              esc(e.text),
            ]),
          )
        : empty(t("report.decisions.no-outcome"));
      const moves = turn.escalationMoves.length
        ? `<ul class="small">${turn.escalationMoves.map((e) => `<li>${esc(e.text)}</li>`).join("")}</ul>`
        : "";
      const heading = t("report.decisions.heading", {
        turn: turn.turn,
        before: fmt(turn.escalationBefore),
        after: fmt(turn.escalationAfter),
        rung: own(rl, turn.rungAfter),
      });
      const injected =
        turn.escalationAfterCommand !== turn.escalationAfter
          ? esc(` ${t("report.decisions.injected", { value: fmt(turn.escalationAfterCommand) })}`)
          : "";
      const at = t("report.decisions.at", { elapsed: "\u0000", utc: utc(turn.at), seq: "\u0001" });
      const atHtml = esc(at).replace("\u0000", when(turn.at, a.overview)).replace("\u0001", seqLink(turn.seq));
      const heads = [
        t("report.decisions.team"),
        t("report.decisions.action"),
        t("report.decisions.target"),
        t("report.decisions.drafted-by"),
        ...(withNotes ? [t("report.decisions.note")] : []),
      ];
      return `<div class="turn-block"><h3>${esc(heading)}</h3>
<p class="small">${atHtml}${injected}</p>
${table(heads, rows)}
<h4>${esc(t("report.decisions.outcomes"))}</h4>${outcomes}${
        moves ? `<h4>${esc(t("report.decisions.moves"))}</h4>${moves}` : ""
      }</div>`;
    })
    .join("");
}

function status(l: TranscriptLine, all: readonly TranscriptLine[], rl: ReportLanguage): string {
  const t = rl.tr.t;
  const ref = (id: string | null) => {
    const o = all.find((x) => x.id === id);
    return o ? ` ${seqLink(o.seq)}` : "";
  };
  switch (l.status) {
    case "answered":
      return (
        `${pill(t(l.timely ? "report.transcript.in-time" : "report.transcript.late"), l.timely ? "ok" : "warn")}<br><span ` +
        `class="small">${esc(t("report.transcript.after", { duration: rl.duration(l.answeredAfterMs ?? 0) }))}</span>`
      );
    case "lapsed":
      return pill(t("report.transcript.lapsed"), "bad");
    case "open":
      return pill(t("report.transcript.open"), "bad");
    case "reply":
      return `<span class="small">${esc(t("report.transcript.reply-to"))}${ref(l.replyTo)}</span>`;
    case "relay":
      return `<span class="small">${esc(t("report.transcript.relay-of"))}${ref(l.relayOf)}</span>`;
  }
}

/** Every hotline message in order, with its answer or what it answered. */
export function transcriptSection(a: Analysis, rl: ReportLanguage = reportLanguage()): string {
  const t = rl.tr.t;
  const lines = a.hotline.lines;
  // the messages people typed read in their own direction inside a right-to-left report
  const auto = rl.tr.dir === "rtl" ? ' dir="auto"' : "";
  if (!lines.length) return empty(t("report.transcript.none"));
  return (
    `<p class="small">${esc(t("report.transcript.note"))}</p>` +
    table(
      [
        { head: "#", cls: "num" },
        t("report.time"),
        { head: t("report.turn"), cls: "num" },
        t("report.transcript.from-to"),
        t("report.transcript.kind"),
        t("report.transcript.message"),
        t("report.transcript.answer"),
      ],
      lines.map((l) => [
        seqLink(l.seq),
        `<span class="nowrap">${when(l.at, a.overview)}</span>`,
        rl.tr.number(l.turn),
        `<strong>${esc(l.from.name)}</strong> ${rl.tr.dir === "rtl" ? "←" : "→"} ${esc(l.to.name)}<br><span class="small">${esc(l.author)}</span>`,
        `${esc(rl.ids.kind(l.kind))}${l.relayed ? `<br><span class="small">${esc(t("report.transcript.relayed"))}</span>` : ""}`,
        `<div class="msg"${auto}>${esc(l.text)}</div>` +
          (l.incident
            ? `<span class="small">${esc(t("report.transcript.evidence", { incident: l.incident }))}</span>`
            : ""),
        status(l, lines, rl),
      ]),
    )
  );
}

/** Observers' and control's notes, grouped by the objective they bear on. */
export function notesSection(a: Analysis, rl: ReportLanguage = reportLanguage()): string {
  const t = rl.tr.t;
  const groups = a.metrics.notes;
  if (!groups.length) return empty(t("report.notes.none"));
  const label = objectiveLabel(a);
  return groups
    .map((g) => {
      const head = g.objective
        ? `<span class="oid">${esc(label(g.objective.id).split(" ")[0]!)}</span>${esc(g.objective.text)}`
        : `<span class="oid">—</span>${esc(t("report.notes.untied"))}`;
      const notes = g.notes.length
        ? g.notes.map((n) => noteQuote(n, a.overview, rl)).join("")
        : empty(t("report.notes.none-here"));
      return `<h3 class="objective">${head}</h3>${notes}`;
    })
    .join("");
}

/** Each area for improvement with its corrective action, for the organisation to complete. */
export function improvementPlan(a: Analysis, rl: ReportLanguage = reportLanguage()): string {
  const t = rl.tr.t;
  const areas = a.findings.filter((f) => f.kind === "improvement");
  if (!areas.length) return empty(t("report.plan.none"));
  const label = objectiveLabel(a);
  return (
    `<p>${esc(t("report.plan.note"))}</p>` +
    table(
      [
        { head: "#", cls: "num" },
        t("report.plan.area"),
        t("report.plan.action"),
        t("report.plan.objectives"),
        t("report.plan.responsible"),
        t("report.plan.date"),
      ],
      areas.map((f, i) => [
        rl.tr.number(i + 1),
        `<a href="#finding-${esc(f.id)}">${esc(f.title)}</a>`,
        esc(f.recommendation),
        esc(f.objectiveIds.map((id) => label(id).split(" ")[0]).join(", ") || "—"),
        "",
        "",
      ]),
      "ip",
    )
  );
}

/** Appendix A: every log entry control saw, with who else could see it. */
export function timelineSection(a: Analysis, rl: ReportLanguage = reportLanguage()): string {
  const t = rl.tr.t;
  const seen = new Set<number>();
  const rows = a.timeline.map((e) => {
    const id = seen.has(e.seq) ? "" : ` id="seq-${e.seq}"`;
    seen.add(e.seq);
    return (
      `<tr${id} class="k-${esc(e.kind)}"><td class="num">${e.seq}</td><td ` +
      `class="nowrap">${when(e.at, a.overview)}</td><td ` +
      `class="nowrap">${esc(`${rl.tr.number(e.turn)} · ${e.phaseName}`)}</td><td>${esc(rl.ids.category(e.kind))}</td><td>` +
      `${esc(e.audienceText)}` +
      `</td><td class="text">${esc(e.text)}</td></tr>`
    );
  });
  return (
    `<p class="small">${esc(t("report.timeline.note"))}</p><table class="timeline"><thead><tr><th class="num">#</th>` +
    `<th>${esc(t("report.time"))}</th><th>${esc(t("report.timeline.turn-phase"))}</th>` +
    `<th>${esc(t("report.timeline.kind"))}</th><th>${esc(t("report.seen-by"))}</th>` +
    `<th>${esc(t("report.timeline.entry"))}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

/** Appendix B: how each figure is computed, and every rule. */
export function methodSection(a: Analysis, rl: ReportLanguage = reportLanguage()): string {
  return table(
    [rl.tr.t("report-method.term"), rl.tr.t("report-method.definition")],
    definitions(a, rl).map((d) => [`<strong>${esc(d.term)}</strong>`, esc(d.text)]),
  );
}
