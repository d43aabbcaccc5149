// Checks that a schema-valid scenario also holds together: every id it refers
// to exists, phases make a playable turn, the ladder climbs.
import type { Scenario, Effect } from "./schema.ts";
import {
  checkEffects,
  unknownCbm,
  unknownRung,
  unknownTeam,
  type Fail,
  type IssueKey,
  type Path,
} from "./check-effects.ts";
import { checkInjects } from "./check-injects.ts";

export interface ScenarioIssue {
  path: string;
  message: string;
  /** for the studio: the message's key and parameters (the English above stays for scripts and the server) */
  key?: string;
  params?: IssueKey["params"];
}

/** Words the engine and the server use for roles and audiences; a team cannot be called one of them. */
export const RESERVED_TEAM_IDS = [
  "mediator",
  "facilitator",
  "observers",
  "observer",
  "all",
  "actor",
  "target",
  "others",
  "system",
];

/** Returns every broken cross-reference, each with the path to the field at fault. */
export function crossCheck(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const fail: Fail = (path, message, words) => issues.push({ path: formatPath(path), message, ...words });
  const teamIds = new Set(s.teams.map((t) => t.id));
  const rungIds = new Set(s.ladder.rungs.map((r) => r.id));
  const cbmIds = new Set(s.cbms.map((c) => c.id));
  const teamList = [...teamIds].join(", ");

  unique(s.teams, ["teams"], "team", fail);
  unique(s.phases, ["phases"], "phase", fail);
  unique(s.ladder.rungs, ["ladder", "rungs"], "rung", fail);
  unique(s.actions, ["actions"], "action", fail);
  unique(s.cbms, ["cbms"], "CBM", fail);
  unique(s.injects, ["injects"], "inject", fail);
  unique(s.objectives, ["objectives"], "objective", fail);
  s.teams.forEach((t, i) => {
    if (RESERVED_TEAM_IDS.includes(t.id))
      fail(
        ["teams", i, "id"],
        `"${t.id}" is a reserved word (reserved: ${RESERVED_TEAM_IDS.join(", ")}); choose another id`,
        { key: "studio-fields.check.reserved-id", params: { id: t.id, reserved: RESERVED_TEAM_IDS.join(", ") } },
      );
  });

  // the ladder climbs from 0
  s.ladder.rungs.forEach((r, i) => {
    if (i === 0 && r.from !== 0)
      fail(["ladder", "rungs", 0, "from"], "the first rung must begin at 0", { key: "studio-fields.check.first-rung" });
    const prev = s.ladder.rungs[i - 1];
    if (prev && r.from <= prev.from)
      fail(["ladder", "rungs", i, "from"], `must be greater than the previous rung's (${prev.from})`, {
        key: "studio-fields.check.rung-order",
        params: { from: prev.from },
      });
  });
  const top = s.ladder.rungs[s.ladder.rungs.length - 1];
  if (top && s.ladder.start >= top.from)
    fail(
      ["ladder", "start"],
      `must be below the top rung (${top.from}); starting on it would end the exercise at once`,
      { key: "studio-fields.check.start-below-top", params: { from: top.from } },
    );
  s.ladder.redLines.forEach((l, i) => {
    if (!rungIds.has(l.rung)) fail(["ladder", "redLines", i, "rung"], `unknown rung "${l.rung}"`, unknownRung(l.rung));
  });

  // one decision phase, then one adjudication phase
  const decisions = s.phases.flatMap((p, i) => (p.kind === "decision" ? [i] : []));
  const adjudications = s.phases.flatMap((p, i) => (p.kind === "adjudication" ? [i] : []));
  if (decisions.length !== 1)
    fail(["phases"], `a turn needs exactly one "decision" phase (found ${decisions.length})`, {
      key: "studio-fields.check.one-decision",
      params: { found: decisions.length },
    });
  if (adjudications.length !== 1)
    fail(["phases"], `a turn needs exactly one "adjudication" phase (found ${adjudications.length})`, {
      key: "studio-fields.check.one-adjudication",
      params: { found: adjudications.length },
    });
  if (decisions.length === 1 && adjudications.length === 1 && adjudications[0]! < decisions[0]!)
    fail(["phases"], "the adjudication phase must come after the decision phase", {
      key: "studio-fields.check.adjudication-after",
    });

  s.teams.forEach((t, ti) => {
    unique(
      t.sectors.map((x) => ({ id: x.kind })),
      ["teams", ti, "sectors"],
      "sector",
      fail,
    );
  });

  s.trust.pairs.forEach((p, i) => {
    if (!teamIds.has(p.a)) fail(["trust", "pairs", i, "a"], ...unknownTeam(p.a, teamList));
    if (!teamIds.has(p.b)) fail(["trust", "pairs", i, "b"], ...unknownTeam(p.b, teamList));
    if (p.a === p.b)
      fail(["trust", "pairs", i], "trust is between two different teams", {
        key: "studio-fields.check.trust-pair-same",
      });
  });
  if (Array.isArray(s.hotline.initial)) {
    s.hotline.initial.forEach((pair, i) => {
      pair.forEach((t, j) => {
        if (!teamIds.has(t)) fail(["hotline", "initial", i, j], ...unknownTeam(t, teamList));
      });
      if (pair[0] === pair[1])
        fail(["hotline", "initial", i], "a hotline links two different teams", {
          key: "studio-fields.check.hotline-pair-same",
        });
    });
  }

  s.actions.forEach((a, ai) => {
    a.availableTo?.forEach((t, i) => {
      if (!teamIds.has(t)) fail(["actions", ai, "availableTo", i], ...unknownTeam(t, teamList));
    });
    checkEffects(s, a.effects, ["actions", ai, "effects"], { kind: "action", action: a }, fail);
    if (a.severity >= 2 && a.target === "none")
      fail(
        ["actions", ai, "target"],
        `a hostile action (severity ${a.severity}) must name whom it is aimed at: "state" or "sector", not "none"`,
        { key: "studio-fields.check.hostile-needs-target", params: { severity: a.severity } },
      );
    if (a.perception && a.perception.perceivedSeverity < a.severity)
      fail(
        ["actions", ai, "perception", "perceivedSeverity"],
        `a misreading makes an act look worse: ${a.perception.perceivedSeverity} is milder than the act's severity (${a.severity})`,
        {
          key: "studio-fields.check.misreading-milder",
          params: { perceived: a.perception.perceivedSeverity, severity: a.severity },
        },
      );
    if (a.target === "none" && a.effects.some((e) => mentionsTarget(e)))
      fail(["actions", ai, "target"], 'effects refer to "target" but the action has no target', {
        key: "studio-fields.check.effects-need-target",
      });
    if (a.perception && a.target !== "state" && a.target !== "sector")
      fail(["actions", ai, "perception"], "perception needs an action aimed at a state or a sector", {
        key: "studio-fields.check.perception-needs-target",
      });
    if (a.incident && a.target !== "state" && a.target !== "sector")
      fail(["actions", ai, "incident"], "an incident needs an action aimed at a state or a sector", {
        key: "studio-fields.check.incident-needs-target",
      });
    if (a.incident && a.incident.confidence[0] > a.incident.confidence[1])
      fail(["actions", ai, "incident", "confidence"], "the range must go from low to high", {
        key: "studio-fields.check.range-order",
      });
    // a covert act stays anonymous to its target: a visible trust change between the two would name the actor
    if (a.visibility === "covert")
      a.effects.forEach((e, ei) => {
        if (e.type === "trust" && new Set([e.a, e.b]).has("actor") && new Set([e.a, e.b]).has("target"))
          fail(
            ["actions", ai, "effects", ei],
            "a covert action cannot change trust between actor and target: the target would learn who acted",
            { key: "studio-fields.check.covert-trust" },
          );
      });
    if (a.special && a.target !== "incident")
      fail(["actions", ai, "target"], `a "${a.special}" action must target "incident"`, {
        key: "studio-fields.check.special-targets-incident",
        params: { special: a.special },
      });
  });

  s.cbms.forEach((c, ci) => {
    if (c.kind === "no-target" && !c.protectedSectors?.length)
      fail(["cbms", ci, "protectedSectors"], "a no-target commitment must name the sectors it protects", {
        key: "studio-fields.check.no-target-sectors",
      });
    if (c.kind === "timeline" && !c.timeline)
      fail(["cbms", ci, "timeline"], "a timeline commitment needs { rung, withinTurns }", {
        key: "studio-fields.check.timeline-needs",
      });
    if (c.timeline && !rungIds.has(c.timeline.rung))
      fail(["cbms", ci, "timeline", "rung"], `unknown rung "${c.timeline.rung}"`, unknownRung(c.timeline.rung));
    if (c.timeline && c.timeline.withinTurns >= s.turns)
      fail(
        ["cbms", ci, "timeline", "withinTurns"],
        `${c.timeline.withinTurns} turns from adoption is never within the exercise's ${s.turns}: the deadline could never fall due`,
        { key: "studio-fields.check.deadline-never", params: { within: c.timeline.withinTurns, turns: s.turns } },
      );
    c.protectedSectors?.forEach((kind, i) => {
      if (!s.teams.some((t) => t.sectors.some((x) => x.kind === kind)))
        fail(["cbms", ci, "protectedSectors", i], `no team has a ${kind} sector: the promise would protect nothing`, {
          key: "studio-fields.check.no-sector-to-protect",
          params: { kind },
        });
    });
  });

  checkInjects(s, fail);
  checkRoles(s, fail);

  if (s.end.agreement) {
    if (s.end.agreement.notBeforeTurn > s.turns)
      fail(
        ["end", "agreement", "notBeforeTurn"],
        `turn ${s.end.agreement.notBeforeTurn} is after the last turn (${s.turns}); no agreement could ever end the exercise`,
        {
          key: "studio-fields.check.agreement-after-last",
          params: { turn: s.end.agreement.notBeforeTurn, last: s.turns },
        },
      );
    s.end.agreement.cbms.forEach((c, i) => {
      if (!cbmIds.has(c)) fail(["end", "agreement", "cbms", i], `unknown CBM "${c}"`, unknownCbm(c));
    });
    if (!s.end.agreement.cbms.length && !s.end.agreement.statement)
      fail(["end", "agreement"], "an agreement needs at least one CBM or a joint statement", {
        key: "studio-fields.check.agreement-terms",
      });
  }
  return issues;
}

/** The agreement binds the states: at least two teams must be states when the scenario has one. */
function checkRoles(s: Scenario, fail: Fail): void {
  const states = s.teams.filter((t) => (t.role ?? "state") === "state");
  if (s.end.agreement && states.length < 2)
    fail(
      ["teams"],
      `the end agreement is between states, and only ${states.length} team(s) have the role "state" ` +
        "(neutral and non-state teams are not parties to it)",
      { key: "studio-fields.check.agreement-states", params: { states: states.length } },
    );
}

function mentionsTarget(e: Effect): boolean {
  if (e.type === "trust") return e.a === "target" || e.b === "target";
  if (e.type === "escalation" || e.type === "evidence") return false;
  return e.team === "target";
}

function unique(items: { id: string }[], base: Path, what: string, fail: Fail) {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined)
      fail([...base, i, "id"], `duplicate ${what} id "${item.id}" (first used at index ${first})`, {
        key: "studio-fields.check.duplicate-id",
        params: { what, id: item.id, first },
      });
    else seen.set(item.id, i);
  });
}

/** Formats a path as people read it: teams[1].sectors[0].kind */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "(root)";
}
