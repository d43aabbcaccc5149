// The lesson checks' measured values, thresholds and reasons ("why") in a reader's language (namespace
// lab-report), and the profiles' names: the check's words are data (check-kit.ts' LabWords), worded here with
// the language's number formats. English readers keep the lab's own English, byte for byte.
import type { Translator } from "../i18n/index.ts";
import type { LabWords } from "./check-kit.ts";
import type { CheckResult } from "./types.ts";
import { THRESHOLDS } from "./thresholds.ts";
import { said } from "./words.ts";

/** Each check's threshold and reason keys, by check id (keys literal, so the catalogue check finds them). */
const CHECK_KEYS: Readonly<Record<string, { threshold: string; why: string }>> = {
  "careful-beats-reckless": {
    threshold: "lab-report.threshold.careful-beats-reckless",
    why: "lab-report.why.careful-beats-reckless",
  },
  "restraint-beats-retaliation": {
    threshold: "lab-report.threshold.restraint-beats-retaliation",
    why: "lab-report.why.restraint-beats-retaliation",
  },
  "doing-nothing-unsafe": {
    threshold: "lab-report.threshold.doing-nothing-unsafe",
    why: "lab-report.why.doing-nothing-unsafe",
  },
  "hasty-attribution-costs": {
    threshold: "lab-report.threshold.hasty-attribution-costs",
    why: "lab-report.why.hasty-attribution-costs",
  },
  "notice-lowers-misperception": {
    threshold: "lab-report.threshold.notice-lowers-misperception",
    why: "lab-report.why.notice-lowers-misperception",
  },
  "no-repetition-wins": {
    threshold: "lab-report.threshold.no-repetition-wins",
    why: "lab-report.why.no-repetition-wins",
  },
  "chance-not-decisive": {
    threshold: "lab-report.threshold.chance-not-decisive",
    why: "lab-report.why.chance-not-decisive",
  },
  "crisis-unfolds": { threshold: "lab-report.threshold.crisis-unfolds", why: "lab-report.why.crisis-unfolds" },
  "cooperation-earned": {
    threshold: "lab-report.threshold.cooperation-earned",
    why: "lab-report.why.cooperation-earned",
  },
  "cooperative-crisis-unfolds": {
    threshold: "lab-report.threshold.cooperative-crisis-unfolds",
    why: "lab-report.why.cooperative-crisis-unfolds",
  },
  "hawks-fail": { threshold: "lab-report.threshold.hawks-fail", why: "lab-report.why.hawks-fail" },
  "passive-goes-nowhere": {
    threshold: "lab-report.threshold.passive-goes-nowhere",
    why: "lab-report.why.passive-goes-nowhere",
  },
  "caution-against-hawk": {
    threshold: "lab-report.threshold.caution-against-hawk",
    why: "lab-report.why.caution-against-hawk",
  },
  "hasty-attribution-harms": {
    threshold: "lab-report.threshold.hasty-attribution-harms",
    why: "lab-report.why.hasty-attribution-harms",
  },
  "spam-no-better": { threshold: "lab-report.threshold.spam-no-better", why: "lab-report.why.spam-no-better" },
  "trust-matters": { threshold: "lab-report.threshold.trust-matters", why: "lab-report.why.measure-matters" },
  "standing-matters": { threshold: "lab-report.threshold.standing-matters", why: "lab-report.why.measure-matters" },
  "seed-explains": { threshold: "lab-report.threshold.seed-explains", why: "lab-report.why.seed-explains" },
  "mixed-not-fixed": { threshold: "lab-report.threshold.mixed-not-fixed", why: "lab-report.why.mixed-not-fixed" },
};

