// The replay's top bar (exercise, turn, phases, status, point of view) and the
// step strip: the current command in words, and what it brought the chosen
// participant.
import { seesAll, type Command, type GameState, type ParticipantView, type Viewer } from "../../shared/engine/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { groupKey } from "../../shared/protocol/identity.ts";
import { describe, fmt, glossaryOf, phaseName } from "../../shared/words/index.ts";
import { describeActor, describeCommand, quote, type CommandFacts } from "../../shared/words/commands.ts";
import { brand, h, render } from "../ui/dom.ts";
import type { Timeline } from "./timeline.ts";
import { writtenAt } from "./at-step.ts";
import { viewerLabel, whereIn } from "./words.ts";
import { clockSeconds, elapsed } from "../ui/time.ts";
import { icon } from "../ui/icons.ts";

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
  const phases = h("div", { class: "phases", role: "group", "aria-label": "Phases of the turn" });
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
            ? h("span", { class: "badge warn" }, icon("pause"), "Paused")
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
              h("span", { class: "mono" }, `${clockSeconds(c.at)} (${elapsed(c.at - start)})`),
            ]
          : h("span", {}, "The exercise as set up, before the first command"),
        c && (c.turn !== s.turn || c.phase !== (sc.phases[s.phaseIndex]?.id ?? "") || s.status === "ended")
          ? h("span", { class: "dim" }, `→ now ${whereIn(s)}`)
          : null,
      );
      const me = viewer();
      const news = newFor(s, v, me, step);
      const who = viewerLabel(sc, me);
      if (!c)
        render(
          what,
          `${s.title}: ${sc.teams.length} states${sc.mediator ? ` and ${sc.mediator.name}` : ""}. Escalation starts at ${fmt(s.escalation)}.`,
        );
      else {
        const moved = s.escalation !== before.escalation;
        // a command in words is the recording's, read by those who read everything (the engine's rule);
        // anyone else knows of it what reached its view, listed below
        const phrase = seesAll(s, me)
          ? ` ${sentence(describeCommand(c, sc, factsOf(t, step, before, c.command)))}`
          : h(
              "span",
              { class: "dim" },
              news.length
                ? ` acted; what reached ${who} is below.`
                : ` acted out of ${who}'s sight. Switch the point of view to Control to see what was done.`,
            );
        render(
          what,
          h("strong", {}, describeActor(c.actor, sc)),
          phrase,
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
      pov.value = groupKey(viewer());
    },
  };
}

/** What a command's words draw on: the events it caused, the proposal or message it names. */
function factsOf(t: Timeline, step: number, before: GameState, c: Command): CommandFacts {
  return {
    events: t.eventsAt(step),
    proposal:
      c.type === "proposal.respond" || c.type === "proposal.withdraw"
        ? before.proposals.find((p) => p.id === c.proposalId)
        : null,
    relayed: c.type === "hotline.relay" ? before.messages.find((m) => m.id === c.messageId) : null,
  };
}

/** A phrase ended as a sentence: a closing quotation ends it already. */
function sentence(phrase: string): string {
  return /[.!?”]$/.test(phrase) ? phrase : `${phrase}.`;
}

/** What this step added to the viewer's log, team chat and notes, in words: its view says what it read. */
function newFor(s: GameState, v: ParticipantView, viewer: Viewer, step: number): string[] {
  const names = glossaryOf(v);
  const out: string[] = [];
  for (const e of writtenAt(s.log, v.log, step)) out.push(describe(e, names, viewer));
  for (const c of writtenAt(s.chat, v.chat, step)) out.push(`team chat, ${c.author}: ${quote(c.text, 80)}`);
  for (const n of writtenAt(s.notes, v.notes, step)) out.push(`note by ${n.author}: ${quote(n.text, 80)}`);
  return out.length > 5 ? [...out.slice(0, 5), `and ${out.length - 5} more`] : out;
}
