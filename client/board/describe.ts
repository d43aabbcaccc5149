// What the board shows, as plain text for a screen-reader live region. No
// Phaser here: pages import this without loading the board.
import type { ParticipantView } from "../../shared/engine/view.ts";
import { crossedRedLines, rungIndex } from "../../shared/engine/escalation.ts";
import { escalationAfter } from "../../shared/engine/events.ts";
import { sectorStatus } from "../../shared/engine/measures.ts";
import { channelLabel, fmt, glossaryOf, outcomeWords, partyName } from "../../shared/words/index.ts";
import { trustStyle } from "./theme.ts";
import { pauseCause } from "../ui/paused.ts";

export function describeBoard(view: ParticipantView): string {
  const e = view.exercise;
  const out: string[] = [];
  const name = (id: string) => partyName(view, id);

  if (e.status === "setup") out.push(`Waiting for control to start the exercise “${e.title}” (${e.turns} turns).`);
  else if (e.status === "ended") out.push(`The exercise has ended: ${ending(view)}.`);
  else
    out.push(
      `Turn ${e.turn} of ${e.turns}, ${e.phase?.name ?? "no phase"}.${e.status === "paused" ? ` ${pauseCause(view)}.` : ""}`,
    );

  const l = view.ladder;
  const rung = l.rungs[rungIndex(l, l.value)];
  const moves = view.log.flatMap((x) => {
    const after = escalationAfter(x);
    return after === undefined ? [] : [after];
  });
  const before =
    moves.length >= 2 ? moves.filter((v) => v !== l.value).at(-1) : moves.length === 1 ? l.start : undefined;
  const change =
    before !== undefined && before !== l.value
      ? ` (last change ${l.value > before ? "up" : "down"} ${fmt(Math.abs(l.value - before))} from ${fmt(before)})`
      : "";
  out.push(
    `Escalation ${fmt(l.value)} of 100: “${rung?.name ?? ""}”, rung ${rungIndex(l, l.value) + 1} of ${l.rungs.length}${change}; peak ${fmt(l.peak)}.`,
  );
  const crossed = crossedRedLines(l, l.value).map((id) => l.redLines.find((r) => r.id === id)?.name ?? id);
  out.push(crossed.length ? `Red lines crossed: ${crossed.join("; ")}.` : "No red line crossed.");

  const mine = view.me?.kind === "team" ? view.me.teamId : null;
  for (const t of view.teams) {
    const sectors = t.sectors
      .map((s) => `${s.name} (${s.kind}) ${sectorStatus(s.health)}, health ${fmt(Math.round(s.health))}`)
      .join("; ");
    out.push(
      `${t.name}${t.id === mine ? " (your state)" : ""}: standing ${fmt(Math.round(t.standing))}, ` +
        `domestic pressure ${fmt(Math.round(t.pressure))}. Sectors: ${sectors || "none"}.`,
    );
  }

  if (view.trust.length) {
    const hot = new Set(view.hotlines);
    const pairs = view.trust.map((p) => {
      const hotline = hot.has(`${p.a}|${p.b}`) || hot.has(`${p.b}|${p.a}`);
      return `${name(p.a)} and ${name(p.b)} ${fmt(Math.round(p.value))} (${trustStyle(p.value).word.toLowerCase()})${hotline ? ", hotline established" : ""}`;
    });
    out.push(`Trust: ${pairs.join("; ")}.`);
  }

  const released = view.injects
    .map((inject, index) => ({ inject, index }))
    .filter((x) => x.inject.status === "released")
    .sort((a, b) => (b.inject.releasedAt ?? 0) - (a.inject.releasedAt ?? 0) || b.index - a.index)
    .slice(0, 3);
  if (released.length)
    out.push(
      `Latest injects: ${released
        .map(
          ({ inject: i }) =>
            `${channelLabel(i.channel)}${i.releasedTurn ? `, turn ${i.releasedTurn}` : ""}: ${i.title}`,
        )
        .join("; ")}.`,
    );
  return out.join("\n");
}

/** How the exercise ended: its outcome and control's reason, in words. */
function ending(view: ParticipantView): string {
  const o = view.exercise.outcome;
  return o ? outcomeWords(o.kind, o.reason, glossaryOf(view)) : "ended";
}
