// The escalation meter, centre of the board: the scenario's rungs as a
// vertical gauge (calm green at the bottom, deep red at the top), red lines as
// dashed red rules with their names, the current value as a marker that
// glides to each new value, the peak as a faint tick, and the recent
// movement as a trail across the gauge plus a floating "+4" with a drawn triangle.
import Phaser from "phaser";
import type { ParticipantView } from "../../shared/engine/view.ts";
import { rungIndex } from "../../shared/engine/escalation.ts";
import { escalationAfter } from "../../shared/engine/events.ts";
import type { Rect } from "./layout.ts";
import { C, css, deltaLabel, fmt, mix, rungColor } from "./theme.ts";
import { t as tr } from "../i18n/index.ts";
import { fits, measure, textSize, type FontSpec } from "./text.ts";
import {
  makeText,
  polyline,
  setColor,
  setFitted,
  setFont,
  setWrapped,
  type Graphics,
  type Scene,
  type Text,
} from "./ui.ts";
import { dashes } from "./routes.ts";
import { drawGlyph } from "./glyphs.ts";

const DELTA_FONT = (u: number): FontSpec => ({ size: 22 * u, bold: true });

type Ladder = ParticipantView["ladder"];
const TRAIL = 10;

export class LadderView {
  private readonly scene: Scene;
  private readonly g: Graphics;
  private readonly marker: Graphics;
  private readonly title: Text;
  private readonly peakText: Text;
  private readonly num: Text;
  private readonly rungName: Text;
  private readonly delta: Text;
  /** the delta's triangle (up or down), drawn inside the delta's right padding */
  private readonly deltaArrow: Graphics;
  private deltaDir: "up" | "down" | null = null;
  private deltaBase = 0;
  private accumulate = true;
  private readonly deltaLift = { v: 0 };
  private rungTexts: Text[] = [];
  private redTexts: { head: Text; name: Text }[] = [];
  private ladder: Ladder | null = null;
  private structure = "";
  private trail: number[] = [];
  private shown = Number.NaN;
  private pillY = Number.NaN;
  private tween: Phaser.Tweens.Tween | null = null;
  private rect: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private u = 1;

  constructor(scene: Scene) {
    this.scene = scene;
    this.g = scene.add.graphics().setDepth(10);
    this.marker = scene.add.graphics().setDepth(14);
    this.title = makeText(scene, C.dim).setDepth(12);
    this.peakText = makeText(scene, C.dim, 1).setDepth(12);
    this.num = makeText(scene, C.text, 0, 0.5).setDepth(15);
    this.rungName = makeText(scene, C.text, 0, 0.5).setDepth(15);
    this.delta = makeText(scene, C.danger, 1, 1).setDepth(16).setVisible(false);
    this.delta.setBackgroundColor(css(C.bg));
    this.deltaArrow = scene.add.graphics().setDepth(17).setVisible(false);
  }

  layout(rect: Rect, u: number): void {
    this.rect = rect;
    this.u = u;
    this.draw();
  }

  update(view: ParticipantView, accumulate = true): void {
    const l = view.ladder;
    this.accumulate = accumulate;
    const structure = JSON.stringify([l.rungs, l.redLines]);
    const previous = this.ladder;
    this.ladder = l;
    if (structure !== this.structure) {
      this.structure = structure;
      this.rungTexts.forEach((t) => t.destroy());
      this.redTexts.forEach((t) => (t.head.destroy(), t.name.destroy()));
      this.rungTexts = l.rungs.map(() => makeText(this.scene, C.dim, 1).setDepth(12));
      this.redTexts = l.redLines.map(() => ({
        head: makeText(this.scene, C.danger, 0, 0).setDepth(12),
        name: makeText(this.scene, C.dangerText, 0, 0).setDepth(12),
      }));
    }
    const values = view.log.flatMap((e) => {
      const after = escalationAfter(e);
      return after === undefined ? [] : [after];
    });
    this.trail = [l.start, ...values].filter((v, i, a) => i === 0 || v !== a[i - 1]).slice(-TRAIL);
    if (Number.isNaN(this.shown) || !previous) {
      this.shown = l.value;
      this.draw();
      return;
    }
    if (l.value !== previous.value) this.animateTo(previous.value, l.value);
    else this.draw();
  }

