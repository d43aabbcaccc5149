// The seat's briefing: the public background, the private briefing and
// objectives, and the incidents known to this participant with their evidence.
import type { IncidentView, ParticipantView } from "../../shared/engine/index.ts";
import { h, render, type Child } from "../ui/dom.ts";
import { partyName } from "../../shared/words/index.ts";
import { listOf, own, sectorKindName, statusLine, submit, type Panel, type PanelCtx } from "./panel.ts";
import { i18n, t } from "../i18n/index.ts";

export function briefingPanel(ctx: PanelCtx): Panel {
  const body = h("div", { class: "stack" });
  const el = h("section", {}, body);
  let seen: unknown[] = [];
  return {
    id: "briefing",
    label: ctx.seat.role === "mediator" ? t("panels.briefing.tab-mediator") : t("panels.briefing.tab"),
    el,
    update(v) {
      // patches keep untouched parts of the view identical, so a cheap identity check tells what changed
      const now = [v.incidents, v.me, v.objectives];
      if (now.every((x, i) => x === seen[i])) return;
      seen = now;
      render(body, ...briefingContent(v, ctx));
    },
  };
}

/**
 * The briefing tab's content: the private briefing, the incidents known with
 * their evidence, the public background. Read only (null) it has no buttons.
 */
export function briefingContent(v: ParticipantView, ctx: PanelCtx | null): Child[] {
  const me = v.me;
  return [
    me?.kind === "team"
      ? h(
          "article",
          { class: "card", "aria-label": t("panels.briefing.private") },
          h("h3", {}, t("panels.briefing.private-of", { team: partyName(v, me.teamId) })),
          own(h("p", { class: "briefing" }, me.briefing)),
          me.objectives.length
            ? [
                h("h4", {}, t("panels.briefing.your-objectives")),
                h(
                  "ul",
                  {},
                  me.objectives.map((o) => own(h("li", {}, o))),
                ),
              ]
            : null,
        )
      : null,
    me?.kind === "mediator"
      ? h(
          "article",
          { class: "card", "aria-label": t("panels.briefing.mediator") },
          h(
            "h3",
            {},
            t("panels.briefing.mediator-of", { name: v.mediator?.name ?? t("panels.briefing.mediator-name") }),
          ),
          own(h("p", { class: "briefing" }, me.briefing)),
          h(
            "p",
            {},
            t("panels.briefing.mediator-actions", {
              left: Math.max(0, (v.mediator?.actionsPerTurn ?? 0) - me.actionsUsed),
              total: v.mediator?.actionsPerTurn ?? 0,
            }),
          ),
        )
      : null,
    h(
      "article",
      { class: "card", "aria-label": t("panels.briefing.incidents") },
      h("h3", {}, t("panels.briefing.incidents-title")),
      v.incidents.length
        ? v.incidents.map((i) => incidentItem(v, i, ctx))
        : h("p", { class: "dim" }, t("panels.briefing.no-incident")),
    ),
    h(
      "article",
      { class: "card", "aria-label": t("panels.briefing.background") },
      h("h3", {}, t("panels.briefing.background")),
      own(h("p", { class: "briefing" }, v.exercise.background || v.exercise.summary)),
      v.objectives.length
        ? [
            h("h4", {}, t("panels.briefing.exercise-objectives")),
            h(
              "ul",
              {},
              v.objectives.map((o) => own(h("li", {}, o.text))),
            ),
          ]
        : null,
    ),
  ];
}

/**
 * One incident with its evidence, what the viewer knows of the truth, whom the
 * evidence was shared with, and public blame. Live (ctx) a team may share it
 * with the mediator and the mediator verify it; read only (null) no button.
 */
export function incidentItem(v: ParticipantView, i: IncidentView, ctx: PanelCtx | null): HTMLElement {
  const conf = i.evidence.confidence;
  // judged on the percentage shown, so "70%" never reads as moderate
  const shown = Math.round(conf * 100);
  const strength = shown >= 70 ? "strong" : shown >= 50 ? "moderate" : "weak";
  const confidence = i18n().number(conf, { style: "percent", maximumFractionDigits: 0 });
  const control = v.me?.kind === "control";
  return h(
    "div",
    { class: "feed-item", id: `incident-${i.id}` },
    h(
      "div",
      { class: "meta" },
      h("span", {}, t("panels.turn", { turn: i.turn })),
      h(
        "span",
        {},
        t("panels.briefing.victim-sector", { victim: partyName(v, i.victim), sector: sectorKindName(i.sector) }),
      ),
      h("span", {}, t("panels.briefing.severity", { severity: i.severity })),
      i.public
        ? h("span", { class: "badge warn" }, t("panels.briefing.public"))
        : h("span", { class: "badge" }, t("panels.briefing.not-public")),
    ),
    own(h("strong", {}, i.title)),
    h(
      "div",
      {},
      i.evidence.suspect
        ? t("panels.briefing.evidence-state", { suspect: partyName(v, i.evidence.suspect), confidence, strength })
        : t("panels.briefing.evidence-non-state", { confidence, strength }),
      i.verifications ? t("panels.briefing.verified", { count: i.verifications }) : "",
    ),
    "culprit" in i && i.culprit !== undefined
      ? h(
          "div",
          { class: "dim" },
          i.culprit
            ? t("panels.briefing.truth-state", { who: control ? "control" : "you", culprit: partyName(v, i.culprit) })
            : t("panels.briefing.truth-non-state", { who: control ? "control" : "you" }),
        )
      : null,
    // a participant's view lists only itself and those it told; control's lists everyone
    i.sharedWith.length
      ? h(
          "div",
          { class: "dim" },
          t(control ? "panels.briefing.shared-with-all" : "panels.briefing.shared-with", {
            parties: listOf(i.sharedWith.map((p) => partyName(v, p))),
          }),
        )
      : null,
    i.attributions.map((a) =>
      h(
        "div",
        { class: "dim" },
        t("panels.briefing.blamed", { by: partyName(v, a.by), accused: partyName(v, a.accused), turn: a.turn }),
      ),
    ),
    ctx ? incidentActions(ctx, v, i) : null,
  );
}

/** What a team (share with the mediator) or the mediator (verify) can do with an incident. */
function incidentActions(ctx: PanelCtx, v: ParticipantView, i: IncidentView): Child {
  const status = statusLine();
  const actions: HTMLElement[] = [];
  if (ctx.seat.role === "team" && v.mediator && !i.sharedWith.includes("mediator")) {
    const b = h("button", { class: "small", type: "button" }, t("panels.briefing.share"));
    b.addEventListener("click", () =>
      submit(
        ctx,
        b,
        status,
        {
          type: "hotline.send",
          to: "mediator",
          kind: "assess",
          text: t("panels.briefing.share-text", { title: i.title }),
          incidentId: i.id,
        },
        t("panels.briefing.shared"),
      ),
    );
    actions.push(b);
  }
  if (ctx.seat.role === "mediator") {
    const b = h("button", { class: "small", type: "button" }, t("panels.briefing.verify"));
    b.addEventListener("click", () =>
      submit(
        ctx,
        b,
        status,
        { type: "mediator.verify", incidentId: i.id },
        t("panels.briefing.verification", { title: i.title }),
      ),
    );
    actions.push(b);
  }
  return actions.length ? [h("div", { class: "row" }, actions), status] : status;
}
