// The validator's checks of effects (of actions and injects): the teams they
// name exist, the sectors they touch exist on some team they can reach, and
// evidence effects name an incident an inject creates.
import type { Action, Effect, Scenario, TeamRef } from "./schema.ts";

export type Path = (string | number)[];
/** A message's catalogue key (namespace studio-fields) and parameters, so the studio words it in the designer's language. */
export interface IssueKey {
  key: string;
  params?: Record<string, string | number>;
}
export type Fail = (path: Path, message: string, words?: IssueKey) => void;

/** The unknown-team message and its key: "unknown team "x" (teams: a, b)". */
export function unknownTeam(id: string, teams: string): [string, IssueKey] {
  return [`unknown team "${id}" (teams: ${teams})`, { key: "studio-fields.check.unknown-team", params: { id, teams } }];
}

export function unknownRung(id: string): IssueKey {
  return { key: "studio-fields.check.unknown-rung", params: { id } };
}

export function unknownCbm(id: string): IssueKey {
  return { key: "studio-fields.check.unknown-cbm", params: { id } };
}

/** "turn 9 is after the last turn (8)": its key. */
export function afterLast(turn: number, last: number): IssueKey {
  return { key: "studio-fields.check.after-last-turn", params: { turn, last } };
}

/** Where effects sit: in an action (actor and target mean something) or in inject `index`. */
export type EffectPlace = { kind: "action"; action: Action } | { kind: "inject"; index: number };

/** Checks a list of effects; each refusal names the effect's path. */
export function checkEffects(s: Scenario, effects: Effect[], base: Path, place: EffectPlace, fail: Fail): void {
  const teamIds = new Set(s.teams.map((t) => t.id));
  const teamList = [...teamIds].join(", ");
  const inAction = place.kind === "action";
  const checkRef = (ref: TeamRef, path: Path) => {
    if (ref === "all" || ref === "others") return;
    if (ref === "actor" || ref === "target") {
      if (!inAction)
        fail(path, `"${ref}" only means something inside an action; name a team`, {
          key: "studio-fields.check.ref-outside-action",
          params: { ref },
        });
      return;
    }
    if (!teamIds.has(ref)) fail(path, ...unknownTeam(ref, teamList));
  };
  effects.forEach((e, i) => {
    const p = [...base, i];
    if (e.type === "trust") {
      checkRef(e.a, [...p, "a"]);
      checkRef(e.b, [...p, "b"]);
      if (e.a === e.b && e.a !== "all" && e.a !== "others")
        fail(p, `trust between "${e.a}" and itself changes nothing; name two different teams`, {
          key: "studio-fields.check.trust-self",
          params: { team: e.a },
        });
    } else if (e.type === "evidence") {
      checkEvidence(s, e, p, place, fail);
    } else if (e.type !== "escalation") {
      checkRef(e.team, [...p, "team"]);
    }
    if ((e.type === "sector" || e.type === "resilience") && e.sector === "target") {
      if (place.kind !== "action" || place.action.target !== "sector")
        fail([...p, "sector"], '"target" sector needs an action whose target is "sector"', {
          key: "studio-fields.check.target-sector",
        });
    } else if ((e.type === "sector" || e.type === "resilience") && e.sector !== "all") {
      checkSectorReach(s, e.team, e.sector, [...p, "sector"], place, fail);
    }
  });
}

/**
 * A fixed sector kind must exist on some team the reference can reach: a named
 * team must have it; for an action's target, some possible target; for its
 * actor, some team that may order it; for "all" or "others", some team.
 */
function checkSectorReach(s: Scenario, ref: TeamRef, kind: string, path: Path, place: EffectPlace, fail: Fail) {
  const has = (id: string) => s.teams.find((t) => t.id === id)?.sectors.some((x) => x.kind === kind) ?? false;
  const named = s.teams.find((t) => t.id === ref);
  if (named) {
    if (!has(named.id))
      fail(path, `team "${named.id}" has no ${kind} sector (it has: ${named.sectors.map((x) => x.kind).join(", ")})`, {
        key: "studio-fields.check.team-no-sector",
        params: { team: named.id, kind, has: named.sectors.map((x) => x.kind).join(", ") },
      });
    return;
  }
  const all = s.teams.map((t) => t.id);
  const actors = place.kind === "action" ? (place.action.availableTo ?? all) : all;
  // a team can be the target of an order given by some other team
  const targets = all.filter((t) => actors.some((a) => a !== t));
  const reach = ref === "actor" ? actors : ref === "target" ? targets : all;
  if (place.kind === "inject" && (ref === "actor" || ref === "target")) return;
  if (!reach.some(has)) {
    const who = ref === "actor" ? "no team that may order it" : ref === "target" ? "no possible target" : "no team";
    const key =
      ref === "actor"
        ? "studio-fields.check.no-reach-actor"
        : ref === "target"
          ? "studio-fields.check.no-reach-target"
          : "studio-fields.check.no-reach-all";
    fail(path, `${who} has a ${kind} sector: the effect could never apply (teams with sectors: ${sectorList(s)})`, {
      key,
      params: { kind, teams: sectorList(s) },
    });
  }
}

function sectorList(s: Scenario): string {
  return s.teams.map((t) => `${t.id}: ${t.sectors.map((x) => x.kind).join("/")}`).join("; ");
}

/** An evidence effect belongs to an inject and names an incident that exists by the time it applies. */
function checkEvidence(s: Scenario, e: Extract<Effect, { type: "evidence" }>, p: Path, place: EffectPlace, fail: Fail) {
  if (place.kind === "action") {
    fail(p, "an evidence effect belongs to an inject; an action changes evidence with its investigate special", {
      key: "studio-fields.check.evidence-in-action",
    });
    return;
  }
  if (e.suspect !== undefined && e.suspect !== null && !s.teams.some((t) => t.id === e.suspect))
    fail([...p, "suspect"], ...unknownTeam(e.suspect, s.teams.map((t) => t.id).join(", ")));
  if (e.incident === "latest") return;
  const source = s.injects.findIndex((x) => x.id === e.incident);
  if (source < 0) {
    fail([...p, "incident"], `unknown inject "${e.incident}": name an inject that creates an incident, or "latest"`, {
      key: "studio-fields.check.unknown-inject",
      params: { id: e.incident },
    });
    return;
  }
  if (!s.injects[source]!.incident)
    fail([...p, "incident"], `inject "${e.incident}" creates no incident; name one that does, or "latest"`, {
      key: "studio-fields.check.inject-no-incident",
      params: { id: e.incident },
    });
  else if (source === place.index)
    fail(
      [...p, "incident"],
      "an inject's effects apply before its own incident exists; change the evidence from a later inject",
      { key: "studio-fields.check.evidence-too-early" },
    );
}
