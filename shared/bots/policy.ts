// What a bot is: a pure policy over its seat's view. It gets what a person in
// the seat would see (view(state, viewer)), never the full state, and a seeded
// rng; it returns the commands it would send now. The runner applies them.
import type { ParticipantView } from "../engine/index.ts";
import type { CommandInput } from "../protocol/commands.ts";

/** A seeded source of numbers in [0, 1): the runner makes it, so a policy stays pure. */
export type Rng = () => number;

/** A bot: its name (for the recording and the lab), its parameters, and its decision. */
export interface Policy {
  name: PolicyName;
  params: Readonly<Record<string, number | boolean>>;
  act(view: ParticipantView, rng: Rng): CommandInput[];
}

export const POLICY_NAMES = [
  "cautious-diplomat",
  "hawk",
  "opportunist",
  "passive",
  "random",
  "mediator",
  // the lab's one-move players (repeater.ts)
  "repeat-statement",
  "repeat-deconflict",
  "repeat-measure",
] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];
