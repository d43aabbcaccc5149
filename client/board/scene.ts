// The Phaser scene that holds the board's parts and feeds them each new view.
// Layout (where the cards, lanes and bands go) is recomputed only when the
// size or the shape of the data changes (teams, sectors, visible trust pairs);
// every other update only moves values, which the parts animate.
import Phaser from "phaser";
import type { ParticipantView } from "../../shared/engine/view.ts";
import type { BoardUi } from "./index.ts";
import { assignBands, cardShare, layoutBoard, placeCards, slots, unitFor, type Side, type Slot } from "./layout.ts";
import { t as tr } from "../i18n/index.ts";
import { routeTrust, type CardGeom, type Route } from "./routes.ts";
import { cardMetrics, TeamCard } from "./card.ts";
import { LadderView } from "./ladder.ts";
import { TrustView } from "./trust.ts";
import { InjectRail } from "./rail.ts";
import { Overlay } from "./overlay.ts";

export class BoardScene extends Phaser.Scene {
  private readonly onInjectClick: (id: string) => void;
  private readonly dpr: number;
  private readonly started: Promise<void>;
  private resolveStarted: () => void = () => {};
  private ladder: LadderView | null = null;
  private trust: TrustView | null = null;
  private rail: InjectRail | null = null;
  private overlay: Overlay | null = null;
  private cards = new Map<string, TeamCard>();
  private routes: Route[] = [];
  private u = 1;
  private layoutKey = "";
  private view: ParticipantView | null = null;
  private ui: BoardUi = { unread: new Set(), serverNow: 0 };

  constructor(onInjectClick: (id: string) => void, dpr: number) {
    super({ key: "board" });
    this.onInjectClick = onInjectClick;
    this.dpr = dpr;
    this.started = new Promise((resolve) => (this.resolveStarted = resolve));
  }

  /** Resolves once the scene has been created. */
  whenReady(): Promise<void> {
    return this.started;
  }

  create(): void {
    this.ladder = new LadderView(this);
    this.trust = new TrustView(this);
    this.rail = new InjectRail(this, (id) => this.onInjectClick(id));
    this.overlay = new Overlay(this);
    // Phaser also says RESIZE when the canvas only moved on the page: then nothing on the board changes
    this.scale.on(Phaser.Scale.Events.RESIZE, () => this.render(true));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.teardown());
    this.resolveStarted();
    if (this.view) this.render();
  }

  setView(view: ParticipantView, ui: BoardUi): void {
    this.view = view;
    this.ui = ui;
    if (this.ladder) this.render();
  }

  /** Shows the view; `resized`: only if the size changed the layout. */
  private render(resized = false): void {
    const view = this.view;
    if (!view || !this.ladder || !this.trust || !this.rail || !this.overlay) return;
    const W = this.scale.width;
    const H = this.scale.height;
    const key = JSON.stringify([
      W,
      H,
      view.exercise.status === "ended",
      view.teams.map((t) => [t.id, t.sectors.length]),
      view.trust.map((t) => [t.a, t.b]),
      this.ui.summary === true || this.ui.rail === false,
    ]);
    if (key === this.layoutKey && resized) return;
    if (key !== this.layoutKey) {
      this.layoutKey = key;
      this.relayout(view, W, H);
    }
    this.ladder.update(view, !this.ui.replay);
    const mine = view.me?.kind === "team" ? view.me.teamId : null;
    for (const t of view.teams) this.cards.get(t.id)?.update(t, t.id === mine);
    const hotlines = new Set(view.hotlines);
    const items = view.trust.map((t) => ({
      ...t,
      hotline: hotlines.has(`${t.a}|${t.b}`) || hotlines.has(`${t.b}|${t.a}`),
    }));
    this.trust.update(items, this.routes, this.u);
    const names: Record<string, string> = {
      mediator: view.mediator?.name ?? tr("board.seat.mediator"),
      observers: tr("board.seat.observers"),
      facilitator: tr("board.seat.facilitator"),
    };
    for (const t of view.teams) names[t.id] = t.name;
    this.rail.update(view.injects, this.ui.unread, names);
    this.overlay.update(view, this.ui.controlHint ?? false);
  }

  private relayout(view: ParticipantView, W: number, H: number): void {
    const u = unitFor(W, H, this.dpr);
    this.u = u;
    const seats = new Map<string, Slot>();
    slots(view.teams.length).forEach((s, i) => {
      const t = view.teams[i];
      if (t) seats.set(t.id, s);
    });
    const pairs = view.trust.map((t) => ({ a: t.a, b: t.b }));
    const { routes: across, rows } = assignBands(pairs, (id) => seats.get(id));
    // at the end, the header grows into the outcome banner, so the banner covers nothing
    const rail = this.ui.summary !== true && this.ui.rail !== false;
    const l = layoutBoard(W, H, u, rows, view.exercise.status === "ended" ? 80 : 30, rail);

    // cards: one size for all, the largest every column can hold
    for (const [id, card] of this.cards)
      if (!seats.has(id)) {
        card.destroy();
        this.cards.delete(id);
      }
    const columns: Record<Side, { id: string; sectors: number; index: number }[]> = { left: [], right: [] };
    for (const t of view.teams) {
      const s = seats.get(t.id);
      if (s) columns[s.side].push({ id: t.id, sectors: t.sectors.length, index: s.index });
    }
    const metrics = (["left", "right"] as const).flatMap((side) =>
      columns[side].map((c) => cardMetrics(c.sectors, cardShare(l, columns[side].length), u)),
    );
    const compact = metrics.some((m) => m.compact);
    const cu = Math.min(u, ...metrics.map((m) => m.cu));
    const geoms = new Map<string, CardGeom>();
    for (const side of ["left", "right"] as const) {
      const col = [...columns[side]].sort((a, b) => a.index - b.index);
      const share = cardShare(l, col.length);
      const ms = col.map((c) => cardMetrics(c.sectors, share, cu, compact));
      const rects = placeCards(
        l,
        side,
        ms.map((m) => m.height),
      );
      col.forEach((c, i) => {
        let card = this.cards.get(c.id);
        if (!card) {
          card = new TeamCard(this);
          this.cards.set(c.id, card);
        }
        card.layout(rects[i]!, ms[i]!);
        geoms.set(c.id, { rect: rects[i]!, side });
      });
    }
    this.routes = routeTrust(l, geoms, pairs, across);
    this.ladder?.layout(l.ladder, u);
    this.rail?.layout(l.rail, u, rail);
    this.overlay?.layout(l);
  }

  private teardown(): void {
    if (!this.ladder) return;
    this.tweens.killAll();
    this.ladder?.destroy();
    this.trust?.destroy();
    this.rail?.destroy();
    this.overlay?.destroy();
    for (const c of this.cards.values()) c.destroy();
    this.cards.clear();
    this.ladder = this.trust = this.rail = this.overlay = null;
  }
}
