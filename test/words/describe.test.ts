import { describe as suite, expect, it } from "vitest";
import { Driver, control, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { view, type EventView, type StoredEvent, type Viewer } from "../../shared/engine/index.ts";
import {
  conditionWords,
  describe,
  describeBreach,
  duration,
  fmt,
  partyName,
  pct,
  scheduleWords,
  signed,
} from "../../shared/words/index.ts";
import type { Condition } from "../../shared/scenario/schema.ts";

// played under rules 2.2, the rules this story was written for: rules 3.0 retune the crisis model (issue 12)
const PLAYED_UNDER = "2.2.0";

const CONTROL: Viewer = { role: "facilitator" };
const asTeam = (teamId: string): Viewer => ({ role: "team", teamId });

/** The sentences a viewer reads in its own log (its view, redacted by the engine). */
function told(d: Driver, viewer: Viewer, type: StoredEvent["type"]): string[] {
  return view(d.state, viewer)
    .log.filter((e: EventView) => e.type === type)
    .map((e) => describe(e, d.state.scenario, viewer));
}

function inDecision(edit?: Parameters<typeof fixture>[0]): Driver {
  const d = new Driver(fixture(edit), undefined, PLAYED_UNDER);
  d.do(control, { type: "exercise.start" });
  d.advanceTo("decision");
  return d;
}

suite("describe: an event in words for one viewer", () => {
  it("a covert act: its target reads 'unidentified actors', control names the actor and the dice", () => {
    const d = inDecision();
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "probe", target: "beta" }] });
    d.do(control, { type: "phase.advance" });
    const e = d.state.log.find((x) => x.type === "misperception")!;
    if (e.type !== "misperception") throw new Error("no misperception");
    expect(told(d, asTeam("beta"), "misperception")).toEqual([
      "Beta reads activity from unidentified actors as “Attack preparation”",
    ]);
    expect(told(d, CONTROL, "misperception")).toEqual([
      `Misperception: Beta read Alpha's “Probe” as “Attack preparation” (roll ${e.roll.toFixed(2)} < 1.00)`,
    ]);
    // handed the whole event, describe still tells the target only what it may know
    const sc = d.state.scenario;
    expect(describe(e, sc, asTeam("beta"))).toBe(
      "Beta reads activity from unidentified actors as “Attack preparation”",
    );
    // the actor reads its own covert act plainly; control reads that it was covert
    expect(told(d, asTeam("alpha"), "action.resolved")).toEqual(["Alpha: Probe → Beta"]);
    expect(told(d, CONTROL, "action.resolved")).toEqual(["(covert) Alpha: Probe → Beta"]);
    expect(told(d, asTeam("beta"), "action.resolved")).toEqual([]);
  });

  it("an identified actor is named to its target, without the dice", () => {
    const d = inDecision((s) => (s.actions!.find((a) => a.id === "probe")!.visibility = "target"));
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "probe", target: "beta" }] });
    d.do(control, { type: "phase.advance" });
    expect(told(d, asTeam("beta"), "misperception")).toEqual([
      "Beta reads activity from Alpha as “Attack preparation”",
    ]);
  });

  it("a misattribution: the accuser hears no verdict, the accused knows it is false, control knows who did it", () => {
    const d = new Driver(fixture(), undefined, PLAYED_UNDER);
    d.do(control, { type: "exercise.start" });
    d.advanceTo("decision");
    const inc = d.state.incidents[0]!;
    d.do(team("beta"), {
      type: "orders.submit",
      actions: [{ actionId: "attribute", incidentId: inc.id, target: "alpha" }],
    });
    d.do(control, { type: "phase.advance" });
    const made = "Beta publicly attributes “Grid hack” to Alpha (evidence confidence 40%)";
    expect(told(d, asTeam("beta"), "attribution.made")).toEqual([made]);
    expect(told(d, { role: "observer" }, "attribution.made")).toEqual([made]);
    expect(told(d, asTeam("alpha"), "attribution.made")).toEqual([
      `${made}. Alpha knows the accusation is false: it did not do this`,
    ]);
    expect(told(d, CONTROL, "attribution.made")).toEqual([`${made}. Misattribution: it was done by Gamma, not Alpha`]);
    expect(told(d, asTeam("beta"), "attribution.questioned")).toEqual([
      "Observers question Beta's attribution: the evidence was weak (40%)",
    ]);
  });

  it("an incident whose evidence points the wrong way: control reads the truth, the victim does not", () => {
    const d = new Driver(fixture(), undefined, PLAYED_UNDER);
    d.do(control, { type: "exercise.start" });
    d.advanceTo("deliberation");
    const told0 = "Incident in Beta (energy): Grid hack — evidence points to Alpha, confidence 40%";
    expect(told(d, asTeam("beta"), "incident.occurred")).toEqual([told0]);
    expect(told(d, CONTROL, "incident.occurred")).toEqual([`${told0}. Control: it was really done by Gamma`]);
  });

  it("a cause that names a secret inject reads 'new developments' to those it was not released to", () => {
    const d = new Driver(
      fixture((s) => (s.injects!.find((i) => i.id === "alpha-intel")!.effects = [{ type: "escalation", delta: 5 }])),
    );
    d.do(control, { type: "exercise.start" });
    expect(told(d, asTeam("beta"), "escalation.changed")).toEqual(["Escalation +5 → 25: new developments"]);
    expect(told(d, asTeam("alpha"), "escalation.changed")).toEqual(["Escalation +5 → 25: inject “Alpha intel”"]);
    expect(told(d, CONTROL, "escalation.changed")).toEqual(["Escalation +5 → 25: inject “Alpha intel”"]);
  });

  it("flow, orders and the hotline read as the log always did", () => {
    const d = new Driver(fixture(), undefined, PLAYED_UNDER);
    d.do(control, { type: "exercise.start" });
    expect(told(d, asTeam("gamma"), "phase.began")).toEqual(["Turn 1 of 3: Briefing"]);
    d.advanceTo("deliberation");
    d.do(team("alpha"), { type: "hotline.send", to: "beta", kind: "confirm", text: "Is that you?" });
    d.do(team("beta"), { type: "hotline.send", to: "alpha", kind: "text", text: "No." }, 65_000);
    expect(told(d, asTeam("alpha"), "hotline.sent")).toEqual([
      "Hotline Alpha → Beta (confirm)",
      "Hotline Beta → Alpha (text)",
    ]);
    expect(told(d, asTeam("beta"), "hotline.answered")).toEqual([
      "Beta answered a “confirm” message from Alpha after 1 min 5 s",
    ]);
    expect(told(d, asTeam("gamma"), "hotline.sent")).toEqual([]);
    d.advanceTo("decision");
    d.do(team("gamma", "Gina"), {
      type: "orders.submit",
      actions: [{ actionId: "harden" }, { actionId: "calm-public" }],
    });
    expect(told(d, asTeam("gamma"), "orders.submitted")).toEqual([
      "Gina submitted Gamma's orders (2 actions, 2 points)",
    ]);
  });

  it("breach reasons and the shared formatters", () => {
    const sc = fixture();
    expect(describeBreach({ kind: "protected-sectors", sectors: ["water", "health"] }, sc)).toBe(
      "attacked protected water, health infrastructure",
    );
    expect(describeBreach({ kind: "unanswered", from: "beta" }, sc)).toBe(
      "left a hotline message from Beta unanswered",
    );
    expect([fmt(12), fmt(12.25), pct(0.456), signed(4), signed(-3), duration(250_000)]).toEqual([
      "12",
      "12.3",
      "46%",
      "+4",
      "−3",
      "4 min 10 s",
    ]);
    expect([partyName(sc, "mediator"), partyName(sc, "gamma"), partyName(sc, "all"), partyName(sc, "zeta")]).toEqual([
      "Neutral Body",
      "Gamma",
      "everyone",
      "zeta",
    ]);
  });

  it("when an inject is due: a turn's phase, a condition, or either, by the scenario's names", () => {
    const sc = fixture();
    const conditions: [Condition, string][] = [
      [{ type: "escalation", atLeastRung: "crisis" }, "when escalation reaches “Crisis”"],
      [{ type: "action", action: "probe", by: "gamma" }, "when Gamma takes “Probe”"],
      [{ type: "action", action: "harden" }, "when a team takes “Harden”"],
      [{ type: "sector-down", team: "alpha", sector: "energy" }, "when the energy sector of Alpha is down"],
      [{ type: "sector-down" }, "when a sector of any state is down"],
      [{ type: "pressure", team: "beta", atLeast: 70 }, "when domestic pressure in Beta reaches 70"],
      [{ type: "misattribution" }, "when a misattribution happens"],
      [{ type: "commitment-broken", cbm: "no-target" }, "when “No target” is broken"],
      [{ type: "commitment-broken" }, "when a commitment is broken"],
    ];
    for (const [c, words] of conditions) expect(conditionWords(c, sc)).toBe(words);
    expect(
      scheduleWords(
        [
          { kind: "turn", turn: 2, phase: "briefing" },
          { kind: "condition", when: { type: "misattribution" } },
        ],
        sc,
      ),
    ).toBe("turn 2, Briefing or when a misattribution happens");
  });
});
