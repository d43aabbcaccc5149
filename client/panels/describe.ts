// Plain words for what an action is expected to do, from its catalogue entry.
import type { Action, Effect } from "../../shared/scenario/schema.ts";
import type { ParticipantView } from "../../shared/engine/index.ts";
import { partyName } from "../../shared/words/index.ts";
import { i18n, t } from "../i18n/index.ts";
import { sectorKindName, severityLabel, signedNumber } from "./panel.ts";

/** Whom an effect touches, as a select value of the messages: actor, target, others, all, or a named party. */
function whoParams(v: ParticipantView, ref: string, prefix = ""): Record<string, string> {
  const known = ref === "actor" || ref === "target" || ref === "others" || ref === "all";
  return { [`${prefix}who`]: known ? ref : "named", [`${prefix}name`]: known ? "" : partyName(v, ref) };
}

export function describeEffect(v: ParticipantView, e: Effect): string {
  const delta = "delta" in e ? signedNumber(e.delta) : "";
  switch (e.type) {
    case "escalation":
      return t("orders.effect.escalation", { delta });
    case "sector":
      return e.sector === "target"
        ? t("orders.effect.sector-chosen", { delta, ...whoParams(v, e.team) })
        : t("orders.effect.sector", { delta, sector: sectorKindName(e.sector), ...whoParams(v, e.team) });
    case "resilience":
      return e.sector === "all"
        ? t("orders.effect.resilience-all", { delta, ...whoParams(v, e.team) })
        : e.sector === "target"
          ? t("orders.effect.resilience-chosen", { delta, ...whoParams(v, e.team) })
          : t("orders.effect.resilience", { delta, sector: sectorKindName(e.sector), ...whoParams(v, e.team) });
    case "trust":
      return t("orders.effect.trust", { delta, ...whoParams(v, e.a, "a"), ...whoParams(v, e.b, "b") });
    case "standing":
      return t("orders.effect.standing", { delta, ...whoParams(v, e.team) });
    case "pressure":
      return t("orders.effect.pressure", { delta, ...whoParams(v, e.team) });
    case "evidence":
      return t("orders.effect.evidence", { delta: signedNumber(Math.round(e.confidence * 100)) });
  }
}

const percent = (share: number) => i18n().number(share, { style: "percent", maximumFractionDigits: 0 });

/** The consequences a team should expect, including the risks the rules attach. */
export function expectations(v: ParticipantView, a: Action): string[] {
  const out = a.effects.map((e) => describeEffect(v, e));
  if (a.perception)
    out.push(
      t("orders.expect.misread", { perceived: a.perception.perceivedAs, chance: percent(a.perception.misreadChance) }),
    );
  if (a.incident) out.push(t("orders.expect.incident", { chance: percent(a.incident.falseFlagChance) }));
  if (a.special === "attribute") out.push(t("orders.expect.attribute"));
  if (a.special === "investigate") out.push(t("orders.expect.investigate"));
  if (a.severity >= 2) out.push(t("orders.expect.hostile"));
  return out;
}

export function actionTags(a: Action): string[] {
  const seen =
    a.visibility === "covert"
      ? t("orders.tag.covert")
      : a.visibility === "target"
        ? t("orders.tag.private")
        : t("orders.tag.public");
  return [
    ...new Set([categoryName(a.category), seen]),
    t("orders.tag.severity", { severity: severityLabel(a.severity) }),
  ];
}

const CATEGORY_KEYS: Record<string, string> = {
  defensive: "orders.category.defensive",
  diplomatic: "orders.category.diplomatic",
  economic: "orders.category.economic",
  intelligence: "orders.category.intelligence",
  offensive: "orders.category.offensive",
  public: "orders.category.public",
  resilience: "orders.category.resilience",
};

/** An action's category ("diplomatic") in the participant's language. */
export function categoryName(category: string): string {
  const key = CATEGORY_KEYS[category];
  return key ? t(key) : category;
}