  private animateTo(from: number, to: number): void {
    this.tween?.stop();
    const state = { v: this.shown };
    this.tween = this.scene.tweens.add({
      targets: state,
      v: to,
      duration: 1100,
      ease: "Cubic.easeInOut",
      onUpdate: () => {
        this.shown = state.v;
        this.draw();
      },
      onComplete: () => {
        this.shown = to;
        this.tween = null;
        this.draw();
      },
    });
    // one floating delta: changes in quick succession add up ("+9" then "+6" shows "+15")
    if (!this.delta.visible || !this.accumulate) this.deltaBase = from;
    const change = to - this.deltaBase;
    const u = this.u;
    this.scene.tweens.killTweensOf([this.delta, this.deltaArrow]);
    this.deltaLift.v = 0;
    this.scene.tweens.killTweensOf(this.deltaLift);
    setFont(this.delta, DELTA_FONT(u));
    this.delta
      .setText(change === 0 ? "±0" : deltaLabel(change))
      .setVisible(true)
      .setAlpha(1);
    setColor(this.delta, change > 0 ? C.danger : C.ok);
    this.deltaDir = change > 0 ? "up" : change < 0 ? "down" : null;
    this.deltaArrow.setVisible(this.deltaDir !== null).setAlpha(1);
    const arrow = this.deltaDir ? arrowSize(u) + 6 * u : 0;
    this.delta.setPadding(8 * u, 3 * u, 8 * u + arrow, 3 * u);
    this.scene.tweens.add({
      targets: this.deltaLift,
      v: 30 * this.u,
      delay: 2200,
      duration: 1600,
      ease: "Cubic.easeIn",
      onUpdate: () => this.draw(),
    });
    this.scene.tweens.add({
      targets: [this.delta, this.deltaArrow],
      alpha: 0,
      delay: 2200,
      duration: 1600,
      ease: "Cubic.easeIn",
      onComplete: () => {
        this.delta.setVisible(false);
        this.deltaArrow.setVisible(false);
      },
    });
    this.scene.tweens.add({ targets: [this.num], scale: { from: 1.35, to: 1 }, duration: 700, ease: "Back.easeOut" });
  }

  private geometry() {
    const u = this.u;
    const r = this.rect;
    const p = 14 * u;
    const iw = r.w - 2 * p;
    const top = r.y + p + 34 * u;
    const bottom = r.y + r.h - p - 4 * u;
    const barW = Math.min(76 * u, Math.max(34 * u, iw * 0.17));
    const namesW = iw * 0.35;
    const barX = r.x + p + namesW + 10 * u;
    const pillX = barX + barW + 16 * u;
    const pillW = r.x + r.w - p - pillX;
    const numF: FontSpec = { size: 28 * u, bold: true };
    const nameF: FontSpec = { size: 13 * u, bold: true };
    const side = pillW - measure(fmt(100), numF) - 26 * u >= 84 * u;
    const pillH = side ? 50 * u : 74 * u;
    return { p, top, bottom, barX, barW, namesW, pillX, pillW, pillH, numF, nameF, side };
  }

  private y(v: number): number {
    const g = this.geometry();
    return g.bottom - (Math.min(100, Math.max(0, v)) / 100) * (g.bottom - g.top);
  }

