// Clock times people read, in their own locale. Each Intl formatter is made
// once: it is costly, and the replay redraws hundreds of items while scrubbing.

const MINUTES = new Intl.DateTimeFormat([], { hour: "2-digit", minute: "2-digit" });
const SECONDS = new Intl.DateTimeFormat([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** "14:05" */
export function clock(at: number): string {
  return MINUTES.format(at);
}

/** "14:05:09" */
export function clockSeconds(at: number): string {
  return SECONDS.format(at);
}

/** "+1:02:09": time since a start */
export function elapsed(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `+${hh}:${String(mm).padStart(2, "0")}:${String(ss).padStart(2, "0")}`;
}
