// The report's analysis and metrics sections.
import type { Analysis } from "./types.ts";
import { esc } from "./escape.ts";
import { injectAttachmentsHtml } from "./attachments.ts";
import { empty, findingCard, names, noteQuote, pill, seqLink, table, when } from "./html-parts.ts";
import { THEME_TITLES } from "./rules.ts";
import type { Theme } from "./types.ts";
import { fmt, pct } from "../words/index.ts";
import { reportLanguage, type ReportLanguage } from "./language.ts";
import { escalationNumber, own } from "./summary.ts";
import { cbmKind } from "./categories.ts";

export function objectiveLabel(a: Analysis): (id: string) => string {
  return (id) => {
    const i = a.overview.objectives.findIndex((o) => o.id === id);
    return i < 0 ? id : `O${i + 1} ${clip(a.overview.objectives[i]!.text, 70)}`;
  };
}

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** The capabilities a finding bears on, by catalogue key of their titles. */
export const THEME_KEYS: Record<Theme, string> = {
  outcome: "report.theme.outcome",
  escalation: "report.theme.escalation",
  hotline: "report.theme.hotline",
  attribution: "report.theme.attribution",
  commitments: "report.theme.commitments",
  perception: "report.theme.perception",
  injects: "report.theme.injects",
};

/** Strengths and areas for improvement, grouped by capability, with the notes on the related objectives. */
export function findingsSection(a: Analysis, rl: ReportLanguage = reportLanguage()): string {
  const t = rl.tr.t;
  const label = objectiveLabel(a);
  const themes = (Object.keys(THEME_TITLES) as Theme[]).filter((t) => a.findings.some((f) => f.theme === t));
  const blocks = themes.map((theme, i) => {
    const fs = a.findings.filter((f) => f.theme === theme);
    const ids = [...new Set(fs.flatMap((f) => f.objectiveIds))];
    const notes = a.metrics.notes.filter((g) => g.objective && ids.includes(g.objective.id)).flatMap((g) => g.notes);
    const objectives = ids.length
      ? `<p class="small">${esc(t("report.findings.related", { list: ids.map(label).join("; ") }))}</p>`
      : `<p class="small">${esc(t("report.findings.no-objective"))}</p>`;
    const evidence = notes.length
      ? `<h4>${esc(t("report.findings.notes"))}</h4>${notes.map((n) => noteQuote(n, a.overview, rl)).join("")}`
      : "";
    const title = rl.english ? THEME_TITLES[theme] : t(THEME_KEYS[theme]);
    const cards = fs.map((f) => findingCard(f, rl)).join("");
    return `<div class="capability"><h3>${esc(`4.${i + 1} ${title}`)}</h3>${objectives}${cards}${evidence}</div>`;
  });
  return (
    `<p>${esc(t("report.findings.intro"))}</p>` +
    `${blocks.length ? blocks.join("") : empty(t("report.findings.none"))}`
  );
}

