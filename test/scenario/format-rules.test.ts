// The scenario format's newer parts (compound triggers, evidence effects,
// chance injects and groups, roles): what the validator accepts, and what it
// refuses with the path and a message the author can act on.
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { conditionWords } from "../../shared/words/schedule.ts";
import { rawFrozenTutorial } from "../helpers/frozen.ts";

// scenario files are untyped JSON here; the tests change them on purpose
type Raw = Record<string, any>;

// the two-turn tutorial kept in test/fixtures: a known valid document whose indexes stay put
function tutorial(change: (s: Raw) => void): ReturnType<typeof parseScenario> {
  const s = structuredClone(rawFrozenTutorial()) as Raw;
  change(s);
  return parseScenario(s);
}

const note = (extra: Raw): Raw => ({
  id: "extra",
  title: "Extra",
  body: "extra",
  channel: "control",
  audience: ["facilitator"],
  ...extra,
});

/** Each accepted change: what it shows the format can say. */
const accepted: [string, (s: Raw) => void][] = [
  [
    "a compound trigger: after turn 1, and an action against a state, unless a measure was adopted",
    (s) =>
      s.injects.push(
        note({
          audience: ["all"],
          when: {
            all: [
              { type: "turn", atLeast: 2 },
              {
                some: [
                  { type: "action", action: "disrupt", by: "austral", against: "borealis" },
                  { type: "misattribution" },
                ],
              },
              { not: { type: "measure-adopted", cbm: "no-target-civilian" } },
            ],
          },
        }),
      ),
  ],
  [
    "an attribution trigger on whether it was right, for control alone",
    (s) => s.injects.push(note({ when: { type: "attribution", by: "borealis", accused: "austral", correct: false } })),
  ],
  [
    "an evidence effect on an inject's incident, pointing elsewhere",
    (s) =>
      s.injects.push(
        note({
          audience: ["borealis"],
          at: { turn: 2, phase: "briefing" },
          effects: [{ type: "evidence", incident: "blackout", confidence: 0.2, suspect: null }],
        }),
      ),
  ],
  ["a chance inject", (s) => (s.injects[6].chance = 0.5)],
  [
    "a group of two injects due together",
    (s) => {
      s.injects[6].group = "turn2-news";
      s.injects.push(note({ audience: ["all"], at: { turn: 2, phase: "briefing" }, group: "turn2-news" }));
    },
  ],
  [
    "a non-state team",
    (s) => s.teams.push({ ...structuredClone(s.teams[1]), id: "wolves", name: "Wolves", role: "non-state" }),
  ],
];

