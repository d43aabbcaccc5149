// The replay's tabs for hotline traffic, orders, incidents with their evidence
// (and the viewer's briefing), and agreements: the live panels' look, read only.
import type { IncidentView, MessageView, OrderItem, TeamOrders } from "../../shared/engine/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { duration, h, type Child } from "../ui/dom.ts";
import { more, none, once, patch, stepLink, stepOf, when, type Moment, type TabDef } from "./tab.ts";
import { hhmm, partyLabel, viewerLabel } from "./words.ts";

const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const myParty = (m: Moment) =>
  m.viewer.role === "team" ? m.viewer.teamId : m.viewer.role === "mediator" ? "mediator" : null;

export function hotlineTab(): TabDef {
  // one lasting section per conversation, so a new message only adds itself
  const sections = new Map<string, { el: HTMLElement; list: HTMLElement }>();
  const section = (sc: Scenario, k: string) => {
    let s = sections.get(k);
    if (!s) {
      const names = k.split("|").map((p) => partyLabel(sc, p));
      const list = h("div", {});
      s = {
        el: h(
          "section",
          { class: "replay-thread", "aria-label": names.join(" and ") },
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
    label: "Hotline",
    deps: (s) => [s.messages, s.observersSeeAll],
    draw(m, sc) {
      const v = m.view;
      const me = myParty(m);
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
          msgs.map((x) => once(x, look, () => message(m, sc, x, me))),
        );
        return s.el;
      });
      return [
        h("h3", {}, me ? `Hotline of ${viewerLabel(sc, m.viewer)}` : "All hotline and mediation traffic"),
        els.length ? els : none(m, sc, "Hotline"),
        more(v.messages.length, shown.length),
      ];
    },
  };
}

function message(m: Moment, sc: Scenario, x: MessageView, me: string | null): HTMLElement {
  const step = stepOf(m, "messages", x);
  const fate =
    x.answeredAfterMs !== null
      ? h("div", { class: "dim" }, `answered after ${duration(x.answeredAfterMs)}`)
      : !x.replyTo && !x.relayOf
        ? h("div", { class: "waiting" }, x.lapsed ? "left unanswered" : "not answered yet at this step")
        : null;
  return h(
    "div",
    { class: `message${x.from === me ? " mine" : ""}`, "data-seq": String(step), "data-message": x.id },
    h(
      "div",
      { class: "meta" },
      h("span", { class: `kind kind-${x.kind}` }, x.kind),
      `${partyLabel(sc, x.from)} → ${partyLabel(sc, x.to)} · ${x.author} · ${when(sc, x.turn, x.phase, x.at)} · `,
      stepLink(step),
    ),
    x.relayOf
      ? h(
          "div",
          { class: "dim" },
          `Relayed by the mediator${x.relayedFrom ? ` from ${partyLabel(sc, x.relayedFrom)}` : ""}`,
        )
      : null,
    h("div", {}, x.text),
    x.incidentId
      ? h(
          "div",
          { class: "dim" },
          `📎 evidence: ${m.view.incidents.find((i) => i.id === x.incidentId)?.title ?? x.incidentId}`,
        )
      : null,
    fate,
  );
}

function itemLabel(sc: Scenario, i: OrderItem): string {
  const a = sc.actions.find((x) => x.id === i.actionId);
  return `${a?.name ?? i.actionId}${i.target ? ` → ${partyLabel(sc, i.target)}` : ""}${i.sector ? ` (${i.sector})` : ""}${i.note ? ` — “${i.note}”` : ""}`;
}

function ordersCard(sc: Scenario, o: TeamOrders): HTMLElement {
  return h(
    "div",
    { class: "feed-item" },
    h(
      "div",
      { class: "meta" },
      h("strong", {}, partyLabel(sc, o.teamId)),
      h("span", {}, `submitted by ${o.submittedBy} at ${hhmm(o.at)}`),
    ),
    o.items.length
      ? h(
          "ul",
          {},
          o.items.map((i) => h("li", {}, itemLabel(sc, i), h("span", { class: "dim" }, ` — drafted by ${i.by}`))),
        )
      : h("p", {}, "No action this turn."),
  );
}