  private draw(): void {
    const l = this.ladder;
    const u = this.u;
    const r = this.rect;
    const G = this.geometry();
    const g = this.g.clear();
    g.fillStyle(C.surface, 0.94);
    g.fillRoundedRect(r.x, r.y, r.w, r.h, 12 * u);
    g.lineStyle(1.5 * u, C.border, 1);
    g.strokeRoundedRect(r.x, r.y, r.w, r.h, 12 * u);
    setFitted(
      this.title,
      tr("board.ladder.title"),
      { size: 13 * u, bold: true, spacing: 1.5 * u },
      r.w / 2,
    ).setPosition(r.x + G.p, r.y + G.p + 8 * u);
    if (!l) return;
    const current = rungIndex(l, this.shown);
    setFitted(
      this.peakText,
      tr("board.ladder.peak", { value: fmt(l.peak) }),
      { size: 13 * u, bold: true, spacing: 1 * u },
      r.w / 2,
    ).setPosition(r.x + r.w - G.p, r.y + G.p + 8 * u);

    // the rungs: bands of the gauge, names to their left
    l.rungs.forEach((rung, i) => {
      const next = l.rungs[i + 1]?.from ?? 100;
      const y0 = this.y(rung.from);
      const y1 = this.y(next);
      const color = rungColor(i, l.rungs.length);
      g.fillStyle(i === current ? color : mix(color, C.surface, 0.42), 1);
      g.fillRect(G.barX, y1, G.barW, y0 - y1);
      const t = this.rungTexts[i];
      if (!t) return;
      // a smaller size rather than a cut word, if the band is tight
      const spec = (size: number): FontSpec => ({ size: size * u, bold: i === current });
      const lines = (f: FontSpec) => Math.max(1, Math.min(3, Math.floor((y0 - y1 - 4 * u) / (textSize(f) * 1.2))));
      const f = [15, 13.5].map(spec).find((x) => fits(rung.name, x, G.namesW, lines(x))) ?? spec(12);
      setWrapped(t, rung.name, f, G.namesW, lines(f)).setAlign("right");
      setColor(t, i === current ? C.text : i > current ? C.dim : mix(C.dim, C.surface, 0.25));
      t.setPosition(G.barX - 12 * u, (y0 + y1) / 2);
    });
    // separators between bands, and a frame around the current one
    g.lineStyle(2 * u, C.surface, 1);
    l.rungs.forEach((rung, i) => i > 0 && g.lineBetween(G.barX, this.y(rung.from), G.barX + G.barW, this.y(rung.from)));
    const cur = l.rungs[current];
    if (cur) {
      const y0 = this.y(cur.from);
      const y1 = this.y(l.rungs[current + 1]?.from ?? 100);
      g.lineStyle(2.5 * u, C.text, 0.9);
      g.strokeRect(G.barX - 1 * u, y1, G.barW + 2 * u, y0 - y1);
    }

    // red lines: dashed rules across the whole meter, named on the right just above the rule
    const boxes: { y0: number; y1: number; i: number }[] = [];
    l.redLines.forEach((line, i) => {
      const rung = l.rungs.find((x) => x.id === line.rung);
      const t = this.redTexts[i];
      if (!rung || !t) return;
      const y = this.y(rung.from);
      g.lineStyle(2.5 * u, C.danger, 1);
      for (const d of dashes(
        [
          { x: r.x + G.p, y },
          { x: r.x + r.w - G.p, y },
        ],
        9 * u,
        6 * u,
      ))
        polyline(g, d);
      const head = tr("board.ladder.red-line");
      // spaced capitals while they fit; a longer word (another language's) closes up rather than being cut
      const spaced: FontSpec = { size: 11 * u, bold: true, spacing: 1.2 * u };
      const headF = measure(head, spaced) <= G.pillW ? spaced : { ...spaced, spacing: 0 };
      const nameF: FontSpec = { size: 12 * u, bold: true };
      setFitted(t.head, head, headF, G.pillW);
      // as many lines (up to 3) as the room up to the next red line above allows, in the size drawn (never
      // under 12 px): a name that has no room is left out rather than drawn over the next one
      const above = Math.max(
        G.top - 10 * u,
        ...l.redLines.map((x) => this.y(l.rungs.find((r2) => r2.id === x.rung)?.from ?? 0)).filter((yy) => yy < y - 1),
      );
      const room = y - above - 6 * u - textSize(headF) * 1.25;
      const lines = Math.min(3, Math.floor(room / (textSize(nameF) * 1.25)));
      setWrapped(t.name, lines > 0 ? line.name : "", nameF, G.pillW, Math.max(1, lines));
      const h = t.head.height + (lines > 0 ? t.name.height : 0);
      const y0 = y - 4 * u - h;
      const shown = room >= 0 ? 1 : 0;
      t.head.setPosition(G.pillX, y0).setAlpha(shown);
      t.name.setPosition(G.pillX, y0 + t.head.height).setAlpha(shown);
      boxes.push({ y0, y1: y, i });
    });
    const target = this.placePill(this.y(this.shown), boxes, G.pillH, G.top - 6 * u, G.bottom + 4 * u);
    // while the marker moves, the pill follows smoothly instead of jumping around a red line's name
    const pillY = this.tween && !Number.isNaN(this.pillY) ? this.pillY + (target - this.pillY) * 0.3 : target;
    this.pillY = pillY;
    for (const b of boxes)
      if (b.y1 > pillY - G.pillH / 2 && b.y0 < pillY + G.pillH / 2) {
        this.redTexts[b.i]?.head.setAlpha(0);
        this.redTexts[b.i]?.name.setAlpha(0);
      }

    // the peak, when it is above the current value: a faint tick across the gauge
    if (l.peak > this.shown + 0.5) {
      const y = this.y(l.peak);
      g.lineStyle(2 * u, C.text, 0.55);
      for (const d of dashes(
        [
          { x: G.barX - 8 * u, y },
          { x: G.barX + G.barW, y },
        ],
        4 * u,
        3 * u,
      ))
        polyline(g, d);
    }

    // recent movement: a trail across the gauge ending at the marker
    if (this.trail.length > 1) {
      const n = this.trail.length;
      const x = (i: number) => G.barX + 6 * u + ((G.barW - 8 * u) * i) / (n - 1);
      const pts = this.trail.map((v, i) => ({ x: x(i), y: this.y(i === n - 1 ? this.shown : v) }));
      g.lineStyle(5 * u, C.bg, 0.75);
      polyline(g, pts);
      g.lineStyle(2.5 * u, C.text, 0.95);
      polyline(g, pts);
      g.fillStyle(C.text, 1);
      pts.slice(0, -1).forEach((p) => g.fillCircle(p.x, p.y, 2.5 * u));
    }
    this.drawMarker(l, current, pillY);
  }

