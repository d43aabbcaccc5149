// English for the bot policies: a short name and what the policy does, for
// control's seat controls and the self-paced start (docs/bots.md has the detail).
import type { PolicyName } from "../bots/policy.ts";

export const POLICY_WORDS: Readonly<Record<PolicyName, { label: string; hint: string }>> = {
  "cautious-diplomat": {
    label: "Cautious diplomat",
    hint: "answers the hotline, checks evidence, notifies before acting, proposes measures",
  },
  hawk: { label: "Hawk", hint: "attributes on thin evidence and retaliates hard" },
  opportunist: { label: "Opportunist", hint: "polite on the hotline, covert operations when it expects to get away" },
  passive: { label: "Passive", hint: "does nothing at all" },
  random: { label: "Random", hint: "random moves among those its seat offers" },
  mediator: { label: "Mediator", hint: "verifies evidence, relays messages, convenes talks, proposes statements" },
  "repeat-statement": { label: "Statements only", hint: "proposes and accepts joint statements, nothing else" },
  "repeat-deconflict": { label: "Deconflict only", hint: "sends and answers deconflict messages, nothing else" },
  "repeat-measure": { label: "Measures only", hint: "proposes and accepts confidence-building measures, nothing else" },
};

/** The policies that can play a seat: the mediator's, or a team's. */
export function policiesFor(seat: "team" | "mediator"): PolicyName[] {
  return seat === "mediator"
    ? ["mediator", "random", "passive"]
    : ["cautious-diplomat", "hawk", "opportunist", "passive", "random"];
}
