// The replay's top bar (exercise, turn, phases, status, point of view) and the
// step strip: the current command in words, and what it brought the chosen
// participant.
import { seesAll, type Command, type GameState, type ParticipantView, type Viewer } from "../../shared/engine/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { groupKey } from "../../shared/protocol/identity.ts";
import { describe, glossaryOf, phaseName } from "../../shared/words/index.ts";
import { describeActor, describeCommand, quote, type CommandFacts } from "../../shared/words/commands.ts";
import { brand, h, render } from "../ui/dom.ts";
import type { Timeline } from "./timeline.ts";
import { writtenAt } from "./at-step.ts";
import { viewerLabel, whereIn } from "./words.ts";
import { clockSeconds, elapsed } from "../ui/time.ts";
import { icon } from "../ui/icons.ts";
import { i18n, t as tr, eventWords, stepWords } from "../i18n/index.ts";
import { own } from "../ui/own-words.ts";
import { localizeScenario } from "../../shared/scenario/localize.ts";

export interface Header {
  bar: HTMLElement;
  strip: HTMLElement;
  pov: HTMLSelectElement;
  show(step: number, s: GameState, v: ParticipantView): void;
  /** the step in one line, for the slider's spoken value */
  summary(): string;
}

export function header(t: Timeline, source: Scenario, title: string, viewer: () => Viewer): Header {
  // team, mediator and phase names in the reader's language, from the recording's scenario translations
  const sc = localizeScenario(source, i18n().lang);
  const pov = h(
    "select",
    { id: "replay-pov", class: "replay-pov" },
    h("option", { value: "facilitator" }, tr("replay.pov-control")),
    sc.teams.map((team) => h("option", { value: `team:${team.id}` }, tr("replay.pov-team", { team: team.name }))),
    sc.mediator ? h("option", { value: "mediator" }, tr("replay.pov-mediator", { mediator: sc.mediator.name })) : null,
    h("option", { value: "observer" }, tr("replay.observers")),
  );
  const turn = h("div", { "aria-label": tr("replay.turn-label") });
  const phases = h("div", { class: "phases", role: "group", "aria-label": tr("replay.phases-label") });
  const status = h("div", {});
  const bar = h(
    "header",
    { class: "topbar replay-topbar" },
    brand(false),
    h("span", { class: "badge accent" }, tr("replay.badge")),
    own(h("div", { class: "title", title }, title)),
    turn,
    phases,
    status,
    h(
      "div",
      { class: "replay-pov-box" },
      h("label", { for: "replay-pov", class: "inline" }, tr("replay.pov-label")),
      pov,
    ),
  );

  const where = h("div", { class: "replay-where" });
  const what = h("p", { class: "replay-what" });
  const seen = h("p", { class: "replay-seen" });
  const strip = h("section", { class: "replay-step", "aria-label": tr("replay.step-label") }, where, what, seen);
  let phaseKey = "";
  const start = t.commands[0]?.at ?? 0;

  return {
    bar,
    strip,
    pov,
    summary: () => `${where.textContent ?? ""}. ${what.textContent ?? ""}`,
    show(step, s, v) {
      turn.textContent =
        s.status === "setup" ? tr("replay.not-started") : tr("replay.turn-of", { turn: s.turn, turns: sc.turns });
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
            ? h("span", { class: "badge warn" }, icon("pause"), tr("replay.paused"))
            : s.status === "ended"
              ? h("span", { class: "badge danger" }, `■ ${tr("replay.ended")}`)
              : s.status === "setup"
                ? h("span", { class: "badge" }, tr("replay.not-started"))
                : h("span", { class: "badge ok" }, `● ${tr("replay.running")}`),
        );
      }

      const c = t.command(step);
      const before = t.state(step - 1);
      render(
        where,
        h("strong", {}, tr("replay.step-of", { step, steps: t.total - 1 })),
        c
          ? [
              h(
                "span",
                {},
                c.turn
                  ? tr("replay.turn-phase-short", { turn: c.turn, phase: phaseName(sc, c.phase) })
                  : tr("replay.before-start"),
              ),
              h("span", { class: "mono" }, `${clockSeconds(c.at)} (${elapsed(c.at - start)})`),
            ]
          : h("span", {}, tr("replay.as-set-up")),
        c && (c.turn !== s.turn || c.phase !== (sc.phases[s.phaseIndex]?.id ?? "") || s.status === "ended")
          ? h(
              "span",
              { class: "dim" },
              tr("replay.now", { arrow: i18n().dir === "rtl" ? "\u200f←" : "→", where: whereIn(s) }),
            )
          : null,
      );
      const me = viewer();
      const news = newFor(s, v, me, step);
      const who = viewerLabel(sc, me);
      if (!c)
        render(
          what,
          own(h("strong", {}, s.title)),
          " ",
          tr("replay.opening", {
            states: sc.teams.length,
            mediator: sc.mediator?.name ?? "",
            hasMediator: sc.mediator ? "yes" : "no",
            escalation: tenths(s.escalation),
          }),
        );
      else {
        const moved = s.escalation !== before.escalation;
        // a command in words is the recording's, read by those who read everything (the engine's rule);
        // anyone else knows of it what reached its view, listed below
        const actor = describeActor(c.actor, sc, stepWords());
        const phrase = seesAll(s, me)
          ? [
              h("strong", {}, actor),
              ` ${sentence(describeCommand(c, sc, factsOf(t, step, before, c.command), stepWords(), eventWords()))}`,
            ]
          : h(
              "span",
              { class: "dim" },
              news.length ? tr("replay.acted-seen", { actor, who }) : tr("replay.acted-unseen", { actor, who }),
            );
        render(
          what,
          phrase,
          moved
            ? h(
                "span",
                {
                  class: `badge ${s.escalation > before.escalation ? "danger" : "ok"}`,
                  style: "margin-inline-start: 0.5em",
                },
                tr("replay.escalation-moved", {
                  from: tenths(before.escalation),
                  to: tenths(s.escalation),
                  arrow: i18n().dir === "rtl" ? "\u200f←" : "→",
                  way: s.escalation > before.escalation ? "▲" : "▼",
                }),
              )
            : null,
        );
      }
      render(
        seen,
        news.length
          ? [h("span", { class: "seen-label" }, tr("replay.new-for", { who })), " ", news.join(" · ")]
          : h("span", { class: "dim" }, step ? tr("replay.nothing-new", { who }) : tr("replay.saw-before", { who })),
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

/** 12 or 12.5: a number for a message, which formats it in the reader's locale. */
function tenths(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A phrase ended as a sentence: a closing quotation ends it already. */
function sentence(phrase: string): string {
  return /[.!?”]$/.test(phrase) ? phrase : `${phrase}.`;
}

/** What this step added to the viewer's log, team chat and notes, in words: its view says what it read. */
function newFor(s: GameState, v: ParticipantView, viewer: Viewer, step: number): string[] {
  const names = glossaryOf(v);
  const out: string[] = [];
  for (const e of writtenAt(s.log, v.log, step)) out.push(describe(e, names, viewer, eventWords()));
  for (const c of writtenAt(s.chat, v.chat, step))
    out.push(tr("replay.new-chat", { author: c.author, text: quote(c.text, 80) }));
  for (const n of writtenAt(s.notes, v.notes, step))
    out.push(tr("replay.new-note", { author: n.author, text: quote(n.text, 80) }));
  return out.length > 5 ? [...out.slice(0, 5), tr("replay.and-more", { count: out.length - 5 })] : out;
}
