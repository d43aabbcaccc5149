// The read-only side panel of the replay: what the chosen participant could
// read at the chosen step, in the live client's tabs and look, without forms.
// Only the visible tab is drawn, and only when the parts of the state it
// depends on changed (immer keeps unchanged parts identical between steps).
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { Panel } from "../panels/panel.ts";
import { chatLine } from "../panels/chat.ts";
import { injectCard } from "../panels/injects.ts";
import type { AttachmentSource } from "../panels/inject-attachments.ts";
import { noteItem } from "../panels/notes.ts";
import { tabs } from "../ui/tabs.ts";
import { h } from "../ui/dom.ts";
import { agreementsTab, atStep, hotlineTab, incidentsTab, ordersTab, stepMeta } from "./side-items.ts";
import { logTab, releaseSteps } from "./side-log.ts";
import { more, none, once, patch, stepLink, stepOf, type Moment, type TabDef } from "./tab.ts";
import { viewerLabel } from "./words.ts";
import { partyName, scheduleWords } from "../../shared/words/index.ts";
import type { InjectStatus } from "../../shared/engine/index.ts";
import { t as tr, eventWords } from "../i18n/index.ts";
import { own } from "../ui/own-words.ts";

export type { Moment } from "./tab.ts";

export interface Side {
  el: HTMLElement;
  show(m: Moment): void;
  /** shows the injects tab, scrolled to one inject */
  focusInject(id: string): void;
}

const LIMIT = 300;

export function sidePanel(sc: Scenario, goto: (step: number) => void, media: AttachmentSource | null = null): Side {
  let moment: Moment | null = null;
  const defs: TabDef[] = [
    logTab(),
    injectsTab(media),
    hotlineTab(),
    chatTab(),
    ordersTab,
    incidentsTab,
    agreementsTab,
    notesTab,
  ];
  const panels: (Panel & { refresh(): void })[] = defs.map((d) => {
    const body = h("div", {});
    const el = h("section", { "data-tab": d.id }, body);
    let seen: unknown[] = [];
    let lit: Element[] = [];
    const refresh = () => {
      const m = moment;
      if (!m) return;
      const now = [m.viewerKey, ...d.deps(m.state)];
      const changed = now.length !== seen.length || now.some((x, i) => x !== seen[i]);
      for (const e of lit) e.classList.remove("at-step");
      lit = [];
      if (el.hidden) {
        // a hidden tab keeps nothing from another moment or point of view; it is drawn when shown
        if (changed && seen.length) {
          patch(body);
          seen = [];
        }
        return;
      }
      if (changed) {
        seen = now;
        patch(body, d.draw(m, sc));
      }
      // what this step added is marked, without redrawing the rest
      lit = [...body.querySelectorAll(`[data-seq="${m.step}"]`)];
      for (const e of lit) e.classList.add("at-step");
    };
    return { id: `replay-${d.id}`, label: d.label, el, update: refresh, shown: refresh, refresh };
  });
  const t = tabs(panels);
  t.el.classList.add("replay-side");
  // "step 12" links inside entries jump there
  t.el.addEventListener("click", (e) => {
    const target = (e.target as Element).closest<HTMLElement>("[data-goto]");
    if (target) goto(Number(target.dataset.goto));
  });
  return {
    el: t.el,
    show(m) {
      moment = m;
      for (const p of panels) p.refresh();
    },
    focusInject(id) {
      t.select("replay-injects");
      t.el.querySelector(`#inject-${CSS.escape(id)}`)?.scrollIntoView({ block: "center" });
    },
  };
}

/** An inject's status in words, for control's list of those not released. */
function statusWord(s: InjectStatus): string {
  if (s === "pending") return tr("replay.inject-pending");
  if (s === "held") return tr("replay.inject-held");
  if (s === "skipped") return tr("replay.inject-skipped");
  if (s === "dropped") return tr("replay.inject-dropped");
  return tr("replay.inject-released");
}

