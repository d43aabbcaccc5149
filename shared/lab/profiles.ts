// Profiles: who plays which seat in a lab game. Each names the policies of the
// team seats; the mediator seat, when the scenario has one, always gets the
// mediator bot. Where one state plays a different part (the provocateur), the
// part passes from team to team with the game's number, so no state's place on
// the board decides the result.
import type { Scenario } from "../engine/index.ts";
import {
  cautiousDiplomat,
  hawk,
  mediatorBot,
  opportunist,
  passive,
  randomPolicy,
  repeater,
  type Policy,
} from "../bots/index.ts";

export interface Profile {
  id: string;
  label: string;
  /** a short label for table columns */
  short: string;
  /** what the profile stands for, in a sentence */
  about: string;
  /** the policy of each team seat; `odd` is true for the one state playing a different part */
  team: (odd: boolean) => Policy;
  /** whether one state plays a different part (then `team(true)` is it) */
  hasOdd: boolean;
}

const all = (make: () => Policy) => () => make();

/** Every profile the lab knows, in the order the report shows them. */
export const PROFILES: readonly Profile[] = [
  {
    id: "diplomats",
    short: "Diplomats",
    label: "Careful diplomats",
    about:
      "Every state plays the cautious diplomat: hotline, verification, notice, measures, attribution on firm evidence.",
    team: all(() => cautiousDiplomat()),
    hasOdd: false,
  },
  {
    id: "hawks",
    short: "Hawks",
    label: "Hawks",
    about: "Every state plays the hawk: attributes on thin evidence, retaliates hard, turns measures down.",
    team: all(() => hawk()),
    hasOdd: false,
  },
  {
    id: "passive",
    short: "Passive",
    label: "Doing nothing",
    about: "Every state does nothing at all (the mediator still works).",
    team: all(() => passive()),
    hasOdd: false,
  },
  {
    id: "random",
    short: "Random",
    label: "Random moves",
    about: "Every state makes random legal moves.",
    team: all(() => randomPolicy()),
    hasOdd: false,
  },
  {
    id: "diplomats-vs-provocateur",
    short: "Restraint vs provocateur",
    label: "Restraint against a provocateur",
    about: "One state is an opportunist running covert operations; the others answer as careful diplomats.",
    team: (odd) => (odd ? opportunist() : cautiousDiplomat()),
    hasOdd: true,
  },
  {
    id: "hawks-vs-provocateur",
    short: "Retaliation vs provocateur",
    label: "Retaliation against a provocateur",
    about: "One state is an opportunist running covert operations; the others answer as hawks.",
    team: (odd) => (odd ? opportunist() : hawk()),
    hasOdd: true,
  },
  {
    id: "diplomats-vs-hawk",
    short: "Caution vs hawk",
    label: "Caution against a hawk",
    about:
      "One state is a hawk; the others answer as careful diplomats (compare: hawks, where every state answers in kind).",
    team: (odd) => (odd ? hawk() : cautiousDiplomat()),
    hasOdd: true,
  },
  {
    id: "hasty-attribution",
    short: "Hasty attribution",
    label: "Hasty attribution",
    about:
      "Careful diplomats in everything except attribution: they accuse publicly at the hawk's threshold (confidence 0.3, not 0.8).",
    team: all(() => cautiousDiplomat({ attributeAt: 0.3 })),
    hasOdd: false,
  },
  {
    id: "hawks-notifying",
    short: "Notifying hawks",
    label: "Hawks who pre-notify",
    about:
      "The same hawks, who first notify every state they are about to act against: over the hotline, or through the mediator.",
    team: all(() => hawk({ notify: true })),
    hasOdd: false,
  },
  {
    id: "repeat-statement",
    short: "Statements only",
    label: "Only joint statements",
    about: "Every state proposes a joint statement each turn and accepts statements, and does nothing else.",
    team: all(() => repeater("statement")),
    hasOdd: false,
  },
  {
    id: "repeat-deconflict",
    short: "Deconflict only",
    label: "Only deconflict messages",
    about:
      "Every state sends deconflict messages to every state it can reach each turn and answers them, nothing else.",
    team: all(() => repeater("deconflict")),
    hasOdd: false,
  },
  {
    id: "repeat-measure",
    short: "Measures only",
    label: "Only measures",
    about: "Every state proposes a confidence-building measure each turn and accepts measures, and does nothing else.",
    team: all(() => repeater("measure")),
    hasOdd: false,
  },
];

export const PROFILE_IDS: readonly string[] = PROFILES.map((p) => p.id);

/** The profiles the lab also plays with trust off and with standing off (when they are played at all). */
export const ABLATION_PROFILES: readonly string[] = [
  "diplomats",
  "hawks",
  "passive",
  "diplomats-vs-provocateur",
  "diplomats-vs-hawk",
  "hasty-attribution",
];

/** A profile by id, or an error naming the ones that exist. */
export function profileById(id: string): Profile {
  const p = PROFILES.find((x) => x.id === id);
  if (!p) throw new Error(`unknown profile "${id}" (profiles: ${PROFILE_IDS.join(", ")})`);
  return p;
}

/** The seats of game number `index` under a profile: the odd part goes to team `index mod teams`. */
export function seatsFor(scenario: Scenario, profile: Profile, index: number): Record<string, Policy> {
  const teams = scenario.teams.map((t) => t.id);
  const odd = profile.hasOdd ? teams[index % teams.length] : undefined;
  const seats: Record<string, Policy> = {};
  for (const t of teams) seats[t] = profile.team(t === odd);
  if (scenario.mediator) seats.mediator = mediatorBot();
  return seats;
}

/** The team playing the odd part in game `index`, if the profile has one. */
export function oddTeam(scenario: Scenario, profile: Profile, index: number): string | null {
  return profile.hasOdd ? scenario.teams[index % scenario.teams.length]!.id : null;
}
