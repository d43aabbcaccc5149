import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseScenario, parseScenarioText } from "../../shared/scenario/parse.ts";
import { scenarioJsonSchema } from "../../shared/scenario/json-schema.ts";
import { SCENARIO_DIR, rawScenario, scenarioFiles } from "../helpers/scenarios.ts";
import { rawFrozenTutorial } from "../helpers/frozen.ts";

// scenario files are untyped JSON here; the tests break them on purpose
type Raw = Record<string, any>;

/** Each broken scenario: what was broken, and the path and message the author must see. */
const broken: [string, (s: Raw) => void, string, RegExp][] = [
  ["a wrong format version", (s) => (s.formatVersion = 2), "formatVersion", /reads scenario format 1, the file says 2/],
  ["a missing title", (s) => delete s.title, "title", /expected string/],
  [
    "an unknown sector kind",
    (s) => (s.teams[1].sectors[0].kind = "power"),
    "teams[1].sectors[0].kind",
    /expected one of .*"energy".*got "power"/,
  ],
  ["a number given as text", (s) => (s.actions[0].cost = "one"), "actions[0].cost", /expected number, received string/],
  ["an unknown field", (s) => (s.teams[0].colour = "#ffffff"), "teams[0]", /Unrecognized key: "colour"/],
  ["a ladder without rungs", (s) => (s.ladder.rungs = []), "ladder.rungs", /at least two rungs/],
  [
    "a ladder that does not climb",
    (s) => (s.ladder.rungs[2].from = 5),
    "ladder.rungs[2].from",
    /greater than the previous rung's/,
  ],
  [
    "a red line on an unknown rung",
    (s) => (s.ladder.redLines[0].rung = "apocalypse"),
    "ladder.redLines[0].rung",
    /unknown rung "apocalypse"/,
  ],
  [
    "an inject aimed at a team that does not exist",
    (s) => (s.injects[0].audience = ["borealis", "narnia"]),
    "injects[0].audience[1]",
    /unknown team "narnia" \(teams: borealis, austral\)/,
  ],
  [
    "an inject scheduled in an unknown phase",
    (s) => (s.injects[0].at.phase = "lunch"),
    "injects[0].at.phase",
    /unknown phase "lunch"/,
  ],
  [
    "an inject after the last turn",
    (s) => (s.injects[0].at.turn = 9),
    "injects[0].at.turn",
    /after the last turn \(2\)/,
  ],
  [
    "an inject with neither schedule nor trigger",
    (s) => delete s.injects[0].at,
    "injects[0]",
    /needs "at" \(scheduled\) or "when" \(triggered\)/,
  ],
  [
    "a trigger on an unknown rung",
    (s) => (s.injects[4].when.atLeastRung = "war"),
    "injects[4].when.atLeastRung",
    /unknown rung "war"/,
  ],
  [
    "an effect on a sector the team lacks",
    (s) => (s.injects[4].effects[1].sector = "water"),
    "injects[4].effects[1].sector",
    /team "austral" has no water sector/,
  ],
  [
    "an incident on an unknown victim",
    (s) => (s.injects[0].incident.victim = "atlantis"),
    "injects[0].incident.victim",
    /unknown team "atlantis"/,
  ],
  [
    "an action for an unknown team",
    (s) => (s.actions[0].availableTo = ["ghost"]),
    "actions[0].availableTo[0]",
    /unknown team "ghost"/,
  ],
  [
    "a target effect on an action without a target",
    (s) => (s.actions[1].effects = [{ type: "pressure", team: "target", delta: 1 }]),
    "actions[1].target",
    /refer to "target" but the action has no target/,
  ],
  ["duplicate team ids", (s) => (s.teams[1].id = "borealis"), "teams[1].id", /duplicate team id "borealis"/],
  ["one team only", (s) => (s.teams = [s.teams[0]]), "teams", /two to six teams/],
  ["two decision phases", (s) => (s.phases[0].kind = "decision"), "phases", /exactly one "decision" phase \(found 2\)/],
  [
    "adjudication before decision",
    (s) => ((s.phases[2].kind = "adjudication"), (s.phases[3].kind = "decision")),
    "phases",
    /adjudication phase must come after the decision phase/,
  ],
  [
    "an agreement on an unknown measure",
    (s) => (s.end.agreement.cbms = ["peace"]),
    "end.agreement.cbms[0]",
    /unknown CBM "peace"/,
  ],
  [
    "a no-target measure protecting nothing",
    (s) => delete s.cbms[1].protectedSectors,
    "cbms[1].protectedSectors",
    /must name the sectors it protects/,
  ],
  ["a team named like a role", (s) => (s.teams[1].id = "observers"), "teams[1].id", /"observers" is a reserved word/],
  ["a ladder that starts on its top rung", (s) => (s.ladder.start = 100), "ladder.start", /must be below the top rung/],
  [
    "a phase timer longer than a day",
    (s) => (s.phases[1].durationSeconds = 100000),
    "phases[1].durationSeconds",
    /at most 86400 seconds/,
  ],
  [
    "an agreement allowed only after the last turn",
    (s) => (s.end.agreement.notBeforeTurn = 3),
    "end.agreement.notBeforeTurn",
    /after the last turn \(2\)/,
  ],
  [
    "a hotline from a team to itself",
    (s) => (s.hotline = { initial: [["borealis", "borealis"]] }),
    "hotline.initial[0]",
    /two different teams/,
  ],
  [
    "a covert action that moves trust with its target",
    (s) => (
      (s.actions[0].visibility = "covert"),
      (s.actions[0].target = "state"),
      (s.actions[0].effects = [{ type: "trust", a: "actor", b: "target", delta: -5 }])
    ),
    "actions[0].effects[0]",
    /covert action cannot change trust between actor and target/,
  ],
  [
    "an unknown effect type",
    (s) => (s.actions[0].effects[0].type = "magic"),
    "actions[0].effects[0].type",
    /Invalid discriminator value. Expected 'escalation'.*got "magic"/,
  ],
];