function injectsTab(media: AttachmentSource | null): TabDef {
  const label = tr("replay.tab-injects");
  const feed = h("div", { role: "feed", "aria-label": label });
  return {
    id: "injects",
    label,
    deps: (s) => [s.injects, s.observersSeeAll],
    draw(m, sc) {
      const v = m.view;
      const released = v.injects
        .filter((i) => i.status === "released")
        .sort((a, b) => (b.releasedAt ?? 0) - (a.releasedAt ?? 0));
      const waiting = v.injects.filter((i) => i.status !== "released");
      const shown = released.slice(0, LIMIT);
      const steps = releaseSteps(m.state);
      const base = new Map(m.state.injects.map((i) => [i.id, i]));
      const audience = (a: readonly string[]) =>
        h("span", {}, tr("replay.inject-to", { parties: a.map((x) => partyName(sc, x)).join(", ") }));
      patch(
        feed,
        shown.map((i) =>
          // keyed by the state's own inject, which only changes when the inject does
          once(base.get(i.id) ?? i, "", () => {
            const card = injectCard(v, i, null, audience(i.audience), media);
            const step = steps.get(i.id);
            return step === undefined ? card : atStep(card, step);
          }),
        ),
      );
      return [
        h("h3", {}, tr("replay.injects-received", { who: viewerLabel(sc, m.viewer) })),
        shown.length ? feed : none(m, sc, label),
        more(released.length, shown.length),
        waiting.length
          ? [
              h("h4", { style: "margin-top: 1em" }, tr("replay.injects-waiting")),
              waiting.map((i) =>
                h(
                  "div",
                  { class: `feed-item channel channel-${i.channel}` },
                  h(
                    "div",
                    { class: "row", style: "justify-content: space-between" },
                    own(h("strong", {}, i.title)),
                    h("span", { class: `status-${i.status}` }, statusWord(i.status)),
                  ),
                  h(
                    "div",
                    { class: "meta" },
                    audience(i.audience),
                    i.schedule ? h("span", {}, scheduleWords(i.schedule, sc, eventWords())) : null,
                  ),
                ),
              ),
            ]
          : null,
      ];
    },
  };
}

function chatTab(): TabDef {
  const lines = h("div", { "aria-label": tr("replay.chat-label") });
  return {
    id: "chat",
    label: tr("replay.tab-chat"),
    deps: (s) => [s.chat, s.observersSeeAll],
    draw(m, sc) {
      const v = m.view;
      const team = m.viewer.role === "team";
      const shown = v.chat.slice(-LIMIT);
      patch(
        lines,
        shown.map((c) =>
          once(c, team ? "team" : "all", () => {
            const step = stepOf(m, "chat", c);
            return atStep(chatLine(v, c, null, stepMeta(step)), step);
          }),
        ),
      );
      return [
        h("h3", {}, team ? tr("replay.team-chat-of", { team: viewerLabel(sc, m.viewer) }) : tr("replay.team-chats")),
        shown.length
          ? lines
          : h(
              "p",
              { class: "dim" },
              team
                ? tr("replay.chat-empty")
                : m.viewer.role === "facilitator"
                  ? tr("replay.chat-none")
                  : tr("replay.chat-private", { who: viewerLabel(sc, m.viewer) }),
            ),
        more(v.chat.length, shown.length),
      ];
    },
  };
}

const notesTab: TabDef = {
  id: "notes",
  get label() {
    return tr("replay.tab-notes");
  },
  deps: (s) => [s.notes, s.observersSeeAll],
  draw(m, sc) {
    const v = m.view;
    const shown = v.notes.slice(-LIMIT).reverse();
    return [
      h("h3", {}, tr("replay.notes-title")),
      shown.length
        ? shown.map((n) => {
            const step = stepOf(m, "notes", n);
            return atStep(noteItem(v, n, stepLink(step)), step);
          })
        : h(
            "p",
            { class: "dim" },
            m.viewer.role === "team" || m.viewer.role === "mediator"
              ? tr("replay.notes-private", { who: viewerLabel(sc, m.viewer) })
              : tr("replay.notes-none"),
          ),
      more(v.notes.length, shown.length),
    ];
  },
};
