// Measuring text so nothing overflows its card: one shared 2D context measures
// strings in the same font the board draws them with, and long strings end in
// an ellipsis or wrap onto a limited number of lines.
import { FONT } from "./theme.ts";

let ctx: CanvasRenderingContext2D | null = null;
function context(): CanvasRenderingContext2D | null {
  if (!ctx && typeof document !== "undefined") ctx = document.createElement("canvas").getContext("2d");
  return ctx;
}

export interface FontSpec {
  size: number;
  bold?: boolean;
  family?: string;
  /** letter spacing in px (for spaced capitals) */
  spacing?: number;
}

/** The smallest type the board draws, in canvas pixels: 12 CSS pixels at the board's resolution (set by mountBoard). */
let minSize = 12;
export function setMinTextSize(px: number): void {
  minSize = px;
  cache.clear();
}

/** A font's size as drawn: never under the minimum, so no text on the board is smaller than 12 px. */
export function textSize(f: FontSpec): number {
  return Math.round(Math.max(minSize, f.size));
}

export function cssFont(f: FontSpec): string {
  return `${f.bold ? "bold " : ""}${textSize(f)}px ${f.family ?? FONT}`;
}

// the board redraws parts of itself every frame while values glide: remember recent measurements
const cache = new Map<string, number>();

export function measure(text: string, f: FontSpec): number {
  const font = cssFont(f);
  const k = `${font}|${text}`;
  const hit = cache.get(k);
  if (hit !== undefined) return hit + (f.spacing ?? 0) * text.length;
  const c = context();
  let width = text.length * textSize(f) * 0.6;
  if (c) {
    c.font = font;
    width = c.measureText(text).width;
  }
  if (cache.size > 4000) cache.clear();
  cache.set(k, width);
  return width + (f.spacing ?? 0) * text.length;
}

/** The longest prefix of `text` that fits `width`, ending in "…" if cut. */
export function fit(text: string, f: FontSpec, width: number): string {
  if (width <= 0) return "";
  if (measure(text, f) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid).trimEnd() + "…", f) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? "…" : text.slice(0, lo).trimEnd() + "…";
}

/** Word-wraps `text` into at most `maxLines` lines of `width`; the last line ends in "…" if cut. */
/** Whether the text fits in so many lines of that width without being cut. */
export function fits(text: string, f: FontSpec, width: number, maxLines: number): boolean {
  return wrap(text, f, width, maxLines).join(" ") === text.split(/\s+/).filter(Boolean).join(" ");
}

export function wrap(text: string, f: FontSpec, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i]!;
    const candidate = line ? `${line} ${w}` : w;
    if (measure(candidate, f) <= width || !line) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = w;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines) {
    if (line) lines.push(line);
    return lines.map((l) => fit(l, f, width));
  }
  // ran out of lines: the last one carries the rest, cut with an ellipsis
  const rest = [lines.pop()!, ...words.slice(i)].join(" ");
  lines.push(fit(rest, f, width));
  return lines.map((l) => fit(l, f, width));
}

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/** Whether the text holds right-to-left letters (Arabic, Hebrew). */
export function hasRtl(text: string): boolean {
  return RTL_CHAR.test(text);
}

/** The text's direction from its first strong letter, as the browser's `dir="auto"` decides it. */
export function readsRtl(text: string): boolean {
  for (const ch of text) {
    if (RTL_CHAR.test(ch)) return true;
    if (/\p{L}/u.test(ch)) return false;
  }
  return false;
}
