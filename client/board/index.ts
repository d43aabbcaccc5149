// The game board of the exercise screen: a Phaser scene drawing one
// participant's view (escalation ladder, states, trust, injects, exercise
// state). Phaser is loaded only when a board is mounted.
import type { ParticipantView } from "../../shared/engine/view.ts";
import type { BoardScene } from "./scene.ts";

export { describeBoard } from "./describe.ts";

export interface BoardUi {
  unread: ReadonlySet<string>;
  serverNow: number;
  /** the live console of control (not a replay): the start overlay tells it what to press */
  controlHint?: boolean;
  /** a replay: each shown change stands alone (live, quick successive changes add up) */
  replay?: boolean;
  /** the turn summary is shown under the board, in the inject rail's place */
  summary?: boolean;
  /** false: no inject rail, its room goes to the states (the replay on a short screen, whose side panel lists them) */
  rail?: boolean;
}
export interface BoardOptions {
  onInjectClick(injectId: string): void;
}
export interface Board {
  update(view: ParticipantView, ui: BoardUi): void;
  destroy(): void;
}

/**
 * Mounts the board into `parent` (it fills the element and follows its size).
 * Phaser is imported dynamically inside, so pages without a board never load it.
 */
export async function mountBoard(parent: HTMLElement, options: BoardOptions): Promise<Board> {
  const [
    { default: Phaser },
    { BoardScene },
    { drawOnDemand },
    { steadyParentBounds },
    { setMinTextSize },
    { readPalette, mirrored },
  ] = await Promise.all([
    import("phaser"),
    import("./scene.ts"),
    import("./redraw.ts"),
    import("./bounds.ts"),
    import("./text.ts"),
    import("./theme.ts"),
  ]);
  readPalette(getComputedStyle(document.documentElement));
  // drawn at device resolution so type stays crisp on high-density screens
  const dpr = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  setMinTextSize(12 * dpr);
  const size = () => ({
    w: Math.max(320, Math.floor(parent.clientWidth)),
    h: Math.max(240, Math.floor(parent.clientHeight)),
  });
  if (getComputedStyle(parent).position === "static") parent.style.position = "relative";
  const scene: BoardScene = new BoardScene((id) => options.onInjectClick(id), dpr);
  const { w, h } = size();
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    transparent: true,
    banner: false,
    audio: { noAudio: true },
    disableContextMenu: true,
    render: { antialias: true, roundPixels: false },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.NO_CENTER, width: w * dpr, height: h * dpr },
    scene,
    callbacks: {
      // out of the parent's flow, so the canvas never pushes the element it fills
      postBoot: (g) => {
        g.canvas.style.position = "absolute";
        g.canvas.style.inset = "0";
        g.canvas.setAttribute("aria-hidden", "true");
        if (mirrored()) {
          // right to left: the whole board mirrored (its texts are flipped back); the pointer is mirrored to match
          g.canvas.style.transform = "scaleX(-1)";
          const toGame = g.scale.transformX.bind(g.scale);
          g.scale.transformX = (pageX: number) => g.scale.width - toGame(pageX);
        }
      },
    },
  });
  // a scrolled page must not look like a moved canvas (which would relayout the board twice a second)
  steadyParentBounds(game.scale);
  await scene.whenReady();
  // frames are drawn only when something changed, so an open board costs nothing while idle
  const redraw = drawOnDemand(game, scene, parent);

  let frame = 0;
  let destroyed = false;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (destroyed) return;
      const s = size();
      redraw.request();
      if (Math.round(s.w * dpr) === game.scale.width && Math.round(s.h * dpr) === game.scale.height) return;
      game.scale.getParentBounds();
      game.scale.setGameSize(s.w * dpr, s.h * dpr);
    });
  });
  observer.observe(parent);

  return {
    update(view, ui) {
      if (destroyed) return;
      scene.setView(view, ui);
      redraw.request();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      cancelAnimationFrame(frame);
      observer.disconnect();
      game.destroy(true);
      redraw.destroy();
    },
  };
}