/** Each refused change: what was wrong, the path and the message the author must see. */
const refused: [string, (s: Raw) => void, string, RegExp][] = [
  [
    "an action effect on a sector no possible target has",
    (s) => s.actions[6].effects.push({ type: "sector", team: "target", sector: "transport", delta: -10 }),
    "actions[6].effects[2].sector",
    /no possible target has a transport sector: the effect could never apply/,
  ],
  [
    "an action effect on a sector no team that may order it has",
    (s) => {
      s.actions[0].availableTo = ["austral"];
      s.actions[0].effects[1].sector = "water";
    },
    "actions[0].effects[1].sector",
    /no team that may order it has a water sector/,
  ],
  [
    "an inject effect on a sector the named team lacks",
    (s) => s.injects[0].effects.push({ type: "sector", team: "austral", sector: "water", delta: -10 }),
    "injects[0].effects[1].sector",
    /team "austral" has no water sector \(it has: energy, finance, telecom\)/,
  ],
  [
    "a hostile action without a target",
    (s) => (s.actions[8].severity = 2),
    "actions[8].target",
    /hostile action \(severity 2\) must name whom it is aimed at/,
  ],
  [
    "a misreading milder than the act it hides",
    (s) => (s.actions[5].severity = 4),
    "actions[5].perception.perceivedSeverity",
    /3 is milder than the act's severity \(4\)/,
  ],
  ["a chance above 1", (s) => (s.injects[6].chance = 1.5), "injects[6].chance", /a chance from 0 to 1/],
  ["a negative chance", (s) => (s.injects[6].chance = -0.1), "injects[6].chance", /a chance from 0 to 1/],
  [
    "a group with one member",
    (s) => (s.injects[6].group = "alone"),
    "injects[6].group",
    /group "alone" has this inject alone; a group draws one of several/,
  ],
  [
    "group members due at different times",
    (s) => ((s.injects[0].group = "g"), (s.injects[6].group = "g")),
    "injects[6].at",
    /group "g" is due at turn 1, phase "briefing" \(as "blackout"\); this one at turn 2, phase "briefing"/,
  ],
  [
    "a triggered group member",
    (s) => ((s.injects[4].group = "g"), (s.injects[6].group = "g")),
    "injects[4].group",
    /a group's injects are scheduled \("at"\); "markets" has none/,
  ],
  [
    "a group member with a chance of its own",
    (s) => ((s.injects[0].group = "g"), (s.injects[1].group = "g"), (s.injects[1].chance = 0.5)),
    "injects[1].chance",
    /drawn by its group; "chance" would draw it twice/,
  ],
  [
    "a compound trigger naming an unknown team, deep inside",
    (s) =>
      (s.injects[4].when = {
        all: [{ type: "turn", atLeast: 1 }, { not: { type: "attribution", accused: "narnia" } }],
      }),
    "injects[4].when.all[1].not.accused",
    /unknown team "narnia" \(teams: borealis, austral\)/,
  ],
  [
    "an action trigger against a team on an action with no target",
    (s) => (s.injects[4].when = { type: "action", action: "harden", against: "austral" }),
    "injects[4].when.against",
    /action "harden" names no target/,
  ],
  [
    "a turn trigger after the last turn",
    (s) => (s.injects[4].when = { some: [{ type: "turn", atLeast: 3 }] }),
    "injects[4].when.some[0].atLeast",
    /turn 3 is after the last turn \(2\)/,
  ],
  [
    "a trigger on a measure that does not exist",
    (s) => (s.injects[4].when = { type: "measure-adopted", cbm: "peace" }),
    "injects[4].when.cbm",
    /unknown CBM "peace"/,
  ],
  [
    "an empty compound trigger",
    (s) => (s.injects[4].when = { all: [] }),
    "injects[4].when.all",
    /list at least one condition/,
  ],
  [
    "an inject to the teams waiting for whether an accusation was right",
    (s) => (s.injects[4].when = { type: "attribution", correct: true }),
    "injects[4].audience",
    /secret only control knows: its audience must be \["facilitator"\] alone/,
  ],
  [
    "a control note on a secret trigger that changes something",
    (s) =>
      s.injects.push(
        note({ when: { not: { type: "attribution", correct: true } }, effects: [{ type: "escalation", delta: 1 }] }),
      ),
    "injects[7].effects",
    /may have no effects \(they show\)/,
  ],
  [
    "an evidence effect on an inject that creates no incident",
    (s) => (s.injects[6].effects = [{ type: "evidence", incident: "markets", confidence: 0.1 }]),
    "injects[6].effects[0].incident",
    /inject "markets" creates no incident; name one that does, or "latest"/,
  ],
  [
    "an evidence effect on its own inject's incident",
    (s) => s.injects[0].effects.push({ type: "evidence", incident: "blackout", confidence: 0.1 }),
    "injects[0].effects[1].incident",
    /apply before its own incident exists/,
  ],
  [
    "an evidence effect in an action",
    (s) => s.actions[1].effects.push({ type: "evidence", incident: "latest", confidence: 0.1 }),
    "actions[1].effects[1]",
    /an evidence effect belongs to an inject/,
  ],
  [
    "an evidence effect pointing at an unknown team",
    (s) => (s.injects[6].effects = [{ type: "evidence", incident: "latest", confidence: 0.1, suspect: "narnia" }]),
    "injects[6].effects[0].suspect",
    /unknown team "narnia"/,
  ],
  [
    "an evidence change beyond ±1",
    (s) => (s.injects[6].effects = [{ type: "evidence", incident: "latest", confidence: 2 }]),
    "injects[6].effects[0].confidence",
    /expected number to be <=1/,
  ],
  [
    "an agreement with fewer than two states",
    (s) => (s.teams[1].role = "neutral"),
    "teams",
    /only 1 team\(s\) have the role "state"/,
  ],
  [
    "a trust effect between a team and itself",
    (s) => s.injects[0].effects.push({ type: "trust", a: "austral", b: "austral", delta: 5 }),
    "injects[0].effects[1]",
    /trust between "austral" and itself changes nothing/,
  ],
  [
    "a no-target promise protecting a sector no team has",
    (s) => s.cbms[1].protectedSectors.push("defence"),
    "cbms[1].protectedSectors[2]",
    /no team has a defence sector: the promise would protect nothing/,
  ],
  [
    "a timeline deadline beyond the exercise",
    (s) =>
      s.cbms.push({
        id: "calm-down",
        name: "Calm",
        description: "…",
        kind: "timeline",
        timeline: { rung: "routine", withinTurns: 2 },
      }),
    "cbms[2].timeline.withinTurns",
    /2 turns from adoption is never within the exercise's 2: the deadline could never fall due/,
  ],
  [
    "an unknown role",
    (s) => (s.teams[1].role = "rebel"),
    "teams[1].role",
    /expected one of "state"\|"neutral"\|"non-state"/,
  ],
];

describe("scenario format: triggers, evidence, chance, roles", () => {
  it.each(accepted)("accepts %s", (_what, change) => {
    const r = tutorial(change);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it.each(refused)("refuses %s, naming the field", (_what, change, path, message) => {
    const r = tutorial(change);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue = r.issues.find((i) => i.path === path);
    expect(issue, `issues were: ${JSON.stringify(r.issues)}`).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it("words a compound trigger for control's MSEL", () => {
    const r = tutorial(accepted[0]![1]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const when = r.scenario.injects.at(-1)!.when!;
    expect(conditionWords(when, r.scenario)).toBe(
      "(from turn 2 and (when Austral takes “Disrupt a sector” against Borealis or when a misattribution happens) " +
        "and except when “No targeting of hospitals and water” is adopted)",
    );
  });
});
