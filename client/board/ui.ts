// Small helpers shared by the board's parts: text objects in the board's font,
// fitted to a width, and pills (rounded labels) drawn with Graphics.
import Phaser from "phaser";
import { css, FONT, mirrored } from "./theme.ts";
import { fit, hasRtl, readsRtl, textSize, wrap, type FontSpec } from "./text.ts";

export type Scene = Phaser.Scene;
export type Text = Phaser.GameObjects.Text;
export type Graphics = Phaser.GameObjects.Graphics;

export function makeText(scene: Scene, color: number, originX = 0, originY = 0.5): Text {
  return scene.add
    .text(0, 0, "", { fontFamily: FONT, fontSize: "14px", color: css(color) })
    .setOrigin(originX, originY)
    .setFlipX(mirrored());
}

/** Applies a font only when it differs (each change re-renders the text's texture). */
export function setFont(t: Text, f: FontSpec): Text {
  const size = `${textSize(f)}px`;
  const style = f.bold ? "bold" : "";
  const spacing = f.spacing ?? 0;
  if (t.style.fontSize !== size) t.setFontSize(size);
  if (t.style.fontStyle !== style) t.setFontStyle(style);
  if (t.letterSpacing !== spacing) t.setLetterSpacing(spacing);
  if (f.family && t.style.fontFamily !== f.family) t.setFontFamily(f.family);
  return t;
}

export function setColor(t: Text, color: number): Text {
  const c = css(color);
  if (t.style.color !== c) t.setColor(c);
  return t;
}

/** Sets the text, cut with an ellipsis to `width`. */
export function setFitted(t: Text, value: string, f: FontSpec, width: number): Text {
  const g = fontFor(value, f);
  setFont(t, g);
  setDirection(t, value);
  const s = fit(value, g, width);
  if (t.text !== s) t.setText(s);
  return t;
}

/** Sets the text, wrapped to at most `lines` lines of `width`. */
export function setWrapped(t: Text, value: string, f: FontSpec, width: number, lines: number): Text {
  const g = fontFor(value, f);
  setFont(t, g);
  setDirection(t, value);
  const s = wrap(value, g, width, lines).join("\n");
  if (t.text !== s) t.setText(s);
  return t;
}

/** Arabic letters join: spaced capitals would draw them apart, so text with them is never letter-spaced. */
function fontFor(value: string, f: FontSpec): FontSpec {
  return f.spacing && hasRtl(value) ? { ...f, spacing: 0 } : f;
}

/** Each text reads in its own direction (as `dir="auto"`): Arabic right to left, a Latin scenario name left to right. */
function setDirection(t: Text, value: string): void {
  const rtl = readsRtl(value);
  if (t.style.rtl === rtl) return;
  // Phaser's setRTL would also put the text's own canvas in the page (for old browsers) and swap its alignment;
  // current browsers honour the context's direction alone, and Phaser then draws from the right edge
  t.style.rtl = rtl;
  t.context.direction = rtl ? "rtl" : "ltr";
}

export function pill(
  g: Graphics,
  x: number,
  y: number,
  w: number,
  h: number,
  fill: number,
  stroke: number,
  lineWidth: number,
  alpha = 1,
): void {
  const r = Math.min(h / 2, w / 2);
  g.fillStyle(fill, alpha);
  g.fillRoundedRect(x, y, w, h, r);
  if (lineWidth > 0) {
    g.lineStyle(lineWidth, stroke, 1);
    g.strokeRoundedRect(x, y, w, h, r);
  }
}

/** A brief highlight over an area that fades out, so a change is noticed. */
export function flash(scene: Scene, x: number, y: number, w: number, h: number, color: number, depth: number): void {
  const r = scene.add.rectangle(x, y, w, h, color, 0.45).setOrigin(0, 0).setDepth(depth);
  scene.tweens.add({ targets: r, alpha: 0, duration: 1400, ease: "Cubic.easeOut", onComplete: () => r.destroy() });
}

/** Strokes a polyline in the current line style. */
export function polyline(g: Graphics, pts: readonly { x: number; y: number }[]): void {
  if (pts.length < 2) return;
  g.beginPath();
  g.moveTo(pts[0]!.x, pts[0]!.y);
  for (let i = 1; i < pts.length; i++) g.lineTo(pts[i]!.x, pts[i]!.y);
  g.strokePath();
}
