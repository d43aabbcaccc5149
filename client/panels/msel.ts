// The master scenario events list: every inject with its schedule and status;
// control releases, holds or skips them.
import type { InjectView, ParticipantView } from "../../shared/engine/index.ts";
import { h, render } from "../ui/dom.ts";
import { channelLabel, glossaryOf, partyName, scheduleWords } from "../../shared/words/index.ts";
import { statusLine, submit, type Panel, type PanelCtx } from "./panel.ts";

const STATUS: Record<string, string> = {
  pending: "◷ pending",
  held: "⏸ held",
  released: "✓ released",
  skipped: "⤼ skipped",
};

export function mselPanel(ctx: PanelCtx): Panel {
  const list = h("div", {});
  const el = h(
    "section",
    {},
    h("h3", {}, "Master scenario events list"),
    h(
      "p",
      { class: "dim" },
      "Scheduled injects release when their phase begins; triggered ones when their condition first holds. Hold one to release it yourself.",
    ),
    list,
  );
  let last: InjectView[] | null = null;
  return {
    id: "msel",
    label: "MSEL",
    el,
    update(v: ParticipantView) {
      if (v.injects === last) return;
      last = v.injects;
      render(
        list,
        v.injects.map((i) => row(ctx, v, i)),
      );
    },
    badge: (v) => v.injects.filter((i) => i.status === "held").length,
  };
}

function row(ctx: PanelCtx, v: ParticipantView, i: InjectView): HTMLElement {
  const status = statusLine();
  const act = (label: string, cmd: Parameters<typeof submit>[3], cls = "small") => {
    const b = h("button", { type: "button", class: cls }, label);
    b.addEventListener("click", () => submit(ctx, b, status, cmd, `${label}: ${i.title}`));
    return b;
  };
  const audience = i.audience
    .map((a) =>
      a === "all"
        ? "everyone"
        : a === "facilitator"
          ? "control only"
          : a === "observers"
            ? "observers"
            : partyName(v, a),
    )
    .join(", ");
  return h(
    "div",
    { class: `feed-item channel channel-${i.channel}`, id: `msel-${i.id}` },
    h(
      "div",
      { class: "row", style: "justify-content: space-between" },
      h("strong", {}, i.title),
      h("span", { class: `status-${i.status}` }, STATUS[i.status] ?? i.status),
    ),
    h(
      "div",
      { class: "meta" },
      h("span", { class: "channel-label" }, channelLabel(i.channel)),
      h("span", {}, `to ${audience}`),
      h("span", {}, i.adhoc ? "ad hoc" : i.schedule ? scheduleWords(i.schedule, glossaryOf(v)) : ""),
      i.releasedTurn
        ? h("span", {}, `released turn ${i.releasedTurn}${i.releasedBy ? ` (${i.releasedBy})` : ""}`)
        : null,
    ),
    h("details", {}, h("summary", {}, "Text"), h("div", { class: "pre" }, i.body)),
    i.status === "pending" || i.status === "held" || i.status === "skipped"
      ? h(
          "div",
          { class: "row" },
          act("Release now", { type: "inject.release", injectId: i.id }, "small primary"),
          i.status === "pending" ? act("Hold", { type: "inject.hold", injectId: i.id }) : null,
          i.status !== "skipped" ? act("Skip", { type: "inject.skip", injectId: i.id }) : null,
        )
      : null,
    status,
  );
}
