// Phaser asks its scale manager's getParentBounds() whether the canvas moved
// on the page or its parent changed size: every 500 ms of a running game loop,
// and redraw.ts asks on pointer events. Phaser 4.2 compares the canvas's place
// in the window (getBoundingClientRect) with the place it recorded on the page
// (scroll included), so once the page is scrolled the canvas "moved" at every
// look: the scale manager refreshed and emitted RESIZE twice a second (and at
// every pointer move over the board), each RESIZE re-laid the board out and
// restarted the states' bars' one-second glide, so an animating board never
// slept (the replay at 1280x720 is scrolled to reach its timeline). Upstream:
// phaserjs/phaser issue 7203. This compares page place with page place.
import type Phaser from "phaser";

/** Replaces `scale.getParentBounds` with one that sees a scrolled page as unmoved; true only for a new parent size or a canvas that moved on the page. */
export function steadyParentBounds(scale: Phaser.Scale.ScaleManager): void {
  scale.getParentBounds = () => {
    const parent: unknown = scale.parent;
    if (!(parent instanceof Element)) return false;
    const box = parent.getBoundingClientRect();
    if (scale.parentSize.width !== box.width || scale.parentSize.height !== box.height) {
      scale.parentSize.setSize(box.width, box.height);
      return true;
    }
    const canvas = scale.canvas as HTMLCanvasElement | undefined;
    if (!canvas) return false;
    // the same sums as Phaser's updateBounds, which records canvasBounds (scrollX is pageXOffset)
    const rect = canvas.getBoundingClientRect();
    const root = document.documentElement;
    const x = rect.left + window.scrollX - root.clientLeft;
    const y = rect.top + window.scrollY - root.clientTop;
    return x !== scale.canvasBounds.x || y !== scale.canvasBounds.y;
  };
}
