// The lesson checks: each reads the profiles it needs and compares with the
// THRESHOLDS table. A check whose profiles were not played, or whose measure
// never occurred, is "unmeasured" with the reason: that is not a pass.
import type { CheckResult, GameSummary } from "./types.ts";
import { LESSONS, THRESHOLDS as T, type LessonId } from "./thresholds.ts";
import { score } from "./aggregate.ts";
import { mean, round, variance } from "./stats.ts";
import { n2, pc, unmeasured, verdict, type Check, type CheckInputs } from "./check-kit.ts";
import { CRISIS_CHECKS, type CrisisLessonId } from "./checks-crisis.ts";

/** The paired score difference a − b over the same seeds: mean, its 95% interval, and how often b did better. */
export function pairedGap(games: GameSummary[], a: string, b: string) {
  const byIndex = (p: string) => games.filter((g) => g.profile === p).sort((x, y) => x.index - y.index);
  const A = byIndex(a);
  const B = byIndex(b);
  const d = A.map((g, i) => score(g.outcome) - score(B[i]!.outcome));
  const m = mean(d);
  const half = 1.959963984540054 * Math.sqrt(variance(d) / Math.max(1, d.length));
  return { gap: m, low: m - half, high: m + half, bBetter: d.filter((x) => x < 0).length / Math.max(1, d.length) };
}