describe("scenario validation", () => {
  it.each(scenarioFiles())("built-in scenario %s validates", (file) => {
    const r = parseScenario(rawScenario(file.replace(/\.json$/, "")));
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  // the two-turn tutorial kept in test/fixtures: a known valid document whose indexes stay put
  it.each(broken)("refuses %s, naming the field", (_what, breakIt, path, message) => {
    const s = structuredClone(rawFrozenTutorial()) as Raw;
    breakIt(s);
    const r = parseScenario(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue = r.issues.find((i) => i.path === path);
    expect(issue, `issues were: ${JSON.stringify(r.issues)}`).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it("refuses text that is not JSON", () => {
    const r = parseScenarioText('{ "id": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/^not valid JSON/);
  });

  it("ships an up-to-date JSON Schema for editors", () => {
    const shipped = JSON.parse(readFileSync(join(SCENARIO_DIR, "scenario.schema.json"), "utf8"));
    expect(shipped, "run `npm run schema` to regenerate scenarios/scenario.schema.json").toEqual(scenarioJsonSchema());
  });

  it("the validate command names the file and the field, and exits non-zero", () => {
    const dir = mkdtempSync(join(tmpdir(), "deconflict-validate-"));
    const bad = structuredClone(rawScenario("tutorial")) as Raw;
    bad.injects[0].audience = ["narnia"];
    writeFileSync(join(dir, "bad.json"), JSON.stringify(bad));
    const script = new URL("../../scripts/validate.ts", import.meta.url).pathname;
    let out = "";
    let code = 0;
    try {
      execFileSync(process.execPath, [script, join(SCENARIO_DIR, "tutorial.json"), join(dir, "bad.json")], {
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (err) {
      const e = err as { status: number; stdout: string; stderr: string };
      code = e.status;
      out = e.stdout + e.stderr;
    }
    expect(code).toBe(1);
    expect(out).toContain("✓");
    expect(out).toContain(`✗ ${join(dir, "bad.json")}: 1 problem`);
    expect(out).toContain('injects[0].audience[0]: unknown team "narnia"');
    const ok = execFileSync(process.execPath, [script, SCENARIO_DIR], { encoding: "utf8" });
    expect(ok.split("\n").filter((l) => l.startsWith("✓")).length).toBe(scenarioFiles().length);
  });
});