  /** The pill stays next to the value, but slides up or down rather than cover a red line's name. */
  private placePill(
    valueY: number,
    boxes: { y0: number; y1: number }[],
    h: number,
    top: number,
    bottom: number,
  ): number {
    const clamp = (y: number) => Math.min(bottom - h / 2, Math.max(top + h / 2, y));
    const free = (y: number) => boxes.every((b) => b.y1 + 2 * this.u < y - h / 2 || b.y0 - 2 * this.u > y + h / 2);
    for (let d = 0; d <= h * 1.4; d += 2 * this.u)
      for (const y of [clamp(valueY - d), clamp(valueY + d)]) if (free(y)) return y;
    return clamp(valueY);
  }

  private drawMarker(l: Ladder, current: number, pillY: number): void {
    const u = this.u;
    const G = this.geometry();
    const y = this.y(this.shown);
    const m = this.marker.clear();
    // the value across the gauge, and a pointer to the pill
    m.lineStyle(6 * u, C.bg, 0.8);
    m.lineBetween(G.barX - 6 * u, y, G.barX + G.barW + 4 * u, y);
    m.lineStyle(3 * u, C.text, 1);
    m.lineBetween(G.barX - 6 * u, y, G.barX + G.barW + 4 * u, y);
    m.fillStyle(C.text, 1);
    m.fillTriangle(G.barX + G.barW + 2 * u, y, G.pillX + 1 * u, pillY - 9 * u, G.pillX + 1 * u, pillY + 9 * u);
    const color = rungColor(current, l.rungs.length);
    m.fillStyle(C.surface3, 1);
    m.fillRoundedRect(G.pillX, pillY - G.pillH / 2, G.pillW, G.pillH, 8 * u);
    m.lineStyle(2.5 * u, color, 1);
    m.strokeRoundedRect(G.pillX, pillY - G.pillH / 2, G.pillW, G.pillH, 8 * u);
    const value = this.tween ? fmt(Math.round(this.shown)) : fmt(this.shown);
    setFitted(this.num, value, G.numF, G.pillW - 16 * u);
    const name = l.rungs[current]?.name ?? "";
    if (G.side) {
      this.num.setOrigin(0, 0.5).setPosition(G.pillX + 10 * u, pillY);
      const nx = G.pillX + 18 * u + measure(fmt(100), G.numF);
      setWrapped(this.rungName, name, G.nameF, G.pillX + G.pillW - nx - 8 * u, 2).setPosition(nx, pillY);
    } else {
      this.num.setOrigin(0, 0.5).setPosition(G.pillX + 10 * u, pillY - 16 * u);
      setWrapped(this.rungName, name, G.nameF, G.pillW - 16 * u, 2)
        .setOrigin(0, 0)
        .setPosition(G.pillX + 10 * u, pillY + 2 * u);
    }
    if (G.side) this.rungName.setOrigin(0, 0.5);
    this.delta.setPosition(G.pillX + G.pillW, pillY - G.pillH / 2 - 4 * u - this.deltaLift.v);
    // the triangle sits in the delta's right padding, level with its figures
    const a = this.deltaArrow.clear();
    if (this.delta.visible && this.deltaDir) {
      const s = arrowSize(u);
      const color = this.deltaDir === "up" ? C.danger : C.ok;
      drawGlyph(a, this.deltaDir, this.delta.x - 8 * u - s / 2, this.delta.y - this.delta.height / 2, s, color);
    }
  }

  destroy(): void {
    this.tween?.stop();
    this.scene.tweens.killTweensOf([this.delta, this.deltaArrow, this.deltaLift]);
    [
      this.g,
      this.marker,
      this.deltaArrow,
      this.title,
      this.peakText,
      this.num,
      this.rungName,
      this.delta,
      ...this.rungTexts,
    ].forEach((o) => o.destroy());
    this.redTexts.forEach((t) => (t.head.destroy(), t.name.destroy()));
  }
}

/** The delta's triangle: about the height of its figures. */
function arrowSize(u: number): number {
  return textSize(DELTA_FONT(u)) * 0.6;
}
