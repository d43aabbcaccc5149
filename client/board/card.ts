// One state's card: colour bar and name, tr("board.card.your-state") for the viewer's own,
// international standing and domestic pressure as labelled bars, and each
// critical-infrastructure sector with a health bar and a status carried by a
// word and a drawn shape (a tick, a half disc, a cross) as well as colour.
// Values glide to their new level; a sector that changes flashes.
import Phaser from "phaser";
import type { TeamPublic } from "../../shared/engine/view.ts";
import type { Rect } from "./layout.ts";
import { t as tr } from "../i18n/index.ts";
import { C, fmt, mix, parseColor, pressureColor, sectorStyle, sectorWord, standingColor } from "./theme.ts";
import { measure, textSize, type FontSpec } from "./text.ts";
import { drawGlyph } from "./glyphs.ts";
import { flash, makeText, pill, setColor, setFitted, type Graphics, type Scene, type Text } from "./ui.ts";

export interface CardMetrics {
  /** unit of size for this card (the board's unit, shrunk if the card must) */
  cu: number;
  compact: boolean;
  height: number;
}

// heights in units: padding + name + standing/pressure (+ "critical infrastructure" heading when not compact)
const HEAD = 12 + 34 + 46 + 24;
const HEAD_COMPACT = 12 + 34 + 46 + 6;
const BOTTOM = 8;
const ROW = 46;
const ROW_COMPACT = 34;

/** How tall a card with `sectors` rows is, at most `maxHeight`: full rows, else one-line rows, else smaller type. */
export function cardMetrics(sectors: number, maxHeight: number, u: number, forceCompact = false): CardMetrics {
  const full = (HEAD + BOTTOM + ROW * sectors) * u;
  if (!forceCompact && full <= maxHeight) return { cu: u, compact: false, height: full };
  const compact = (HEAD_COMPACT + BOTTOM + ROW_COMPACT * sectors) * u;
  if (compact <= maxHeight) return { cu: u, compact: true, height: compact };
  const k = Math.max(0.62, maxHeight / compact);
  return { cu: u * k, compact: true, height: Math.min(maxHeight, compact * k) };
}

interface SectorTexts {
  kind: Text;
  name: Text;
  value: Text;
  status: Text;
}

export class TeamCard {
  private readonly scene: Scene;
  private readonly bg: Graphics;
  private readonly bars: Graphics;
  private readonly name: Text;
  private readonly badge: Text;
  private readonly labels: Text[];
  private readonly values: Text[];
  private readonly infra: Text;
  private sectors: SectorTexts[] = [];
  private team: TeamPublic | null = null;
  private mine = false;
  private rect: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private m: CardMetrics = { cu: 1, compact: false, height: 0 };
  /** what the bars show now (standing, pressure, then each sector's health) */
  private shown: number[] = [];
  /** what they show, or glide to, for the last team given */
  private target: number[] = [];
  private tween: Phaser.Tweens.Tween | null = null;

  constructor(scene: Scene) {
    this.scene = scene;
    this.bg = scene.add.graphics().setDepth(20);
    this.bars = scene.add.graphics().setDepth(21);
    this.name = makeText(scene, C.text).setDepth(22);
    this.badge = makeText(scene, C.text, 1).setDepth(23);
    this.labels = [makeText(scene, C.dim).setDepth(22), makeText(scene, C.dim).setDepth(22)];
    this.values = [makeText(scene, C.text, 1).setDepth(22), makeText(scene, C.text, 1).setDepth(22)];
    this.infra = makeText(scene, C.dim).setDepth(22);
  }

  get bounds(): Rect {
    return this.rect;
  }

  layout(rect: Rect, m: CardMetrics): void {
    this.rect = rect;
    this.m = m;
    this.draw();
  }

  update(team: TeamPublic, mine: boolean): void {
    const before = this.team;
    this.team = team;
    this.mine = mine;
    const target = this.targets(team);
    if (!before || before.sectors.length !== team.sectors.length) {
      this.sectors.forEach((s) => Object.values(s).forEach((t: Text) => t.destroy()));
      this.sectors = team.sectors.map(() => ({
        kind: makeText(this.scene, C.dim).setDepth(22),
        name: makeText(this.scene, C.text).setDepth(22),
        value: makeText(this.scene, C.text, 1).setDepth(22),
        status: makeText(this.scene, C.text, 1).setDepth(22),
      }));
      this.shown = this.target = target;
      this.draw();
      return;
    }
    // the same values again leave a glide under way to go on (restarted, it would never end under frequent updates)
    if (target.some((v, i) => v !== this.target[i])) {
      this.target = target;
      // flash the sectors that moved, in the colour of their new status
      team.sectors.forEach((s, i) => {
        const old = before.sectors[i];
        if (!old || old.health === s.health) return;
        const row = this.rowRect(i);
        const changed = sectorStyle(old.health).status !== sectorStyle(s.health).status;
        flash(this.scene, row.x, row.y, row.w, row.h, changed ? sectorStyle(s.health).color : C.text, 24);
      });
      this.animate(target);
    } else this.draw();
  }

