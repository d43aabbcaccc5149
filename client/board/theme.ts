// The board's visual language, taken from client/styles.css: palette, fonts,
// channel colours, and the words and shapes that carry every status (never
// colour alone; the shapes are drawn by glyphs.ts). Pure data and functions, no Phaser.
import { sectorStatus, type SectorStatus } from "../../shared/engine/measures.ts";
import { i18n, t as tr } from "../i18n/index.ts";
import { STATUS_GLYPH, type Glyph } from "./glyphs.ts";

/** The board's palette: the dark theme's, replaced by the page's theme variables when a board is mounted (readPalette). */
export const C = {
  bg: 0x0f1724,
  surface: 0x172133,
  surface2: 0x1e2a40,
  surface3: 0x26354f,
  border: 0x31425f,
  text: 0xeef3fa,
  dim: 0xa9b8cd,
  accent: 0x4da3ff,
  ok: 0x3fb97a,
  warn: 0xf2b84b,
  danger: 0xef5a5a,
  deepRed: 0xb0202e,
  focus: 0xffd166,
  accentBg: 0x173a63,
  dangerText: 0xffb3b3,
  okText: 0x7fe0ad,
};

const VARS: Partial<Record<keyof typeof C, string>> = {
  bg: "--bg",
  surface: "--surface",
  surface2: "--surface-2",
  surface3: "--surface-3",
  border: "--border",
  text: "--text",
  dim: "--text-dim",
  accent: "--accent",
  ok: "--ok",
  warn: "--warn",
  danger: "--danger",
  focus: "--focus",
  accentBg: "--accent-bg",
  dangerText: "--danger-text",
  okText: "--ok-text",
};

/** Takes the board's palette from the page's theme (light, dark, high contrast): every colour of the board follows. */
export function readPalette(style: CSSStyleDeclaration): void {
  for (const [key, name] of Object.entries(VARS) as [keyof typeof C, string][]) {
    const value = style.getPropertyValue(name);
    if (value) C[key] = parseColor(value, C[key]);
  }
}

// Arabic letters come from the first font after the Latin ones that has them
export const FONT =
  '"Inter", "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "Noto Sans Arabic", Tahoma, "DejaVu Sans", sans-serif';
export const MONO = '"JetBrains Mono", "SFMono-Regular", Consolas, "Liberation Mono", monospace';

export function css(color: number): string {
  return `#${color.toString(16).padStart(6, "0")}`;
}

/** "#2f6fd6" or "#fff" (as the CSS minifier writes it) as 0xRRGGBB; `fallback` for whatever else. */
export function parseColor(hex: string, fallback: number = C.dim): number {
  const text = hex.trim();
  const short = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(text);
  if (short) return parseInt(`${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`, 16);
  const m = /^#?([0-9a-f]{6})$/i.exec(text);
  return m ? parseInt(m[1]!, 16) : fallback;
}

