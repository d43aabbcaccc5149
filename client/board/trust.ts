// Trust between states as lines between their cards, styled by level (high:
// thick green, medium: grey, low: dashed amber) and labelled with the number;
// an established hotline is tagged on the line with a drawn handset and, where
// there is room, the word HOTLINE. A change pulses its label.
import type { Route } from "./routes.ts";
import { dashes, key, rounded } from "./routes.ts";
import { C, fmt, trustStyle } from "./theme.ts";
import { t as tr } from "../i18n/index.ts";
import { drawGlyph } from "./glyphs.ts";
import { textSize } from "./text.ts";
import { makeText, pill, polyline, setColor, setFitted, type Graphics, type Scene, type Text } from "./ui.ts";

type Mode = "wide" | "medium" | "narrow";

interface Label {
  value: Text;
  hotline: Text;
  last: number;
}

export interface TrustItem {
  a: string;
  b: string;
  value: number;
  hotline: boolean;
}

export class TrustView {
  private readonly scene: Scene;
  private readonly lines: Graphics;
  private readonly pills: Graphics;
  private labels = new Map<string, Label>();
  private routes: Route[] = [];
  private items = new Map<string, TrustItem>();
  private u = 1;

  constructor(scene: Scene) {
    this.scene = scene;
    this.lines = scene.add.graphics().setDepth(5);
    this.pills = scene.add.graphics().setDepth(30);
  }

  /** New data and new routes (the routes change when the board is resized or the pairs change). */
  update(items: TrustItem[], routes: Route[], u: number): void {
    this.u = u;
    this.routes = routes;
    const next = new Map(items.map((i) => [key(i), i]));
    for (const [k, l] of this.labels)
      if (!next.has(k)) {
        l.value.destroy();
        l.hotline.destroy();
        this.labels.delete(k);
      }
    const pulse: Text[] = [];
    for (const [k, item] of next) {
      let l = this.labels.get(k);
      if (!l) {
        l = {
          value: makeText(this.scene, C.text, 0.5).setDepth(31),
          hotline: makeText(this.scene, C.text, 0.5).setDepth(31),
          last: item.value,
        };
        this.labels.set(k, l);
      } else if (l.last !== item.value) {
        pulse.push(l.value);
        l.last = item.value;
      }
    }
    this.items = next;
    this.draw();
    for (const t of pulse)
      this.scene.tweens.add({ targets: t, scale: { from: 1.6, to: 1 }, duration: 900, ease: "Back.easeOut" });
  }

  private draw(): void {
    const u = this.u;
    const g = this.lines.clear();
    const p = this.pills.clear();
    for (const l of this.labels.values()) {
      l.value.setVisible(false);
      l.hotline.setVisible(false);
    }
    const visible = this.routes.filter((r) => this.items.has(key(r)) && this.labels.has(key(r)));
    for (const r of visible) {
      const s = trustStyle(this.items.get(key(r))!.value);
      const pts = rounded(r.points, 12 * u);
      // a dark casing keeps lines apart where they run side by side
      g.lineStyle((s.width + 3) * u, C.bg, 0.9);
      polyline(g, pts);
      g.lineStyle(s.width * u, s.color, 1);
      if (s.dashed) for (const d of dashes(pts, 9 * u, 6 * u)) polyline(g, d);
      else polyline(g, pts);
      g.fillStyle(s.color, 1);
      for (const end of [r.points[0]!, r.points[r.points.length - 1]!]) g.fillCircle(end.x, end.y, 4 * u);
    }
    for (const r of visible.filter((x) => x.where === "gutter")) this.drawLabel(p, r, "narrow", r.label.x);
    // the labels of one band sit side by side along it, wide if there is room, narrow if not
    for (const band of ["top", "bottom"] as const) {
      const rs = visible
        .filter((r) => r.where === "band" && r.band === band)
        .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      if (!rs.length) continue;
      const lo = Math.min(...rs.map((r) => r.span?.[0] ?? r.label.x));
      const hi = Math.max(...rs.map((r) => r.span?.[1] ?? r.label.x));
      const gap = 10 * u;
      // as wide as the band allows: "TRUST 47 [handset] HOTLINE", else "TRUST 47 [handset]", else "47 [handset]"
      let mode: Mode = "narrow";
      let ws = rs.map((r) => this.labelWidth(r, "narrow"));
      for (const m of ["wide", "medium"] as const) {
        const w = rs.map((r) => this.labelWidth(r, m));
        if (w.reduce((a, b) => a + b, 0) + gap * (rs.length - 1) <= (hi - lo) * 0.95) {
          mode = m;
          ws = w;
          break;
        }
      }
      const total = ws.reduce((a, b) => a + b, 0) + gap * (rs.length - 1);
      let x = (lo + hi) / 2 - total / 2;
      // rows packed closer than a pill is tall get slimmer pills, so each covers its own line and not its neighbours'
      const ys = [...new Set(rs.map((r) => r.label.y))].sort((a, b) => a - b);
      const step = Math.min(...ys.slice(1).map((y, i) => y - ys[i]!));
      const h = Math.min(26 * u, Math.max(textSize(VALUE_FONT(u)) + 4 * u, 2 * step - 3 * u));
      rs.forEach((r, i) => {
        this.drawLabel(p, r, mode, x + ws[i]! / 2, h);
        x += ws[i]! + gap;
      });
    }
  }

