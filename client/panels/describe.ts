// Plain words for what an action is expected to do, from its catalogue entry.
import type { Action, Effect } from "../../shared/scenario/schema.ts";
import type { ParticipantView } from "../../shared/engine/index.ts";
import { partyName, pct, signed } from "../../shared/words/index.ts";
import { SEVERITY_LABEL } from "./panel.ts";

const WHO: Record<string, string> = {
  actor: "you",
  target: "the target",
  others: "every other state",
  all: "every state",
};

function who(v: ParticipantView, ref: string): string {
  return WHO[ref] ?? partyName(v, ref);
}

/** "your water" or "the water of Austral" */
function owned(v: ParticipantView, ref: string, thing: string): string {
  return ref === "actor" ? `your ${thing.replace(/^the /, "")}` : `${thing} of ${who(v, ref)}`;
}

export function describeEffect(v: ParticipantView, e: Effect): string {
  switch (e.type) {
    case "escalation":
      return `${signed(e.delta)} escalation`;
    case "sector":
      return `${signed(e.delta)} health to ${owned(v, e.team, e.sector === "target" ? "the chosen sector" : e.sector)}`;
    case "resilience": {
      const where =
        e.sector === "all"
          ? e.team === "actor"
            ? "all your sectors"
            : `all sectors of ${who(v, e.team)}`
          : owned(v, e.team, e.sector === "target" ? "the chosen sector" : e.sector);
      return `${signed(e.delta)} resilience for ${where}`;
    }
    case "trust":
      return `${signed(e.delta)} trust between ${who(v, e.a)} and ${who(v, e.b)}`;
    case "standing":
      return `${signed(e.delta)} standing for ${who(v, e.team)}`;
    case "pressure":
      return `${signed(e.delta)} domestic pressure for ${who(v, e.team)}`;
    case "evidence":
      return `${signed(Math.round(e.confidence * 100))} % confidence in the evidence of an incident`;
  }
}

/** The consequences a team should expect, including the risks the rules attach. */
export function expectations(v: ParticipantView, a: Action): string[] {
  const out = a.effects.map((e) => describeEffect(v, e));
  if (a.perception)
    out.push(`may be read as “${a.perception.perceivedAs}” (${pct(a.perception.misreadChance)} unless pre-notified)`);
  if (a.incident)
    out.push(`leaves an incident on the target; evidence may point elsewhere (${pct(a.incident.falseFlagChance)})`);
  if (a.special === "attribute")
    out.push("names the state you hold responsible, in public: wrong or weak evidence backfires");
  if (a.special === "investigate")
    out.push("re-examines the evidence: sound evidence firms up, planted evidence unravels");
  if (a.severity >= 2) out.push("hostile: out of proportion to what you suffered, it escalates and costs standing");
  return out;
}

export function actionTags(a: Action): string[] {
  const seen = a.visibility === "covert" ? "covert" : a.visibility === "target" ? "private" : "public";
  return [...new Set([a.category, seen]), `severity: ${SEVERITY_LABEL[a.severity] ?? a.severity}`];
}
