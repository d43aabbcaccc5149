// The rules a recording was played under: this engine replays its own and the
// older ones it keeps (with an identical state), and refuses every other by name,
// never replaying a recording under rules it was not played with.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  ENGINE_VERSION,
  KEPT_RULES,
  RULES_VERSION,
  ReplayError,
  RulesError,
  checkRules,
  init,
  replay,
  replaySteps,
  type GameState,
} from "../../shared/engine/index.ts";
import { loadRecording } from "../../shared/protocol/integrity.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { Driver } from "../helpers/driver.ts";
import { randomSource, randomStep } from "../helpers/random-commands.ts";
import { loadScenario, scenarioFiles } from "../helpers/scenarios.ts";

const [major, minor] = RULES_VERSION.split(".").map(Number) as [number, number];
const CURRENT_SWITCHES = { idScheme: init(loadScenario("tutorial"), { seed: "s" }).idScheme };

/** An exercise played live under the rules of `engineVersion`: random but well-formed play, many commands refused. */
function playedUnder(scenarioId: string, engineVersion: string, seed: string, steps = 250): Driver {
  const d = new Driver(loadScenario(scenarioId), seed);
  d.state = init(d.scenario, { seed: d.seed, engineVersion });
  const { rng, pick } = randomSource(`${scenarioId}-${seed}`);
  for (let i = 0; i < steps && d.state.status !== "ended"; i++) {
    const step = randomStep(d.state, pick, rng);
    d.try(step.actor, step.command, 1000 + Math.floor(rng() * 60_000));
  }
  return d;
}

/** What the engine gives for a recording: a state, or the error it threw. */
function attempt(f: () => GameState): GameState | Error {
  try {
    return f();
  } catch (err) {
    return err as Error;
  }
}

describe("checkRules", () => {
  it("replays this engine's own rules, whatever the patch", () => {
    for (const v of [ENGINE_VERSION, `${major}.${minor}.0`, `${major}.${minor}.99`]) {
      expect(checkRules(v)).toEqual({
        ok: true,
        mode: { recorded: RULES_VERSION, running: RULES_VERSION, kind: "current", switches: CURRENT_SWITCHES },
      });
    }
  });

  it("replays each kept older version with its switches, and they are the ones init applies", () => {
    for (const [rules, switches] of Object.entries(KEPT_RULES)) {
      const [m, n] = rules.split(".").map(Number) as [number, number];
      expect(m < major || (m === major && n < minor), `kept rules ${rules} are older than ${RULES_VERSION}`).toBe(true);
      expect(checkRules(`${rules}.0`)).toEqual({
        ok: true,
        mode: { recorded: rules, running: RULES_VERSION, kind: "kept", switches },
      });
      expect(init(loadScenario("tutorial"), { seed: "s", engineVersion: `${rules}.3` }).idScheme).toBe(
        switches.idScheme,
      );
    }
  });

  it("refuses older rules it does not keep, naming both versions and what to do", () => {
    for (const v of ["0.9.0", "1.0.0"].filter((x) => !(x.slice(0, 3) in KEPT_RULES))) {
      const r = checkRules(v, "this server");
      const rules = v.slice(0, 3);
      expect(r).toEqual({
        ok: false,
        recorded: rules,
        running: RULES_VERSION,
        message:
          `Recorded under rules ${rules}; this server runs ${RULES_VERSION}, which no longer keeps the rules of ${rules} ` +
          `and does not replay a recording under other rules. Open it with a Deconflict whose engine is ${rules}.x, which plays them.`,
      });
    }
  });

  it("refuses rules from a newer engine, the next minor as much as a future major", () => {
    for (const v of ["9.0.0", `${major}.${minor + 1}.0`, `${major + 1}.0.0`]) {
      const r = checkRules(v, "this viewer");
      const rules = v.split(".").slice(0, 2).join(".");
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.message).toBe(
        `Recorded under rules ${rules}; this viewer runs ${RULES_VERSION}. A newer Deconflict made it: ` +
          `open it with a Deconflict whose engine is ${rules}.x, or update this one.`,
      );
    }
  });

  it("refuses an engine version Deconflict never writes", () => {
    for (const v of ["", "banana", "1.2", "v1.2.0", "1.2.0-beta", " 1.2.0"]) {
      const r = checkRules(v);
      expect(r.ok, v).toBe(false);
      if (!r.ok)
        expect(r.message).toBe(
          `Recorded under rules ${JSON.stringify(v)}, which is not a Deconflict version (major.minor.patch, e.g. ${ENGINE_VERSION}); ` +
            `this Deconflict runs ${RULES_VERSION}. It was not made by Deconflict, so it is not replayed.`,
        );
    }
    const long = checkRules("9".repeat(200));
    expect(!long.ok && long.message.length).toBeLessThan(300);
  });
});

