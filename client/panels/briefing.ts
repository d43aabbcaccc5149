// The seat's briefing: the public background, the private briefing and
// objectives, and the incidents known to this participant with their evidence.
import type { IncidentView, ParticipantView } from "../../shared/engine/index.ts";
import { h, render, type Child } from "../ui/dom.ts";
import { partyName, pct } from "../../shared/words/index.ts";
import { statusLine, submit, type Panel, type PanelCtx } from "./panel.ts";

export function briefingPanel(ctx: PanelCtx): Panel {
  const body = h("div", { class: "stack" });
  const el = h("section", {}, body);
  let seen: unknown[] = [];
  return {
    id: "briefing",
    label: ctx.seat.role === "mediator" ? "Briefing & evidence" : "Briefing & intel",
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
          { class: "card", "aria-label": "Private briefing" },
          h("h3", {}, `Private briefing — ${partyName(v, me.teamId)}`),
          h("p", { class: "briefing" }, me.briefing),
          me.objectives.length
            ? [
                h("h4", {}, "Your objectives"),
                h(
                  "ul",
                  {},
                  me.objectives.map((o) => h("li", {}, o)),
                ),
              ]
            : null,
        )
      : null,
    me?.kind === "mediator"
      ? h(
          "article",
          { class: "card", "aria-label": "Mediator briefing" },
          h("h3", {}, `Briefing — ${v.mediator?.name ?? "Mediator"}`),
          h("p", { class: "briefing" }, me.briefing),
          h(
            "p",
            {},
            h(
              "strong",
              {},
              `${Math.max(0, (v.mediator?.actionsPerTurn ?? 0) - me.actionsUsed)} of ${v.mediator?.actionsPerTurn ?? 0}`,
            ),
            " verification or convening actions left this turn.",
          ),
        )
      : null,
    h(
      "article",
      { class: "card", "aria-label": "Incidents" },
      h("h3", {}, "Incidents and evidence"),
      v.incidents.length
        ? v.incidents.map((i) => incidentItem(v, i, ctx))
        : h("p", { class: "dim" }, "No incident known to you yet."),
    ),
    h(
      "article",
      { class: "card", "aria-label": "Background" },
      h("h3", {}, "Background"),
      h("p", { class: "briefing" }, v.exercise.background || v.exercise.summary),
      v.objectives.length
        ? [
            h("h4", {}, "Exercise objectives"),
            h(
              "ul",
              {},
              v.objectives.map((o) => h("li", {}, o.text)),
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
  const suspect = i.evidence.suspect ? partyName(v, i.evidence.suspect) : "no state (a non-state actor)";
  const conf = i.evidence.confidence;
  // judged on the percentage shown, so "70%" never reads as moderate
  const shown = Math.round(conf * 100);
  const strength = shown >= 70 ? "strong" : shown >= 50 ? "moderate" : "weak";
  const control = v.me?.kind === "control";
  return h(
    "div",
    { class: "feed-item", id: `incident-${i.id}` },
    h(
      "div",
      { class: "meta" },
      h("span", {}, `Turn ${i.turn}`),
      h("span", {}, `${partyName(v, i.victim)} · ${i.sector}`),
      h("span", {}, `severity ${i.severity}`),
      i.public ? h("span", { class: "badge warn" }, "public") : h("span", { class: "badge" }, "not public"),
    ),
    h("strong", {}, i.title),
    h(
      "div",
      {},
      `Evidence points to ${suspect} — confidence ${pct(conf)} (${strength})`,
      i.verifications ? ` · verified ${i.verifications}×` : "",
    ),
    "culprit" in i && i.culprit !== undefined
      ? h(
          "div",
          { class: "dim" },
          `Truth (${control ? "control knows it" : "you know this"}): ${i.culprit ? partyName(v, i.culprit) : "a non-state actor"}`,
        )
      : null,
    // a participant's view lists only itself and those it told; control's lists everyone
    i.sharedWith.length
      ? h(
          "div",
          { class: "dim" },
          `Evidence shared with ${i.sharedWith.map((p) => partyName(v, p)).join(", ")}${control ? "" : " (as far as you know)"}`,
        )
      : null,
    i.attributions.map((a) =>
      h("div", { class: "dim" }, `${partyName(v, a.by)} publicly blamed ${partyName(v, a.accused)} (turn ${a.turn})`),
    ),
    ctx ? incidentActions(ctx, v, i) : null,
  );
}

/** What a team (share with the mediator) or the mediator (verify) can do with an incident. */
function incidentActions(ctx: PanelCtx, v: ParticipantView, i: IncidentView): Child {
  const status = statusLine();
  const actions: HTMLElement[] = [];
  if (ctx.seat.role === "team" && v.mediator && !i.sharedWith.includes("mediator")) {
    const b = h("button", { class: "small", type: "button" }, "Share the evidence with the mediator");
    b.addEventListener("click", () =>
      submit(
        ctx,
        b,
        status,
        {
          type: "hotline.send",
          to: "mediator",
          kind: "assess",
          text: `Evidence on “${i.title}” for your assessment.`,
          incidentId: i.id,
        },
        "Evidence shared with the mediator",
      ),
    );
    actions.push(b);
  }
  if (ctx.seat.role === "mediator") {
    const b = h("button", { class: "small", type: "button" }, "Verify this evidence");
    b.addEventListener("click", () =>
      submit(ctx, b, status, { type: "mediator.verify", incidentId: i.id }, `Verification of “${i.title}”`),
    );
    actions.push(b);
  }
  return actions.length ? [h("div", { class: "row" }, actions), status] : status;
}
