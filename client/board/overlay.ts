// The board's frame: a slim header (turn and phase, and a legend for the trust
// lines), and the exercise's state over everything: "Waiting for control to
// start the exercise" before the start, a dimmed board with a PAUSED watermark
// while paused, and the outcome banner at the end.
import type { ParticipantView } from "../../shared/engine/view.ts";
import type { BoardLayout } from "./layout.ts";
import { C, fmt, trustStyle } from "./theme.ts";
import { measure, textSize, type FontSpec } from "./text.ts";
import {
  makeText,
  pill,
  polyline,
  setColor,
  setFitted,
  setWrapped,
  type Graphics,
  type Scene,
  type Text,
} from "./ui.ts";
import { dashes } from "./routes.ts";
import { drawGlyph, type Glyph } from "./glyphs.ts";
import { glossaryOf, outcomeWords } from "../../shared/words/index.ts";
import { pauseCause } from "../ui/paused.ts";
import { i18n, t as tr } from "../i18n/index.ts";
import { languageFor } from "../../shared/words/catalogue.ts";

type Exercise = ParticipantView["exercise"];

// a function, so the colours are the theme's palette at the time (readPalette)
const OUTCOME = (): Record<string, { word: string; color: number; glyph?: Glyph }> => ({
  agreement: { word: tr("board.outcome.agreement"), color: C.ok, glyph: "tick" },
  failure: { word: tr("board.outcome.failure"), color: C.danger, glyph: "cross" },
  time: { word: tr("board.outcome.time"), color: C.accent },
  facilitator: { word: tr("board.outcome.facilitator"), color: C.dim, glyph: "square" },
});

export class Overlay {
  private readonly scene: Scene;
  private readonly header: Graphics;
  private readonly turn: Text;
  private readonly legend: Text[];
  private readonly dim: Graphics;
  private readonly big: Text;
  private readonly sub: Text;
  private readonly banner: Graphics;
  private readonly bannerHead: Text;
  private readonly bannerText: Text;
  private exercise: Exercise | null = null;
  /** how it ended, in words (null until it has) */
  private ending: string | null = null;
  private isControl = false;
  private l: BoardLayout | null = null;
  private status = "";
  /** who paused it: control, or the server after a restart */
  private paused = "";

  constructor(scene: Scene) {
    this.scene = scene;
    this.header = scene.add.graphics().setDepth(2);
    this.turn = makeText(scene, C.text).setDepth(3);
    this.legend = [0, 1, 2, 3, 4].map(() => makeText(scene, C.dim).setDepth(3));
    this.dim = scene.add.graphics().setDepth(80);
    this.big = makeText(scene, C.text, 0.5).setDepth(90);
    this.sub = makeText(scene, C.text, 0.5, 0).setDepth(94);
    this.banner = scene.add.graphics().setDepth(92);
    this.bannerHead = makeText(scene, C.text, 0, 0).setDepth(93);
    this.bannerText = makeText(scene, C.text, 0, 0).setDepth(93);
  }

  layout(l: BoardLayout): void {
    this.l = l;
    this.draw();
  }

  update(view: ParticipantView, controlHint: boolean): void {
    this.exercise = view.exercise;
    const o = view.exercise.outcome;
    this.ending = o && outcomeWords(o.kind, o.reason, glossaryOf(view), languageFor(i18n()));
    this.isControl = controlHint;
    this.paused = view.exercise.status === "paused" ? pauseCause(view, true) : "";
    const changed = view.exercise.status !== this.status;
    this.status = view.exercise.status;
    this.draw();
    if (changed) {
      const targets = [this.dim, this.big, this.sub, this.banner, this.bannerHead, this.bannerText];
      this.scene.tweens.killTweensOf(targets);
      this.scene.tweens.add({ targets, alpha: { from: 0, to: 1 }, duration: 600, ease: "Cubic.easeOut" });
      // a few slow pulses catch the eye, then it rests (an endless pulse would keep the board drawing all pause long)
      if (this.status === "paused")
        this.scene.tweens.add({
          targets: [this.big],
          alpha: { from: 1, to: 0.7 },
          delay: 600,
          duration: 1600,
          yoyo: true,
          repeat: 2,
          ease: "Sine.easeInOut",
        });
    }
  }

