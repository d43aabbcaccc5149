// Control's levers of rules 3.0: state.set (a value set by hand with a reason,
// told to whom control chooses) and ad-hoc injects that carry effects and an incident.
import { describe, expect, it } from "vitest";
import { Driver, control, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { replay, view, type Viewer } from "../../shared/engine/index.ts";
import { ENGINE_VERSION } from "../../shared/engine/version.ts";
import { command, type CommandInput } from "../../shared/protocol/commands.ts";
import { describe as words } from "../../shared/words/index.ts";
import { describeCommand } from "../../shared/words/commands.ts";

const started = () => {
  const d = new Driver(fixture(), "set-seed");
  d.do(control, { type: "exercise.start" });
  return d;
};
const set = (change: object, tell: unknown = "all", reason = "Control's call"): CommandInput =>
  ({ type: "state.set", change, reason, tell }) as CommandInput;
const alpha: Viewer = { role: "team", teamId: "alpha" };
const beta: Viewer = { role: "team", teamId: "beta" };
const gamma: Viewer = { role: "team", teamId: "gamma" };
const lastSet = (d: Driver, v: Viewer) =>
  view(d.state, v)
    .log.filter((e) => e.type === "value.set")
    .at(-1);

describe("state.set", () => {
  it("sets each kind of value, recorded with its reason, and replays exactly", () => {
    const d = started();
    const was = {
      standing: d.state.teams.gamma!.standing,
      pressure: d.state.teams.beta!.pressure,
      esc: d.state.escalation,
    };
    const trustWas = d.state.trust["alpha|beta"] ?? d.state.scenario.trust.default;
    d.do(control, set({ what: "trust", a: "beta", b: "alpha", value: 12 }));
    d.do(control, set({ what: "standing", team: "gamma", value: 81 }));
    d.do(control, set({ what: "pressure", team: "beta", value: 64.5 }));
    d.do(control, set({ what: "sector", team: "alpha", sector: "health", value: 20 }));
    d.do(control, set({ what: "escalation", value: 45 }, "all", "Markets crash"));
    expect(d.state.trust["alpha|beta"]).toBe(12);
    expect(d.state.teams.gamma!.standing).toBe(81);
    expect(d.state.teams.beta!.pressure).toBe(64.5);
    expect(d.state.teams.alpha!.sectors.find((x) => x.kind === "health")!.health).toBe(20);
    expect(d.state.escalation).toBe(45);
    const log = view(d.state, gamma).log;
    const said = log.filter((e) => ["value.set", "sector.changed", "redline.crossed"].includes(e.type));
    expect(said.map((e) => words(e, d.state.scenario, gamma))).toEqual([
      `Control set trust between Beta and Alpha to 12 (was ${trustWas}): Control's call`,
      `Control set Gamma's international standing to 81 (was ${was.standing}): Control's call`,
      `Control set domestic pressure in Beta to 64.5 (was ${was.pressure}): Control's call`,
      "Control set the health of Alpha's Alpha Hospitals (health) to 20 (was 100): Control's call",
      "Alpha: Alpha Hospitals (health) is down — health 20",
      `Control set escalation to 45 (was ${was.esc}): Markets crash`,
      // the fixture's red line is at "crisis" (40): setting 45 crosses it, out loud
      "Red line crossed: Open crisis",
    ]);
    const moved = log.find((e) => e.type === "escalation.changed" && e.to === 45);
    expect(moved && words(moved, d.state.scenario, gamma)).toContain("set by control");
    expect(replay({ ...d.recording(), engineVersion: ENGINE_VERSION })).toEqual(d.state);
    const rc = d.commands.at(-1)!;
    expect(describeCommand(rc, d.state.scenario, { events: [] })).toBe("set escalation to 45: Markets crash");
  });

  it("tells only whom control chose; nobody else learns of it, nor whom else it told", () => {
    const d = started();
    d.do(control, set({ what: "standing", team: "alpha", value: 30 }, ["alpha"], "SECRET-REASON-1"));
    d.do(control, set({ what: "pressure", team: "beta", value: 70 }, "control", "SECRET-REASON-2"));
    expect(lastSet(d, alpha)?.type).toBe("value.set");
    expect(JSON.stringify(lastSet(d, alpha))).not.toContain("tell");
    for (const v of [beta, gamma, { role: "mediator" }, { role: "observer" }, { role: "public" }] as Viewer[])
      expect(JSON.stringify(view(d.state, v).log), JSON.stringify(v)).not.toContain("SECRET-REASON-1");
    for (const v of [alpha, beta, gamma, { role: "mediator" }, { role: "observer" }, { role: "public" }] as Viewer[])
      expect(JSON.stringify(view(d.state, v).log), JSON.stringify(v)).not.toContain("SECRET-REASON-2");
    expect(JSON.stringify(view(d.state, { role: "facilitator" }).log)).toContain("SECRET-REASON-2");
  });

  it("sets an incident's evidence, told only to those who know of the incident", () => {
    const d = started();
    d.do(control, {
      type: "inject.create",
      title: "Pipeline sabotage",
      body: "A pumping station is down",
      audience: ["beta"],
      incident: {
        title: "Pipeline sabotage",
        victim: "beta",
        sector: "water",
        severity: 2,
        culprit: "gamma",
        suspect: null,
        confidence: 0.2,
      },
    });
    const inc = d.state.incidents.at(-1)!;
    expect(
      d.try(control, set({ what: "evidence", incident: inc.id, confidence: 0.7, suspect: "gamma" }, ["alpha"])),
    ).toBe("tell.0: Alpha does not know of “Pipeline sabotage”; tell only those who do");
    d.do(
      control,
      set({ what: "evidence", incident: inc.id, confidence: 0.7, suspect: "gamma" }, "all", "Forensics came in"),
    );
    expect(d.state.incidents.at(-1)!.evidence).toEqual({ suspect: "gamma", confidence: 0.7 });
    const told = lastSet(d, beta);
    expect(told && words(told, d.state.scenario, beta)).toBe(
      "Control set confidence in the evidence on “Pipeline sabotage” to 70% (was 20%), pointing at Gamma: Forensics came in",
    );
    expect(view(d.state, beta).incidents.find((i) => i.id === inc.id)!.evidence.confidence).toBe(0.7);
    expect(JSON.stringify(view(d.state, alpha))).not.toContain("Pipeline sabotage");
  });

  it("refuses bad values with a message naming the field, and changes nothing", () => {
    const d = started();
    const before = d.state;
    const refusals: [CommandInput, string][] = [
      [
        set({ what: "standing", team: "nope", value: 5 }),
        "change.team: there is no state “nope” (states: alpha, beta, gamma)",
      ],
      [set({ what: "trust", a: "alpha", b: "alpha", value: 5 }), "change.b: trust is between two different states"],
      [set({ what: "sector", team: "gamma", sector: "energy", value: 5 }), "change.sector: Gamma has no energy sector"],
      [
        set({ what: "evidence", incident: "incident-x", confidence: 0.5 }),
        "change.incident: there is no incident “incident-x”",
      ],
      [
        set({ what: "standing", team: "alpha", value: before.teams.alpha!.standing }),
        `change.value: it is already ${before.teams.alpha!.standing}`,
      ],
      [set({ what: "pressure", team: "alpha", value: 5 }, ["zeta"]), "tell.0: there is no state “zeta”"],
    ];
    for (const [cmd, message] of refusals) expect(d.try(control, cmd)).toBe(message);
    expect(d.state).toBe(before);
    expect(d.try(team("alpha"), set({ what: "standing", team: "alpha", value: 90 }))).toBe(
      "Only the facilitator can do this",
    );
    expect(new Driver(fixture()).try(control, set({ what: "escalation", value: 5 }))).toBe(
      "Start the exercise before setting values",
    );
  });

  it("the schema refuses values off the scale, naming the field", () => {
    const bad = command.safeParse(set({ what: "escalation", value: 820 }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path.join(".")).toBe("change.value");
    expect(bad.error?.issues[0]?.message).toBe("at most 100 (the scale runs from 0 to 100)");
    const conf = command.safeParse(set({ what: "evidence", incident: "i", confidence: 0.99 }));
    expect(conf.error?.issues[0]?.path.join(".")).toBe("change.confidence");
    expect(conf.error?.issues[0]?.message).toBe("at most 0.95 (evidence is never certain)");
  });

  it("is refused in an exercise created under older rules", () => {
    const d = started();
    d.state = { ...d.state, engineVersion: "2.2.0" };
    expect(d.try(control, set({ what: "escalation", value: 5 }))).toBe(
      "This exercise runs rules 2.2, from before control setting values; create a new exercise for that",
    );
  });
});

describe("ad-hoc injects with effects and an incident", () => {
  it("applies its effects and creates its incident on release, and replays exactly", () => {
    const d = started();
    d.do(control, {
      type: "inject.create",
      title: "Grid failure",
      body: "The Alpha grid is failing",
      audience: ["all"],
      effects: [
        { type: "sector", team: "alpha", sector: "energy", delta: -40 },
        { type: "escalation", delta: 6 },
        { type: "trust", a: "alpha", b: "gamma", delta: -10 },
      ],
      incident: {
        title: "Grid failure",
        victim: "alpha",
        sector: "energy",
        severity: 3,
        culprit: null,
        suspect: "beta",
        confidence: 0.4,
        public: true,
      },
    });
    expect(d.state.escalation).toBe(26);
    expect(d.state.teams.alpha!.sectors.find((x) => x.kind === "energy")!.health).toBeLessThan(100);
    const inc = d.state.incidents.at(-1)!;
    expect(inc).toMatchObject({ title: "Grid failure", victim: "alpha", public: true, source: { kind: "inject" } });
    expect(view(d.state, gamma).incidents.map((i) => i.title)).toContain("Grid failure");
    expect(replay({ ...d.recording(), engineVersion: ENGINE_VERSION })).toEqual(d.state);
  });

  it("refuses what a scenario's validator refuses, naming the field", () => {
    const d = started();
    const base = { type: "inject.create" as const, title: "T", body: "B", audience: ["all"] };
    expect(
      d.try(control, { ...base, effects: [{ type: "sector", team: "gamma", sector: "energy", delta: -5 }] }),
    ).toMatch(/^effects\[0\]/);
    expect(
      d.try(control, {
        ...base,
        incident: {
          title: "X",
          victim: "gamma",
          sector: "water",
          severity: 1,
          culprit: null,
          suspect: null,
          confidence: 0.5,
        },
      }),
    ).toBe('incident.sector: team "gamma" has no water sector');
    expect(
      d.try(control, {
        ...base,
        incident: {
          title: "X",
          victim: "zeta",
          sector: "water",
          severity: 1,
          culprit: null,
          suspect: null,
          confidence: 0.5,
        },
      }),
    ).toMatch(/^incident\.victim: unknown team "zeta"/);
    expect(d.state.injects.filter((i) => i.adhoc)).toEqual([]);
  });

  it("without effects or an incident is the plain ad-hoc inject, under older rules too", () => {
    const d = started();
    d.state = { ...d.state, engineVersion: "2.2.0" };
    d.do(control, { type: "inject.create", title: "Plain", body: "Text only", audience: ["all"] });
    expect(
      d.try(control, {
        type: "inject.create",
        title: "T",
        body: "B",
        audience: ["all"],
        effects: [{ type: "escalation", delta: 1 }],
      }),
    ).toBe(
      "This exercise runs rules 2.2, from before ad-hoc injects with effects and incidents; create a new exercise for that",
    );
  });
});