export const ordersTab: TabDef = {
  id: "orders",
  label: "Orders",
  deps: (s) => [s.orders, s.history, s.observersSeeAll, s.turn],
  draw(m, sc) {
    const v = m.view;
    const me = v.me;
    const current: TeamOrders[] =
      me?.kind === "team" ? (me.orders ? [me.orders] : []) : me?.kind === "control" ? Object.values(me.orders) : [];
    const canSeeOrders = me?.kind === "team" || me?.kind === "control";
    return [
      h("h3", {}, `Orders ${viewerLabel(sc, m.viewer)} could see`),
      canSeeOrders
        ? h(
            "article",
            { class: "card", "aria-label": "Orders this turn" },
            h("h4", {}, `This turn (${v.exercise.turn || 1}) — secret until adjudication`),
            current.length
              ? current.map((o) => ordersCard(sc, o))
              : h("p", { class: "dim" }, "No orders submitted at this step."),
          )
        : h(
            "p",
            { class: "dim" },
            `Orders are secret: ${viewerLabel(sc, m.viewer)} sees only their public outcomes, in the log.`,
          ),
      v.history.length
        ? [
            h("h4", { style: "margin-top: 1em" }, "Adjudicated turns"),
            [...v.history]
              .reverse()
              .map((t) =>
                h(
                  "div",
                  { class: "card" },
                  h(
                    "div",
                    { class: "row", style: "justify-content: space-between" },
                    h("strong", {}, `Turn ${t.turn}`),
                    h("span", { class: "dim" }, `escalation ${t.escalationBefore} → ${t.escalationAfter}`),
                  ),
                  t.orders.length
                    ? t.orders.map((o) => ordersCard(sc, o))
                    : h("p", { class: "dim" }, canSeeOrders ? "No orders." : "The orders stay secret."),
                ),
              ),
          ]
        : null,
    ];
  },
};

export const incidentsTab: TabDef = {
  id: "incidents",
  label: "Briefing & incidents",
  deps: (s) => [s.incidents, s.observersSeeAll],
  draw(m, sc) {
    const v = m.view;
    const me = v.me;
    const briefing: Child =
      me?.kind === "team"
        ? h(
            "article",
            { class: "card" },
            h("h3", {}, `Private briefing — ${partyLabel(sc, me.teamId)}`),
            h("p", { class: "briefing" }, me.briefing),
            me.objectives.length
              ? [
                  h("h4", {}, "Objectives"),
                  h(
                    "ul",
                    {},
                    me.objectives.map((o) => h("li", {}, o)),
                  ),
                ]
              : null,
          )
        : me?.kind === "mediator"
          ? h(
              "article",
              { class: "card" },
              h("h3", {}, `Briefing — ${v.mediator?.name ?? "Mediator"}`),
              h("p", { class: "briefing" }, me.briefing),
            )
          : me?.kind === "control"
            ? h(
                "article",
                { class: "card" },
                h("h3", {}, "Private briefings"),
                v.teams.map((t) =>
                  h("details", {}, h("summary", {}, t.name), h("p", { class: "briefing" }, me.briefings[t.id] ?? "")),
                ),
                me.mediatorBriefing
                  ? h(
                      "details",
                      {},
                      h("summary", {}, v.mediator?.name ?? "Mediator"),
                      h("p", { class: "briefing" }, me.mediatorBriefing),
                    )
                  : null,
              )
            : null;
    return [
      briefing,
      h(
        "article",
        { class: "card", "aria-label": "Incidents" },
        h("h3", {}, "Incidents and evidence"),
        v.incidents.length ? v.incidents.map((i) => incident(m, sc, i)) : none(m, sc, "Incidents"),
      ),
    ];
  },
};