/** The measures: escalation, teams, red lines, hotline, commitments, attribution, perception, injects. */
export function metricsSection(a: Analysis, rl: ReportLanguage = reportLanguage()): string {
  const t = rl.tr.t;
  const fmt = escalationNumber(rl);
  const duration = rl.duration;
  const m = a.metrics;
  const o = a.overview;
  const h = a.hotline.stats;
  const parts: string[] = [];
  // "turn 3, command 42" with the command a link
  const turnCommand = (turn: number, seq: number) =>
    esc(t("report.metrics.turn-command", { turn, seq: "\u0001" })).replace("\u0001", seqLink(seq));
  parts.push(
    `<h3>${esc(t("report.metrics.escalation"))}</h3>` +
      table(
        [
          t("report.metrics.measure"),
          { head: t("report.metrics.value"), cls: "num" },
          t("report.ladder.rung"),
          t("report.metrics.when"),
        ],
        [
          [esc(t("report.metrics.start")), fmt(m.start.value), esc(m.start.rung), ""],
          [
            esc(t("report.metrics.peak")),
            fmt(m.peak.value),
            esc(m.peak.rung),
            m.peak.seq !== null ? turnCommand(m.peak.turn ?? 0, m.peak.seq) : esc(t("report.metrics.at-start")),
          ],
          [esc(t("report.metrics.final")), fmt(m.final.value), esc(m.final.rung), esc(t("report.metrics.at-end"))],
        ],
      ),
  );
  if (m.drivers.length)
    parts.push(
      `<h4>${esc(t("report.metrics.drivers"))}</h4>` +
        table(
          [
            { head: t("report.turn"), cls: "num" },
            { head: t("report.metrics.move"), cls: "num" },
            { head: t("report.metrics.to"), cls: "num" },
            t("report.metrics.cause"),
            t("report.metrics.command"),
          ],
          m.drivers.map((x) => [
            rl.tr.number(x.turn),
            `+${fmt(x.delta)}`,
            `${fmt(x.value)}${x.rung ? `<br><span class="small">${esc(t("report.metrics.now", { rung: own(rl, x.rung) }))}</span>` : ""}`,
            esc(x.text),
            seqLink(x.seq),
          ]),
        ),
    );
  parts.push(teamsTable(a, rl));
  parts.push(
    `<h3>${esc(t("report.metrics.red-lines"))}</h3>` +
      (m.redLines.length
        ? table(
            [
              t("report.metrics.red-line"),
              { head: t("report.metrics.at"), cls: "num" },
              { head: t("report.metrics.crossings"), cls: "num" },
              t("report.metrics.first-crossed"),
              { head: t("report.metrics.turns-some-point"), cls: "num" },
              { head: t("report.metrics.turns-end"), cls: "num" },
              t("report.metrics.at-the-end"),
            ],
            m.redLines.map((l) => [
              `<strong>${esc(l.name)}</strong><br><span class="small">${esc(l.rungName)}</span>`,
              fmt(l.from),
              String(l.crossings),
              l.firstCrossed
                ? esc(
                    t("report.metrics.turn-when-command", { turn: l.firstCrossed.turn, when: "\u0000", seq: "\u0001" }),
                  )
                    .replace("\u0000", when(l.firstCrossed.at, o))
                    .replace("\u0001", seqLink(l.firstCrossed.seq))
                : "—",
              `${l.turnsAtAnyPoint}` +
                (l.turnsAtAnyPointList.length
                  ? ` <span class="small">${esc(t("report.metrics.turn-list", { turns: l.turnsAtAnyPointList.join(", ") }))}</span>`
                  : ""),
              String(l.turnsAtEnd),
              l.aboveAtEnd ? pill(t("report.metrics.above"), "bad") : pill(t("report.metrics.below"), "ok"),
            ]),
          )
        : empty(t("report.summary.no-red-line"))),
  );
  parts.push(
    `<h3>${esc(t("report.metrics.hotline"))}</h3>` +
      table(
        [t("report.metrics.measure"), { head: t("report.metrics.value"), cls: "num" }],
        [
          [esc(t("report.metrics.h.messages")), String(h.messages)],
          [esc(t("report.metrics.h.opened")), String(h.opened)],
          [esc(t("report.metrics.h.answered")), String(h.answered)],
          [esc(t("report.metrics.h.timely", { window: duration(h.timelySeconds * 1000) })), String(h.timely)],
          [
            esc(t("report.metrics.h.median-mean")),
            `${h.medianMs === null ? "—" : esc(duration(h.medianMs))} / ${h.meanMs === null ? "—" : esc(duration(h.meanMs))}`,
          ],
          [esc(t("report.metrics.h.slowest")), h.slowestMs === null ? "—" : esc(duration(h.slowestMs))],
          [esc(t("report.metrics.h.lapsed")), String(h.lapsed)],
          [esc(t("report.metrics.h.open")), String(h.open)],
          [esc(t("report.metrics.h.relayed")), String(h.relayed)],
          [
            esc(t("report.metrics.h.first-contact")),
            m.firstContact
              ? esc(
                  t("report.metrics.first-contact-value", {
                    after: duration(m.firstContact.ms),
                    from: own(rl, m.firstContact.from.name),
                    to: own(rl, m.firstContact.to.name),
                    seq: "\u0001",
                  }),
                ).replace("\u0001", seqLink(m.firstContact.seq))
              : "—",
          ],
        ],
      ),
  );
  const c = m.commitments;
  const STATUS = {
    active: "report.metrics.c.active",
    fulfilled: "report.metrics.c.fulfilled",
    broken: "report.metrics.c.broken",
  } as const;
  const commitmentStatus = (id: keyof typeof STATUS) => (rl.english ? id : t(STATUS[id]));
  parts.push(
    `<h3>${esc(t("report.metrics.commitments"))}</h3><p>${esc(t("report.metrics.c.summary", { adopted: c.adopted, kept: c.kept, broken: c.broken }))}</p>` +
      (c.lines.length
        ? table(
            [
              t("report.metrics.measure"),
              t("report.metrics.c.parties"),
              { head: t("report.metrics.c.adopted"), cls: "num" },
              t("report.metrics.c.status"),
              t("report.metrics.c.breaches"),
            ],
            c.lines.map((l) => [
              `<strong>${esc(l.name)}</strong><br><span class="small">${esc(cbmKind(l.kind, rl))}</span>`,
              names(l.parties),
              esc(t("report.metrics.turn-n", { turn: l.adoptedTurn })),
              pill(commitmentStatus(l.status), l.status === "broken" ? "bad" : "ok"),
              l.breaches.length
                ? l.breaches
                    .map((b) =>
                      esc(t("report.metrics.c.breach", { who: b.breaker.name, turn: b.turn, reason: b.reason })),
                    )
                    .join("<br>")
                : "—",
            ]),
          )
        : empty(t("report.summary.no-commitment"))),
  );
  const at = m.attributions;
  const attributionSummary = t("report.metrics.a.summary", {
    incidents: m.incidents,
    total: at.total,
    correct: at.correct,
    weak: at.weakCorrect,
    verifications: at.verifications,
  });
  parts.push(
    `<h3>${esc(t("report.metrics.attribution"))}</h3><p>${esc(attributionSummary)}</p>` +
      (m.misattributions.length
        ? table(
            [
              { head: t("report.turn"), cls: "num" },
              t("report.metrics.a.accuser"),
              t("report.metrics.a.accused"),
              t("report.decisions.kind.incident"),
              { head: t("report.metrics.a.evidence"), cls: "num" },
              t("report.metrics.a.pointed-at"),
              t("report.metrics.a.culprit"),
              t("report.metrics.command"),
            ],
            m.misattributions.map((x) => [
              String(x.turn),
              esc(x.by.name),
              esc(x.accused.name),
              esc(x.incident),
              esc(pct(x.confidence)),
              esc(x.pointedAt.name),
              `<strong>${esc(x.culprit.name)}</strong>`,
              x.seq === null ? "—" : seqLink(x.seq),
            ]),
          )
        : empty(t("report.metrics.a.none"))),
  );
  parts.push(
    `<h3>${esc(t("report.metrics.misperceptions"))}</h3>` +
      (m.misperceptions.length
        ? table(
            [
              { head: t("report.turn"), cls: "num" },
              t("report.metrics.p.happened"),
              t("report.metrics.p.told"),
              t("report.metrics.p.notified-head"),
              t("report.metrics.command"),
            ],
            m.misperceptions.map((p) => [
              String(p.turn),
              esc(p.text),
              esc(p.targetText),
              p.notified ? pill(t("report.metrics.p.notified"), "ok") : pill(t("report.metrics.p.not-notified"), "bad"),
              seqLink(p.seq),
            ]),
          )
        : empty(t("report.metrics.p.none"))) +
      `<p class="small">${esc(t("report.metrics.p.notify", { n: m.notifyMessages }))}</p>`,
  );
  parts.push(injectsTable(a, rl));
  return parts.join("");
}

