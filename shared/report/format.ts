// Times, counts and file names as the report prints them. Times are shown in
// UTC so that a report reads the same wherever it is rendered (no local clock
// or zone). Numbers, percentages, durations and party names are shared/words'.

/** "2023-11-14 22:13:20 UTC" */
export function utc(at: number): string {
  return `${iso(at).slice(0, 19).replace("T", " ")} UTC`;
}

/** "2023-11-14T22:13:20.000Z", computed from the timestamp alone (the proleptic Gregorian calendar). */
export function iso(at: number): string {
  const ms = ((at % 1000) + 1000) % 1000;
  const secs = Math.floor(at / 1000);
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  // days since 1970-01-01 to a civil date (H. Hinnant's algorithm)
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(y, 4)}-${p(m)}-${p(d)}T${p(Math.floor(rem / 3600))}:${p(Math.floor((rem % 3600) / 60))}:${p(rem % 60)}.${p(ms, 3)}Z`;
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
