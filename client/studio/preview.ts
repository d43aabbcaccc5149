// The studio's live preview: the board as it will look at the start, through one
// seat's eyes, and that team's briefing; drawn from the last draft that validated.
import { init, step, view, type ParticipantView, type Viewer } from "../../shared/engine/index.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { Board } from "../board/index.ts";
import { briefingContent } from "../panels/briefing.ts";
import { h, render } from "../ui/dom.ts";
import { t } from "../i18n/index.ts";

const NOTHING: ReadonlySet<string> = new Set();

export interface Preview {
  el: HTMLElement;
  /** a scenario that validated (null: the draft has issues, the last good one stays shown) */
  show(sc: Scenario | null): void;
  /** the preview tab became visible: the board is mounted now (Phaser loads then) */
  shown(): void;
  destroy(): void;
}

/** The exercise just started (turn 1's first phase, its scheduled injects out) through one seat's eyes. */
export function startView(sc: Scenario, viewer: Viewer): ParticipantView {
  const state = init(sc, { seed: "studio-preview", title: sc.title });
  step(state, { at: 0, actor: { role: "facilitator", name: "Control" }, command: { type: "exercise.start" } });
  return view(state, viewer);
}

export function preview(): Preview {
  const seat = h("select", { id: "studio-preview-seat" });
  const boardEl = h("div", { class: "board studio-board", role: "img", "aria-label": t("studio.preview.board") });
  const briefing = h("div", { class: "stack studio-briefing" });
  const stale = h("p", { class: "pending-text", hidden: true }, t("studio.preview.stale"));
  let sc: Scenario | null = null;
  let board: Board | null = null;
  let mounting = false;
  let closed = false;

  const viewer = (): Viewer => (seat.value === "" ? { role: "facilitator" } : { role: "team", teamId: seat.value });
  const draw = () => {
    if (!sc) return;
    const v = startView(sc, viewer());
    board?.update(v, { unread: NOTHING, serverNow: 0, replay: true, rail: true });
    render(
      briefing,
      ...(v.me?.kind === "team" ? briefingContent(v, null) : [h("p", { class: "dim" }, t("studio.preview.control"))]),
    );
  };
  const seats = () => {
    if (!sc) return;
    const keep = seat.value;
    render(
      seat,
      sc.teams.map((team) => h("option", { value: team.id }, team.name)),
      h("option", { value: "" }, t("studio.preview.as-control")),
    );
    const known = sc.teams.some((x) => x.id === keep) || (keep === "" && chosen);
    seat.value = known ? keep : (sc.teams[0]?.id ?? "");
  };
  // the first team until the designer picks a seat
  let chosen = false;
  seat.addEventListener("change", () => {
    chosen = true;
    draw();
  });

  return {
    el: h(
      "section",
      { class: "studio-preview", "aria-label": t("studio.preview.title") },
      h("div", { class: "row" }, h("label", { for: seat.id }, t("studio.preview.seat")), seat),
      stale,
      boardEl,
      h("h3", {}, t("studio.preview.briefing")),
      briefing,
    ),
    show(next) {
      stale.hidden = next !== null;
      if (!next) return;
      sc = next;
      seats();
      draw();
    },
    shown() {
      if (board || mounting) return;
      mounting = true;
      void import("../board/index.ts").then(async ({ mountBoard }) => {
        const b = await mountBoard(boardEl, { onInjectClick: () => {} });
        if (closed) return b.destroy();
        board = b;
        boardEl.dataset.board = "ready";
        draw();
      });
    },
    destroy() {
      closed = true;
      board?.destroy();
    },
  };
}
