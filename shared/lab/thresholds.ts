// The lesson checks' thresholds: the one table the checks read, the report
// prints and docs/lessons.md explains. Scores: agreement +1, time 0, failure −1
// per game, so a gap of 0.25 is, for example, one game in four settled instead
// of running out of time.

export const THRESHOLDS = {
  /** careful diplomats' mean score above the hawks' by at least this, and the gap's 95% interval above 0 */
  carefulGap: 0.25,
  /** restraint's mean score above retaliation's (against the same provocateur, same seeds) by at least this */
  restraintGap: 0.15,
  /** … though not always: retaliation ends better than restraint in at least this share of the same seeds */
  retaliationSometimes: 0.05,
  /** doing nothing: at least this share of games ends in failure … */
  passiveFailure: 0.1,
  /** … and escalation peaks at least this far above its start, on average */
  passiveRise: 10,
  /** hasty attribution ends at least this much higher on escalation than careful attribution, on average … */
  hastyEscalation: 5,
  /** … and misattributes more often (misattributions per game, strictly more) */
  hastyMoreMisattributions: true,
  /** with a pre-notification, the misreading rate is at most this share of the rate without (issue 12: half) */
  noticeRatio: 0.5,
  /** perception rolls needed after a notice, and by the hawks without, to measure it */
  noticeMinRolls: 50,
  /** no one-move profile settles more than this share of its games */
  repetitionMax: 0.25,
  /** chance's share of the score's variance lies within [min, max] */
  chanceMin: 0.15,
  chanceMax: 0.6,
  /** games that end in agreement have released at least this share of the events list, on average */
  unfoldShare: 0.5,
  /** cooperative play (careful diplomats, the mediator bot) settles at least this share of its games … */
  cooperativeMin: 0.5,
  /** … and at most this share */
  cooperativeMax: 0.9,
  /** … and at most this many of its games end in agreement before the midpoint turn, ceil((turns + 1) / 2) */
  earlyAgreementsMax: 0,
  /** cooperative games release at least this share of the scheduled events list, on average */
  scheduledRelease: 0.8,
  /** every state a hawk: at least this share of games ends in failure */
  hawksFailure: 0.7,
  /** doing nothing settles at most this many games … */
  passiveAgreementsMax: 0,
  /** … and at least this share ends at or above its starting escalation, or in failure */
  passiveNotCalmer: 0.5,
  /** against one hawk, caution's failure share is below answering in kind's by at least this */
  hawkGap: 0.15,
  /** hasty attribution raises the failure share by at least this … */
  hastyFailureRise: 0.1,
  /** … or the mean final escalation by at least this many points */
  hastyFinalRise: 10,
  /** a one-move profile's mean score above the careful diplomats', at most */
  spamMargin: 0,
  /** switching trust (or standing) off moves some profile's agreement or failure share by at least this */
  ablationShift: 0.1,
  /** each deliberate profile's variance of final escalation over the pooled deliberate variance, at least */
  seedShareMin: 0.1,
  /** a mixed profile (one state plays another part) ends the same way in at most this share of seeds */
  mixedSameMax: 0.95,
} as const;

/** What each threshold means, for the report's table (the compiler asks for a line per threshold). */
export const THRESHOLD_MEANINGS: { readonly [K in keyof typeof THRESHOLDS]: string } = {
  carefulGap: "careful diplomats' mean score minus the hawks', at least",
  restraintGap: "restraint's mean score minus retaliation's against the same provocateur, at least",
  retaliationSometimes: "share of the same seeds on which retaliation ends better, at least",
  passiveFailure: "share of games ending in failure when every state does nothing, at least",
  passiveRise: "mean peak escalation above the start when every state does nothing, at least",
  hastyEscalation: "hasty attribution's mean final escalation above careful attribution's, at least",
  hastyMoreMisattributions: "hasty attribution also misattributes more per game",
  noticeRatio: "misreading rate with pre-notification over the rate without, at most",
  noticeMinRolls: "perception rolls needed after a notice, and without one, to measure it",
  repetitionMax: "share of games a one-move profile settles, at most",
  chanceMin: "chance's share of the score's variance, at least",
  chanceMax: "chance's share of the score's variance, at most",
  unfoldShare: "share of the events list released before agreement, on average, at least",
  cooperativeMin: "share of careful diplomats' games ending in agreement, at least",
  cooperativeMax: "share of careful diplomats' games ending in agreement, at most",
  earlyAgreementsMax: "careful diplomats' games ending in agreement before the midpoint turn, at most",
  scheduledRelease: "share of the scheduled events list released in careful diplomats' games, on average, at least",
  hawksFailure: "share of all-hawk games ending in failure, at least",
  passiveAgreementsMax: "games settled when every state does nothing, at most",
  passiveNotCalmer: "share of passive games ending at or above the start, or in failure, at least",
  hawkGap: "all hawks' failure share minus caution's against one hawk, at least",
  hastyFailureRise: "hasty attribution's failure share above careful attribution's, at least (or the next)",
  hastyFinalRise: "hasty attribution's mean final escalation above careful attribution's, at least (or the previous)",
  spamMargin: "a one-move profile's mean score above the careful diplomats', at most",
  ablationShift: "largest change of an agreement or failure share when trust (or standing) is off, at least",
  seedShareMin: "a deliberate profile's variance of final escalation over the pooled deliberate variance, at least",
  mixedSameMax: "share of seeds a mixed profile ends the same way, at most",
};