function teamsTable(a: Analysis, rl: ReportLanguage): string {
  const t = rl.tr.t;
  const signed = (from: number, to: number) => `${fmt(from)} → ${fmt(to)}`;
  return (
    `<h3>${esc(t("report.teams.title"))}</h3>` +
    table(
      [
        t("report.decisions.team"),
        { head: t("report.teams.actions"), cls: "num" },
        { head: t("report.teams.sent"), cls: "num" },
        { head: t("report.teams.in-time"), cls: "num" },
        { head: t("report.teams.unanswered"), cls: "num" },
        { head: t("report.metrics.c.breaches"), cls: "num" },
        { head: t("report.teams.attributions"), cls: "num" },
        { head: t("report.teams.standing"), cls: "num" },
        { head: t("report.teams.pressure"), cls: "num" },
      ],
      a.metrics.teams.map((t) => [
        `<strong>${esc(t.team.name)}</strong>`,
        `${t.actions} (${t.hostileActions})`,
        String(t.messagesSent),
        String(t.answeredInTime),
        t.leftUnanswered ? `<strong>${t.leftUnanswered}</strong>` : "0",
        t.breaches ? `<strong>${t.breaches}</strong>` : "0",
        `${t.attributions} (${t.misattributions})`,
        signed(t.standing.start, t.standing.end),
        signed(t.pressure.start, t.pressure.end),
      ]),
    ) +
    `<p class="small">${esc(t("report.teams.note"))}</p>`
  );
}

const VIA_KEYS = {
  hotline: "report.injects.via-hotline",
  orders: "report.injects.via-orders",
  both: "report.injects.via-both",
} as const;

function injectsTable(a: Analysis, rl: ReportLanguage): string {
  const t = rl.tr.t;
  const o = a.overview;
  const rows = a.metrics.injects.map((i) => [
    String(i.turn),
    when(i.at, o),
    `<strong>${esc(i.title)}</strong>${injectAttachmentsHtml(i.attachments, rl, a.media)}<br><span class="small">` +
      `${esc(t("report.injects.source", { channel: i.channel, adhoc: i.adhoc ? "yes" : "no", by: i.releasedBy }))}</span>`,
    esc(i.audienceText),
    i.followUps.length
      ? i.followUps
          .map((f) => {
            const hotline = f.hotlineSeq !== null;
            const orders = f.ordersSeq !== null;
            const via = hotline && orders ? "both" : hotline ? "hotline" : "orders";
            const waiting = i.windowEndSeq === null;
            const badge = f.followedUp
              ? pill(t(VIA_KEYS[via]), "ok")
              : pill(
                  t(waiting ? "report.injects.no-follow-up-yet" : "report.injects.no-follow-up"),
                  waiting ? "" : "warn",
                );
            return `${esc(f.team.name)} ${badge}`;
          })
          .join("<br>")
      : `<span class="small">${esc(t("report.injects.not-addressed"))}</span>`,
    seqLink(i.seq),
  ]);
  return (
    `<h3>${esc(t("report.injects.title"))}</h3><p class="small">${esc(t("report.injects.note"))}</p>` +
    (rows.length
      ? table(
          [
            { head: t("report.turn"), cls: "num" },
            t("report.time"),
            t("report.injects.inject"),
            t("report.injects.audience"),
            t("report.injects.follow-up"),
            t("report.metrics.command"),
          ],
          rows,
        )
      : empty(t("report.injects.none")))
  );
}