function incident(m: Moment, sc: Scenario, i: IncidentView): HTMLElement {
  const conf = Math.round(i.evidence.confidence * 100);
  const strength = conf >= 70 ? "strong" : conf >= 50 ? "moderate" : "weak";
  const suspect = i.evidence.suspect ? partyLabel(sc, i.evidence.suspect) : "no state (a non-state actor)";
  return h(
    "div",
    { class: "feed-item", "data-incident": i.id },
    h(
      "div",
      { class: "meta" },
      h("span", {}, `Turn ${i.turn}`),
      h("span", {}, `${partyLabel(sc, i.victim)} · ${i.sector}`),
      h("span", {}, `severity ${i.severity}`),
      i.public ? h("span", { class: "badge warn" }, "public") : h("span", { class: "badge" }, "not public"),
    ),
    h("strong", {}, i.title),
    h(
      "div",
      {},
      `Evidence points to ${suspect} — confidence ${conf}% (${strength})`,
      i.verifications ? ` · verified ${i.verifications}×` : "",
    ),
    "culprit" in i && i.culprit !== undefined
      ? h(
          "div",
          { class: "dim" },
          `Truth (${m.viewer.role === "team" ? "this state knows it" : "control knows it"}): ${i.culprit ? partyLabel(sc, i.culprit) : "a non-state actor"}`,
        )
      : null,
    // a participant's view lists only itself and those it told; control's lists everyone
    i.sharedWith.length
      ? h(
          "div",
          { class: "dim" },
          `Evidence shared with ${i.sharedWith.map((p) => partyLabel(sc, p)).join(", ")}${m.view.me?.kind === "control" ? "" : ` (as far as ${viewerLabel(sc, m.viewer)} knows)`}`,
        )
      : null,
    i.attributions.map((a) =>
      h(
        "div",
        { class: "dim" },
        `${partyLabel(sc, a.by)} publicly blamed ${partyLabel(sc, a.accused)} (turn ${a.turn})`,
      ),
    ),
  );
}

export const agreementsTab: TabDef = {
  id: "agreements",
  label: "Agreements",
  deps: (s) => [s.proposals, s.commitments, s.observersSeeAll],
  draw(m, sc) {
    const v = m.view;
    const title = (p: (typeof v.proposals)[number]) =>
      p.kind === "cbm"
        ? (sc.cbms.find((c) => c.id === p.cbmId)?.name ?? "Measure")
        : `Joint statement: “${p.text.slice(0, 120)}”`;
    return [
      h("h3", {}, "Agreements"),
      h("h4", {}, "Proposals"),
      v.proposals.length
        ? [...v.proposals].reverse().map((p) =>
            h(
              "div",
              { class: "feed-item" },
              h(
                "div",
                { class: "row", style: "justify-content: space-between" },
                h("strong", {}, title(p)),
                h(
                  "span",
                  { class: `badge ${p.status === "adopted" ? "ok" : p.status === "open" ? "accent" : ""}` },
                  p.status,
                ),
              ),
              h("div", { class: "meta" }, `Proposed by ${partyLabel(sc, p.proposer)} · turn ${p.turn}`),
              h(
                "div",
                {},
                p.parties.map((t) =>
                  h(
                    "span",
                    { class: `badge ${p.accepted.includes(t) ? "ok" : ""}`, style: "margin-right: 0.3em" },
                    `${p.accepted.includes(t) ? "✓" : "…"} ${partyLabel(sc, t)}`,
                  ),
                ),
              ),
            ),
          )
        : none(m, sc, "Proposals"),
      h("h4", { style: "margin-top: 1em" }, "Commitments"),
      v.commitments.length
        ? v.commitments.map((c) =>
            h(
              "div",
              { class: "feed-item" },
              h(
                "div",
                { class: "row", style: "justify-content: space-between" },
                h("strong", {}, sc.cbms.find((x) => x.id === c.cbmId)?.name ?? c.cbmId),
                h(
                  "span",
                  { class: `badge ${c.status === "broken" ? "danger" : c.status === "active" ? "ok" : "accent"}` },
                  c.status === "active" ? "✓ in force" : c.status === "broken" ? "✕ broken" : "✓ fulfilled",
                ),
              ),
              h(
                "div",
                { class: "dim" },
                `${c.parties.map((t) => partyLabel(sc, t)).join(", ")} · since turn ${c.adoptedTurn}`,
              ),
              c.breaches.map((b) =>
                h("div", { class: "error-text" }, `Turn ${b.turn}: ${partyLabel(sc, b.teamId)} ${b.reason}`),
              ),
            ),
          )
        : h("p", { class: "dim" }, "None in force."),
    ];
  },
};
