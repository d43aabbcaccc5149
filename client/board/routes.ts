// Trust lines as tidy right-angled routes that never cross the ladder: between
// states on the same side, a lane in the gutter; between states on opposite
// sides, up (or down) a gutter, across a band over (or under) the ladder, and
// down the other gutter. Pure geometry, no Phaser.
import type { AcrossRoute, Band, BoardLayout, Pair, Rect, Side } from "./layout.ts";

export interface Pt {
  x: number;
  y: number;
}
export interface CardGeom {
  rect: Rect;
  side: Side;
}
export interface Route extends Pair {
  points: Pt[];
  /** where the label goes; in a band, trust.ts spreads the labels of one band along `span` */
  label: Pt;
  /** in a gutter labels must be narrow; in a band they can be wide */
  where: "band" | "gutter";
  band?: Band;
  row?: number;
  span?: [number, number];
}

interface Vertical {
  key: string;
  side: Side;
  y1: number;
  y2: number;
  lane: number;
}

export function routeTrust(
  l: BoardLayout,
  cards: Map<string, CardGeom>,
  pairs: Pair[],
  across: AcrossRoute[],
): Route[] {
  const u = l.u;
  const inner = (c: CardGeom) => (c.side === "left" ? c.rect.x + c.rect.w : c.rect.x);
  const off = (c: CardGeom) => Math.min(26 * u, c.rect.h / 3);
  const topY = (c: CardGeom) => c.rect.y + off(c);
  const bottomY = (c: CardGeom) => c.rect.y + c.rect.h - off(c);
  const acrossBy = new Map(across.map((r) => [key(r), r]));

  // first the vertical runs in the gutters, so each gets a lane
  const plans: { pair: Pair; ca: CardGeom; cb: CardGeom; band: AcrossRoute | undefined; verts: Vertical[] }[] = [];
  for (const pair of pairs) {
    let ca = cards.get(pair.a);
    let cb = cards.get(pair.b);
    if (!ca || !cb) continue;
    const band = acrossBy.get(key(pair));
    const k = key(pair);
    if (ca.side === cb.side) {
      if (ca.rect.y > cb.rect.y) [ca, cb] = [cb, ca];
      plans.push({
        pair,
        ca,
        cb,
        band: undefined,
        verts: [{ key: k, side: ca.side, y1: bottomY(ca), y2: topY(cb), lane: 0 }],
      });
    } else if (band) {
      const rowY = rowOf(l, band.band, band.row);
      const ya = band.band === "top" ? topY(ca) : bottomY(ca);
      const yb = band.band === "top" ? topY(cb) : bottomY(cb);
      plans.push({
        pair,
        ca,
        cb,
        band,
        verts: [
          { key: k, side: ca.side, y1: Math.min(ya, rowY), y2: Math.max(ya, rowY), lane: 0 },
          { key: k, side: cb.side, y1: Math.min(yb, rowY), y2: Math.max(yb, rowY), lane: 0 },
        ],
      });
    }
  }
  const laneX = assignLanes(
    l,
    plans.flatMap((p) => p.verts),
  );

  const routes: Route[] = [];
  for (const { pair, ca, cb, band, verts } of plans) {
    if (!band) {
      const v = verts[0]!;
      const x = laneX(v);
      const points = [
        { x: inner(ca), y: v.y1 },
        { x, y: v.y1 },
        { x, y: v.y2 },
        { x: inner(cb), y: v.y2 },
      ];
      routes.push({ ...pair, points, label: { x, y: (v.y1 + v.y2) / 2 }, where: "gutter" });
      continue;
    }
    const [va, vb] = verts as [Vertical, Vertical];
    const rowY = rowOf(l, band.band, band.row);
    const ya = band.band === "top" ? topY(ca) : bottomY(ca);
    const yb = band.band === "top" ? topY(cb) : bottomY(cb);
    const xa = laneX(va);
    const xb = laneX(vb);
    const points = [
      { x: inner(ca), y: ya },
      { x: xa, y: ya },
      { x: xa, y: rowY },
      { x: xb, y: rowY },
      { x: xb, y: yb },
      { x: inner(cb), y: yb },
    ];
    const lo = Math.min(xa, xb);
    const hi = Math.max(xa, xb);
    routes.push({
      ...pair,
      points,
      label: { x: (lo + hi) / 2, y: rowY },
      where: "band",
      band: band.band,
      row: band.row,
      span: [lo, hi],
    });
  }
  return routes;
}