  private draw(): void {
    const l = this.l;
    const e = this.exercise;
    if (!l || !e) return;
    const u = l.u;
    this.drawHeader(l, e);
    const W = l.header.x * 2 + l.header.w;
    const H = l.rail.y + l.rail.h + l.pad;
    const d = this.dim.clear();
    this.big.setVisible(false);
    this.sub.setVisible(false);
    this.banner.clear();
    this.bannerHead.setVisible(false);
    this.bannerText.setVisible(false);
    const cx = W / 2;
    const cy = l.middle.y + l.middle.h / 2;
    if (e.status === "paused") {
      d.fillStyle(C.bg, 0.68);
      d.fillRect(0, l.header.y + l.header.h, W, H);
      // a pause sign and the word, as one group in the middle
      const f: FontSpec = { size: Math.min(96 * u, W / 9), bold: true, spacing: 12 * u };
      setFitted(this.big, tr("board.overlay.paused"), f, W * 0.7).setVisible(true);
      setColor(this.big, C.warn);
      const bar = f.size * 0.17;
      const gap = f.size * 0.14;
      const iconW = bar * 2 + gap;
      const total = iconW + f.size * 0.45 + this.big.width;
      const x0 = cx - total / 2;
      const ih = f.size * 0.78;
      const b = this.banner;
      b.fillStyle(C.warn, 1);
      b.fillRoundedRect(x0, cy - 20 * u - ih / 2, bar, ih, bar * 0.3);
      b.fillRoundedRect(x0 + bar + gap, cy - 20 * u - ih / 2, bar, ih, bar * 0.3);
      this.big.setOrigin(0, 0.5).setPosition(x0 + iconW + f.size * 0.45, cy - 20 * u);
      setFitted(this.sub, this.paused, { size: 19 * u, bold: true }, W * 0.8)
        .setOrigin(0.5, 0)
        .setPosition(cx, cy + f.size * 0.45)
        .setVisible(true);
      setColor(this.sub, C.text);
      const sw = this.sub.width + 36 * u;
      const sh = this.sub.height + 16 * u;
      b.fillStyle(C.surface, 0.95);
      b.fillRoundedRect(cx - sw / 2, this.sub.y - 8 * u, sw, sh, 8 * u);
      b.lineStyle(1.5 * u, C.warn, 1);
      b.strokeRoundedRect(cx - sw / 2, this.sub.y - 8 * u, sw, sh, 8 * u);
    } else if (e.status === "setup") {
      d.fillStyle(C.bg, 0.6);
      d.fillRect(0, l.header.y + l.header.h, W, H);
      const bw = Math.min(W * 0.8, 760 * u);
      const bh = 120 * u;
      d.fillStyle(C.surface, 0.98);
      d.fillRoundedRect(cx - bw / 2, cy - bh / 2, bw, bh, 12 * u);
      d.lineStyle(2 * u, C.accent, 1);
      d.strokeRoundedRect(cx - bw / 2, cy - bh / 2, bw, bh, 12 * u);
      setFitted(
        this.big,
        this.isControl ? tr("board.overlay.waiting-you") : tr("board.overlay.waiting-control"),
        { size: 28 * u, bold: true },
        bw - 40 * u,
      )
        .setOrigin(0.5, 0.5)
        .setPosition(cx, cy - 16 * u)
        .setVisible(true);
      setColor(this.big, C.text);
      setFitted(this.sub, this.isControl ? tr("board.overlay.press-start") : e.title, { size: 18 * u }, bw - 60 * u)
        .setOrigin(0.5, 0)
        .setPosition(cx, cy + 12 * u)
        .setVisible(true);
      setColor(this.sub, C.dim);
    } else if (e.status === "ended") {
      // the outcome takes the header's place (the layout gives it the room)
      const outcomes = OUTCOME();
      const o = outcomes[e.outcome?.kind ?? "facilitator"] ?? outcomes.facilitator!;
      const h = l.header;
      const b = this.banner;
      b.fillStyle(C.surface, 1);
      b.fillRoundedRect(h.x, h.y, h.w, h.h, 10 * u);
      b.lineStyle(2.5 * u, o.color, 1);
      b.strokeRoundedRect(h.x, h.y, h.w, h.h, 10 * u);
      b.fillStyle(o.color, 1);
      b.fillRoundedRect(h.x, h.y, 10 * u, h.h, { tl: 10 * u, bl: 10 * u, tr: 0, br: 0 });
      const inner = h.w - 48 * u;
      const headF: FontSpec = { size: 14 * u, bold: true, spacing: 1.5 * u };
      // the outcome's shape leads the line, about a capital letter high
      const icon = o.glyph ? textSize(headF) * 0.85 : 0;
      const iconW = icon ? icon + 8 * u : 0;
      const head = e.outcome
        ? tr("board.overlay.ended-head-turn", { outcome: o.word, turn: fmt(e.outcome.turn), turns: fmt(e.turns) })
        : tr("board.overlay.ended-head", { outcome: o.word });
      setFitted(this.bannerHead, head, headF, inner - iconW)
        .setPosition(h.x + 28 * u + iconW, h.y + 12 * u)
        .setVisible(true);
      if (o.glyph)
        drawGlyph(b, o.glyph, h.x + 28 * u + icon / 2, h.y + 12 * u + this.bannerHead.height / 2, icon, o.color);
      setColor(this.bannerHead, o.color);
      const text = this.ending ?? tr("board.overlay.ended");
      const big: FontSpec = { size: 24 * u, bold: true };
      const two = measure(text, big) > inner;
      setWrapped(this.bannerText, text, two ? { size: 17 * u, bold: true } : big, inner, two ? 2 : 1)
        .setPosition(h.x + 28 * u, h.y + 34 * u)
        .setVisible(true);
    }
  }

