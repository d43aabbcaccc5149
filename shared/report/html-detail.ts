// The report's detailed sections: decisions per turn, hotline transcript,
// notes by objective, the improvement plan, the timeline and the method.
import type { Analysis, TranscriptLine } from "./types.ts";
import { esc } from "./escape.ts";
import { empty, noteQuote, pill, seqLink, table, when } from "./html-parts.ts";
import { utc } from "./format.ts";
import { duration, fmt } from "../words/index.ts";
import { objectiveLabel } from "./html-sections.ts";
import { definitions } from "./method.ts";

const KIND_LABEL: Partial<Record<string, string>> = {
  outcome: "Action",
  perception: "Perception",
  attribution: "Attribution",
  commitment: "Commitment",
  incident: "Incident",
};

export function turnsSection(a: Analysis): string {
  if (!a.turns.length) return empty("No turn was adjudicated.");
  return a.turns
    .map((t) => {
      const withNotes = t.teams.some((d) => d.items.some((it) => it.note));
      const rows = t.teams.flatMap((d) =>
        d.submitted && d.items.length
          ? d.items.map((it, i) => [
              i === 0
                ? `<strong>${esc(d.team.name)}</strong><br><span class="small">${esc(`submitted by ${d.submittedBy ?? "?"}`)}</span>`
                : "",
              `${esc(it.actionName)}<br><span class="small">${esc(`${it.category}, severity ${it.severity}`)}</span>`,
              esc(
                [it.target, it.sector, it.incident ? `incident “${it.incident}”` : null].filter((x) => x).join(", ") ||
                  "—",
              ),
              esc(it.by),
              ...(withNotes ? [it.note ? `<span class="msg">${esc(it.note)}</span>` : ""] : []),
            ])
          : [
              [
                `<strong>${esc(d.team.name)}</strong>`,
                `<span class="empty">${d.submitted ? "submitted no action" : "no orders submitted"}</span>`,
                "",
                "",
                ...(withNotes ? [""] : []),
              ],
            ],
      );
      const outcomes = t.outcomes.length
        ? table(
            ["Kind", "Seen by", "Adjudicated outcome"],
            t.outcomes.map((e) => [
              esc(KIND_LABEL[e.kind] ?? e.kind),
              `<span class="small">${esc(e.audienceText)}</span>`,
              esc(e.text),
            ]),
          )
        : empty("No outcome was logged.");
      const moves = t.escalationMoves.length
        ? `<ul class="small">${t.escalationMoves.map((e) => `<li>${esc(e.text)}</li>`).join("")}</ul>`
        : "";
      const heading = `Turn ${t.turn} — escalation ${fmt(t.escalationBefore)} → ${fmt(t.escalationAfter)} (“${t.rungAfter}”)`;
      const injected =
        t.escalationAfterCommand !== t.escalationAfter
          ? esc(` Injects triggered by the outcome then moved escalation to ${fmt(t.escalationAfterCommand)}.`)
          : "";
      return `<div class="turn-block"><h3>${esc(heading)}</h3>
<p class="small">Adjudicated at ${when(t.at, a.overview)} (${esc(utc(t.at))}), command ${seqLink(t.seq)}.${injected}</p>
${table(["Team", "Action", "Target", "Drafted by", ...(withNotes ? ["Note"] : [])], rows)}
<h4>Adjudicated outcomes</h4>${outcomes}${moves ? `<h4>Escalation moves</h4>${moves}` : ""}</div>`;
    })
    .join("");
}

function status(l: TranscriptLine, all: readonly TranscriptLine[]): string {
  const ref = (id: string | null) => {
    const o = all.find((x) => x.id === id);
    return o ? ` ${seqLink(o.seq)}` : "";
  };
  switch (l.status) {
    case "answered":
      return (
        `${pill(l.timely ? "answered in time" : "answered late", l.timely ? "ok" : "warn")}<br><span ` +
        `class="small">after ${esc(duration(l.answeredAfterMs ?? 0))}</span>`
      );
    case "lapsed":
      return pill("unanswered (lapsed)", "bad");
    case "open":
      return pill("unanswered (open)", "bad");
    case "reply":
      return `<span class="small">reply to${ref(l.replyTo)}</span>`;
    case "relay":
      return `<span class="small">relay of${ref(l.relayOf)}</span>`;
  }
}

