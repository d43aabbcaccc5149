// Control's review in a translator's language: the `review` namespace in the shape of `ReviewWords`
// (review-en.ts), numbers and percentages in the locale, choices as yes/no.
import type { Helpers } from "./catalogue-helpers.ts";
import type { ReviewWords } from "./review-en.ts";

/** The review's events, values and commands from the catalogue, with one locale's helpers. */
export function reviewWords(h: Helpers): ReviewWords {
  const { t, yes } = h;
  const changes = (p: { struck: number; set: number }) =>
    p.struck && p.set ? "both" : p.struck ? "struck" : p.set ? "set" : "none";
  return {
    "adjudication.mode": (p) => t("review.mode", { review: yes(p.review) }),
    "adjudication.under-review": () => t("review.under-review"),
    "adjudication.approved": () => t("review.approved"),
    "order.struck": (p) => t("review.order-struck", p),
    "value.trust": (p) => t("review.value.trust", p),
    "value.standing": (p) => t("review.value.standing", p),
    "value.pressure": (p) => t("review.value.pressure", p),
    "value.sector": (p) => t("review.value.sector", p),
    "value.evidence": (p) => t("review.value.evidence", p),
    "value.escalation": () => t("review.value.escalation"),
    "value.set": (p) =>
      t("review.value-set", {
        what: p.what,
        from: p.from,
        to: p.to,
        suspect: p.suspect ?? "",
        hasSuspect: yes(p.suspect !== null),
        reason: p.reason,
      }),
    "suspect.none": () => t("review.suspect-none"),
    "cause.control-set": () => t("review.cause-control-set"),
    "command.mode": (p) => t("review.command.mode", { review: yes(p.review) }),
    "command.approve": (p) => t("review.command.approve", { changes: changes(p), struck: p.struck, set: p.set }),
    "command.set": (p) => t("review.command.set", p),
    amount: (p) => (p.evidence ? h.pct(p.n) : h.num(p.n)),
  };
}
