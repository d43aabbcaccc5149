// Control's bot seats: which seats a bot plays, putting one in (with a chosen
// policy) or taking it out, and whether the server paces the exercise. Only
// control's view says who is a bot; everyone else reads a bot as a person.
import type { MyControl, ParticipantView } from "../../shared/engine/index.ts";
import type { PolicyName } from "../../shared/bots/policy.ts";
import { policiesFor } from "../../shared/words/bots-en.ts";
import { h, render } from "../ui/dom.ts";
import { listOf, own, statusLine, submit, type PanelCtx } from "./panel.ts";
import { botWords, t } from "../i18n/index.ts";
import { partyName } from "../../shared/words/index.ts";

/** The card, and what redraws it when control's view changes. */
export function botSeatsCard(ctx: PanelCtx): { el: HTMLElement; update(v: ParticipantView): void } {
  const list = h("div", { class: "stack", style: "gap: 0.4em" });
  const status = statusLine();
  const pacing = h("div", {});
  const el = h(
    "article",
    { class: "card", "aria-label": t("control.bots.title") },
    h("h4", {}, t("control.bots.title")),
    h("p", { class: "dim", style: "margin-top: 0" }, t("control.bots.hint")),
    pacing,
    list,
    status,
  );

  const seatRow = (key: string, name: string, kind: "team" | "mediator", playing: PolicyName | undefined) => {
    const here = ctx.session.presence.filter(
      (p) => p.connected && (kind === "mediator" ? p.role === "mediator" : p.teamId === key),
    ).length;
    const who = playing
      ? h(
          "span",
          { class: "badge accent", "data-bot": playing, title: botWords()[playing].hint },
          t("control.bots.bot", { policy: botWords()[playing].label }),
        )
      : h("span", { class: "dim" }, t("control.bots.here", { count: here }));
    const choice = h(
      "select",
      { "aria-label": t("control.bots.policy-for", { name }), style: "flex: 1; width: auto; min-width: 9em" },
      policiesFor(kind).map((p) => h("option", { value: p, title: botWords()[p].hint }, botWords()[p].label)),
    );
    if (playing) choice.value = playing;
    const put = h(
      "button",
      { type: "button", class: "small" },
      playing ? t("control.bots.replace") : t("control.bots.put"),
    );
    put.addEventListener("click", () => {
      const policy = choice.value as PolicyName;
      void submit(
        ctx,
        put,
        status,
        { type: "bot.seat", seat: key, policy },
        t("control.bots.put-done", { name, policy: botWords()[policy].label }),
      );
    });
    const out = h("button", { type: "button", class: "small" }, t("control.bots.out"));
    out.addEventListener("click", () => {
      void submit(
        ctx,
        out,
        status,
        { type: "bot.seat", seat: key, policy: null },
        t("control.bots.out-done", { name }),
      );
    });
    return h(
      "div",
      { class: "row", "data-seat": key, style: "justify-content: space-between; flex-wrap: wrap" },
      h("span", {}, own(h("strong", {}, name)), " ", who),
      h(
        "span",
        { class: "row", style: "gap: 0.3em; width: 100%; flex-wrap: nowrap" },
        choice,
        put,
        playing ? out : null,
      ),
    );
  };

  let drawn = "";
  return {
    el,
    update(v) {
      const c = v.me?.kind === "control" ? (v.me as MyControl) : null;
      const bots = c?.bots ?? {};
      const ended = v.exercise.status === "ended";
      // redrawn only when what it shows changed: a select being used keeps its choice
      const key = JSON.stringify([bots, c?.autopilot, ended, ctx.session.presence.map((p) => [p.teamId, p.connected])]);
      if (key === drawn) return;
      drawn = key;
      el.hidden = ended && Object.keys(bots).length === 0;
      render(
        list,
        ended
          ? h(
              "p",
              {},
              Object.keys(bots).length
                ? t("control.bots.played", { seats: listOf(Object.keys(bots).map((seat) => partyName(v, seat))) })
                : "",
            )
          : [
              ...v.teams.map((t) => seatRow(t.id, t.name, "team", bots[t.id])),
              v.mediator ? seatRow("mediator", v.mediator.name, "mediator", bots.mediator) : null,
            ],
      );
      const back = h("button", { type: "button", class: "small" }, t("control.bots.pacing-back"));
      back.addEventListener("click", () => {
        void submit(ctx, back, status, { type: "autopilot.set", on: false }, t("control.bots.pacing-back-done"));
      });
      render(
        pacing,
        c?.autopilot && !ended
          ? h(
              "p",
              { class: "row", style: "justify-content: space-between" },
              h("span", {}, t("control.bots.self-paced")),
              back,
            )
          : null,
      );
    },
  };
}
