// Clock times people read, in the chosen language. Each Intl formatter is made
// once per language: it is costly, and the replay redraws hundreds of items while scrubbing.
import { i18n } from "../i18n/index.ts";

const made = new Map<string, Intl.DateTimeFormat>();

function formatter(seconds: boolean): Intl.DateTimeFormat {
  const lang = i18n().lang;
  const k = `${lang}|${seconds}`;
  let f = made.get(k);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };
    f = new Intl.DateTimeFormat(lang, seconds ? { ...options, second: "2-digit" } : options);
    made.set(k, f);
  }
  return f;
}

/** "14:05" */
export function clock(at: number): string {
  return formatter(false).format(at);
}

/** "14:05:09" */
export function clockSeconds(at: number): string {
  return formatter(true).format(at);
}

/** "+1:02:09": time since a start */
export function elapsed(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `+${hh}:${String(mm).padStart(2, "0")}:${String(ss).padStart(2, "0")}`;
}