/** Linear blend of two 0xRRGGBB colours. */
export function mix(a: number, b: number, t: number): number {
  const k = Math.min(1, Math.max(0, t));
  const ch = (shift: number) => {
    const x = (a >> shift) & 0xff;
    const y = (b >> shift) & 0xff;
    return Math.round(x + (y - x) * k) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}

/** Calm green at the bottom of the ladder, amber in the middle, deep red at the top. */
export function rungColor(index: number, count: number): number {
  const t = count <= 1 ? 0 : index / (count - 1);
  if (t < 0.45) return mix(C.ok, C.warn, t / 0.45);
  if (t < 0.8) return mix(C.warn, C.danger, (t - 0.45) / 0.35);
  return mix(C.danger, C.deepRed, (t - 0.8) / 0.2);
}

export interface ChannelStyle {
  word: string;
  color: number;
}
// functions, so the words are those of the language chosen now
const CHANNELS: Record<string, () => ChannelStyle> = {
  news: () => ({ word: tr("board.channel.news"), color: 0x4da3ff }),
  intelligence: () => ({ word: tr("board.channel.intelligence"), color: 0xb48cff }),
  cert: () => ({ word: tr("board.channel.cert"), color: 0x3fb97a }),
  cable: () => ({ word: tr("board.channel.cable"), color: 0xf2b84b }),
  social: () => ({ word: tr("board.channel.social"), color: 0xff7eb6 }),
  control: () => ({ word: tr("board.channel.control"), color: 0xa9b8cd }),
};
export function channelStyle(channel: string): ChannelStyle {
  return CHANNELS[channel]?.() ?? { word: channel.toUpperCase().slice(0, 10), color: C.dim };
}

export interface StatusStyle {
  status: SectorStatus;
  glyph: Glyph;
  word: string;
  color: number;
}
const STATUS = (): Record<SectorStatus, StatusStyle> => ({
  operational: {
    status: "operational",
    glyph: STATUS_GLYPH.operational,
    word: tr("board.status.operational"),
    color: C.ok,
  },
  degraded: { status: "degraded", glyph: STATUS_GLYPH.degraded, word: tr("board.status.degraded"), color: C.warn },
  down: { status: "down", glyph: STATUS_GLYPH.down, word: tr("board.status.down"), color: C.danger },
});
export function sectorStyle(health: number): StatusStyle {
  return STATUS()[sectorStatus(health)];
}

export type TrustLevel = "high" | "medium" | "low";
export interface TrustStyle {
  level: TrustLevel;
  word: string;
  color: number;
  /** line width in board units */
  width: number;
  dashed: boolean;
}
export function trustStyle(value: number): TrustStyle {
  if (value >= 65) return { level: "high", word: tr("board.trust.high"), color: C.ok, width: 3.5, dashed: false };
  if (value >= 35)
    return { level: "medium", word: tr("board.trust.medium"), color: 0x8fa3c0, width: 2.5, dashed: false };
  return { level: "low", word: tr("board.trust.low"), color: C.warn, width: 2.5, dashed: true };
}

/** Domestic pressure: high is bad. */
export function pressureColor(value: number): number {
  return value >= 70 ? C.danger : value >= 45 ? C.warn : C.ok;
}
/** International standing: high is good. */
export function standingColor(value: number): number {
  return value >= 60 ? C.accent : value >= 35 ? 0x8fa3c0 : C.warn;
}

const SECTOR_WORD: Record<string, () => string> = {
  energy: () => tr("board.sector.energy"),
  water: () => tr("board.sector.water"),
  health: () => tr("board.sector.health"),
  finance: () => tr("board.sector.finance"),
  transport: () => tr("board.sector.transport"),
  telecom: () => tr("board.sector.telecom"),
  defence: () => tr("board.sector.defence"),
};

/** A sector's kind in capitals, in the chosen language (a kind the board does not know: its id). */
export function sectorWord(kind: string): string {
  return SECTOR_WORD[kind]?.() ?? kind.toUpperCase();
}

/**
 * Whether the board is drawn mirrored, for a right-to-left language: the canvas is flipped by CSS (labels then sit
 * on the reading side, the newest inject at the right) and each text and the tick are flipped back, so they read.
 */
export function mirrored(): boolean {
  return i18n().dir === "rtl";
}

// one formatter per language and kind: the board formats numbers every frame while values glide
const formats = new Map<string, Intl.NumberFormat>();

/** A number in the chosen language's digits: whole, or with one decimal (as shared/words' fmt writes it). */
export function fmt(n: number): string {
  const whole = Number.isInteger(n);
  const k = `${i18n().lang}|${whole}`;
  let f = formats.get(k);
  if (!f) {
    const digits = whole ? 0 : 1;
    f = new Intl.NumberFormat(i18n().lang, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    formats.set(k, f);
  }
  return f.format(n);
}

/** "+4" / "−3" with a real minus sign (in every text font); the ladder draws a triangle beside it. */
export function deltaLabel(delta: number): string {
  return delta > 0 ? `+${fmt(delta)}` : `−${fmt(-delta)}`;
}
