// The bot policies' names and hints in a translator's language (the `bots` namespace); English callers
// keep POLICY_WORDS (bots-en.ts), which the catalogue's English repeats word for word.
import type { PolicyName } from "../bots/policy.ts";
import type { Translator } from "../i18n/index.ts";
import { POLICY_WORDS } from "./bots-en.ts";

type PolicyWords = Readonly<Record<PolicyName, { label: string; hint: string }>>;

const KEYS: { readonly [P in PolicyName]: { label: string; hint: string } } = {
  "cautious-diplomat": { label: "bots.cautious-diplomat.label", hint: "bots.cautious-diplomat.hint" },
  hawk: { label: "bots.hawk.label", hint: "bots.hawk.hint" },
  opportunist: { label: "bots.opportunist.label", hint: "bots.opportunist.hint" },
  passive: { label: "bots.passive.label", hint: "bots.passive.hint" },
  random: { label: "bots.random.label", hint: "bots.random.hint" },
  mediator: { label: "bots.mediator.label", hint: "bots.mediator.hint" },
  "repeat-statement": { label: "bots.repeat-statement.label", hint: "bots.repeat-statement.hint" },
  "repeat-deconflict": { label: "bots.repeat-deconflict.label", hint: "bots.repeat-deconflict.hint" },
  "repeat-measure": { label: "bots.repeat-measure.label", hint: "bots.repeat-measure.hint" },
};

const made = new WeakMap<Translator, PolicyWords>();

/** Every policy's name and hint in this translator's language (catalogues loaded first); without one, English. */
export function policyWords(tr?: Translator): PolicyWords {
  if (!tr) return POLICY_WORDS;
  let words = made.get(tr);
  if (!words) {
    const entries = Object.entries(KEYS).map(([p, k]) => [p, { label: tr.t(k.label), hint: tr.t(k.hint) }]);
    words = Object.fromEntries(entries) as PolicyWords;
    made.set(tr, words);
  }
  return words;
}
