// Team chat: private to the team (control reads every team's).
import type { ChatLineView, ParticipantView } from "../../shared/engine/index.ts";
import { keepDraft } from "../net/seats.ts";
import { h, render, type Child } from "../ui/dom.ts";
import { own, statusLine, submit, type Panel, type PanelCtx } from "./panel.ts";
import { i18n, t } from "../i18n/index.ts";
import { partyName } from "../../shared/words/index.ts";

export function chatPanel(ctx: PanelCtx): Panel {
  const team = ctx.seat.role === "team";
  const list = h("div", { "aria-live": "polite", "aria-label": t("panels.chat.messages") });
  const input = h("textarea", {
    id: "chat-text",
    maxlength: 2000,
    rows: 2,
    placeholder: t("panels.chat.placeholder"),
  });
  const clearDraft = keepDraft(input, `chat:${ctx.seat.exerciseId}:${ctx.seat.teamId}`);
  const send = h("button", { class: "primary", type: "submit" }, t("panels.chat.send"));
  const status = statusLine();
  const form = h(
    "form",
    { "aria-label": t("panels.chat.write") },
    h("label", { for: "chat-text", class: "sr-only" }, t("panels.chat.label")),
    input,
    h("div", { class: "row", style: "margin-top: 0.4em" }, send, status),
  );
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!input.value.trim()) return;
    if (await submit(ctx, send, status, { type: "team.chat", text: input.value }, t("panels.chat.sent"))) {
      input.value = "";
      clearDraft();
    }
  });
  const el = h(
    "section",
    {},
    h("h3", {}, team ? t("panels.chat.title") : t("panels.chat.title-all")),
    list,
    team ? form : null,
  );
  let last: ChatLineView[] | null = null;
  let hidden = false;
  const observer = ctx.seat.role === "observer";
  return {
    id: "chat",
    label: team ? t("panels.chat.title") : t("panels.chat.tab-all"),
    el,
    update(v: ParticipantView) {
      if (v.chat === last && hidden === !v.exercise.observersSeeAll) return;
      last = v.chat;
      hidden = !v.exercise.observersSeeAll;
      render(
        list,
        v.chat.length
          ? v.chat.map((c) => chatLine(v, c, ctx))
          : h(
              "p",
              { class: "dim" },
              team ? t("panels.chat.none") : observer && hidden ? t("panels.chat.private") : t("panels.chat.none-all"),
            ),
      );
      list.lastElementChild?.scrollIntoView({ block: "nearest" });
    },
  };
}

/**
 * One line of team chat; outside a team it names the team. Live (ctx) the
 * reader's own lines are marked; read only (null) none is. `meta` adds to the
 * meta line (the replay's step link).
 */
export function chatLine(v: ParticipantView, c: ChatLineView, ctx: PanelCtx | null, meta?: Child): HTMLElement {
  const team = v.viewer.role === "team";
  return h(
    "div",
    { class: `message${team && c.author === ctx?.seat.name ? " mine" : ""}` },
    h(
      "div",
      { class: "meta" },
      team
        ? t("panels.chat.meta", { author: c.author, time: i18n().time(c.at) })
        : t("panels.chat.meta-team", { team: partyName(v, c.teamId), author: c.author, time: i18n().time(c.at) }),
      meta,
    ),
    own(h("div", {}, c.text)),
  );
}
