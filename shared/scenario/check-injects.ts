// The validator's checks of the injects (the MSEL): audiences, schedules,
// trigger conditions at every depth, effects, incidents, chance and groups.
import type { Inject, Scenario, SimpleCondition } from "./schema.ts";
import {
  afterLast,
  checkEffects,
  unknownCbm,
  unknownRung,
  unknownTeam,
  type Fail,
  type Path,
} from "./check-effects.ts";
import { conditionParts, readsCorrectness } from "./condition-parts.ts";

const AUDIENCE_WORDS = ["all", "mediator", "observers", "facilitator"];

/** Checks every inject of the scenario; each refusal names its path. */
export function checkInjects(s: Scenario, fail: Fail): void {
  const teamIds = new Set(s.teams.map((t) => t.id));
  const teamList = [...teamIds].join(", ");
  const phaseIds = new Set(s.phases.map((p) => p.id));
  s.injects.forEach((inj, ii) => {
    const base: Path = ["injects", ii];
    inj.audience.forEach((a, i) => {
      if (a === "mediator" && !s.mediator)
        fail([...base, "audience", i], "the scenario has no mediator", { key: "studio-fields.check.no-mediator" });
      else if (!AUDIENCE_WORDS.includes(a) && !teamIds.has(a))
        fail([...base, "audience", i], ...unknownTeam(a, teamList));
    });
    if (inj.at) {
      if (!phaseIds.has(inj.at.phase))
        fail([...base, "at", "phase"], `unknown phase "${inj.at.phase}" (phases: ${[...phaseIds].join(", ")})`, {
          key: "studio-fields.check.unknown-phase",
          params: { id: inj.at.phase, phases: [...phaseIds].join(", ") },
        });
      if (inj.at.turn > s.turns)
        fail(
          [...base, "at", "turn"],
          `turn ${inj.at.turn} is after the last turn (${s.turns})`,
          afterLast(inj.at.turn, s.turns),
        );
    }
    if (inj.when) {
      for (const part of conditionParts(inj.when))
        checkCondition(s, part.condition, [...base, "when", ...part.path], fail);
      if (readsCorrectness(inj.when)) checkSecretTrigger(inj, base, fail);
    }
    checkEffects(s, inj.effects, [...base, "effects"], { kind: "inject", index: ii }, fail);
    if (inj.incident) {
      const inc = inj.incident;
      const victim = s.teams.find((t) => t.id === inc.victim);
      if (!victim) fail([...base, "incident", "victim"], ...unknownTeam(inc.victim, teamList));
      else if (!victim.sectors.some((x) => x.kind === inc.sector))
        fail([...base, "incident", "sector"], `team "${inc.victim}" has no ${inc.sector} sector`, {
          key: "studio-fields.check.victim-no-sector",
          params: { team: inc.victim, kind: inc.sector },
        });
      if (inc.culprit !== null && !teamIds.has(inc.culprit))
        fail([...base, "incident", "culprit"], `unknown team "${inc.culprit}"`, {
          key: "studio-fields.check.unknown-team-alone",
          params: { id: inc.culprit },
        });
      if (inc.suspect !== null && !teamIds.has(inc.suspect))
        fail([...base, "incident", "suspect"], `unknown team "${inc.suspect}"`, {
          key: "studio-fields.check.unknown-team-alone",
          params: { id: inc.suspect },
        });
    }
  });
  checkGroups(s, fail);
}

