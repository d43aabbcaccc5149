// What the board shows, as plain text for a screen-reader live region. No
// Phaser here: pages import this without loading the board.
import type { ParticipantView } from "../../shared/engine/view.ts";
import { crossedRedLines, rungIndex } from "../../shared/engine/escalation.ts";
import { escalationAfter } from "../../shared/engine/events.ts";
import { sectorStatus } from "../../shared/engine/measures.ts";
import { channelLabel, glossaryOf, outcomeWords, partyName } from "../../shared/words/index.ts";
import { fmt, trustStyle } from "./theme.ts";
import { pauseCause } from "../ui/paused.ts";
import { i18n, t } from "../i18n/index.ts";
import { languageFor } from "../../shared/words/catalogue.ts";

export function describeBoard(view: ParticipantView): string {
  const e = view.exercise;
  const out: string[] = [];
  const name = (id: string) => partyName(view, id);
  const sep = t("board.describe.separator");
  const words = languageFor(i18n());

  if (e.status === "setup") out.push(t("board.describe.setup", { title: e.title, turns: e.turns }));
  else if (e.status === "ended") out.push(ending(view));
  else {
    const phase = e.phase?.name ?? t("board.describe.no-phase");
    const at = { turn: fmt(e.turn), turns: fmt(e.turns), phase };
    out.push(
      e.status === "paused"
        ? t("board.describe.turn-paused", { ...at, paused: pauseCause(view) })
        : t("board.describe.turn", at),
    );
  }

  const l = view.ladder;
  const rung = l.rungs[rungIndex(l, l.value)];
  const moves = view.log.flatMap((x) => {
    const after = escalationAfter(x);
    return after === undefined ? [] : [after];
  });
  const before =
    moves.length >= 2 ? moves.filter((v) => v !== l.value).at(-1) : moves.length === 1 ? l.start : undefined;
  const ladder = {
    value: fmt(l.value),
    rung: rung?.name ?? "",
    index: fmt(rungIndex(l, l.value) + 1),
    rungs: fmt(l.rungs.length),
    peak: fmt(l.peak),
  };
  out.push(
    before !== undefined && before !== l.value
      ? t("board.describe.escalation-change", {
          ...ladder,
          direction: l.value > before ? "up" : "down",
          delta: fmt(Math.abs(l.value - before)),
          before: fmt(before),
        })
      : t("board.describe.escalation", ladder),
  );
  const crossed = crossedRedLines(l, l.value).map((id) => l.redLines.find((r) => r.id === id)?.name ?? id);
  out.push(
    crossed.length ? t("board.describe.red-lines", { names: crossed.join(sep) }) : t("board.describe.no-red-line"),
  );

  const mine = view.me?.kind === "team" ? view.me.teamId : null;
  for (const team of view.teams) {
    const sectors = team.sectors
      .map((s) =>
        t("board.describe.sector", {
          name: s.name,
          kind: t("board.describe.kind", { kind: s.kind }),
          status: sectorStatus(s.health),
          health: fmt(Math.round(s.health)),
        }),
      )
      .join(sep);
    out.push(
      t(team.id === mine ? "board.describe.team-mine" : "board.describe.team", {
        name: team.name,
        standing: fmt(Math.round(team.standing)),
        pressure: fmt(Math.round(team.pressure)),
        sectors: sectors || t("board.describe.no-sectors"),
      }),
    );
  }

  if (view.trust.length) {
    const hot = new Set(view.hotlines);
    const pairs = view.trust.map((p) => {
      const hotline = hot.has(`${p.a}|${p.b}`) || hot.has(`${p.b}|${p.a}`);
      return t("board.describe.pair", {
        a: name(p.a),
        b: name(p.b),
        value: fmt(Math.round(p.value)),
        level: trustStyle(p.value).level,
        hotline: hotline ? "yes" : "no",
      });
    });
    out.push(t("board.describe.trust", { pairs: pairs.join(sep) }));
  }

  const released = view.injects
    .map((inject, index) => ({ inject, index }))
    .filter((x) => x.inject.status === "released")
    .sort((a, b) => (b.inject.releasedAt ?? 0) - (a.inject.releasedAt ?? 0) || b.index - a.index)
    .slice(0, 3);
  if (released.length) {
    const items = released.map(({ inject: i }) =>
      i.releasedTurn
        ? t("board.describe.inject-turn", {
            channel: channelLabel(i.channel, words),
            turn: fmt(i.releasedTurn),
            title: i.title,
          })
        : t("board.describe.inject", { channel: channelLabel(i.channel, words), title: i.title }),
    );
    out.push(t("board.describe.injects", { items: items.join(sep) }));
  }
  return out.join("\n");
}

/** How the exercise ended: its outcome and control's reason, in words. */
function ending(view: ParticipantView): string {
  const o = view.exercise.outcome;
  return o
    ? t("board.describe.ended", { ending: outcomeWords(o.kind, o.reason, glossaryOf(view), languageFor(i18n())) })
    : t("board.describe.ended-plain");
}
