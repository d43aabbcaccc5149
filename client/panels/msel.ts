// The master scenario events list: every inject with its schedule and status,
// grouped by turn and filtered by state and audience, one compact row each;
// control releases, holds, un-holds or skips them.
import type { InjectView, ParticipantView } from "../../shared/engine/index.ts";
import { h, render } from "../ui/dom.ts";
import { channelLabel, glossaryOf, partyName, scheduleWords } from "../../shared/words/index.ts";
import { statusLine, submit, type Panel, type PanelCtx } from "./panel.ts";
import "./msel.css";

const STATES = ["pending", "held", "released", "skipped", "dropped"] as const;
// words, not symbols: they render without an emoji font
const STATUS: Record<string, string> = {
  pending: "Pending",
  held: "Held",
  released: "Released",
  skipped: "Skipped",
  dropped: "Not drawn",
};

/** The turn an inject belongs to: its scheduled turn, else the turn it was released in; null if only a trigger may release it. */
function turnOf(i: InjectView): number | null {
  const at = i.schedule?.find((x) => x.kind === "turn");
  if (at?.kind === "turn") return at.turn;
  return i.releasedTurn;
}

function audienceWords(v: ParticipantView, a: string): string {
  if (a === "all") return "everyone";
  if (a === "facilitator") return "control only";
  if (a === "observers") return "observers";
  return partyName(v, a);
}

export function mselPanel(ctx: PanelCtx): Panel {
  const state = h("select", { id: "msel-state" });
  const audience = h("select", { id: "msel-audience" });
  const list = h("div", { class: "msel-groups" });
  const el = h(
    "section",
    { class: "msel" },
    h("h3", {}, "Master scenario events list"),
    h(
      "p",
      { class: "dim" },
      "Scheduled injects release when their phase begins; triggered ones when their condition first holds. " +
        "Hold one to release it yourself; un-hold it to let its schedule or trigger release it again.",
    ),
    h(
      "div",
      { class: "row msel-filters" },
      h("span", { class: "msel-filter" }, h("label", { for: "msel-state" }, "State"), state),
      h("span", { class: "msel-filter" }, h("label", { for: "msel-audience" }, "Audience"), audience),
    ),
    list,
  );
  let last: InjectView[] | null = null;
  let view: ParticipantView | null = null;

  const drawFilters = (v: ParticipantView) => {
    const count = (s: string) => v.injects.filter((i) => i.status === s).length;
    const chosen = state.value || "any";
    render(
      state,
      h("option", { value: "any" }, `Any state (${v.injects.length})`),
      STATES.map((s) => h("option", { value: s }, `${s[0]!.toUpperCase()}${s.slice(1)} (${count(s)})`)),
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
      h("option", { value: "any" }, "Any audience"),
      parties.map((a) => h("option", { value: a }, `To ${audienceWords(v, a)}`)),
    );
  };

  const drawList = () => {
    const v = view;
    if (!v) return;
    const shown = v.injects.filter(
      (i) =>
        (state.value === "any" || i.status === state.value) &&
        (audience.value === "any" || i.audience.includes(audience.value)),
    );
    const turns = [...new Set(shown.map(turnOf))].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
    render(
      list,
      shown.length ? null : h("p", { class: "dim" }, "No inject matches these filters."),
      turns.map((t) => {
        const rows = shown.filter((i) => turnOf(i) === t);
        const title = t === null ? "On a trigger (no fixed turn)" : `Turn ${t}${t === v.exercise.turn ? " (now)" : ""}`;
        return h(
          "section",
          { class: "msel-group", "aria-label": title },
          h("h4", {}, `${title} · ${rows.length}`),
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
    label: "MSEL",
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
    const b = h("button", { type: "button", class: cls, "aria-label": `${label}: ${i.title}` }, label);
    b.addEventListener("click", () => submit(ctx, b, status, cmd, `${label}: ${i.title}`));
    return b;
  };
  const open = i.status === "pending" || i.status === "held" || i.status === "skipped" || i.status === "dropped";
  return h(
    "li",
    { class: `msel-row channel channel-${i.channel}`, id: `msel-${i.id}` },
    h("span", { class: `msel-status status-${i.status}` }, STATUS[i.status] ?? i.status),
    h(
      "details",
      { class: "msel-title" },
      h("summary", {}, h("strong", {}, i.title)),
      h("div", { class: "pre" }, i.body),
    ),
    h(
      "div",
      { class: "msel-main" },
      h(
        "div",
        { class: "meta" },
        h("span", { class: "channel-label" }, channelLabel(i.channel)),
        h("span", {}, `to ${i.audience.map((a) => audienceWords(v, a)).join(", ")}`),
        h("span", {}, i.adhoc ? "ad hoc" : i.schedule ? scheduleWords(i.schedule, glossaryOf(v)) : ""),
        i.releasedTurn
          ? h("span", {}, `released turn ${i.releasedTurn}${i.releasedBy ? ` (${i.releasedBy})` : ""}`)
          : null,
        open
          ? h(
              "span",
              { class: "msel-actions" },
              act("Release now", { type: "inject.release", injectId: i.id }, "small primary"),
              i.status === "pending" ? act("Hold", { type: "inject.hold", injectId: i.id }) : null,
              i.status === "held" ? act("Un-hold", { type: "inject.unhold", injectId: i.id }) : null,
              i.status !== "skipped" && i.status !== "dropped"
                ? act("Skip", { type: "inject.skip", injectId: i.id })
                : null,
            )
          : null,
      ),
      status,
    ),
  );
}
