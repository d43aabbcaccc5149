// The injects a participant has received, newest first, marked by channel, with unread ones highlighted.
import type { InjectView, ParticipantView } from "../../shared/engine/index.ts";
import { h, render, type Child } from "../ui/dom.ts";
import { own, when, type Panel, type PanelCtx } from "./panel.ts";
import { channelLabel } from "../../shared/words/index.ts";
import { t, eventWords } from "../i18n/index.ts";
import { injectAttachmentsView, liveSource, type AttachmentSource } from "./inject-attachments.ts";

export function injectsPanel(ctx: PanelCtx): Panel {
  const list = h("div", { role: "feed", "aria-label": t("panels.injects.title") });
  const markAll = h("button", { class: "small", type: "button" }, t("panels.injects.mark-all"));
  const el = h(
    "section",
    {},
    h(
      "div",
      { class: "row", style: "justify-content: space-between" },
      h("h3", {}, t("panels.injects.title")),
      markAll,
    ),
    list,
  );
  let last: InjectView[] | null = null;
  let current: ParticipantView | null = null;
  const released = (v: ParticipantView) => v.injects.filter((i) => i.status === "released");
  const draw = () => {
    if (!current) return;
    const items = released(current).sort((a, b) => (b.releasedAt ?? 0) - (a.releasedAt ?? 0));
    render(
      list,
      items.length
        ? items.map((i) => injectCard(current!, i, ctx))
        : h("p", { class: "dim" }, t("panels.injects.none")),
    );
  };
  markAll.addEventListener("click", () => current && ctx.read.mark(...released(current).map((i) => i.id)));
  ctx.read.subscribe(draw);
  return {
    id: "injects",
    label: t("panels.injects.title"),
    el,
    update(v) {
      current = v;
      if (v.injects !== last) {
        last = v.injects;
        draw();
      }
    },
    badge: (v) => released(v).filter((i) => !ctx.read.has(i.id)).length,
    shown() {
      // what is on screen for a moment counts as read
      setTimeout(() => current && ctx.read.mark(...released(current).map((i) => i.id)), 1500);
    },
  };
}

/**
 * One released inject: channel, when, title and text. Live (ctx) an unread one
 * is marked new; read only (null) none is. `meta` adds to the meta line (the
 * replay's audience); `media` whose copy of its attachments to show (live: the seat's own).
 */
export function injectCard(
  v: ParticipantView,
  i: InjectView,
  ctx: PanelCtx | null,
  meta?: Child,
  media?: AttachmentSource | null,
): HTMLElement {
  const unread = ctx !== null && !ctx.read.has(i.id);
  const channel = channelLabel(i.channel, eventWords());
  return h(
    "article",
    {
      class: `feed-item channel channel-${i.channel}${unread ? " unread" : ""}`,
      id: `inject-${i.id}`,
      tabindex: 0,
      "aria-label": t(unread ? "panels.injects.label-unread" : "panels.injects.label", { channel, title: i.title }),
    },
    h(
      "div",
      { class: "meta" },
      h("span", { class: "channel-label" }, channel),
      h("span", {}, when(v.exercise, i.releasedTurn ?? 0, i.releasedPhase ?? "", i.releasedAt ?? 0)),
      unread ? h("span", { class: "badge accent" }, t("panels.injects.new")) : null,
      meta,
    ),
    own(
      h(
        "h4",
        { style: "color: var(--text); text-transform: none; letter-spacing: 0; font-size: 1rem; margin: 0.25em 0" },
        i.title,
      ),
    ),
    own(h("div", { class: "pre" }, i.body)),
    injectAttachmentsView(i, media !== undefined ? media : ctx && liveSource(ctx)),
  );
}