export function key(p: Pair): string {
  return p.a < p.b ? `${p.a}|${p.b}` : `${p.b}|${p.a}`;
}

function rowOf(l: BoardLayout, band: Band, row: number): number {
  const rows = l.bandRows[band];
  return rows[Math.min(row, rows.length - 1)] ?? (band === "top" ? l.ladder.y : l.ladder.y + l.ladder.h);
}

/** Greedy interval colouring per gutter: short runs nearest the cards, runs that overlap never share a lane. */
function assignLanes(l: BoardLayout, verts: Vertical[]): (v: Vertical) => number {
  const margin = 6 * l.u;
  const count: Record<Side, number> = { left: 0, right: 0 };
  for (const side of ["left", "right"] as const) {
    const lanes: Vertical[][] = [];
    const mine = verts.filter((v) => v.side === side).sort((a, b) => a.y2 - a.y1 - (b.y2 - b.y1));
    for (const v of mine) {
      let i = lanes.findIndex((lane) => lane.every((w) => v.y2 + margin < w.y1 || v.y1 - margin > w.y2));
      if (i < 0) i = lanes.push([]) - 1;
      lanes[i]!.push(v);
      v.lane = i;
    }
    count[side] = lanes.length;
  }
  return (v) => {
    const g = l.gutters[v.side];
    const n = count[v.side];
    // one lane sits in the middle; several spread over the gutter's inner 70 %
    const t = n <= 1 ? 0.5 : 0.15 + (0.7 * v.lane) / (n - 1);
    return v.side === "left" ? g.x + g.w * t : g.x + g.w * (1 - t);
  };
}

/** A polyline with rounded corners, sampled into points. */
export function rounded(points: Pt[], radius: number): Pt[] {
  if (points.length < 3) return points;
  const out: Pt[] = [points[0]!];
  for (let i = 1; i < points.length - 1; i++) {
    const p0 = points[i - 1]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const d1 = Math.hypot(p1.x - p0.x, p1.y - p0.y);
    const d2 = Math.hypot(p2.x - p1.x, p2.y - p1.y);
    const r = Math.min(radius, d1 / 2, d2 / 2);
    if (r < 0.5) {
      out.push(p1);
      continue;
    }
    const a = { x: p1.x + ((p0.x - p1.x) / d1) * r, y: p1.y + ((p0.y - p1.y) / d1) * r };
    const b = { x: p1.x + ((p2.x - p1.x) / d2) * r, y: p1.y + ((p2.y - p1.y) / d2) * r };
    for (let s = 0; s <= 6; s++) {
      const t = s / 6;
      // quadratic Bézier through the corner
      out.push({
        x: (1 - t) * (1 - t) * a.x + 2 * (1 - t) * t * p1.x + t * t * b.x,
        y: (1 - t) * (1 - t) * a.y + 2 * (1 - t) * t * p1.y + t * t * b.y,
      });
    }
  }
  out.push(points[points.length - 1]!);
  return out;
}

/** Splits a polyline into dashes of `dash` length separated by `gap`. */
export function dashes(points: Pt[], dash: number, gap: number): Pt[][] {
  const out: Pt[][] = [];
  let cur: Pt[] = [];
  let on = true;
  let left = dash;
  for (let i = 0; i < points.length - 1; i++) {
    let p = points[i]!;
    const q = points[i + 1]!;
    let d = Math.hypot(q.x - p.x, q.y - p.y);
    if (on && cur.length === 0) cur.push(p);
    while (d > left) {
      const t = left / d;
      const m = { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
      if (on) {
        cur.push(m);
        out.push(cur);
        cur = [];
      } else cur = [m];
      on = !on;
      d -= left;
      left = on ? dash : gap;
      p = m;
    }
    left -= d;
    if (on) cur.push(q);
  }
  if (on && cur.length > 1) out.push(cur);
  return out;
}
