// The turn summary's full list is computed from the events of the board's view:
// each viewer's holds what its view delivers (chosen and redacted by the
// engine), in shared/words' words; control's is complete.
import { describe, expect, it } from "vitest";
import { view, type GameState, type Viewer } from "../../shared/engine/index.ts";
import { resultsOf } from "../../client/panels/results.ts";
import { Driver, control, team } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const CONTROL: Viewer = { role: "facilitator" };
const OBSERVERS: Viewer = { role: "observer" };
const teamView = (teamId: string): Viewer => ({ role: "team", teamId });
const card = (s: GameState, v: Viewer, turn = s.turn) => resultsOf(view(s, v), turn);
const texts = (s: GameState, v: Viewer, turn = s.turn) => card(s, v, turn).map((l) => l.text);

/** Turn 1 of the tutorial up to its adjudication, Borealis acting covertly against Austral. */
function covert(action = "probe", sector?: "energy"): Driver {
  const d = new Driver(loadScenario("tutorial"), "results-card");
  d.do(control, { type: "exercise.start" });
  d.advanceTo("decision");
  d.do(team("borealis"), { type: "orders.submit", actions: [{ actionId: action, target: "austral", sector }] });
  d.do(team("austral"), { type: "orders.submit", actions: [{ actionId: "harden" }] });
  d.advanceTo("adjudication");
  return d;
}
const covertProbe = () => covert();

describe("the turn-results card", () => {
  it("leads with the turn's summary, from the turn.resolved event's fields", () => {
    const d = covertProbe();
    const resolved = d.state.log.find((e) => e.type === "turn.resolved");
    if (resolved?.type !== "turn.resolved") throw new Error("no turn.resolved event");
    const record = d.state.history.at(-1)!;
    expect([resolved.from, resolved.to]).toEqual([record.escalationBefore, record.escalationAfter]);
    const rung = d.scenario.ladder.rungs.find((r) => r.id === resolved.rung)!.name;
    for (const v of [CONTROL, OBSERVERS, teamView("borealis"), teamView("austral")]) {
      const lines = card(d.state, v);
      expect(lines[0]!.event.type).toBe("turn.resolved");
      expect(lines[0]!.text).toBe(`Turn 1 resolved: escalation ${resolved.from} → ${resolved.to} (“${rung}”)`);
      expect(lines[0]!.label).toBe("Flow");
      // nothing from another phase, and not the phase's own beginning
      expect(lines.every((l) => l.event.turn === 1 && l.event.phase === "adjudication")).toBe(true);
      expect(lines.some((l) => l.event.type === "phase.began")).toBe(false);
    }
  });

  it("is complete for control (the projector has its own public view), told to others by the public cause", () => {
    // an unprovoked covert disruption: control's summary names who did it; observers read its public cause
    const d = covert("disrupt", "energy");
    const disrupt = d.scenario.actions.find((a) => a.id === "disrupt")!.name;
    const ctl = texts(d.state, CONTROL).join("\n");
    expect(ctl).toContain(`Borealis: ${disrupt} → Austral (energy)`);
    expect(ctl).toMatch(/Borealis's disproportionate action/);
    const obs = card(d.state, OBSERVERS);
    expect(obs.every((l) => l.event.audience === undefined)).toBe(true);
    const text = obs.map((l) => l.text).join("\n");
    expect(text).not.toContain(`Borealis: ${disrupt}`);
    expect(text).not.toMatch(/covert|Borealis's disproportionate|roll|really done by/);
    const caused = obs.filter((l) => l.event.type === "escalation.changed" && /^(action|dis)/.test(l.event.cause.kind));
    expect(caused).toEqual([]);
    expect(text).toContain("hostile cyber activity");
  });

  it("shows each team what its own view holds of the turn", () => {
    const d = covertProbe();
    const probe = d.scenario.actions.find((a) => a.id === "probe")!.name;
    const borealis = texts(d.state, teamView("borealis"));
    expect(borealis).toContain(`Borealis: ${probe} → Austral`);
    // Austral saw the probe, but not who did it
    const austral = texts(d.state, teamView("austral"));
    expect(austral).toContain(`Austral observed “${probe}” by unidentified actors and read it correctly`);
    // Borealis's domestic pressure is on everyone's board: a line naming it tells nothing of the probe
    const aboutTheProbe = austral.filter((t) => !/: domestic pressure in Borealis \(\d+\)/.test(t));
    expect(aboutTheProbe.join("\n")).not.toMatch(/Borealis|covert/);
    // a public act is on both cards; each team's orders being carried out only on its own
    const harden = d.scenario.actions.find((a) => a.id === "harden")!.name;
    expect(austral).toContain(`Austral: ${harden}`);
    expect(borealis).toContain(`Austral: ${harden}`);
    expect(borealis).toContain("Borealis's orders for turn 1 were carried out");
    expect(borealis.join("\n")).not.toContain("Austral's orders");
    expect(austral).toContain("Austral's orders for turn 1 were carried out");
    expect(austral.join("\n")).not.toContain("Borealis's orders");
  });

  it("puts a red line crossed during adjudication right after the summary", () => {
    const d = covertProbe();
    const line = d.scenario.ladder.redLines[0]!;
    const from = d.scenario.ladder.rungs.find((r) => r.id === line.rung)!.from;
    d.do(control, { type: "escalation.adjust", delta: from - d.state.escalation + 1, reason: "a test push" });
    const lines = card(d.state, teamView("austral"));
    expect(lines.map((l) => l.event.type).slice(0, 2)).toEqual(["turn.resolved", "redline.crossed"]);
    expect(lines[1]!.text).toBe(`Red line crossed: ${line.name}`);
    expect(
      lines.some((l) => l.event.type === "escalation.changed" && l.text.includes("control adjustment — a test push")),
    ).toBe(true);
  });

  it("is the asked turn's: turn 2's card holds nothing of turn 1", () => {
    const d = covertProbe();
    const turn1 = new Set(card(d.state, CONTROL).map((l) => l.event.id));
    d.advanceTo("decision");
    d.do(team("borealis"), { type: "orders.submit", actions: [] });
    d.advanceTo("adjudication");
    expect(d.state.turn).toBe(2);
    const lines = card(d.state, teamView("borealis"));
    expect(lines[0]!.text).toMatch(/^Turn 2 resolved: escalation/);
    expect(lines.some((l) => turn1.has(l.event.id))).toBe(false);
    // turn 1's card can still be asked for
    expect(card(d.state, CONTROL, 1).map((l) => l.event.id)).toEqual([...turn1]);
  });
});