  private drawHeader(l: BoardLayout, e: Exercise): void {
    const u = l.u;
    const h = l.header;
    const g = this.header.clear();
    const ended = e.status === "ended";
    this.turn.setVisible(!ended);
    if (ended) {
      this.legend.forEach((t) => t.setVisible(false));
      return;
    }
    const y = h.y + h.h / 2;
    const phase = e.phase?.name ?? "";
    const text =
      e.status === "setup"
        ? tr("board.header.not-started", { turns: e.turns })
        : tr(e.status === "paused" ? "board.header.turn-paused" : "board.header.turn", {
            turn: fmt(e.turn),
            turns: fmt(e.turns),
            phase: phase.toUpperCase(),
          });
    // the legend, right-aligned; what it leaves is the turn's room
    const f: FontSpec = { size: 12 * u, bold: true, spacing: 0.8 * u };
    const sample = 26 * u;
    const items = this.legend;
    const words = [
      tr("board.legend.trust"),
      tr("board.trust.high"),
      tr("board.trust.medium"),
      tr("board.trust.low"),
      tr("board.trust.hotline"),
    ];
    const widths = words.map((w) => measure(w, f));
    // the hotline's sample: its tag on the lines, a handset in a pill
    const hs = textSize(f);
    const tagW = hs + 12 * u;
    const total = widths.reduce((a, b) => a + b, 0) + 3 * (sample + 10 * u) + tagW + 8 * u + 5 * 14 * u;
    const showLegend = total < h.w * 0.55;
    let x = h.x + h.w - total;
    items.forEach((t, i) => {
      t.setVisible(showLegend);
      if (!showLegend) return;
      if (i >= 1 && i <= 3) {
        const s = trustStyle(i === 1 ? 80 : i === 2 ? 50 : 20);
        g.lineStyle(s.width * u, s.color, 1);
        const seg = [
          { x, y },
          { x: x + sample, y },
        ];
        for (const d of s.dashed ? dashes(seg, 6 * u, 4 * u) : [seg]) polyline(g, d);
        x += sample + 10 * u;
      }
      if (i === 4) {
        pill(g, x, y - hs / 2 - 3 * u, tagW, hs + 6 * u, C.accentBg, C.accent, 1.5 * u);
        drawGlyph(g, "handset", x + tagW / 2, y, hs * 0.9, C.text);
        x += tagW + 8 * u;
      }
      setFitted(t, words[i]!, f, 200 * u).setPosition(x, y);
      x += widths[i]! + 14 * u;
    });
    setFitted(
      this.turn,
      text,
      { size: 15 * u, bold: true, spacing: 1 * u },
      showLegend ? h.w - total - 20 * u : h.w,
    ).setPosition(h.x, y);
    setColor(this.turn, e.status === "paused" ? C.warn : C.text);
    g.lineStyle(1 * u, C.border, 1);
    g.lineBetween(h.x, h.y + h.h + 2 * u, h.x + h.w, h.y + h.h + 2 * u);
  }

  destroy(): void {
    [
      this.header,
      this.turn,
      ...this.legend,
      this.dim,
      this.big,
      this.sub,
      this.banner,
      this.bannerHead,
      this.bannerText,
    ].forEach((o) => o.destroy());
  }
}