const T = THRESHOLDS;
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Each check: its name, the profiles it needs, its threshold in words and why. */
export const LESSONS = [
  {
    id: "careful-beats-reckless",
    title: "Careful play beats reckless play",
    needs: ["diplomats", "hawks"],
    threshold: `careful diplomats' mean score ≥ hawks' + ${THRESHOLDS.carefulGap}, the gap's 95% interval above 0`,
    why:
      "If a world of careful players does not end clearly better than a world of hawks, the scenario rewards " +
      "or ignores recklessness. A quarter of the score scale is a difference a course of a few cells would see.",
  },
  {
    id: "restraint-beats-retaliation",
    title: "Restraint with communication does better than retaliation, even against a provocateur — though not always",
    needs: ["diplomats-vs-provocateur", "hawks-vs-provocateur"],
    threshold:
      `restraint's mean score ≥ retaliation's + ${THRESHOLDS.restraintGap} (interval above 0), and retaliation ends ` +
      `better on at least ${THRESHOLDS.retaliationSometimes * 100}% of the same seeds`,
    why:
      "Facing a state that attacks covertly, answering through the hotline and verification should pay on average; " +
      "but if it always pays, the scenario teaches a slogan, not a judgement.",
  },
  {
    id: "doing-nothing-unsafe",
    title: "Doing nothing is not safe",
    needs: ["passive"],
    threshold:
      `with every state passive, ≥ ${THRESHOLDS.passiveFailure * 100}% of games end in failure and escalation ` +
      `peaks ≥ ${THRESHOLDS.passiveRise} above its start on average`,
    why:
      "A crisis that calms down by itself when nobody acts teaches that waiting is a strategy. One failure in ten " +
      "is a risk no government would run; ten points is about one rung on the built-in ladders.",
  },
  {
    id: "hasty-attribution-costs",
    title: "Hasty public attribution costs more than careful attribution",
    needs: ["hasty-attribution", "diplomats"],
    threshold:
      `diplomats who accuse at confidence 0.3 end ≥ ${THRESHOLDS.hastyEscalation} escalation points higher than ` +
      "those who wait for 0.8, and misattribute more often",
    why:
      "The only difference between the two profiles is when they accuse. Naming the wrong state in public must " +
      "cost something visible; five points is half a rung.",
  },
  {
    id: "notice-lowers-misperception",
    title: "Pre-notification lowers misperception",
    needs: ["hawks-notifying", "hawks"],
    threshold:
      `actions of hawks who notified first are misread at ≤ ${THRESHOLDS.noticeRatio * 100}% of the rate of ` +
      `hawks who do not, over ≥ ${THRESHOLDS.noticeMinRolls} perception rolls each`,
    why:
      "The same actions with and without notice: the notice must be worth sending. Halving misreading is what " +
      "the exercise promises for a notice (issue 12); less would not change how a team plays.",
  },
  {
    id: "no-repetition-wins",
    title: "No single repeated move wins by repetition",
    needs: ["repeat-statement", "repeat-deconflict", "repeat-measure"],
    threshold: `no one-move profile (statements, deconflict messages, measures) settles more than ${THRESHOLDS.repetitionMax * 100}% of its games`,
    why:
      "If typing the same statement every turn settles the crisis, players learn a trick instead of the crisis. " +
      "One game in four leaves room for a move that is sometimes enough.",
  },
  {
    id: "chance-not-decisive",
    title: "Chance matters but does not decide alone",
    needs: [],
    threshold: `chance's share of the score's variance between ${THRESHOLDS.chanceMin * 100}% and ${THRESHOLDS.chanceMax * 100}%`,
    why:
      "Below the lower bound the dice hardly matter and a scripted play always wins; above the upper bound the " +
      "outcome is mostly luck and choices teach little.",
  },
  {
    id: "crisis-unfolds",
    title: "The crisis unfolds before it can be settled",
    needs: [],
    threshold: `games ending in agreement have released ≥ ${THRESHOLDS.unfoldShare * 100}% of the events list, on average`,
    why:
      "An exercise settled before most of its events arrive never puts the players through the crisis its " +
      "designer wrote. 'Most' is more than half.",
  },
  {
    id: "cooperation-earned",
    title: "Cooperation settles the crisis often, not always, and not early",
    needs: ["diplomats"],
    threshold:
      `careful diplomats (with the mediator bot) settle ${pct(T.cooperativeMin)}–${pct(T.cooperativeMax)} of their ` +
      `games, and none before the scenario's midpoint turn, ceil((turns + 1) / 2)`,
    why:
      "If cooperation always wins the exercise teaches a recipe; if it rarely does, it teaches despair. An agreement " +
      "concluded in the first half is concluded before the crisis has been lived through.",
  },
  {
    id: "cooperative-crisis-unfolds",
    title: "Cooperative games live through the scheduled events",
    needs: ["diplomats"],
    threshold:
      `careful diplomats' games release ≥ ${pct(T.scheduledRelease)} of the scheduled events list (injects with ` +
      "`at`, less those the seed dropped) on average, over all their games",
    why:
      "The designer wrote the scheduled events for the players to meet. If cooperative games end before most of them " +
      "arrive, the exercise is shorter than its script.",
  },
  {
    id: "hawks-fail",
    title: "All-hawk play fails",
    needs: ["hawks"],
    threshold: `with every state a hawk, ≥ ${pct(T.hawksFailure)} of games end in failure`,
    why: "A world where everyone retaliates hard must usually end in disaster, or recklessness looks affordable.",
  },
  {
    id: "passive-goes-nowhere",
    title: "Doing nothing settles nothing",
    needs: ["passive"],
    threshold:
      `with every state passive, no game ends in agreement and ≥ ${pct(T.passiveNotCalmer)} end at or above the ` +
      "starting escalation, or in failure",
    why: "A crisis nobody works on must not resolve itself; half the games not calmer than they began is the least.",
  },
  {
    id: "caution-against-hawk",
    title: "Against one hawk, caution fails less than answering in kind",
    needs: ["diplomats-vs-hawk", "hawks"],
    threshold: `failure share of caution against one hawk ≤ all hawks' − ${pct(T.hawkGap)}`,
    why:
      "Meeting a hawk with verification and the hotline must keep the crisis from the top rung clearly more often " +
      "than meeting it in kind; fifteen points is about one game in seven.",
  },
  {
    id: "hasty-attribution-harms",
    title: "Hasty attribution raises failure or escalation",
    needs: ["hasty-attribution", "diplomats"],
    threshold:
      `hasty attribution's failure share ≥ careful attribution's + ${pct(T.hastyFailureRise)}, or its mean final ` +
      `escalation ≥ careful attribution's + ${T.hastyFinalRise} points`,
    why:
      "Accusing in public on thin evidence must change the crisis, not only the accuser's standing: a tenth of the " +
      "games lost, or a rung higher at the end.",
  },
  {
    id: "spam-no-better",
    title: "Repeating one move does no better than careful play",
    needs: ["repeat-statement", "repeat-deconflict", "repeat-measure", "diplomats"],
    threshold: "each one-move profile's mean score ≤ careful diplomats' mean score",
    why: "If one move typed as often as the rules allow matches judgement, the exercise rewards the trick.",
  },
  {
    id: "trust-matters",
    title: "Trust changes outcomes",
    needs: [],
    threshold: `with trust switched off, some ablated profile's agreement or failure share moves by ≥ ${pct(T.ablationShift)}`,
    why: "A measure the model writes but never reads teaches nothing; ten points is a change a course would notice.",
  },
  {
    id: "standing-matters",
    title: "Standing changes outcomes",
    needs: [],
    threshold: `with standing switched off, some ablated profile's agreement or failure share moves by ≥ ${pct(T.ablationShift)}`,
    why: "A measure the model writes but never reads teaches nothing; ten points is a change a course would notice.",
  },
  {
    id: "seed-explains",
    title: "The dice matter to every deliberate way of playing",
    needs: [],
    threshold:
      `for every profile but random, its variance of final escalation over the seeds is ≥ ${pct(T.seedShareMin)} ` +
      "of the variance over every deliberate game pooled",
    why:
      "If the same choices always end at the same escalation, a team can learn a script instead of judgement; " +
      "chance must explain a tenth at least.",
  },
  {
    id: "mixed-not-fixed",
    title: "A crisis with a provocateur or a hawk is not decided in advance",
    needs: [],
    threshold: `no profile where one state plays another part ends the same way in more than ${pct(T.mixedSameMax)} of seeds`,
    why: "Where one state breaks ranks, what the others do must still decide the end; one seed in twenty at least.",
  },
] as const;

export type LessonId = (typeof LESSONS)[number]["id"];