/** A simple condition's references: rungs, actions, teams, measures and turns that exist. */
function checkCondition(s: Scenario, c: SimpleCondition, base: Path, fail: Fail): void {
  const teamList = s.teams.map((t) => t.id).join(", ");
  const team = (id: string | undefined, field: string) => {
    if (id !== undefined && !s.teams.some((t) => t.id === id)) fail([...base, field], ...unknownTeam(id, teamList));
  };
  const cbm = (id: string | undefined) => {
    if (id !== undefined && !s.cbms.some((x) => x.id === id))
      fail([...base, "cbm"], `unknown CBM "${id}"`, unknownCbm(id));
  };
  switch (c.type) {
    case "escalation":
      if (!s.ladder.rungs.some((r) => r.id === c.atLeastRung))
        fail([...base, "atLeastRung"], `unknown rung "${c.atLeastRung}"`, unknownRung(c.atLeastRung));
      return;
    case "action":
      if (!s.actions.some((a) => a.id === c.action))
        fail([...base, "action"], `unknown action "${c.action}"`, {
          key: "studio-fields.check.unknown-action",
          params: { id: c.action },
        });
      team(c.by, "by");
      team(c.against, "against");
      if (c.against !== undefined && s.actions.find((a) => a.id === c.action)?.target === "none")
        fail([...base, "against"], `action "${c.action}" names no target, so it is never taken against a team`, {
          key: "studio-fields.check.action-no-target",
          params: { action: c.action },
        });
      return;
    case "sector-down":
    case "pressure":
      team(c.team, "team");
      return;
    case "attribution":
      team(c.by, "by");
      team(c.accused, "accused");
      return;
    case "commitment-broken":
    case "measure-adopted":
      cbm(c.cbm);
      return;
    case "turn":
      if (c.atLeast > s.turns)
        fail(
          [...base, "atLeast"],
          `turn ${c.atLeast} is after the last turn (${s.turns})`,
          afterLast(c.atLeast, s.turns),
        );
      return;
    case "misattribution":
      return;
  }
}

/**
 * Whether an accusation was right is control's secret: an inject released on
 * it would tell its readers by its very timing, and its effects would tell
 * everyone. So only a note to control alone, changing nothing, may wait for it.
 */
function checkSecretTrigger(inj: Inject, base: Path, fail: Fail): void {
  const why = 'waits for whether an accusation was right ("correct"), a secret only control knows';
  if (inj.audience.some((a) => a !== "facilitator"))
    fail([...base, "audience"], `this inject ${why}: its audience must be ["facilitator"] alone`, {
      key: "studio-fields.check.secret-audience",
    });
  if (inj.effects.length)
    fail([...base, "effects"], `this inject ${why}: it may have no effects (they show)`, {
      key: "studio-fields.check.secret-effects",
    });
  if (inj.incident)
    fail([...base, "incident"], `this inject ${why}: it may not create an incident`, {
      key: "studio-fields.check.secret-incident",
    });
}

/** A group is two or more scheduled injects due at the same moment, drawn without a chance of their own. */
function checkGroups(s: Scenario, fail: Fail): void {
  const members = new Map<string, number[]>();
  s.injects.forEach((inj, i) => {
    if (inj.group !== undefined) members.set(inj.group, [...(members.get(inj.group) ?? []), i]);
  });
  for (const [group, list] of members) {
    const first = s.injects[list[0]!]!;
    if (list.length < 2)
      fail(["injects", list[0]!, "group"], `group "${group}" has this inject alone; a group draws one of several`, {
        key: "studio-fields.check.group-alone",
        params: { group },
      });
    for (const i of list) {
      const inj = s.injects[i]!;
      const at = (x: Inject) => (x.at ? `turn ${x.at.turn}, phase "${x.at.phase}"` : "no schedule");
      if (!inj.at)
        fail(["injects", i, "group"], `a group's injects are scheduled ("at"); "${inj.id}" has none`, {
          key: "studio-fields.check.group-unscheduled",
          params: { id: inj.id },
        });
      else if (inj.when)
        fail(["injects", i, "when"], `a group's injects are drawn at their "at"; remove "when"`, {
          key: "studio-fields.check.group-when",
        });
      else if (i !== list[0] && (inj.at.turn !== first.at?.turn || inj.at.phase !== first.at?.phase))
        fail(
          ["injects", i, "at"],
          `group "${group}" is due at ${at(first)} (as "${first.id}"); this one at ${at(inj)}`,
        );
      if (inj.chance !== undefined)
        fail(["injects", i, "chance"], `a group member is drawn by its group; "chance" would draw it twice`, {
          key: "studio-fields.check.group-chance",
        });
    }
  }
}