/** Each profile's label, short name and description keys, by profile id. */
const PROFILE_KEYS: Readonly<Record<string, { label: string; short: string; about: string }>> = {
  diplomats: {
    label: "lab-report.profile.diplomats.label",
    short: "lab-report.profile.diplomats.short",
    about: "lab-report.profile.diplomats.about",
  },
  hawks: {
    label: "lab-report.profile.hawks.label",
    short: "lab-report.profile.hawks.short",
    about: "lab-report.profile.hawks.about",
  },
  passive: {
    label: "lab-report.profile.passive.label",
    short: "lab-report.profile.passive.short",
    about: "lab-report.profile.passive.about",
  },
  random: {
    label: "lab-report.profile.random.label",
    short: "lab-report.profile.random.short",
    about: "lab-report.profile.random.about",
  },
  "diplomats-vs-provocateur": {
    label: "lab-report.profile.diplomats-vs-provocateur.label",
    short: "lab-report.profile.diplomats-vs-provocateur.short",
    about: "lab-report.profile.diplomats-vs-provocateur.about",
  },
  "hawks-vs-provocateur": {
    label: "lab-report.profile.hawks-vs-provocateur.label",
    short: "lab-report.profile.hawks-vs-provocateur.short",
    about: "lab-report.profile.hawks-vs-provocateur.about",
  },
  "diplomats-vs-hawk": {
    label: "lab-report.profile.diplomats-vs-hawk.label",
    short: "lab-report.profile.diplomats-vs-hawk.short",
    about: "lab-report.profile.diplomats-vs-hawk.about",
  },
  "hasty-attribution": {
    label: "lab-report.profile.hasty-attribution.label",
    short: "lab-report.profile.hasty-attribution.short",
    about: "lab-report.profile.hasty-attribution.about",
  },
  "hawks-notifying": {
    label: "lab-report.profile.hawks-notifying.label",
    short: "lab-report.profile.hawks-notifying.short",
    about: "lab-report.profile.hawks-notifying.about",
  },
  "repeat-statement": {
    label: "lab-report.profile.repeat-statement.label",
    short: "lab-report.profile.repeat-statement.short",
    about: "lab-report.profile.repeat-statement.about",
  },
  "repeat-deconflict": {
    label: "lab-report.profile.repeat-deconflict.label",
    short: "lab-report.profile.repeat-deconflict.short",
    about: "lab-report.profile.repeat-deconflict.about",
  },
  "repeat-measure": {
    label: "lab-report.profile.repeat-measure.label",
    short: "lab-report.profile.repeat-measure.short",
    about: "lab-report.profile.repeat-measure.about",
  },
};

/** The thresholds as message parameters (numbers; the messages format them). */
const THRESHOLD_PARAMS: Record<string, number> = Object.fromEntries(
  Object.entries(THRESHOLDS).flatMap(([k, v]) => (typeof v === "number" ? [[k, v]] : [])),
);

/** A profile's label, short name or description in the reader's language; `english` for English or an unknown one. */
export function profileWord(tr: Translator, id: string, form: "label" | "short" | "about", english: string): string {
  const key = PROFILE_KEYS[id]?.[form];
  return key === undefined ? english : said(tr, key, english);
}

/** Words as data in the reader's language, or undefined when a key or a parameter is missing. */
export function labWordsText(tr: Translator, w: LabWords): string | undefined {
  const params: Record<string, string | number> = { ...w.params };
  if (w.profile) {
    const key = PROFILE_KEYS[w.profile.id]?.[w.profile.form];
    const name = key === undefined ? w.profile.id : tr.tryT(key);
    if (name === undefined) return undefined;
    params.profile = w.profile.lower ? name.toLocaleLowerCase(tr.lang) : name;
  }
  if (w.items) {
    const parts = w.items.map((i) => labWordsText(tr, i));
    if (parts.some((p) => p === undefined)) return undefined;
    const sep = tr.tryT(w.sep === "comma" ? "lab-report.sep.comma" : "lab-report.sep.semicolon") ?? "; ";
    params.items = parts.join(sep);
  }
  return tr.tryT(w.key, params);
}

/** What a check measured, in the reader's language (the lab's own English for English readers). */
export function measuredText(tr: Translator, c: Pick<CheckResult, "measured" | "words">): string {
  if (tr.locale === "en" || !c.words) return c.measured;
  return labWordsText(tr, c.words) ?? c.measured;
}

/** A check's threshold in the reader's language. */
export function thresholdText(tr: Translator, c: Pick<CheckResult, "id" | "threshold">): string {
  const key = CHECK_KEYS[c.id]?.threshold;
  return key === undefined ? c.threshold : said(tr, key, c.threshold, THRESHOLD_PARAMS);
}

/** Why a check matters, in the reader's language. */
export function whyText(tr: Translator, c: Pick<CheckResult, "id" | "why">): string {
  const key = CHECK_KEYS[c.id]?.why;
  return key === undefined ? c.why : said(tr, key, c.why);
}