describe("replaying a recording made under older rules", () => {
  const kept = Object.entries(KEPT_RULES);

  it.each(kept.flatMap(([rules]) => scenarioFiles().map((f) => [rules, f.replace(/\.json$/, "")])))(
    "rules %s, %s: the kept rules give the identical state at every step",
    (rules, scenarioId) => {
      const v = `${rules}.0`;
      // a short scenario can end early: play fresh exercises until one has enough in it
      let d = playedUnder(scenarioId, v, `kept-${rules}`);
      for (let k = 1; k < 6 && d.commands.length <= 20; k++) d = playedUnder(scenarioId, v, `kept-${rules}-${k}`);
      expect(d.commands.length).toBeGreaterThan(20);
      const rec = { ...d.recording(), engineVersion: v };
      expect(replay(rec)).toEqual(d.state);
      let steps = 0;
      for (const s of replaySteps(rec)) expect(s.seq).toBe(d.commands[steps++]!.seq);
      expect(steps).toBe(d.commands.length);
      // the switches matter: this engine's own rules give other ids, or refuse a command that used the old ones
      if (KEPT_RULES[rules]!.idScheme !== CURRENT_SWITCHES.idScheme) {
        const other = attempt(() => replay({ ...rec, engineVersion: ENGINE_VERSION }));
        if (other instanceof Error) expect(other).toBeInstanceOf(ReplayError);
        else expect(other).not.toEqual(d.state);
      }
    },
  );

  it("a real recording exported by engine 1.1.0 is replayed by the kept rules, or refused by name", () => {
    const file = new URL("../fixtures/recordings/tutorial-final.recording.json", import.meta.url);
    const loaded = loadRecording(JSON.parse(readFileSync(file, "utf8")));
    if (!loaded.ok) throw new Error(loaded.error);
    const rec = loaded.recording;
    expect(rec.engineVersion).toBe("1.1.0");
    const parsed = parseScenario(rec.scenario);
    if (!parsed.ok) throw new Error("fixture scenario");
    const input = { ...rec, scenario: parsed.scenario };
    const check = checkRules(rec.engineVersion);
    if (check.ok) {
      const s = replay(input);
      expect(s.seq).toBe(rec.commands.length);
      expect(s.idScheme).toBe(check.mode.switches.idScheme);
      expect([...replaySteps(input)].at(-1)).toEqual(s);
    } else {
      expect(() => replay(input)).toThrow(new RulesError(check));
    }
  });

  it("the engine refuses to replay, by name, a recording whose rules it does not play", () => {
    const d = playedUnder("tutorial", ENGINE_VERSION, "refused", 60);
    for (const v of ["0.9.0", "9.0.0", `${major}.${minor + 1}.0`]) {
      const rec = { ...d.recording(), engineVersion: v };
      const check = checkRules(v);
      if (check.ok) throw new Error(`${v} should be refused`);
      const refused = attempt(() => replay(rec));
      expect(refused).toBeInstanceOf(RulesError);
      expect((refused as RulesError).message).toBe(check.message);
      expect((refused as RulesError).message).toContain(
        `Recorded under rules ${v.split(".").slice(0, 2).join(".")}; this Deconflict runs ${RULES_VERSION}`,
      );
      expect(() => replaySteps(rec).next()).toThrow(RulesError);
      expect(() => replay(rec, 0)).toThrow(RulesError);
    }
    // the same recording under its own rules replays as it was played
    expect(replay({ ...d.recording(), engineVersion: ENGINE_VERSION })).toEqual(d.state);
  });
});
