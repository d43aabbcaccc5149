// The checks of issue 12's "How we will know": cooperation earned but not
// certain, hawks failing, doing nothing settling nothing, caution against one
// hawk, hasty attribution's harm, repetition no better than judgement, trust
// and standing that change outcomes, and chance that matters to every way of
// playing. Thresholds from the one table (thresholds.ts).
import { THRESHOLDS as T } from "./thresholds.ts";
import { profileById } from "./profiles.ts";
import { isDeliberate } from "./measures.ts";
import { atLeast, atMost, n2, pc, verdict, type Check, type CheckInputs, type Measure } from "./check-kit.ts";
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
  if (!lines.length) return { status: "unmeasured", measured: `no profile was played with ${off} switched off` };
  const moved = (l: (typeof lines)[number]) => Math.max(Math.abs(l.shift.agreement), Math.abs(l.shift.failure));
  const best = [...lines].sort((a, b) => moved(b) - moved(a))[0]!;
  const signed = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : ""}${pc(Math.abs(v))}`;
  return verdict(
    atLeast(moved(best), T.ablationShift),
    `largest change: ${best.label.toLowerCase()}, agreement ${signed(best.shift.agreement)}, failure ` +
      `${signed(best.shift.failure)} with ${off} off (${lines.length} profiles ablated)`,
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
    );
  },
  "cooperative-crisis-unfolds": (x, p) => {
    const s = p("diplomats");
    return verdict(
      atLeast(s.scheduledRelease, T.scheduledRelease),
      `${pc(s.scheduledRelease)} of the scheduled events list released on average (${s.games} games)`,
    );
  },
  "hawks-fail": (x, p) => {
    const f = p("hawks").outcomes.failure.share;
    return verdict(atLeast(f, T.hawksFailure), `failure ${pc(f)}`);
  },
  "passive-goes-nowhere": (x, p) => {
    const s = p("passive");
    const settled = s.outcomes.agreement.count;
    return verdict(
      settled <= T.passiveAgreementsMax && atLeast(s.notCalmer.share, T.passiveNotCalmer),
      `${settled} settled; ${pc(s.notCalmer.share)} ended at or above the start (${x.start}) or failed`,
    );
  },
  "caution-against-hawk": (x, p) => {
    const caution = p("diplomats-vs-hawk").outcomes.failure.share;
    const kind = p("hawks").outcomes.failure.share;
    return verdict(
      atMost(caution, kind - T.hawkGap),
      `failure ${pc(caution)} with caution against one hawk, ${pc(kind)} with every state a hawk`,
    );
  },
  "hasty-attribution-harms": (x, p) => {
    const hasty = p("hasty-attribution");
    const careful = p("diplomats");
    if (hasty.attributions === 0)
      return { status: "unmeasured", measured: "the hasty diplomats never attributed: nothing to compare" };
    const failure = hasty.outcomes.failure.share - careful.outcomes.failure.share;
    const final = hasty.final.mean - careful.final.mean;
    return verdict(
      atLeast(failure, T.hastyFailureRise) || atLeast(final, T.hastyFinalRise),
      `failure ${pc(hasty.outcomes.failure.share)} against ${pc(careful.outcomes.failure.share)}; ` +
        `mean final escalation ${n2(final)} higher`,
    );
  },
  "spam-no-better": (x, p) => {
    const careful = p("diplomats").score.mean;
    const probes = ["repeat-statement", "repeat-deconflict", "repeat-measure"].map(p);
    return verdict(
      probes.every((s) => atMost(s.score.mean, careful + T.spamMargin)),
      `mean score: careful diplomats ${n2(careful)}; ` +
        probes.map((s) => `${s.label.toLowerCase()} ${n2(s.score.mean)}`).join("; "),
    );
  },
  "trust-matters": (x) => ablationCheck(x, "trust"),
  "standing-matters": (x) => ablationCheck(x, "standing"),
  "seed-explains": (x) => {
    const deliberate = x.stats.filter((s) => isDeliberate(s.id));
    if (!deliberate.length) return { status: "unmeasured", measured: "needs a profile other than random" };
    if (deliberate.every((s) => s.seedShare === null))
      return verdict(false, "every deliberate game ended at the same escalation: the seed explains nothing");
    const share = (s: ProfileStats) => s.seedShare ?? 0;
    const low = deliberate.filter((s) => !atLeast(share(s), T.seedShareMin));
    const least = [...deliberate].sort((a, b) => share(a) - share(b))[0]!;
    const below = low.length ? `; below: ${low.map((s) => `${s.short} ${pc(share(s))}`).join(", ")}` : "";
    return verdict(!low.length, `least: ${least.short.toLowerCase()} ${pc(share(least))}${below}`);
  },
  "mixed-not-fixed": (x) => {
    const mixed = x.stats.filter((s) => profileById(s.id).hasOdd);
    if (!mixed.length) return { status: "unmeasured", measured: "no profile where one state plays another part" };
    const ways = mixed.map((s) => ({ s, m: modal(s) }));
    return verdict(
      ways.every((w) => atMost(w.m.share, T.mixedSameMax)),
      ways.map((w) => `${w.s.short.toLowerCase()}: ${w.m.way} ${pc(w.m.share)}`).join("; "),
    );
  },
};