const CHECKS: Record<Exclude<LessonId, CrisisLessonId>, Check> = {
  "careful-beats-reckless": (x) => {
    const g = pairedGap(x.games, "diplomats", "hawks");
    const ok = g.gap >= T.carefulGap && g.low > 0;
    return verdict(ok, `score gap ${n2(g.gap)} (95% ${n2(g.low)} to ${n2(g.high)})`, {
      key: "lab-report.measured.score-gap",
      params: { gap: g.gap, low: g.low, high: g.high },
    });
  },
  "restraint-beats-retaliation": (x) => {
    const g = pairedGap(x.games, "diplomats-vs-provocateur", "hawks-vs-provocateur");
    const ok = g.gap >= T.restraintGap && g.low > 0 && g.bBetter >= T.retaliationSometimes;
    return verdict(
      ok,
      `score gap ${n2(g.gap)} (95% ${n2(g.low)} to ${n2(g.high)}); retaliation better on ${pc(g.bBetter)}`,
      { key: "lab-report.measured.restraint", params: { gap: g.gap, low: g.low, high: g.high, better: g.bBetter } },
    );
  },
  "doing-nothing-unsafe": (x, p) => {
    const s = p("passive");
    const rise = s.peak.mean - x.start;
    const ok = s.outcomes.failure.share >= T.passiveFailure && rise >= T.passiveRise;
    return verdict(ok, `failure ${pc(s.outcomes.failure.share)}; peak ${n2(rise)} above the start on average`, {
      key: "lab-report.measured.passive-unsafe",
      params: { failure: s.outcomes.failure.share, rise },
    });
  },
  "hasty-attribution-costs": (x, p) => {
    const hasty = p("hasty-attribution");
    const careful = p("diplomats");
    if (hasty.attributions === 0)
      return unmeasured(
        "the hasty diplomats never attributed: nothing to compare",
        "lab-report.measured.never-attributed",
      );
    const extra = hasty.final.mean - careful.final.mean;
    const ok = extra >= T.hastyEscalation && hasty.misattributions > careful.misattributions;
    return verdict(
      ok,
      `final escalation ${n2(extra)} higher; misattributions per game ${n2(hasty.misattributions)} ` +
        `against ${n2(careful.misattributions)}`,
      {
        key: "lab-report.measured.hasty-costs",
        params: { extra, hasty: hasty.misattributions, careful: careful.misattributions },
      },
    );
  },
  "notice-lowers-misperception": (x, p) => {
    const notice = p("hawks-notifying");
    const none = p("hawks");
    const after = notice.perception.notifiedRolls;
    if (after < T.noticeMinRolls || none.perception.rolls < T.noticeMinRolls)
      return unmeasured(
        `too few perception rolls: ${after} after a notice (of ${notice.perception.rolls} by the notifying hawks), ` +
          `${none.perception.rolls} by the hawks`,
        "lab-report.measured.notice-few",
        { after, rolls: notice.perception.rolls, none: none.perception.rolls },
      );
    // the rate of misreading after a notice, against the hawks' (who never notify)
    const rate = notice.perception.notifiedMisreadings / after;
    const ratio = none.perception.rate > 0 ? rate / none.perception.rate : 1;
    return verdict(
      ratio <= T.noticeRatio,
      `misread ${pc(rate)} after a notice (${after} rolls), ${pc(none.perception.rate)} without ` +
        `(${none.perception.rolls} rolls): ratio ${n2(ratio)}`,
      {
        key: "lab-report.measured.notice",
        params: { rate, after, base: none.perception.rate, rolls: none.perception.rolls, ratio },
      },
    );
  },
  "no-repetition-wins": (x, p) => {
    const probes = ["repeat-statement", "repeat-deconflict", "repeat-measure"].map(p);
    const worst = Math.max(...probes.map((s) => s.outcomes.agreement.share));
    return verdict(
      worst <= T.repetitionMax,
      probes.map((s) => `${s.label.toLowerCase()} settle ${pc(s.outcomes.agreement.share)}`).join("; "),
      {
        key: "lab-report.measured.list",
        items: probes.map((s) => ({
          key: "lab-report.measured.item.settle",
          params: { share: s.outcomes.agreement.share },
          profile: { id: s.id, form: "label", lower: true },
        })),
      },
    );
  },
  "chance-not-decisive": (x) => {
    const v = x.variance.find((s) => s.measure === "score")!;
    if (v.total === 0)
      return unmeasured("every game ended the same way: no variance to split", "lab-report.measured.no-variance");
    return verdict(
      v.chance >= T.chanceMin && v.chance <= T.chanceMax,
      `chance ${pc(v.chance)} of the score's variance, choices ${pc(v.choices)}`,
      { key: "lab-report.measured.chance", params: { chance: v.chance, choices: v.choices } },
    );
  },
  "crisis-unfolds": (x) => {
    const settled = x.stats.flatMap((s) => (s.settled.games ? [s] : []));
    const games = settled.reduce((a, s) => a + s.settled.games, 0);
    if (!games) return unmeasured("no game ended in agreement", "lab-report.measured.no-agreement");
    const share = settled.reduce((a, s) => a + s.settled.releasedShare * s.settled.games, 0) / games;
    const turn = settled.reduce((a, s) => a + s.settled.endTurn * s.settled.games, 0) / games;
    return verdict(
      share >= T.unfoldShare,
      `${pc(round(share))} of the events list released before agreement, on average (${games} games, ` +
        `settled in turn ${n2(turn)} on average)`,
      { key: "lab-report.measured.unfolds", params: { share: round(share), games, turn } },
    );
  },
};

const ALL: Record<LessonId, Check> = { ...CHECKS, ...CRISIS_CHECKS };

/** Every lesson check, in the table's order. */
export function runChecks(x: CheckInputs): CheckResult[] {
  const byId = new Map(x.stats.map((s) => [s.id, s]));
  return LESSONS.map((l) => {
    const missing = l.needs.filter((id) => !byId.has(id));
    const base = { id: l.id, title: l.title, threshold: l.threshold, why: l.why };
    if (missing.length)
      return {
        ...base,
        status: "unmeasured" as const,
        measured: `needs the profiles ${missing.join(", ")}`,
        words: {
          key: "lab-report.measured.needs",
          items: missing.map((id) => ({
            key: "lab-report.measured.item.profile",
            profile: { id, form: "label" as const, lower: false },
          })),
          sep: "comma" as const,
        },
      };
    return { ...base, ...ALL[l.id](x, (id) => byId.get(id)!) };
  });
}
