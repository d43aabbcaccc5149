// Numbers, times and durations as people read them. Times are shown in UTC so
// that a report reads the same wherever it is rendered (no local clock or zone).

export function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function pct(p: number): string {
  return `${Math.round(p * 100)} %`;
}

/** "2023-11-14 22:13:20 UTC" */
export function utc(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export function iso(at: number): string {
  return new Date(at).toISOString();
}

/** "45 s", "4 min 10 s", "1 h 02 min" */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

/** Elapsed exercise time "T+01:04:10" from the start. */
export function elapsed(at: number, start: number | null): string {
  if (start === null) return "";
  const total = Math.max(0, Math.round((at - start) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `T+${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A filename-safe slug. */
export function slug(text: string): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return s || "exercise";
}