  private targets(team: TeamPublic): number[] {
    return [team.standing, team.pressure, ...team.sectors.map((s) => s.health)];
  }

  private animate(target: number[]): void {
    this.tween?.stop();
    const from = [...this.shown];
    const p = { t: 0 };
    this.tween = this.scene.tweens.add({
      targets: p,
      t: 1,
      duration: 1000,
      ease: "Cubic.easeInOut",
      onUpdate: () => {
        this.shown = target.map((v, i) => (from[i] ?? v) + (v - (from[i] ?? v)) * p.t);
        this.draw();
      },
      onComplete: () => {
        this.shown = target;
        this.tween = null;
        this.draw();
      },
    });
  }

  private rowRect(i: number): Rect {
    const u = this.m.cu;
    const rowH = (this.m.compact ? ROW_COMPACT : ROW) * u;
    const head = (this.m.compact ? HEAD_COMPACT : HEAD) * u;
    return { x: this.rect.x + 8 * u, y: this.rect.y + head + i * rowH, w: this.rect.w - 12 * u, h: rowH };
  }

  private draw(): void {
    const team = this.team;
    if (!team) return;
    const u = this.m.cu;
    const { x, y, w, h } = this.rect;
    const color = parseColor(team.color);
    const bg = this.bg.clear();
    bg.fillStyle(C.surface, 0.97);
    bg.fillRoundedRect(x, y, w, h, 10 * u);
    bg.lineStyle((this.mine ? 3 : 1.5) * u, this.mine ? C.accent : C.border, 1);
    bg.strokeRoundedRect(x, y, w, h, 10 * u);
    bg.fillStyle(color, 1);
    bg.fillRoundedRect(x, y, 8 * u, h, { tl: 10 * u, bl: 10 * u, tr: 0, br: 0 });
    const left = x + 20 * u;
    const inner = w - 32 * u;

    // header: name and, for the viewer's own state, a badge
    let badgeW = 0;
    if (this.mine) {
      const bf: FontSpec = { size: 12 * u, bold: true, spacing: 1 * u };
      setFitted(this.badge, tr("board.card.your-state"), bf, inner / 2).setVisible(true);
      badgeW = this.badge.width + 18 * u;
      pill(bg, x + w - 12 * u - badgeW, y + 12 * u + 4 * u, badgeW, 24 * u, C.accentBg, C.accent, 1.5 * u);
      this.badge.setPosition(x + w - 12 * u - 9 * u, y + 12 * u + 16 * u);
    } else this.badge.setVisible(false);
    setFitted(this.name, team.name, { size: 22 * u, bold: true }, inner - badgeW - 8 * u).setPosition(
      left,
      y + 12 * u + 16 * u,
    );

    // standing and pressure, side by side
    const b = this.bars.clear();
    const colW = (inner - 20 * u) / 2;
    const statY = y + (12 + 34) * u;
    const stats = [
      {
        label: tr("board.card.standing"),
        short: tr("board.card.standing-short"),
        value: this.shown[0] ?? 0,
        color: standingColor(this.shown[0] ?? 0),
      },
      {
        label: tr("board.card.pressure"),
        short: tr("board.card.pressure-short"),
        value: this.shown[1] ?? 0,
        color: pressureColor(this.shown[1] ?? 0),
      },
    ];
    stats.forEach((s, i) => {
      const sx = left + i * (colW + 20 * u);
      const vf: FontSpec = { size: 18 * u, bold: true };
      const vw = measure(fmt(100), vf);
      setFitted(this.values[i]!, fmt(Math.round(s.value)), vf, vw + 4 * u).setPosition(sx + colW, statY + 12 * u);
      const lf: FontSpec = { size: 12 * u, bold: true, spacing: 0.8 * u };
      const room = colW - vw - 8 * u;
      setFitted(this.labels[i]!, measure(s.label, lf) <= room ? s.label : s.short, lf, room).setPosition(
        sx,
        statY + 12 * u,
      );
      bar(b, sx, statY + 28 * u, colW, 7 * u, s.value, s.color);
    });

    // critical infrastructure
    const infraY = statY + 46 * u;
    this.infra.setVisible(!this.m.compact);
    if (!this.m.compact) {
      setFitted(
        this.infra,
        tr("board.card.infrastructure"),
        { size: 11 * u, bold: true, spacing: 1 * u },
        inner,
      ).setPosition(left, infraY + 8 * u);
      b.lineStyle(1 * u, C.border, 1);
      b.lineBetween(left, infraY + 19 * u, left + inner, infraY + 19 * u);
    } else {
      b.lineStyle(1 * u, C.border, 1);
      b.lineBetween(left, infraY + 2 * u, left + inner, infraY + 2 * u);
    }
    const compact = this.m.compact;
    const sf: FontSpec = { size: (compact ? 12 : 13) * u, bold: true };
    // the status's shape, about a capital letter high, then its word: right-aligned, as wide as the widest
    const icon = textSize(sf) * 0.8;
    const iconGap = 5 * u;
    const statusW =
      Math.max(
        ...[tr("board.status.operational"), tr("board.status.degraded"), tr("board.status.down")].map((w) =>
          measure(w, sf),
        ),
      ) +
      icon +
      iconGap +
      2 * u;
    const kindF: FontSpec = { size: 11 * u, bold: true, spacing: 0.8 * u };
    const nameF: FontSpec = { size: (compact ? 14 : 15) * u, bold: true };
    const valueF: FontSpec = { size: (compact ? 12 : 13) * u, bold: true };
    const valueW = measure(fmt(100), valueF) + 8 * u;
    // a shrunk card whose rows cannot hold two lines of readable type puts each on one line, a thin bar beneath
    const rowH = (compact ? ROW_COMPACT : ROW) * u;
    const oneLine = textSize(nameF) + textSize(sf) + (compact ? 6 : 8) * u + 2 * u > rowH;
    const barW = inner - valueW - statusW - 10 * u;
    team.sectors.forEach((sector, i) => {
      const t = this.sectors[i];
      if (!t) return;
      const health = this.shown[2 + i] ?? sector.health;
      const st = sectorStyle(health);
      const row = this.rowRect(i);
      const bh = oneLine ? Math.max(3, 4 * u) : (compact ? 6 : 8) * u;
      const ly = oneLine ? row.y + (rowH - bh - 2 * u) / 2 : row.y + (compact ? 11 : 15) * u;
      const by = oneLine ? ly + textSize(nameF) * 0.55 + 1 * u : row.y + (compact ? 23 : 30) * u;
      // the value and status: on the bar's line, or (one line) on the name's
      const vy = oneLine ? ly : by + bh / 2;
      const room = oneLine ? barW : inner;
      const kind = sectorWord(sector.kind);
      // line 1: what the sector is; line 2: its health as a bar and a number, and its status in a word
      // (one line: the kind in full, and the name only if a few letters of it fit)
      setFitted(t.kind, kind, kindF, oneLine ? room : inner * 0.3).setPosition(left, ly);
      const kw = t.kind.width + 8 * u;
      const nameRoom = room - kw;
      setFitted(t.name, nameRoom >= textSize(nameF) * 3.5 ? sector.name : "", nameF, nameRoom).setPosition(
        left + kw,
        ly,
      );
      setColor(t.name, st.status === "down" ? mix(C.text, C.danger, 0.35) : C.text);
      setFitted(t.status, st.word, sf, statusW - icon - iconGap).setPosition(left + inner, vy);
      setColor(t.status, st.color);
      drawGlyph(b, st.glyph, left + inner - t.status.width - iconGap - icon / 2, vy, icon, st.color);
      setFitted(t.value, fmt(Math.round(health)), valueF, valueW).setPosition(left + inner - statusW - 6 * u, vy);
      bar(b, left, by, barW, bh, health, st.color);
    });
  }

  destroy(): void {
    this.tween?.stop();
    [this.bg, this.bars, this.name, this.badge, this.infra, ...this.labels, ...this.values].forEach((o) => o.destroy());
    this.sectors.forEach((s) => Object.values(s).forEach((t: Text) => t.destroy()));
  }
}

/** A horizontal bar: a dark track and a fill for value 0..100. */
function bar(g: Graphics, x: number, y: number, w: number, h: number, value: number, color: number): void {
  g.fillStyle(C.bg, 1);
  g.fillRoundedRect(x, y, w, h, h / 2);
  const fw = (Math.max(0, Math.min(100, value)) / 100) * w;
  if (fw > 0.5) {
    g.fillStyle(color, 1);
    g.fillRoundedRect(x, y, Math.max(fw, h), h, h / 2);
  }
}