  private labelWidth(r: Route, mode: Mode): number {
    const u = this.u;
    const item = this.items.get(key(r))!;
    const label = this.labels.get(key(r))!;
    this.setTexts(label, item, mode);
    return label.value.width + 16 * u + (item.hotline ? this.tagWidth(label) + 4 * u : 0);
  }

  private setTexts(label: Label, item: TrustItem, mode: Mode): void {
    const u = this.u;
    const s = trustStyle(item.value);
    setFitted(
      label.value,
      mode === "narrow" ? fmt(Math.round(item.value)) : tr("board.trust.label", { value: fmt(Math.round(item.value)) }),
      VALUE_FONT(u),
      140 * u,
    );
    setColor(label.value, s.level === "low" ? C.warn : s.level === "high" ? C.okText : C.text);
    setFitted(label.hotline, mode === "wide" ? tr("board.trust.hotline") : "", TAG_FONT(u), 200 * u);
  }

  /** The hotline tag's pill: a handset, and the word when it is shown. */
  private tagWidth(label: Label): number {
    const u = this.u;
    const word = label.hotline.text ? label.hotline.width + 5 * u : 0;
    return handsetSize(u) + word + 14 * u;
  }

  /** The handset (and the word, if shown) centred on (cx, y). */
  private drawTag(p: Graphics, label: Label, cx: number, y: number): void {
    const u = this.u;
    const s = handsetSize(u);
    const word = label.hotline.text ? label.hotline.width + 5 * u : 0;
    const x0 = cx - (s + word) / 2;
    drawGlyph(p, "handset", x0 + s / 2, y, s, C.text);
    label.hotline.setPosition(x0 + s + 5 * u + label.hotline.width / 2, y).setVisible(word > 0);
  }

  /** A pill with the number on the line; in a band the hotline tag follows it, in a gutter it hangs below. */
  private drawLabel(p: Graphics, r: Route, mode: Mode, cx: number, h = 26 * this.u): void {
    const u = this.u;
    const item = this.items.get(key(r))!;
    const label = this.labels.get(key(r))!;
    const s = trustStyle(item.value);
    this.setTexts(label, item, mode);
    const vw = label.value.width + 16 * u;
    const hw = item.hotline ? this.tagWidth(label) : 0;
    const y = r.label.y;
    if (r.where === "band") {
      const x0 = cx - (vw + (hw ? hw + 4 * u : 0)) / 2;
      pill(p, x0, y - h / 2, vw, h, C.surface2, s.color, 2 * u);
      label.value.setPosition(x0 + vw / 2, y).setVisible(true);
      if (hw) {
        pill(p, x0 + vw + 4 * u, y - h / 2 + 1 * u, hw, h - 2 * u, C.accentBg, C.accent, 1.5 * u);
        this.drawTag(p, label, x0 + vw + 4 * u + hw / 2, y);
      }
      return;
    }
    const dy = hw ? -h * 0.45 : 0;
    pill(p, cx - vw / 2, y + dy - h / 2, vw, h, C.surface2, s.color, 2 * u);
    label.value.setPosition(cx, y + dy).setVisible(true);
    if (hw) {
      const hy = y + dy + h / 2 + 2 * u;
      pill(p, cx - hw / 2, hy, hw, h - 6 * u, C.accentBg, C.accent, 1.5 * u);
      this.drawTag(p, label, cx, hy + (h - 6 * u) / 2);
    }
  }

  destroy(): void {
    this.lines.destroy();
    this.pills.destroy();
    for (const l of this.labels.values()) {
      l.value.destroy();
      l.hotline.destroy();
    }
  }
}

const TAG_FONT = (u: number) => ({ size: 12 * u, bold: true, spacing: 0.5 * u });
const VALUE_FONT = (u: number) => ({ size: 15 * u, bold: true });
/** The handset's size: a little over the tag word's capitals. */
function handsetSize(u: number): number {
  return textSize(TAG_FONT(u)) * 0.95;
}
