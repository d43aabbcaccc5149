// The turn summary's figures: escalation from → to with each cause, each
// state's sectors, standing and pressure against the board seen before the
// adjudication, trust between pairs; each viewer's from its own view.
import { describe, expect, it } from "vitest";
import { view, type Viewer } from "../../shared/engine/index.ts";
import { baselineOf, turnSummary } from "../../client/panels/turn-summary.ts";
import { Driver, control, team } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const CONTROL: Viewer = { role: "facilitator" };
const AUSTRAL: Viewer = { role: "team", teamId: "austral" };

/** Turn 1 of the tutorial: Borealis disrupts Austral's energy covertly; the baseline is taken in the decision phase. */
function disrupted() {
  const d = new Driver(loadScenario("tutorial"), "summary-figures");
  d.do(control, { type: "exercise.start" });
  d.advanceTo("decision");
  d.do(team("borealis"), {
    type: "orders.submit",
    actions: [{ actionId: "disrupt", target: "austral", sector: "energy" }],
  });
  d.do(team("austral"), { type: "orders.submit", actions: [{ actionId: "harden" }] });
  const before = { control: baselineOf(view(d.state, CONTROL)), austral: baselineOf(view(d.state, AUSTRAL)) };
  d.advanceTo("adjudication");
  return { d, before };
}

describe("the turn summary's figures", () => {
  it("gives escalation from → to, its causes summing to the change", () => {
    const { d, before } = disrupted();
    const s = turnSummary(view(d.state, CONTROL), 1, before.control);
    const record = d.state.history.at(-1)!;
    expect(s.escalation?.from).toBe(record.escalationBefore);
    expect(s.escalation?.to).toBe(record.escalationAfter);
    const sum = s.escalation!.causes.reduce((n, c) => n + c.delta, 0);
    expect(sum).toBe(record.escalationAfter - record.escalationBefore);
    expect(s.escalation!.causes.length).toBeGreaterThan(0);
  });

  it("gives each sector, standing and pressure that moved, from the baseline", () => {
    const { d, before } = disrupted();
    const v = view(d.state, CONTROL);
    const s = turnSummary(v, 1, before.control);
    const austral = s.teams.find((t) => t.id === "austral")!;
    const energy = austral.sectors.find((x) => x.kind === "energy")!;
    const now = v.teams.find((t) => t.id === "austral")!.sectors.find((x) => x.kind === "energy")!.health;
    expect(energy).toMatchObject({ from: before.control.teams.austral!.sectors.energy, to: now });
    expect(energy.from).not.toBe(energy.to);
    for (const t of s.teams) {
      const was = before.control.teams[t.id]!;
      expect(t.standing.from).toBe(was.standing);
      expect(t.pressure.from).toBe(was.pressure);
    }
  });

  it("tells Austral the covert act's escalation by its public cause, never the actor", () => {
    const { d, before } = disrupted();
    const s = turnSummary(view(d.state, AUSTRAL), 1, before.austral);
    // Borealis's domestic pressure is on everyone's board: a cause naming it tells nothing of the act
    const aboutTheAct = (texts: string[]) =>
      texts.filter((t) => !/^domestic pressure in \w+ \(\d+\)$/.test(t)).join("\n");
    const causes = aboutTheAct(s.escalation!.causes.map((c) => c.text));
    expect(causes).toContain("hostile cyber activity");
    expect(causes).not.toMatch(/Borealis/);
    // control's names the act
    const ctl = turnSummary(view(d.state, CONTROL), 1, before.control);
    expect(aboutTheAct(ctl.escalation!.causes.map((c) => c.text))).toMatch(/Borealis/);
  });

  it("without a baseline of the turn, shows values without a before", () => {
    const { d, before } = disrupted();
    const stale = { ...before.control, turn: 0 };
    const s = turnSummary(view(d.state, CONTROL), 1, stale);
    expect(s.teams.length).toBe(2);
    expect(s.teams.every((t) => t.standing.from === null && t.pressure.from === null)).toBe(true);
    expect(s.trust).toEqual([]);
  });
});
