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
  /** with a pre-notification, the misreading rate is at most this share of the rate without */
  noticeRatio: 0.75,
  /** perception rolls needed after a notice, and by the hawks without, to measure it */
  noticeMinRolls: 50,
  /** no one-move profile settles more than this share of its games */
  repetitionMax: 0.25,
  /** chance's share of the score's variance lies within [min, max] */
  chanceMin: 0.15,
  chanceMax: 0.6,
  /** games that end in agreement have released at least this share of the events list, on average */
  unfoldShare: 0.5,
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
};

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
      "The same actions with and without notice: the notice must be worth sending. A quarter less misreading is " +
      "the least a team would notice over an exercise.",
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
] as const;

export type LessonId = (typeof LESSONS)[number]["id"];
