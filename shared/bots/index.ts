// The bot policies by name, with their defaults: what the runner, live seats and the lab choose from.
import type { Policy, PolicyName } from "./policy.ts";
import { cautiousDiplomat } from "./diplomat.ts";
import { hawk } from "./hawk.ts";
import { opportunist } from "./opportunist.ts";
import { passive } from "./passive.ts";
import { randomPolicy } from "./random.ts";
import { mediatorBot } from "./mediator.ts";
import { repeater } from "./repeater.ts";

export { POLICY_NAMES, type Policy, type PolicyName, type Rng } from "./policy.ts";
export { cautiousDiplomat, hawk, opportunist, passive, randomPolicy, mediatorBot, repeater };
export { playGame, type PlayOptions, type PlayResult, type Refusal } from "./play.ts";

/** A policy with its default parameters, by name. */
export function policyByName(name: PolicyName): Policy {
  const make: Record<PolicyName, () => Policy> = {
    "cautious-diplomat": () => cautiousDiplomat(),
    hawk: () => hawk(),
    opportunist: () => opportunist(),
    passive: () => passive(),
    random: () => randomPolicy(),
    mediator: () => mediatorBot(),
    "repeat-statement": () => repeater("statement"),
    "repeat-deconflict": () => repeater("deconflict"),
    "repeat-measure": () => repeater("measure"),
  };
  return make[name]();
}
