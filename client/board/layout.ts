// Where everything goes, for a board of every size from 900x600 to 1920x1080 and
// beyond: a slim header, the escalation ladder in the centre, the states in a
// column on each side, trust lines in the gutters and in bands above and below
// the ladder, and the inject rail along the bottom. Pure geometry, no Phaser.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Side = "left" | "right";
export interface Slot {
  side: Side;
  /** position in its column, from the top */
  index: number;
  /** cards in its column */
  count: number;
}

/** Seats 2-6 states clockwise around the ladder, starting at the top left. */
export function slots(n: number): Slot[] {
  const left = Math.ceil(n / 2);
  const right = Math.floor(n / 2);
  const out: Slot[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0) out.push({ side: "left", index: 0, count: left });
    else if (i <= right) out.push({ side: "right", index: i - 1, count: right });
    else out.push({ side: "left", index: n - i, count: left });
  }
  return out;
}

export interface Pair {
  a: string;
  b: string;
}
export type Band = "top" | "bottom";
export interface AcrossRoute extends Pair {
  band: Band;
  row: number;
}

/** Pairs seated on opposite sides are routed over or under the ladder; each gets its own row. */
export function assignBands(
  pairs: Pair[],
  seat: (id: string) => Slot | undefined,
): { routes: AcrossRoute[]; rows: Record<Band, number> } {
  const across = pairs
    .map((p) => ({ p, sa: seat(p.a), sb: seat(p.b) }))
    .filter((x) => x.sa && x.sb && x.sa.side !== x.sb.side)
    .map((x) => ({ p: x.p, fy: (frac(x.sa!) + frac(x.sb!)) / 2 }))
    // pairs level with the ladder's middle go last, to whichever band has fewer
    .sort((x, y) => Number(tie(x.fy)) - Number(tie(y.fy)) || x.fy - y.fy);
  const rows: Record<Band, number> = { top: 0, bottom: 0 };
  const routes: AcrossRoute[] = [];
  for (const { p, fy } of across) {
    const band: Band = tie(fy) ? (rows.top <= rows.bottom ? "top" : "bottom") : fy < 0.5 ? "top" : "bottom";
    routes.push({ ...p, band, row: rows[band]++ });
  }
  // top band rows count upward from the ladder: the first (lowest) row is nearest to the ladder
  return { routes, rows };
}
function tie(fy: number): boolean {
  return Math.abs(fy - 0.5) < 1e-6;
}
function frac(s: Slot): number {
  return (s.index + 0.5) / s.count;
}

export interface BoardLayout {
  u: number;
  pad: number;
  header: Rect;
  middle: Rect;
  ladder: Rect;
  /** gutters between the card columns and the ladder */
  gutters: Record<Side, Rect>;
  /** y of each row of across lines, per band */
  bandRows: Record<Band, number[]>;
  rail: Rect;
  cardWidth: number;
  columns: Record<Side, number>;
}

/** Unit of size: 1 at 1280x720 CSS pixels, larger on big screens, times the device pixel ratio. */
export function unitFor(width: number, height: number, dpr: number): number {
  const css = Math.min(width / dpr / 1280, height / dpr / 720);
  return dpr * Math.min(1.6, Math.max(0.74, css));
}

export const ROW_GAP = 12;
export const BAND_PAD = 16;

/**
 * `headerUnits`: the header's height in units (taller when it carries the
 * outcome of an ended exercise); `rail`: false when the turn summary takes the
 * inject rail's place under the board.
 */
