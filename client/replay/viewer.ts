// The replay viewer: a verified recording, every state computed once, and one
// `seek` that shows a step through one participant's eyes: the board, the
// side panel, the step in words and the cursor on the escalation curve.
import type { Viewer } from "../../shared/engine/index.ts";
import { viewInLanguage as view } from "../net/scenario-language.ts";
import type { Board } from "../board/index.ts";
import { h, render } from "../ui/dom.ts";
import type { Loaded } from "./load.ts";
import { Timeline } from "./timeline.ts";
import { header } from "./header.ts";
import { sidePanel } from "./side.ts";
import { replaySource } from "../panels/inject-attachments.ts";
import { escalationCurve } from "./curve.ts";
import { transport } from "./controls.ts";
import { markersFor } from "./markers.ts";
import { parseViewer, viewerLabel } from "./words.ts";
import { groupKey } from "../../shared/protocol/identity.ts";
import { t as tr } from "../i18n/index.ts";
import { own, isolate } from "../ui/own-words.ts";

/** A short screen (1280x720): the board drops its inject rail (the side panel's Injects tab and the curve show them). */
const SHORT = () => window.innerHeight < 800;
import { integrityNote } from "./integrity-note.ts";

const NOTHING_UNREAD: ReadonlySet<string> = new Set();

export interface ViewerOptions {
  step?: number;
  pov?: string;
}

