// Small HTML builders for the report. Arguments named `html` are markup built
// here; every other string is escaped.
import { esc } from "./escape.ts";
import type { Finding, NoteLine, Overview, PartyRef } from "./types.ts";
import { elapsed, utc } from "./format.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";

export interface Col {
  head: string;
  cls?: string;
}

/** A table; cells are markup (escape text with esc before). */
export function table(cols: (string | Col)[], rows: string[][], cls = ""): string {
  const cs = cols.map((c) => (typeof c === "string" ? { head: c } : c));
  const head = cs.map((c) => `<th${c.cls ? ` class="${c.cls}"` : ""}>${esc(c.head)}</th>`).join("");
  const body = rows
    .map(
      (r) => `<tr>${r.map((cell, i) => `<td${cs[i]?.cls ? ` class="${cs[i]!.cls}"` : ""}>${cell}</td>`).join("")}</tr>`,
    )
    .join("");
  return `<table${cls ? ` class="${cls}"` : ""}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function pill(text: string, tone: "ok" | "bad" | "warn" | "" = ""): string {
  return `<span class="pill${tone ? ` ${tone}` : ""}">${esc(text)}</span>`;
}

export function empty(text: string): string {
  return `<p class="empty">${esc(text)}</p>`;
}

export function names(parties: readonly PartyRef[]): string {
  return esc(parties.map((p) => p.name).join(", "));
}

/** "T+00:04:10" with the UTC time as a tooltip. */
export function when(at: number, o: Overview): string {
  return `<span title="${esc(utc(at))}">${esc(elapsed(at, o.startedAt))}</span>`;
}

export function seqLink(seq: number): string {
  return `<a href="#seq-${seq}">${seq}</a>`;
}

/** "Observer Dr. Ruiz", "Control" (not "Control Control"), in the report's words. */
export function noteAuthor(n: NoteLine, rl: ReportLanguage = reportLanguage()): string {
  const role = n.role === "observer" ? "Observer" : "Control";
  if (rl.english) return n.author === role ? role : `${role} ${n.author}`;
  const name = rl.tr.t(n.role === "observer" ? "report.notes.observer" : "report.audience.control");
  return n.author === role ? name : `${name} ${n.author}`;
}

/** A note as a quote: its text (in its own direction), who wrote it, when. */
export function noteQuote(n: NoteLine, o: Overview, rl: ReportLanguage = reportLanguage()): string {
  const who = rl.tr.t("report.notes.who", {
    author: noteAuthor(n, rl),
    turn: n.turn,
    elapsed: elapsed(n.at, o.startedAt),
  });
  return (
    `<div class="quote"><div class="msg"${rl.tr.dir === "rtl" ? ' dir="auto"' : ""}>${esc(n.text)}</div><div ` +
    `class="who">${esc(who)}</div></div>`
  );
}

/** A finding as a card: its kind, title, evidence, recommendation and the rule that made it. */
export function findingCard(f: Finding, rl: ReportLanguage = reportLanguage()): string {
  const t = rl.tr.t;
  const strength = f.kind === "strength";
  const tag = t(strength ? "report.finding.strength" : "report.finding.improvement");
  const rec = t(strength ? "report.finding.sustain" : "report.finding.recommendation");
  return (
    `<div class="finding ${f.kind}" id="finding-${esc(f.id)}"><h4><span class="tag">${esc(tag)}</span>${esc(f.title)}</h4>` +
    `<ul>${f.evidence.map((e) => `<li>${esc(e)}</li>`).join("")}</ul>` +
    `<div class="rec"><strong>${esc(rec)}</strong> ${esc(f.recommendation)}</div>` +
    `<p class="rule">${esc(t("report.finding.rule", { rule: f.rule }))}</p></div>`
  );
}

export const OUTCOME_LABEL: Record<Overview["outcome"]["kind"], string> = {
  agreement: "Agreement concluded",
  failure: "Failure — top rung reached",
  time: "Time — all turns played",
  facilitator: "Ended by control",
  unfinished: "Unfinished",
};