export function transcriptSection(a: Analysis): string {
  const lines = a.hotline.lines;
  if (!lines.length) return empty("No hotline message was sent.");
  return (
    `<p class="small">Every message in order. Response times are measured for messages that open an exchange; ` +
    `replies and the mediator's relays answer them.</p>` +
    table(
      [{ head: "#", cls: "num" }, "Time", { head: "Turn", cls: "num" }, "From → to", "Kind", "Message", "Answer"],
      lines.map((l) => [
        seqLink(l.seq),
        `<span class="nowrap">${when(l.at, a.overview)}</span>`,
        String(l.turn),
        `<strong>${esc(l.from.name)}</strong> → ${esc(l.to.name)}<br><span class="small">${esc(l.author)}</span>`,
        `${esc(l.kind)}${l.relayed ? `<br><span class="small">relayed</span>` : ""}`,
        `<div class="msg">${esc(l.text)}</div>${l.incident ? `<span class="small">${esc(`evidence shared: ${l.incident}`)}</span>` : ""}`,
        status(l, lines),
      ]),
    )
  );
}

export function notesSection(a: Analysis): string {
  const groups = a.metrics.notes;
  if (!groups.length) return empty("The scenario lists no objective and no note was taken.");
  const label = objectiveLabel(a);
  return groups
    .map((g) => {
      const head = g.objective
        ? `<span class="oid">${esc(label(g.objective.id).split(" ")[0]!)}</span>${esc(g.objective.text)}`
        : `<span class="oid">—</span>Not tied to an objective`;
      const notes = g.notes.length
        ? g.notes.map((n) => noteQuote(n, a.overview)).join("")
        : empty("No note on this objective.");
      return `<h3 class="objective">${head}</h3>${notes}`;
    })
    .join("");
}

export function improvementPlan(a: Analysis): string {
  const areas = a.findings.filter((f) => f.kind === "improvement");
  if (!areas.length) return empty("The rules identified no area for improvement.");
  const label = objectiveLabel(a);
  return (
    `<p>Corrective actions for each area for improvement. The organisation completes the responsible body and the completion date.</p>` +
    table(
      [
        { head: "#", cls: "num" },
        "Area for improvement",
        "Corrective action",
        "Objectives",
        "Responsible",
        "Completion date",
      ],
      areas.map((f, i) => [
        String(i + 1),
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

export function timelineSection(a: Analysis): string {
  const seen = new Set<number>();
  const rows = a.timeline.map((e) => {
    const id = seen.has(e.seq) ? "" : ` id="seq-${e.seq}"`;
    seen.add(e.seq);
    return (
      `<tr${id} class="k-${esc(e.kind)}"><td class="num">${e.seq}</td><td ` +
      `class="nowrap">${when(e.at, a.overview)}</td><td ` +
      `class="nowrap">${esc(`${e.turn} · ${e.phaseName}`)}</td><td>${esc(e.kind)}</td><td>${esc(e.audienceText)}` +
      `</td><td class="text">${esc(e.text)}</td></tr>`
    );
  });
  return (
    `<p class="small">Every log entry control saw, in order, with who else could see it. Also available as ` +
    `a CSV file.</p><table class="timeline"><thead><tr><th class="num">#</th><th>Time</th><th>Turn · ` +
    `phase</th><th>Kind</th><th>Seen by</th><th>Entry</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

export function methodSection(a: Analysis): string {
  return table(
    ["Term", "Definition"],
    definitions(a).map((d) => [`<strong>${esc(d.term)}</strong>`, esc(d.text)]),
  );
}