/** Mounts the viewer into `root`; returns what closes it. */
export function mountViewer(root: HTMLElement, loaded: Loaded, options: ViewerOptions): () => void {
  const { recording: rec, scenario: sc } = loaded;
  const t = new Timeline(sc, rec.seed, rec.title, rec.commands, rec.engineVersion);
  let viewer: Viewer = parseViewer(options.pov, sc);
  let step = -1;
  let shownKey = "";
  let board: Board | null = null;
  let closed = false;

  const top = header(t, sc, rec.title, () => viewer);
  const side = sidePanel(sc, (s) => seek(s), replaySource(rec.exerciseId));
  const curve = escalationCurve(t, sc, (s) => seek(s));
  const controls = transport(
    t,
    (s, source) => seek(s, source),
    () => step,
  );
  const boardEl = h("div", { class: "board", role: "img", "aria-label": tr("replay.board-label") });
  const boardText = h("div", { class: "sr-only", "aria-live": "polite", id: "replay-board-text" });
  const seenAs = h("div", { class: "outcome" });
  const progressText = h("span", {});
  const progressBar = h("progress", { "aria-label": tr("replay.progress-label") });
  const progress = h("div", { class: "replay-progress", role: "status" }, progressBar, progressText);
  const problem = h("div", { role: "alert" });
  const integrity = loaded.integrity;
  const unfinished = h("span", { class: "pending-text", hidden: true });
  const footer = h(
    "footer",
    { class: "replay-footer" },
    integrityNote(integrity, rec.head.count),
    own(h("span", { class: "dim" }, sc.title)),
    h(
      "span",
      { class: "dim" },
      loaded.source === "this server"
        ? tr("replay.facts-server", { seed: isolate(rec.seed), commands: rec.commands.length })
        : tr("replay.facts-file", {
            seed: isolate(rec.seed),
            commands: rec.commands.length,
            file: isolate(loaded.source),
          }),
    ),
    loaded.engineNote ? h("span", { class: "pending-text" }, loaded.engineNote) : null,
    unfinished,
    h("a", { href: "/replay" }, tr("replay.open-another")),
  );
  const el = h(
    "div",
    { class: "replay" },
    top.bar,
    problem,
    top.strip,
    h(
      "div",
      { class: "main replay-main" },
      h("div", { class: "replay-board-wrap" }, boardEl, seenAs, boardText),
      side.el,
    ),
    h(
      "section",
      { class: "replay-dock", "aria-label": tr("replay.dock-label") },
      controls.bar,
      progress,
      controls.sliderRow,
      curve.el,
      footer,
    ),
  );
  render(root, el);

  let describeTimer = 0;
  let urlTimer = 0;
  // a step asked for in the address may not be computed yet: go there when it is
  let wanted: number | undefined;
  function seek(target: number, source?: "slider"): void {
    if (closed) return;
    wanted = undefined;
    const t0 = performance.now();
    const to = Math.max(0, Math.min(t.ready - 1, Math.round(target)));
    const key = groupKey(viewer);
    if (source === "slider" && to !== target) controls.slider.value = String(to);
    if (to === step && key === shownKey) return;
    step = to;
    shownKey = key;
    const state = t.state(step);
    const v = view(state, viewer);
    const b0 = performance.now();
    board?.update(v, { unread: NOTHING_UNREAD, serverNow: state.now, replay: true, rail: !SHORT() });
    const boardMs = performance.now() - b0;
    top.show(step, state, v);
    side.show({ step, state, view: v, viewer, viewerKey: key });
    curve.cursor(step);
    controls.show(step);
    controls.slider.setAttribute(
      "aria-valuetext",
      tr("replay.slider-value", { step, steps: t.total - 1, summary: top.summary() }),
    );
    el.dataset.step = String(step);
    // how long this step took to show, for whoever measures (the board's part apart)
    el.dataset.seekMs = (performance.now() - t0).toFixed(2);
    el.dataset.boardMs = boardMs.toFixed(2);
    // the spoken summary and the address follow once scrubbing settles
    clearTimeout(describeTimer);
    describeTimer = window.setTimeout(() => void describe(), 120);
    clearTimeout(urlTimer);
    urlTimer = window.setTimeout(
      () => history.replaceState(history.state, "", `${location.pathname}?step=${step}&pov=${encodeURIComponent(key)}`),
      300,
    );
  }
  const describe = async () => {
    const { describeBoard } = await import("../board/describe.ts");
    if (!closed) boardText.textContent = describeBoard(view(t.state(step), viewer));
  };

  const setViewer = (v: Viewer) => {
    viewer = v;
    render(
      seenAs,
      v.role === "facilitator"
        ? null
        : h("span", { class: "badge accent replay-seen-as" }, tr("replay.seen-by", { who: viewerLabel(sc, v) })),
    );
    curve.draw(markersFor(t, viewer));
    const s = step;
    step = -1;
    seek(s);
  };
  top.pov.addEventListener("change", () => setViewer(parseViewer(top.pov.value, sc)));

  // keys anywhere on the page, unless a control that uses them has the focus
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (
      e.altKey ||
      e.ctrlKey ||
      e.metaKey ||
      target.closest("input, select, textarea, [role=tab], svg, [contenteditable]")
    )
      return;
    const moves: Record<string, () => number | null> = {
      ArrowLeft: () => step - 1,
      ArrowRight: () => step + 1,
      PageUp: () => t.prevTurnStart(step),
      PageDown: () => t.nextTurnStart(step),
      Home: () => 0,
      End: () => t.ready - 1,
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const to = move();
    if (to !== null) seek(to);
  };
  document.addEventListener("keydown", onKey);

  // the states arrive in chunks: the curve and the slider grow with them
  let lastDraw = 0;
  const onProgress = () => {
    const p = t.progress();
    progressBar.max = p.total;
    progressBar.value = p.ready;
    progressText.textContent = p.done ? "" : tr("replay.progress", { ready: p.ready, total: p.total });
    progress.hidden = p.done;
    if (p.error)
      render(problem, h("div", { class: "banner offline" }, `✕ ${tr("replay.failed-at", { error: p.error })}`));
    else if (p.done && t.state(t.ready - 1).status !== "ended") {
      unfinished.hidden = false;
      render(
        unfinished,
        loaded.source === "this server"
          ? tr("replay.unfinished-server", { turn: t.state(t.ready - 1).turn })
          : tr("replay.unfinished-file", { turn: t.state(t.ready - 1).turn }),
      );
    }
    const now = performance.now();
    if (p.done || now - lastDraw > 1000) {
      lastDraw = now;
      curve.draw(markersFor(t, viewer));
    }
    controls.show(step);
    if (wanted !== undefined && (wanted < t.ready || p.done)) {
      const w = wanted;
      wanted = undefined;
      seek(w);
    }
  };
  t.onProgress(onProgress);
  setViewer(viewer);
  wanted = options.step;
  onProgress();

  void import("../board/index.ts").then(async ({ mountBoard }) => {
    if (closed) return;
    const b = await mountBoard(boardEl, { onInjectClick: (id) => side.focusInject(id) });
    if (closed) return b.destroy();
    board = b;
    const state = t.state(step);
    b.update(view(state, viewer), { unread: NOTHING_UNREAD, serverNow: state.now, replay: true, rail: !SHORT() });
    el.dataset.board = "ready";
  });

  return () => {
    closed = true;
    t.cancel();
    controls.stop();
    curve.destroy();
    board?.destroy();
    document.removeEventListener("keydown", onKey);
    clearTimeout(describeTimer);
    clearTimeout(urlTimer);
  };
}
