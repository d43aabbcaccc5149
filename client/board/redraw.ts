// Drawing on demand. Phaser redraws the whole canvas every frame, changed or
// not: an open board that showed nothing new still used a full CPU core (and
// more on machines that draw WebGL in software). Here the game loop sleeps as
// soon as nothing moves, and wakes for what can change the picture: a new
// view, a resize, the pointer entering or leaving a card, a WebGL context
// coming back. While a tween runs (values gliding, cards sliding, a flash) it
// stays awake, so every animation plays to its end; the board's animations
// must therefore be tweens (a scene timer alone would not keep it awake).
import Phaser from "phaser";

/** Frames drawn after the last change before sleeping: a change made during one frame shows in the next. */
const SETTLE_FRAMES = 2;
/** Pointer events that may find the canvas moved on the page (Phaser would notice only on its next frame). */
const POINTER_EVENTS = [
  "mousemove",
  "mousedown",
  "mouseup",
  "mouseover",
  "wheel",
  "touchstart",
  "touchmove",
  "touchend",
] as const;

export interface Redraw {
  /** Something on the board changed: draw it (and whatever animation it started). */
  request(): void;
  destroy(): void;
}

/** Puts `game` on drawing-on-demand; `parent` (the board's element) carries `data-drawing` while frames are drawn, for tests and tools. */
export function drawOnDemand(game: Phaser.Game, scene: Phaser.Scene, parent: HTMLElement): Redraw {
  const loop = game.loop;
  let quiet = 0;
  let wakeFrame = 0;
  let stopped = false;

  const busy = () => scene.tweens.getTweens().length > 0;
  const request = () => {
    quiet = 0;
    if (stopped) return;
    parent.dataset.drawing = "true";
    if (loop.running || wakeFrame) return;
    // woken at the next frame, not inside the caller (which may be Phaser's own input handling)
    wakeFrame = requestAnimationFrame(() => {
      wakeFrame = 0;
      if (stopped || loop.running) return;
      // time spent asleep is no animation time: a tween added meanwhile starts from its beginning
      scene.tweens.getDelta(true);
      loop.resetDelta();
      loop.wake();
    });
  };
  const afterFrame = () => {
    if (busy()) quiet = 0;
    else if (++quiet >= SETTLE_FRAMES && !stopped) {
      loop.sleep();
      delete parent.dataset.drawing;
    }
  };
  // the canvas may have moved on the page since the last frame (a banner above it, a scroll)
  const syncBounds = () => {
    if (game.scale.getParentBounds()) game.scale.refresh();
  };

  game.events.on(Phaser.Core.Events.POST_RENDER, afterFrame);
  game.events.on(Phaser.Core.Events.VISIBLE, request);
  game.scale.on(Phaser.Scale.Events.RESIZE, request);
  game.renderer?.on(Phaser.Renderer.Events.RESTORE_WEBGL, request);
  const input = scene.input;
  for (const e of [
    Phaser.Input.Events.GAMEOBJECT_OVER,
    Phaser.Input.Events.GAMEOBJECT_OUT,
    Phaser.Input.Events.GAMEOBJECT_DOWN,
    Phaser.Input.Events.GAMEOBJECT_UP,
  ])
    input.on(e, request);
  for (const e of POINTER_EVENTS) parent.addEventListener(e, syncBounds, { capture: true, passive: true });
  request();

  return {
    request,
    destroy() {
      if (stopped) return;
      stopped = true;
      cancelAnimationFrame(wakeFrame);
      for (const e of POINTER_EVENTS) parent.removeEventListener(e, syncBounds, { capture: true });
      game.events.off(Phaser.Core.Events.POST_RENDER, afterFrame);
      game.events.off(Phaser.Core.Events.VISIBLE, request);
      game.scale.off(Phaser.Scale.Events.RESIZE, request);
      game.renderer?.off(Phaser.Renderer.Events.RESTORE_WEBGL, request);
      delete parent.dataset.drawing;
      // Phaser tears a game down during its next frame: a sleeping loop must run one more
      if (!loop.running) loop.wake();
    },
  };
}
