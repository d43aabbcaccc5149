// The replay's tabs for hotline traffic, orders, briefing and incidents, and
// agreements. Each item is drawn by the live panel's own renderer, read only;
// the replay adds only its step links and how it groups what it shows.
import type { MessageView, TeamOrders } from "../../shared/engine/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { partyOf } from "../../shared/protocol/identity.ts";
import { h, type Child } from "../ui/dom.ts";
import { commitmentsList, proposalsList } from "../panels/agreements.ts";
import { briefingContent } from "../panels/briefing.ts";
import { hotlineMessage, pair } from "../panels/hotline.ts";
import { ordersCard, pastTurns } from "../panels/orders.ts";
import { more, none, once, patch, stepLink, stepOf, type Moment, type TabDef } from "./tab.ts";
import { viewerLabel } from "./words.ts";
import { partyName } from "../../shared/words/index.ts";
import { t as tr } from "../i18n/index.ts";
import { own } from "../ui/own-words.ts";

/** Marks an item with the step that wrote it, so that it lights up at that step. */
export function atStep(el: HTMLElement, step: number): HTMLElement {
  el.dataset.seq = String(step);
  return el;
}

/** " · step 12": the replay's addition to a meta line written as text (hotline, chat). */
export function stepMeta(step: number): Child {
  return [" · ", stepLink(step)];
}

export function hotlineTab(): TabDef {
  // one lasting section per conversation, so a new message only adds itself
  const sections = new Map<string, { el: HTMLElement; list: HTMLElement }>();
  const section = (sc: Scenario, k: string) => {
    let s = sections.get(k);
    if (!s) {
      const names = k.split("|").map((p) => partyName(sc, p));
      const list = h("div", {});
      s = {
        el: h(
          "section",
          {
            class: "replay-thread",
            "aria-label": tr("replay.thread", { first: names[0] ?? "", second: names[1] ?? "" }),
          },
          h("h4", {}, names.join(" ↔ ")),
          list,
        ),
        list,
      };
      sections.set(k, s);
    }
    return s;
  };
  return {
    id: "hotline",
    label: tr("replay.tab-hotline"),
    deps: (s) => [s.messages, s.observersSeeAll],
    draw(m, sc) {
      const v = m.view;
      const shown = v.messages.slice(-300);
      const threads = new Map<string, MessageView[]>();
      for (const msg of shown) {
        const k = pair(msg.from, msg.to);
        const list = threads.get(k);
        if (list) list.push(msg);
        else threads.set(k, [msg]);
      }
      const look = `${m.viewerKey}:${m.state.observersSeeAll}`;
      const els = [...threads].map(([k, msgs]) => {
        const s = section(sc, k);
        patch(
          s.list,
          msgs.map((x) =>
            once(x, look, () => {
              const step = stepOf(m, "messages", x);
              return atStep(hotlineMessage(v, x, null, stepMeta(step)), step);
            }),
          ),
        );
        return s.el;
      });
      return [
        h(
          "h3",
          {},
          partyOf(m.viewer) ? tr("replay.hotline-of", { who: viewerLabel(sc, m.viewer) }) : tr("replay.hotline-all"),
        ),
        els.length ? els : none(m, sc, tr("replay.tab-hotline")),
        more(v.messages.length, shown.length),
      ];
    },
  };
}

export const ordersTab: TabDef = {
  id: "orders",
  get label() {
    return tr("replay.tab-orders");
  },
  deps: (s) => [s.orders, s.history, s.observersSeeAll, s.turn],
  draw(m, sc) {
    const v = m.view;
    const me = v.me;
    const current: TeamOrders[] =
      me?.kind === "team" ? (me.orders ? [me.orders] : []) : me?.kind === "control" ? Object.values(me.orders) : [];
    const canSeeOrders = me?.kind === "team" || me?.kind === "control";
    return [
      h("h3", {}, tr("replay.orders-seen", { who: viewerLabel(sc, m.viewer) })),
      canSeeOrders
        ? h(
            "article",
            { class: "card", "aria-label": tr("replay.orders-label") },
            h("h4", {}, tr("replay.orders-this-turn", { turn: v.exercise.turn || 1 })),
            current.length ? current.map((o) => ordersCard(v, o)) : h("p", { class: "dim" }, tr("replay.orders-none")),
          )
        : h("p", { class: "dim" }, tr("replay.orders-secret", { who: viewerLabel(sc, m.viewer) })),
      v.history.length ? [h("h4", { style: "margin-top: 1em" }, tr("replay.orders-past")), pastTurns(v)] : null,
    ];
  },
};

export const incidentsTab: TabDef = {
  id: "incidents",
  get label() {
    return tr("replay.tab-incidents");
  },
  deps: (s) => [s.incidents, s.observersSeeAll],
  draw(m) {
    const v = m.view;
    const me = v.me;
    // control's live client shows the briefings in its Teams tab; the replay gathers them here
    const briefings =
      me?.kind === "control"
        ? h(
            "article",
            { class: "card" },
            h("h3", {}, tr("replay.briefings")),
            v.teams.map((team) =>
              h(
                "details",
                {},
                own(h("summary", {}, team.name)),
                own(h("p", { class: "briefing" }, me.briefings[team.id] ?? "")),
              ),
            ),
            me.mediatorBriefing
              ? h(
                  "details",
                  {},
                  own(h("summary", {}, v.mediator?.name ?? tr("replay.mediator"))),
                  own(h("p", { class: "briefing" }, me.mediatorBriefing)),
                )
              : null,
          )
        : null;
    return [briefings, briefingContent(v, null)];
  },
};

export const agreementsTab: TabDef = {
  id: "agreements",
  get label() {
    return tr("replay.tab-agreements");
  },
  deps: (s) => [s.proposals, s.commitments, s.observersSeeAll],
  draw(m) {
    return [h("h3", {}, tr("replay.tab-agreements")), proposalsList(m.view, null), commitmentsList(m.view)];
  },
};
