// The replay's timeline and the markers on its escalation curve come from
// event fields, and each point of view gets the markers of the events its own
// view (the engine's view of the state at that step) delivered.
import { describe, expect, it } from "vitest";
import { view, type Viewer } from "../../shared/engine/index.ts";
import { Timeline } from "../../client/replay/timeline.ts";
import { markersFor, type Marker } from "../../client/replay/markers.ts";
import { Driver, control, team } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const SECRET = "Borealis eyes only: Austral units stood down";
const CONTROL: Viewer = { role: "facilitator" };
const OBSERVERS: Viewer = { role: "observer" };
const MEDIATOR: Viewer = { role: "mediator" };
const asTeam = (teamId: string): Viewer => ({ role: "team", teamId });

/** Two turns of the tutorial: a secret inject, hotline traffic before and after observers may see it all. */
function played(): Driver {
  const d = new Driver(loadScenario("tutorial"), "markers");
  d.do(control, { type: "exercise.start" });
  d.do(control, {
    type: "inject.create",
    title: SECRET,
    body: "Signals intelligence.",
    channel: "intelligence",
    audience: ["borealis"],
  });
  d.advanceTo("deliberation");
  d.do(team("borealis"), { type: "hotline.send", to: "austral", kind: "confirm", text: "Was it you?" });
  const ask = d.state.messages.at(-1)!.id;
  d.do(team("austral"), { type: "hotline.send", to: "borealis", kind: "assess", text: "No.", replyTo: ask });
  d.do(control, { type: "observers.visibility", seeAll: true });
  d.do(team("austral"), { type: "hotline.send", to: "mediator", kind: "convene", text: "Help us talk." });
  d.advanceTo("decision");
  d.do(team("borealis"), { type: "orders.submit", actions: [{ actionId: "probe", target: "austral" }] });
  d.advanceTo("adjudication");
  d.advanceTo("summary");
  d.advanceTo("adjudication");
  return d;
}

/** The timeline of a recording, once every state is computed. */
async function timelineOf(d: Driver): Promise<Timeline> {
  const r = d.recording();
  const t = new Timeline(r.scenario, r.seed, r.title, r.commands);
  await new Promise<void>((done) => {
    if (t.done) return done();
    t.onProgress((p) => p.done && done());
  });
  expect(t.error).toBeNull();
  return t;
}

const of = (ms: Marker[], kind: Marker["kind"]) => ms.filter((m) => m.kind === kind);
const seqOf = (d: Driver, pred: (c: Driver["commands"][number]) => boolean) =>
  d.commands.filter(pred).map((c) => c.seq);

describe("the replay's markers", () => {
  it("mark each adjudication at its command, with the turn.resolved event's numbers", async () => {
    const d = played();
    const t = await timelineOf(d);
    const decisions = of(markersFor(t, asTeam("austral")), "decision");
    expect(decisions.map((m) => m.ref)).toEqual(["turn-1", "turn-2"]);
    for (const [i, m] of decisions.entries()) {
      const h = d.state.history[i]!;
      // the state after the marked step is the first with this turn's record
      expect(t.state(m.step).history.length).toBe(i + 1);
      expect(t.state(m.step - 1).history.length).toBe(i);
      expect(m.short).toBe(`Turn ${h.turn}: ${h.escalationBefore} → ${h.escalationAfter}`);
      expect(m.label).toMatch(new RegExp(`^Turn ${h.turn} resolved: escalation ${h.escalationBefore} → `));
    }
    // turn starts come from the events that began each turn
    const starts = d.commands.filter((c, i) => i > 0 && t.state(c.seq).turn !== t.state(c.seq - 1).turn);
    expect(t.turnStarts).toEqual([
      { step: seqOf(d, (c) => c.command.type === "exercise.start")[0], turn: 1 },
      ...starts.map((c) => ({ step: c.seq, turn: t.state(c.seq).turn })),
    ]);
  });

  it("show an inject only to the points of view it was released to", async () => {
    const d = played();
    const t = await timelineOf(d);
    const created = seqOf(d, (c) => c.command.type === "inject.create")[0]!;
    const secret = (v: Viewer) => of(markersFor(t, v), "inject").filter((m) => m.step === created);
    expect(secret(CONTROL).map((m) => m.label)).toEqual([`Inject released · turn 1 · Intelligence: ${SECRET}`]);
    expect(secret(asTeam("borealis"))).toHaveLength(1);
    expect(secret(asTeam("austral"))).toEqual([]);
    expect(secret(MEDIATOR)).toEqual([]);
    // every point of view's inject markers are exactly the releases its log holds
    for (const v of [CONTROL, asTeam("borealis"), asTeam("austral"), MEDIATOR]) {
      const released = view(t.state(t.ready - 1), v).log.filter((e) => e.type === "inject.released");
      expect(of(markersFor(t, v), "inject").map((m) => m.ref)).toEqual(
        released.map((e) => (e.type === "inject.released" ? e.inject : "")),
      );
    }
    expect(JSON.stringify(markersFor(t, asTeam("austral")))).not.toContain(SECRET);
  });

  it("show hotline messages to their parties, and to observers only once they see every channel", async () => {
    const d = played();
    const t = await timelineOf(d);
    const sent = seqOf(d, (c) => c.command.type === "hotline.send");
    expect(sent).toHaveLength(3);
    const [ask, answer, convene] = sent as [number, number, number];
    const steps = (v: Viewer) => of(markersFor(t, v), "hotline").map((m) => m.step);
    expect(steps(CONTROL)).toEqual([ask, answer, convene]);
    expect(steps(asTeam("borealis"))).toEqual([ask, answer]);
    expect(steps(asTeam("austral"))).toEqual([ask, answer, convene]);
    expect(steps(MEDIATOR)).toEqual([convene]);
    // observers read the first two only after control let them see everything: not at the time
    expect(steps(OBSERVERS)).toEqual([convene]);
    const labels = of(markersFor(t, asTeam("borealis")), "hotline").map((m) => m.label);
    expect(labels[0]).toBe("Hotline message · turn 1 · Hotline Borealis → Austral (confirm)");
    expect(labels[1]).toMatch(/^Hotline message · turn 1 · Austral answered a “confirm” message from Borealis after /);
  });
});
