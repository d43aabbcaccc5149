// The replay's top bar (exercise, turn, phases, status, point of view) and the
// step strip: the current command in words, and what it brought the chosen
// participant.
import type { GameState, ParticipantView, Viewer } from "../../shared/engine/index.ts";
import type { Actor } from "../../shared/protocol/actor.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { brand, h, render } from "../ui/dom.ts";
import type { Timeline } from "./timeline.ts";
import {
  actorLabel,
  clockTime,
  commandPhrase,
  elapsed,
  fmt,
  phaseName,
  quote,
  viewerKey,
  viewerLabel,
  whereIn,
} from "./words.ts";

export interface Header {
  bar: HTMLElement;
  strip: HTMLElement;
  pov: HTMLSelectElement;
  show(step: number, s: GameState, v: ParticipantView): void;
  /** the step in one line, for the slider's spoken value */
  summary(): string;
}

export function header(t: Timeline, sc: Scenario, title: string, viewer: () => Viewer): Header {
  const pov = h(
    "select",
    { id: "replay-pov", class: "replay-pov" },
    h("option", { value: "facilitator" }, "Control — sees everything"),
    sc.teams.map((team) => h("option", { value: `team:${team.id}` }, `${team.name} — state team`)),
    sc.mediator ? h("option", { value: "mediator" }, `${sc.mediator.name} — mediator`) : null,
    h("option", { value: "observer" }, "Observers"),
  );
  const turn = h("div", { "aria-label": "Turn" });
  const phases = h("div", { class: "phases", "aria-label": "Phases of the turn" });
  const status = h("div", {});
  const bar = h(
    "header",
    { class: "topbar replay-topbar" },
    brand(false),
    h("span", { class: "badge accent" }, "Replay"),
    h("div", { class: "title", title }, title),
    turn,
    phases,
    status,
    h("div", { class: "replay-pov-box" }, h("label", { for: "replay-pov", class: "inline" }, "Point of view"), pov),
  );

  const where = h("div", { class: "replay-where" });
  const what = h("p", { class: "replay-what" });
  const seen = h("p", { class: "replay-seen" });
  const strip = h("section", { class: "replay-step", "aria-label": "The current step" }, where, what, seen);
  let phaseKey = "";
  const start = t.commands[0]?.at ?? 0;

  return {
    bar,
    strip,
    pov,
    summary: () => `${where.textContent ?? ""}. ${what.textContent ?? ""}`,
    show(step, s, v) {
      turn.textContent = s.status === "setup" ? "Not started" : `Turn ${s.turn} of ${sc.turns}`;
      const key = `${s.status}|${s.phaseIndex}`;
      if (key !== phaseKey) {
        phaseKey = key;
        const live = s.status !== "setup" && s.status !== "ended";
        render(
          phases,
          sc.phases.map((p, i) =>
            h(
              "span",
              {
                class: live && i === s.phaseIndex ? "current" : "",
                "aria-current": live && i === s.phaseIndex ? "step" : undefined,
              },
              p.name,
            ),
          ),
        );
        render(
          status,
          s.status === "paused"
            ? h("span", { class: "badge warn" }, "⏸ Paused")
            : s.status === "ended"
              ? h("span", { class: "badge danger" }, "■ Ended")
              : s.status === "setup"
                ? h("span", { class: "badge" }, "Not started")
                : h("span", { class: "badge ok" }, "● Running"),
        );
      }

      const c = t.command(step);
      const before = t.state(step - 1);
      render(
        where,
        h("strong", {}, `Step ${step.toLocaleString()} of ${(t.total - 1).toLocaleString()}`),
        c
          ? [
              h("span", {}, c.turn ? `Turn ${c.turn} · ${phaseName(sc, c.phase)}` : "Before the start"),
              h("span", { class: "mono" }, `${clockTime(c.at)} (${elapsed(c.at - start)})`),
            ]
          : h("span", {}, "The exercise as set up, before the first command"),
        c && (c.turn !== s.turn || c.phase !== (sc.phases[s.phaseIndex]?.id ?? "") || s.status === "ended")
          ? h("span", { class: "dim" }, `→ now ${whereIn(s)}`)
          : null,
      );
      const news = newFor(s, v, step);
      const me = viewer();
      const who = viewerLabel(sc, me);
      if (!c)
        render(
          what,
          `${s.title}: ${sc.teams.length} states${sc.mediator ? ` and ${sc.mediator.name}` : ""}. Escalation starts at ${fmt(s.escalation)}.`,
        );
      else {
        const moved = s.escalation !== before.escalation;
        const shown = sees(me, s.observersSeeAll, c.actor) || news.length > 0;
        render(
          what,
          h("strong", {}, actorLabel(sc, c.actor)),
          shown
            ? ` ${sentence(commandPhrase(c, before, s))}`
            : h(
                "span",
                { class: "dim" },
                ` acted out of ${who}'s sight. Switch the point of view to Control to see what was done.`,
              ),
          moved
            ? h(
                "span",
                { class: `badge ${s.escalation > before.escalation ? "danger" : "ok"}`, style: "margin-left: 0.5em" },
                `Escalation ${fmt(before.escalation)} → ${fmt(s.escalation)} ${s.escalation > before.escalation ? "▲" : "▼"}`,
              )
            : null,
        );
      }
      render(
        seen,
        news.length
          ? [h("span", { class: "seen-label" }, `New for ${who}:`), " ", news.join(" · ")]
          : h(
              "span",
              { class: "dim" },
              step ? `Nothing new in ${who}'s log, chat or notes at this step.` : `What ${who} saw before the start.`,
            ),
      );
      pov.value = viewerKey(viewer());
    },
  };
}

/** Does this viewer know what the actor's commands are? Control does, and so does the actor's own party. */
function sees(v: Viewer, observersSeeAll: boolean, a: Actor): boolean {
  if (v.role === "facilitator" || (v.role === "observer" && observersSeeAll)) return true;
  if (v.role === "team") return a.role === "team" && a.teamId === v.teamId;
  return v.role === a.role;
}

/** A phrase ended as a sentence: a closing quotation ends it already. */
function sentence(phrase: string): string {
  return /[.!?”]$/.test(phrase) ? phrase : `${phrase}.`;
}

/**
 * What this step added to the viewer's log, team chat and notes. The view has
 * no command numbers; the state `s` (at this step) says which items this step
 * wrote, and those the viewer may read are the last of its lists.
 */
function newFor(s: GameState, v: ParticipantView, step: number): string[] {
  if (!step) return [];
  const out: string[] = [];
  for (const e of added(s.log, v.log, step)) out.push(e.text);
  for (const c of added(s.chat, v.chat, step)) out.push(`team chat, ${c.author}: ${quote(c.text, 80)}`);
  for (const n of added(s.notes, v.notes, step)) out.push(`note by ${n.author}: ${quote(n.text, 80)}`);
  return out.length > 5 ? [...out.slice(0, 5), `and ${out.length - 5} more`] : out;
}

/** The items of the viewer's list written at `step`, in order. */
function added<T extends { id: string }>(
  all: readonly { id: string; seq: number }[],
  seen: readonly T[],
  step: number,
): T[] {
  const ids = new Set<string>();
  for (let i = all.length - 1; i >= 0 && all[i]!.seq >= step; i--) if (all[i]!.seq === step) ids.add(all[i]!.id);
  let from = seen.length;
  while (from > 0 && ids.has(seen[from - 1]!.id)) from--;
  return seen.slice(from);
}