export function layoutBoard(
  width: number,
  height: number,
  u: number,
  rows: Record<Band, number>,
  headerUnits = 30,
  rail = true,
): BoardLayout {
  const pad = Math.round(12 * u);
  const header: Rect = { x: pad, y: pad * 0.5, w: width - 2 * pad, h: Math.round(headerUnits * u) };
  const railH = rail ? Math.round(112 * u) : 0;
  const railRect: Rect = { x: pad, y: height - pad - railH, w: width - 2 * pad, h: railH };
  const middle: Rect = {
    x: pad,
    y: header.y + header.h + pad * 0.5,
    w: width - 2 * pad,
    h: railRect.y - (rail ? pad : 0) - (header.y + header.h + pad * 0.5),
  };

  let ladderW = clamp(width * 0.29, 250 * u, 440 * u);
  let gutter = clamp(width * 0.045, 54 * u, 110 * u);
  let cardW = (middle.w - ladderW - 2 * gutter) / 2;
  const maxCard = 560 * u;
  if (cardW > maxCard) {
    const extra = (cardW - maxCard) * 2;
    const toLadder = Math.min(extra * 0.5, 520 * u - ladderW);
    ladderW += toLadder;
    gutter += (extra - toLadder) / 2;
    cardW = maxCard;
  }
  const x0 = middle.x + (middle.w - (2 * cardW + 2 * gutter + ladderW)) / 2;
  const columns: Record<Side, number> = { left: x0, right: x0 + cardW + 2 * gutter + ladderW };
  const gutters: Record<Side, Rect> = {
    left: { x: x0 + cardW, y: middle.y, w: gutter, h: middle.h },
    right: { x: x0 + cardW + gutter + ladderW, y: middle.y, w: gutter, h: middle.h },
  };

  const bandH = (n: number) => (n === 0 ? 0 : BAND_PAD * u * 2 + (n - 1) * ROW_GAP * u);
  // keep the ladder at least 55 % of the middle: squeeze the rows if there are many
  const maxBands = middle.h * 0.45;
  const squeeze = Math.min(1, maxBands / Math.max(1, bandH(rows.top) + bandH(rows.bottom)));
  const topH = bandH(rows.top) * squeeze;
  const bottomH = bandH(rows.bottom) * squeeze;
  const ladder: Rect = { x: x0 + cardW + gutter, y: middle.y + topH, w: ladderW, h: middle.h - topH - bottomH };
  const step = ROW_GAP * u * squeeze;
  const bandRows: Record<Band, number[]> = {
    top: Array.from({ length: rows.top }, (_, i) => ladder.y - BAND_PAD * u * squeeze - i * step),
    bottom: Array.from({ length: rows.bottom }, (_, i) => ladder.y + ladder.h + BAND_PAD * u * squeeze + i * step),
  };
  return { u, pad, header, middle, ladder, gutters, bandRows, rail: railRect, cardWidth: cardW, columns };
}

/** Card rects in a column: each card takes its natural height (at most its share) and sits in the middle of its share. */
export function placeCards(l: BoardLayout, side: Side, heights: number[]): Rect[] {
  const gap = 14 * l.u;
  const n = heights.length;
  if (n === 0) return [];
  const share = (l.middle.h - gap * (n - 1)) / n;
  const hs = heights.map((h) => Math.min(h, share));
  const total = hs.reduce((a, b) => a + b, 0) + gap * (n - 1);
  // cards of one column stay together, centred in the middle area
  let y = l.middle.y + Math.max(0, (l.middle.h - total) / 2);
  if (n > 1) {
    // spread them out a little if there is spare room, so lines between them have space
    const spare = l.middle.h - total;
    const extraGap = Math.min(spare / (n + 1), 40 * l.u);
    y = l.middle.y + (l.middle.h - total - extraGap * (n - 1)) / 2;
    return hs.map((h) => {
      const r = { x: l.columns[side], y, w: l.cardWidth, h };
      y += h + gap + extraGap;
      return r;
    });
  }
  return hs.map((h) => ({ x: l.columns[side], y, w: l.cardWidth, h }));
}

/** The largest height a card may take in a column of `n` cards. */
export function cardShare(l: BoardLayout, n: number): number {
  const gap = 14 * l.u;
  return (l.middle.h - gap * Math.max(0, n - 1)) / Math.max(1, n);
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
