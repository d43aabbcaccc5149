// Symbols drawn as shapes rather than typed as characters: a tick, a half
// disc, a cross, a square, a dot, a handset and triangles. A font may lack ✓ ◐
// ✕ ☎ ▲ ▼ (boxes) or turn them into colour emoji; shapes look the same on
// every machine and take the theme's colours. Each is drawn centred on (x, y)
// in a box `s` wide and high, into a Graphics the caller clears.
import type { SectorStatus } from "../../shared/engine/measures.ts";
import type { Graphics } from "./ui.ts";
import { mirrored } from "./theme.ts";

export type Glyph = "tick" | "half" | "cross" | "square" | "dot" | "handset" | "up" | "down";

/** The shape that carries each sector status next to its word (with colour, never colour alone). */
export const STATUS_GLYPH: Record<SectorStatus, Glyph> = {
  operational: "tick",
  degraded: "half",
  down: "cross",
};

/** Draws `glyph` in `color`, centred on (x, y), about `s` across. */
export function drawGlyph(g: Graphics, glyph: Glyph, x: number, y: number, s: number, color: number): void {
  const w = Math.max(1.5, s * 0.22);
  switch (glyph) {
    case "tick": {
      // on a mirrored board the tick is drawn mirrored, so it reads as a tick
      const m = mirrored() ? -1 : 1;
      g.lineStyle(w, color, 1);
      g.beginPath();
      g.moveTo(x - m * 0.42 * s, y + 0.02 * s);
      g.lineTo(x - m * 0.12 * s, y + 0.32 * s);
      g.lineTo(x + m * 0.44 * s, y - 0.34 * s);
      g.strokePath();
      return;
    }
    case "half":
      // an outlined disc, its left half filled: "partly working"
      g.fillStyle(color, 1);
      g.beginPath();
      g.slice(x, y, s * 0.44, Math.PI / 2, (3 * Math.PI) / 2);
      g.fillPath();
      g.lineStyle(w * 0.75, color, 1);
      g.strokeCircle(x, y, s * 0.44 - (w * 0.75) / 2);
      return;
    case "cross":
      g.lineStyle(w, color, 1);
      g.lineBetween(x - 0.36 * s, y - 0.36 * s, x + 0.36 * s, y + 0.36 * s);
      g.lineBetween(x - 0.36 * s, y + 0.36 * s, x + 0.36 * s, y - 0.36 * s);
      return;
    case "square":
      g.fillStyle(color, 1);
      g.fillRect(x - 0.36 * s, y - 0.36 * s, 0.72 * s, 0.72 * s);
      return;
    case "dot":
      g.fillStyle(color, 1);
      g.fillCircle(x, y, s * 0.36);
      return;
    case "up":
      g.fillStyle(color, 1);
      g.fillTriangle(x - 0.46 * s, y + 0.36 * s, x + 0.46 * s, y + 0.36 * s, x, y - 0.42 * s);
      return;
    case "down":
      g.fillStyle(color, 1);
      g.fillTriangle(x - 0.46 * s, y - 0.36 * s, x + 0.46 * s, y - 0.36 * s, x, y + 0.42 * s);
      return;
    case "handset":
      handset(g, x, y, s, color);
  }
}

/** A telephone handset lying on its side: a thick arch with a cup at each end. */
function handset(g: Graphics, x: number, y: number, s: number, color: number): void {
  const r = s * 0.38;
  const cy = y + s * 0.2;
  const open = 0.5;
  g.lineStyle(Math.max(2, s * 0.24), color, 1);
  g.beginPath();
  g.arc(x, cy, r, Math.PI + open, 2 * Math.PI - open);
  g.strokePath();
  g.fillStyle(color, 1);
  for (const side of [-1, 1]) {
    const ex = x + side * r * Math.cos(open);
    const ey = cy - r * Math.sin(open);
    g.fillEllipse(ex + side * s * 0.06, ey + s * 0.14, s * 0.42, s * 0.3);
  }
}
