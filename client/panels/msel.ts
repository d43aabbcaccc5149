// The master scenario events list: every inject with its schedule and status,
// grouped by turn and filtered by state and audience, one compact row each;
// control releases, holds, un-holds or skips them.
import type { InjectView, ParticipantView } from "../../shared/engine/index.ts";
import { h, render } from "../ui/dom.ts";
import { channelLabel, glossaryOf, partyName, scheduleWords } from "../../shared/words/index.ts";
import { listOf, own, statusLine, submit, type Panel, type PanelCtx } from "./panel.ts";
import { t, eventWords } from "../i18n/index.ts";
import "./msel.css";

const STATES = ["pending", "held", "released", "skipped", "dropped"] as const;
// words, not symbols: they render without an emoji font
const STATUS: Record<string, string> = {
  pending: "control.msel.status.pending",
  held: "control.msel.status.held",
  released: "control.msel.status.released",
  skipped: "control.msel.status.skipped",
  dropped: "control.msel.status.dropped",
};
const statusWord = (s: string) => (STATUS[s] ? t(STATUS[s]) : s);

/** The turn an inject belongs to: its scheduled turn, else the turn it was released in; null if only a trigger may release it. */
function turnOf(i: InjectView): number | null {
  const at = i.schedule?.find((x) => x.kind === "turn");
  if (at?.kind === "turn") return at.turn;
  return i.releasedTurn;
}

function audienceWords(v: ParticipantView, a: string): string {
  if (a === "all") return t("control.msel.to-all");
  if (a === "facilitator") return t("control.msel.to-control");
  if (a === "observers") return t("control.msel.to-observers");
  return partyName(v, a);
}

export function mselPanel(ctx: PanelCtx): Panel {
  const state = h("select", { id: "msel-state" });
  const audience = h("select", { id: "msel-audience" });
  const list = h("div", { class: "msel-groups" });
  const el = h(
    "section",
    { class: "msel" },
    h("h3", {}, t("control.msel.title")),
    h("p", { class: "dim" }, t("control.msel.hint")),
    h(
      "div",
      { class: "row msel-filters" },
      h("span", { class: "msel-filter" }, h("label", { for: "msel-state" }, t("control.msel.state")), state),
      h("span", { class: "msel-filter" }, h("label", { for: "msel-audience" }, t("control.inject.audience")), audience),
    ),
    list,
  );
  let last: InjectView[] | null = null;
  let view: ParticipantView | null = null;

  const drawFilters = (v: ParticipantView) => {
    const count = (s: string) => v.injects.filter((i) => i.status === s).length;
    const chosen = state.value || "every";
    render(
      state,
      h("option", { value: "every" }, t("control.msel.every-state", { count: v.injects.length })),
      STATES.map((s) =>
        h("option", { value: s }, t("control.msel.state-count", { state: statusWord(s), count: count(s) })),
      ),
    );
    state.value = chosen;
    if (audience.options.length) return;
    const parties = [
      "all",
      ...v.teams.map((t) => t.id),
      ...(v.mediator ? ["mediator"] : []),
      "observers",
      "facilitator",
    ];
    render(
      audience,
      h("option", { value: "every" }, t("control.msel.every-audience")),
      parties.map((a) => h("option", { value: a }, t("control.msel.to", { who: audienceWords(v, a) }))),
    );
  };

  const drawList = () => {
    const v = view;
    if (!v) return;
    const shown = v.injects.filter(
      (i) =>
        (state.value === "every" || i.status === state.value) &&
        (audience.value === "every" || i.audience.includes(audience.value)),
    );
    const turns = [...new Set(shown.map(turnOf))].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
    render(
      list,
      shown.length ? null : h("p", { class: "dim" }, t("control.msel.none")),
      turns.map((turn) => {
        const rows = shown.filter((i) => turnOf(i) === turn);
        const title =
          turn === null
            ? t("control.msel.on-trigger")
            : turn === v.exercise.turn
              ? t("control.msel.turn-now", { turn })
              : t("panels.turn", { turn });
        return h(
          "section",
          { class: "msel-group", "aria-label": title },
          h("h4", {}, t("control.msel.group", { title, count: rows.length })),
          h(
            "ul",
            { class: "msel-rows" },
            rows.map((i) => row(ctx, v, i)),
          ),
        );
      }),
    );
  };
  state.addEventListener("change", drawList);
  audience.addEventListener("change", drawList);

  return {
    id: "msel",
    label: t("control.msel.tab"),
    el,
    update(v: ParticipantView) {
      if (v.injects === last) return;
      last = v.injects;
      view = v;
      drawFilters(v);
      drawList();
    },
    badge: (v) => v.injects.filter((i) => i.status === "held").length,
  };
}

function row(ctx: PanelCtx, v: ParticipantView, i: InjectView): HTMLElement {
  const status = statusLine();
  const act = (label: string, cmd: Parameters<typeof submit>[3], cls = "small") => {
    const said = t("control.msel.act", { action: label, title: i.title });
    const b = h("button", { type: "button", class: cls, "aria-label": said }, label);
    b.addEventListener("click", () => submit(ctx, b, status, cmd, said));
    return b;
  };
  const open = i.status === "pending" || i.status === "held" || i.status === "skipped" || i.status === "dropped";
  return h(
    "li",
    { class: `msel-row channel channel-${i.channel}`, id: `msel-${i.id}` },
    h("span", { class: `msel-status status-${i.status}` }, statusWord(i.status)),
    h(
      "details",
      { class: "msel-title" },
      h("summary", {}, own(h("strong", {}, i.title))),
      own(h("div", { class: "pre" }, i.body)),
    ),
    h(
      "div",
      { class: "msel-main" },
      h(
        "div",
        { class: "meta" },
        h("span", { class: "channel-label" }, channelLabel(i.channel, eventWords())),
        h("span", {}, t("control.msel.to-list", { who: listOf(i.audience.map((a) => audienceWords(v, a))) })),
        i.adhoc
          ? h("span", {}, t("control.msel.adhoc"))
          : h(
              "span",
              { class: "msel-schedule" },
              i.schedule ? scheduleWords(i.schedule, glossaryOf(v), eventWords()) : "",
            ),
        i.releasedTurn
          ? h(
              "span",
              {},
              i.releasedBy
                ? t("control.msel.released-by", { turn: i.releasedTurn, by: i.releasedBy })
                : t("control.msel.released", { turn: i.releasedTurn }),
            )
          : null,
        open
          ? h(
              "span",
              { class: "msel-actions" },
              act(t("control.msel.release"), { type: "inject.release", injectId: i.id }, "small primary"),
              i.status === "pending" ? act(t("control.msel.hold"), { type: "inject.hold", injectId: i.id }) : null,
              i.status === "held" ? act(t("control.msel.unhold"), { type: "inject.unhold", injectId: i.id }) : null,
              i.status !== "skipped" && i.status !== "dropped"
                ? act(t("control.msel.skip"), { type: "inject.skip", injectId: i.id })
                : null,
            )
          : null,
      ),
      status,
    ),
  );
}
