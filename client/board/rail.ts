// The inject rail along the bottom of the board: the latest released injects
// as cards, newest first, each marked by its channel with a word and a colour,
// its title, turn, and a dot with "NEW" while unread. New cards slide in; a click (or
// touch) on a card opens the inject.
import Phaser from "phaser";
import type { InjectView } from "../../shared/engine/view.ts";
import type { Rect } from "./layout.ts";
import { C, channelStyle, fmt } from "./theme.ts";
import { i18n, t as tr } from "../i18n/index.ts";
import { textSize, type FontSpec } from "./text.ts";
import { drawGlyph } from "./glyphs.ts";
import { makeText, setColor, setFitted, setWrapped, type Graphics, type Scene, type Text } from "./ui.ts";

const MAX = 6;

interface Card {
  id: string;
  box: Phaser.GameObjects.Container;
  g: Graphics;
  zone: Phaser.GameObjects.Zone;
  channel: Text;
  meta: Text;
  news: Text;
  title: Text;
  inject: InjectView;
  unread: boolean;
  hover: boolean;
}

export class InjectRail {
  private readonly scene: Scene;
  private readonly onClick: (id: string) => void;
  private readonly heading: Text;
  private readonly empty: Text;
  private cards = new Map<string, Card>();
  private order: string[] = [];
  private total = 0;
  private rect: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private u = 1;
  private names: Record<string, string> = {};
  private ready = false;
  private shown = true;

  constructor(scene: Scene, onClick: (id: string) => void) {
    this.scene = scene;
    this.onClick = onClick;
    this.heading = makeText(scene, C.dim, 0, 0.5).setDepth(40);
    this.empty = makeText(scene, C.dim, 0, 0.5).setDepth(40);
  }

  /** `shown` false: the turn summary has the rail's place, and the rail draws nothing. */
  layout(rect: Rect, u: number, shown = true): void {
    this.rect = rect;
    this.u = u;
    this.shown = shown;
    this.place(false);
  }

  update(injects: InjectView[], unread: ReadonlySet<string>, names: Record<string, string>): void {
    this.names = names;
    const all = injects
      .map((inject, index) => ({ inject, index }))
      .filter((x) => x.inject.status === "released")
      .sort((a, b) => (b.inject.releasedAt ?? 0) - (a.inject.releasedAt ?? 0) || b.index - a.index);
    this.total = all.length;
    const released = all.slice(0, MAX);
    const ids = new Set(released.map((x) => x.inject.id));
    for (const [id, card] of this.cards)
      if (!ids.has(id)) {
        this.cards.delete(id);
        this.scene.tweens.add({ targets: card.box, alpha: 0, duration: 400, onComplete: () => card.box.destroy() });
      }
    for (const { inject } of released) {
      const card = this.cards.get(inject.id) ?? this.create(inject);
      card.inject = inject;
      card.unread = unread.has(inject.id);
    }
    this.order = released.map((x) => x.inject.id);
    this.place(this.ready);
    this.ready = true;
  }

  private create(inject: InjectView): Card {
    const s = this.scene;
    const box = s.add.container(0, 0).setDepth(40);
    const g = s.add.graphics();
    const zone = s.add.zone(0, 0, 10, 10).setOrigin(0, 0);
    const card: Card = {
      id: inject.id,
      box,
      g,
      zone,
      channel: makeText(s, C.text),
      meta: makeText(s, C.dim),
      news: makeText(s, C.accent, 1),
      title: makeText(s, C.text, 0, 0),
      inject,
      unread: false,
      hover: false,
    };
    box.add([g, card.channel, card.meta, card.news, card.title, zone]);
    zone.setInteractive({ useHandCursor: true });
    zone.on("pointerdown", () => this.onClick(card.id));
    zone.on("pointerover", () => {
      card.hover = true;
      this.drawCard(card);
    });
    zone.on("pointerout", () => {
      card.hover = false;
      this.drawCard(card);
    });
    // a new card slides in from the left, fading in
    box.setData("new", true);
    this.cards.set(inject.id, card);
    return card;
  }

  private size(): { w: number; h: number; gap: number; top: number } {
    const u = this.u;
    const gap = 12 * u;
    const top = this.rect.y + 24 * u;
    const fits = Math.max(1, Math.min(MAX, Math.floor((this.rect.w + gap) / (210 * u + gap))));
    const w = Math.min(320 * u, (this.rect.w - gap * (fits - 1)) / fits);
    return { w, h: this.rect.y + this.rect.h - top, gap, top };
  }

