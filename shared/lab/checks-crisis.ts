// The checks of issue 12's "How we will know": cooperation earned but not
// certain, hawks failing, doing nothing settling nothing, caution against one
// hawk, hasty attribution's harm, repetition no better than judgement, trust
// and standing that change outcomes, and chance that matters to every way of
// playing. Thresholds from the one table (thresholds.ts).
import { THRESHOLDS as T } from "./thresholds.ts";
import { profileById } from "./profiles.ts";
import { isDeliberate } from "./measures.ts";
import { atLeast, atMost, n2, pc, unmeasured, verdict } from "./check-kit.ts";
import type { Check, CheckInputs, LabWords, Measure } from "./check-kit.ts";
import type { Ablation, ProfileStats } from "./types.ts";

export type CrisisLessonId =
  | "cooperation-earned"
  | "cooperative-crisis-unfolds"
  | "hawks-fail"
  | "passive-goes-nowhere"
  | "caution-against-hawk"
  | "hasty-attribution-harms"
  | "spam-no-better"
  | "trust-matters"
  | "standing-matters"
  | "seed-explains"
  | "mixed-not-fixed";

/** Whether switching `off` moved some profile's agreement or failure share by the threshold. */
function ablationCheck(x: CheckInputs, off: Ablation): Measure {
  const lines = x.ablation.filter((l) => l.off === off);
  if (!lines.length)
    return unmeasured(`no profile was played with ${off} switched off`, "lab-report.measured.not-ablated", { off });
  const moved = (l: (typeof lines)[number]) => Math.max(Math.abs(l.shift.agreement), Math.abs(l.shift.failure));
  const best = [...lines].sort((a, b) => moved(b) - moved(a))[0]!;
  const signed = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : ""}${pc(Math.abs(v))}`;
  return verdict(
    atLeast(moved(best), T.ablationShift),
    `largest change: ${best.label.toLowerCase()}, agreement ${signed(best.shift.agreement)}, failure ` +
      `${signed(best.shift.failure)} with ${off} off (${lines.length} profiles ablated)`,
    {
      key: "lab-report.measured.ablation",
      params: { agreement: best.shift.agreement, failure: best.shift.failure, off, count: lines.length },
      profile: { id: best.profile, form: "label", lower: true },
    },
  );
}

/** The share of its games a profile ends in its most common way, and that way. */
function modal(s: ProfileStats): { way: string; share: number } {
  const ways = (["agreement", "time", "failure"] as const).map((w) => ({ way: w, share: s.outcomes[w].share }));
  return ways.sort((a, b) => b.share - a.share)[0]!;
}

export const CRISIS_CHECKS: Record<CrisisLessonId, Check> = {
  "cooperation-earned": (x, p) => {
    const s = p("diplomats");
    const share = s.outcomes.agreement.share;
    const ok =
      atLeast(share, T.cooperativeMin) && atMost(share, T.cooperativeMax) && s.earlyAgreements <= T.earlyAgreementsMax;
    const first = s.earliestAgreement === null ? "none settled" : `earliest in turn ${s.earliestAgreement}`;
    return verdict(
      ok,
      `settle ${pc(share)}; ${s.earlyAgreements} settled before the midpoint (turn ${x.midpoint}), ${first}`,
      {
        key: "lab-report.measured.cooperation",
        params: {
          share,
          early: s.earlyAgreements,
          midpoint: x.midpoint,
          settled: s.earliestAgreement === null ? "no" : "yes",
          earliest: s.earliestAgreement ?? 0,
        },
      },
    );
  },
  "cooperative-crisis-unfolds": (x, p) => {
    const s = p("diplomats");
    return verdict(
      atLeast(s.scheduledRelease, T.scheduledRelease),
      `${pc(s.scheduledRelease)} of the scheduled events list released on average (${s.games} games)`,
      { key: "lab-report.measured.scheduled", params: { share: s.scheduledRelease, games: s.games } },
    );
  },
  "hawks-fail": (x, p) => {
    const f = p("hawks").outcomes.failure.share;
    return verdict(atLeast(f, T.hawksFailure), `failure ${pc(f)}`, {
      key: "lab-report.measured.failure",
      params: { failure: f },
    });
  },
  "passive-goes-nowhere": (x, p) => {
    const s = p("passive");
    const settled = s.outcomes.agreement.count;
    return verdict(
      settled <= T.passiveAgreementsMax && atLeast(s.notCalmer.share, T.passiveNotCalmer),
      `${settled} settled; ${pc(s.notCalmer.share)} ended at or above the start (${x.start}) or failed`,
      { key: "lab-report.measured.passive-nowhere", params: { settled, share: s.notCalmer.share, start: x.start } },
    );
  },
  "caution-against-hawk": (x, p) => {
    const caution = p("diplomats-vs-hawk").outcomes.failure.share;
    const kind = p("hawks").outcomes.failure.share;
    return verdict(
      atMost(caution, kind - T.hawkGap),
      `failure ${pc(caution)} with caution against one hawk, ${pc(kind)} with every state a hawk`,
      { key: "lab-report.measured.caution", params: { caution, kind } },
    );
  },
  "hasty-attribution-harms": (x, p) => {
    const hasty = p("hasty-attribution");
    const careful = p("diplomats");
    if (hasty.attributions === 0)
      return unmeasured(
        "the hasty diplomats never attributed: nothing to compare",
        "lab-report.measured.never-attributed",
      );
    const failure = hasty.outcomes.failure.share - careful.outcomes.failure.share;
    const final = hasty.final.mean - careful.final.mean;
    return verdict(
      atLeast(failure, T.hastyFailureRise) || atLeast(final, T.hastyFinalRise),
      `failure ${pc(hasty.outcomes.failure.share)} against ${pc(careful.outcomes.failure.share)}; ` +
        `mean final escalation ${n2(final)} higher`,
      {
        key: "lab-report.measured.hasty-harms",
        params: { hasty: hasty.outcomes.failure.share, careful: careful.outcomes.failure.share, final },
      },
    );
  },
  "spam-no-better": (x, p) => {
    const careful = p("diplomats").score.mean;
    const probes = ["repeat-statement", "repeat-deconflict", "repeat-measure"].map(p);
    return verdict(
      probes.every((s) => atMost(s.score.mean, careful + T.spamMargin)),
      `mean score: careful diplomats ${n2(careful)}; ` +
        probes.map((s) => `${s.label.toLowerCase()} ${n2(s.score.mean)}`).join("; "),
      {
        key: "lab-report.measured.spam",
        params: { careful },
        items: probes.map((s) => ({
          key: "lab-report.measured.item.score",
          params: { score: s.score.mean },
          profile: { id: s.id, form: "label", lower: true },
        })),
      },
    );
  },
  "trust-matters": (x) => ablationCheck(x, "trust"),
  "standing-matters": (x) => ablationCheck(x, "standing"),
  "seed-explains": (x) => {
    const deliberate = x.stats.filter((s) => isDeliberate(s.id));
    if (!deliberate.length)
      return unmeasured("needs a profile other than random", "lab-report.measured.needs-deliberate");
    if (deliberate.every((s) => s.seedShare === null))
      return verdict(false, "every deliberate game ended at the same escalation: the seed explains nothing", {
        key: "lab-report.measured.seed-nothing",
      });
    const share = (s: ProfileStats) => s.seedShare ?? 0;
    const low = deliberate.filter((s) => !atLeast(share(s), T.seedShareMin));
    const least = [...deliberate].sort((a, b) => share(a) - share(b))[0]!;
    const below = low.length ? `; below: ${low.map((s) => `${s.short} ${pc(share(s))}`).join(", ")}` : "";
    const item = (s: ProfileStats): LabWords => ({
      key: "lab-report.measured.item.share",
      params: { share: share(s) },
      profile: { id: s.id, form: "short", lower: false },
    });
    return verdict(!low.length, `least: ${least.short.toLowerCase()} ${pc(share(least))}${below}`, {
      key: "lab-report.measured.seed",
      params: { share: share(least), below: low.length ? "yes" : "no" },
      profile: { id: least.id, form: "short", lower: true },
      items: low.map(item),
      sep: "comma",
    });
  },
  "mixed-not-fixed": (x) => {
    const mixed = x.stats.filter((s) => profileById(s.id).hasOdd);
    if (!mixed.length)
      return unmeasured("no profile where one state plays another part", "lab-report.measured.no-mixed");
    const ways = mixed.map((s) => ({ s, m: modal(s) }));
    return verdict(
      ways.every((w) => atMost(w.m.share, T.mixedSameMax)),
      ways.map((w) => `${w.s.short.toLowerCase()}: ${w.m.way} ${pc(w.m.share)}`).join("; "),
      {
        key: "lab-report.measured.list",
        items: ways.map((w) => ({
          key: "lab-report.measured.item.way",
          params: { way: w.m.way, share: w.m.share },
          profile: { id: w.s.id, form: "short", lower: true },
        })),
      },
    );
  },
};
