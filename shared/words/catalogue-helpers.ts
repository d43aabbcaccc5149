// What the catalogue's messages need from a translator: numbers, shares,
// durations and lists in its locale, and the engine's ids (sectors, statuses,
// hotline kinds) in its words. Keys are literal, so npm run i18n:check finds them.
import type { Translator } from "../i18n/index.ts";

const SECTOR_KEYS: Readonly<Record<string, string>> = {
  energy: "events.sector.energy",
  water: "events.sector.water",
  health: "events.sector.health",
  finance: "events.sector.finance",
  transport: "events.sector.transport",
  telecom: "events.sector.telecom",
  defence: "events.sector.defence",
};

const STATUS_KEYS: Readonly<Record<string, string>> = {
  operational: "events.status.operational",
  degraded: "events.status.degraded",
  down: "events.status.down",
};

const KIND_KEYS: Readonly<Record<string, string>> = {
  confirm: "events.kind.confirm",
  assess: "events.kind.assess",
  notify: "events.kind.notify",
  deconflict: "events.kind.deconflict",
  convene: "events.kind.convene",
  text: "events.kind.text",
};

/** The formatters a locale's event words use. */
export interface Helpers {
  t: Translator["t"];
  yes: (b: boolean) => "yes" | "no";
  num: (n: number) => string;
  pct: (share: number) => string;
  dec2: (n: number) => string;
  duration: (ms: number) => string;
  and: (names: readonly string[]) => string;
  or: (names: readonly string[]) => string;
  sector: (kind: string) => string;
  status: (kind: string) => string;
  kind: (kind: string) => string;
}

/** Formatters for one translator. */
export function helpersFor(tr: Translator): Helpers {
  const byId = (table: Readonly<Record<string, string>>, id: string) => {
    const key = table[id];
    return key === undefined ? id : tr.t(key);
  };
  const num = (n: number) => tr.number(n, { maximumFractionDigits: 1 });
  const conj = new Intl.ListFormat(tr.lang, { type: "conjunction" });
  const disj = new Intl.ListFormat(tr.lang, { type: "disjunction" });
  return {
    t: tr.t,
    yes: (b) => (b ? "yes" : "no"),
    num,
    pct: (share) => tr.number(share, { style: "percent", maximumFractionDigits: 0 }),
    dec2: (n) => tr.number(n, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    duration: (ms) => {
      const s = Math.round(ms / 1000);
      if (s < 60) return tr.t("events.duration.seconds", { s: num(s) });
      const m = Math.floor(s / 60);
      if (m < 60)
        return tr.t("events.duration.minutes", { m: num(m), s: num(s % 60), hasSeconds: s % 60 ? "yes" : "no" });
      return tr.t("events.duration.hours", { h: num(Math.floor(m / 60)), m: String(m % 60).padStart(2, "0") });
    },
    and: (names) => conj.format(names),
    or: (names) => disj.format(names),
    sector: (kind) => byId(SECTOR_KEYS, kind),
    status: (kind) => byId(STATUS_KEYS, kind),
    kind: (kind) => byId(KIND_KEYS, kind),
  };
}