  private place(animate: boolean): void {
    this.heading.setVisible(this.shown);
    if (!this.shown) {
      this.empty.setVisible(false);
      for (const card of this.cards.values()) card.box.setVisible(false);
      return;
    }
    const u = this.u;
    const { w, h, gap, top } = this.size();
    const fits = Math.max(1, Math.floor((this.rect.w + gap) / (w + gap) + 0.01));
    const shown = this.order.length;
    // older cards drop off the strip; say so, and where they are
    const hidden = this.total - Math.min(fits, shown);
    setFitted(
      this.heading,
      shown
        ? hidden > 0
          ? tr("board.rail.heading-hidden", { hidden })
          : tr("board.rail.heading")
        : tr("board.rail.heading-empty"),
      { size: 12 * u, bold: true, spacing: 1.2 * u },
      this.rect.w,
    ).setPosition(this.rect.x, this.rect.y + 10 * u);
    setFitted(this.empty, tr("board.rail.empty"), { size: 15 * u }, this.rect.w)
      .setPosition(this.rect.x, top + h / 2)
      .setVisible(shown === 0);
    this.order.forEach((id, i) => {
      const card = this.cards.get(id);
      if (!card) return;
      const x = this.rect.x + i * (w + gap);
      card.box.setVisible(i < fits);
      card.zone.setSize(w, h);
      this.drawCard(card, w, h);
      const fresh = card.box.getData("new") === true;
      card.box.setData("new", false);
      // a card already gliding to this place keeps going
      if (card.box.getData("x") === x && this.scene.tweens.isTweening(card.box)) return;
      card.box.setData("x", x);
      this.scene.tweens.killTweensOf(card.box);
      if (fresh && animate) {
        card.box.setPosition(x - 60 * u, top).setAlpha(0);
        this.scene.tweens.add({ targets: card.box, x, alpha: 1, duration: 700, ease: "Cubic.easeOut" });
        this.scene.tweens.add({
          targets: card.box,
          y: { from: top - 10 * u, to: top },
          duration: 500,
          ease: "Back.easeOut",
        });
      } else if (animate && card.box.x !== x) {
        card.box.setAlpha(1).setY(top);
        this.scene.tweens.add({ targets: card.box, x, duration: 600, ease: "Cubic.easeInOut" });
      } else card.box.setPosition(x, top).setAlpha(1);
    });
  }

  private drawCard(card: Card, width?: number, height?: number): void {
    const u = this.u;
    const w = width ?? card.zone.width;
    const h = height ?? card.zone.height;
    const ch = channelStyle(card.inject.channel);
    const g = card.g.clear();
    g.fillStyle(card.hover ? C.surface3 : C.surface2, 1);
    g.fillRoundedRect(0, 0, w, h, 8 * u);
    g.lineStyle((card.unread ? 2.5 : 1.5) * u, card.unread ? C.accent : card.hover ? C.dim : C.border, 1);
    g.strokeRoundedRect(0, 0, w, h, 8 * u);
    g.fillStyle(ch.color, 1);
    g.fillRoundedRect(0, 0, 7 * u, h, { tl: 8 * u, bl: 8 * u, tr: 0, br: 0 });
    const left = 18 * u;
    const inner = w - left - 10 * u;
    const metaF: FontSpec = { size: 12 * u, bold: true, spacing: 1 * u };
    setFitted(card.channel, ch.word, metaF, inner * 0.4).setPosition(left, 14 * u);
    setColor(card.channel, ch.color);
    let newW = 0;
    if (card.unread) {
      // a dot and the word, right-aligned
      const dot = textSize(metaF) * 0.7;
      setFitted(card.news, tr("board.rail.new"), metaF, inner * 0.45 - dot - 4 * u)
        .setPosition(w - 10 * u, 14 * u)
        .setVisible(true);
      drawGlyph(g, "dot", w - 10 * u - card.news.width - 4 * u - dot / 2, 14 * u, dot, C.accent);
      newW = card.news.width + dot + 12 * u;
    } else card.news.setVisible(false);
    const i = card.inject;
    const who = i.audience.includes("all")
      ? ""
      : new Intl.ListFormat(i18n().lang, { type: "unit", style: "short" })
          .format(i.audience.map((a) => this.names[a] ?? a))
          .toUpperCase();
    const turn = i.releasedTurn;
    const meta = who
      ? turn
        ? tr("board.rail.turn-to", { turn: fmt(turn), who })
        : tr("board.rail.to", { who })
      : turn
        ? tr("board.rail.turn", { turn: fmt(turn) })
        : "";
    const cw = card.channel.width + 8 * u;
    setFitted(card.meta, meta, { size: 12 * u, bold: false, spacing: 0.5 * u }, inner - cw - newW).setPosition(
      left + cw,
      14 * u,
    );
    const titleF: FontSpec = { size: 15 * u, bold: true };
    const lines = Math.max(1, Math.floor((h - 34 * u) / (titleF.size * 1.2 + 2 * u)));
    card.title.setLineSpacing(2 * u);
    setWrapped(card.title, i.title, titleF, inner, Math.min(3, lines)).setPosition(left, 26 * u);
  }

  destroy(): void {
    for (const c of this.cards.values()) c.box.destroy();
    this.heading.destroy();
    this.empty.destroy();
  }
}
