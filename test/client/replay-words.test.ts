// The replay's step strip words each recorded command once, in shared/words
// (describeCommand): from the command's fields and the events it caused, never
// from a sentence. Every kind of command is played here and read back.
import { describe, expect, it } from "vitest";
import type { Command, CommandType } from "../../shared/protocol/commands.ts";
import { describeActor, describeCommand } from "../../shared/words/commands.ts";
import { Timeline } from "../../client/replay/timeline.ts";
import { Driver, control, mediator, observer, team } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const bo = team("borealis", "Bo");
const al = team("austral", "Al");

/** One exercise that issues every kind of command. */
function everyCommand(): Driver {
  const d = new Driver(loadScenario("tutorial"), "words");
  d.do(control, { type: "exercise.start" });
  d.do(control, { type: "exercise.pause", reason: "Coffee" });
  d.do(control, { type: "exercise.resume" });
  d.do(control, { type: "inject.create", title: "Leak", body: "A leak.", channel: "cert", audience: ["borealis"] });
  d.do(control, { type: "inject.hold", injectId: "markets" });
  d.do(control, { type: "inject.skip", injectId: "claim" });
  d.do(control, { type: "inject.release", injectId: "markets" });
  d.do(control, { type: "escalation.adjust", delta: 5, reason: "Pressure" });
  d.do(control, { type: "observers.visibility", seeAll: true });
  d.advanceTo("deliberation");
  d.do(bo, { type: "team.chat", text: "Ask them." });
  d.do(bo, { type: "hotline.send", to: "austral", kind: "confirm", text: "Was it you?" });
  const ask = d.state.messages.at(-1)!.id;
  d.do(al, { type: "hotline.send", to: "borealis", kind: "assess", text: "No.", replyTo: ask });
  d.do(bo, { type: "hotline.send", to: "mediator", kind: "notify", text: "We will harden." });
  d.do(mediator, { type: "hotline.relay", messageId: d.state.messages.at(-1)!.id, to: "austral" });
  d.do(mediator, { type: "mediator.verify", incidentId: d.state.incidents[0]!.id });
  d.do(mediator, { type: "mediator.convene", parties: ["borealis", "austral"], text: "Talk." });
  d.do(bo, { type: "proposal.create", kind: "cbm", cbmId: "pre-notification", parties: ["borealis", "austral"] });
  d.do(al, { type: "proposal.respond", proposalId: d.state.proposals.at(-1)!.id, accept: true });
  d.do(al, { type: "proposal.create", kind: "statement", text: "We seek calm." });
  d.do(al, { type: "proposal.withdraw", proposalId: d.state.proposals.at(-1)!.id });
  d.do(observer, { type: "note.add", text: "Good use of the hotline.", objectiveId: "use-hotline" });
  d.advanceTo("decision");
  d.do(bo, { type: "orders.submit", actions: [{ actionId: "probe", target: "austral" }] });
  d.do(bo, { type: "orders.withdraw" });
  d.do(bo, { type: "orders.submit", actions: [] });
  d.advanceTo("adjudication");
  d.do(control, { type: "exercise.end", reason: "Time is up" });
  return d;
}

async function timelineOf(d: Driver): Promise<Timeline> {
  const r = d.recording();
  const t = new Timeline(r.scenario, r.seed, r.title, r.commands);
  await new Promise<void>((done) => (t.done ? done() : void t.onProgress((p) => p.done && done())));
  expect(t.error).toBeNull();
  return t;
}

describe("describeCommand: a recorded command in words", () => {
  it("words every kind of command from its fields and the events it caused", async () => {
    const d = everyCommand();
    const t = await timelineOf(d);
    const sc = d.scenario;
    const said = new Map<CommandType, string[]>();
    for (const c of d.commands) {
      const before = t.state(c.seq - 1);
      const cmd: Command = c.command;
      const phrase = describeCommand(c, sc, {
        events: t.eventsAt(c.seq),
        proposal:
          cmd.type === "proposal.respond" || cmd.type === "proposal.withdraw"
            ? before.proposals.find((p) => p.id === cmd.proposalId)
            : null,
        relayed: cmd.type === "hotline.relay" ? before.messages.find((m) => m.id === cmd.messageId) : null,
      });
      said.set(cmd.type, [...(said.get(cmd.type) ?? []), phrase]);
      // no id, no placeholder: the words name things
      expect(phrase).not.toMatch(/undefined|null|\[object|incident-|message-|proposal-/);
    }
    const one = (type: CommandType, i = 0) => said.get(type)?.[i];
    expect([...said.keys()].sort()).toEqual(
      [
        "exercise.start",
        "exercise.pause",
        "exercise.resume",
        "exercise.end",
        "phase.advance",
        "inject.create",
        "inject.hold",
        "inject.skip",
        "inject.release",
        "escalation.adjust",
        "observers.visibility",
        "team.chat",
        "hotline.send",
        "hotline.relay",
        "mediator.verify",
        "mediator.convene",
        "proposal.create",
        "proposal.respond",
        "proposal.withdraw",
        "note.add",
        "orders.submit",
        "orders.withdraw",
      ].sort(),
    );
    const injectTitle = (id: string) => sc.injects.find((i) => i.id === id)!.title;
    expect(one("exercise.pause")).toBe("paused the exercise — “Coffee”");
    expect(one("exercise.end")).toBe("ended the exercise — “Time is up”");
    expect(one("inject.create")).toBe("wrote and released an ad-hoc inject “Leak” (CERT bulletin) for Borealis");
    expect(one("inject.hold")).toBe(`held the inject “${injectTitle("markets")}”`);
    expect(one("inject.skip")).toBe(`skipped the inject “${injectTitle("claim")}”`);
    expect(one("inject.release")).toBe(`released the inject “${injectTitle("markets")}”`);
    // the numbers come from the escalation.changed event the adjustment caused
    const adjust = d.commands.find((c) => c.command.type === "escalation.adjust")!;
    const [from, to] = [t.state(adjust.seq - 1).escalation, t.state(adjust.seq).escalation];
    expect(one("escalation.adjust")).toBe(`adjusted escalation by +5 (${from} → ${to}): “Pressure”`);
    expect(one("hotline.send", 0)).toBe("messaged Austral on the hotline (confirm): “Was it you?”");
    expect(one("hotline.send", 1)).toBe("answered Borealis on the hotline (assess): “No.”");
    expect(one("hotline.relay")).toBe("relayed Borealis's “notify” message to Austral");
    const incident = d.state.incidents[0]!.title;
    expect(one("mediator.verify")).toBe(`verified the evidence on “${incident}”`);
    const cbm = sc.cbms.find((c) => c.id === "pre-notification")!.name;
    expect(one("proposal.create", 0)).toBe(`proposed the measure “${cbm}” to Borealis, Austral`);
    expect(one("proposal.respond")).toBe(`accepted the measure “${cbm}”`);
    expect(one("proposal.withdraw")).toBe("withdrew the joint statement “We seek calm.”");
    const objective = sc.objectives.find((o) => o.id === "use-hotline")!.text;
    expect(one("note.add")).toMatch(new RegExp(`^wrote a note on the objective “${objective.slice(0, 20)}`));
    const probe = sc.actions.find((a) => a.id === "probe")!.name;
    expect(one("orders.submit", 0)).toBe(`submitted Borealis's secret orders: ${probe} → Austral`);
    expect(one("orders.submit", 1)).toBe("submitted Borealis's orders: no action this turn");
    expect(said.get("phase.advance")).toContain("advanced the exercise to Turn 1 of 4 · Adjudication");
    expect(describeActor(bo, sc)).toBe("Bo (Borealis team)");
    expect(describeActor(control, sc)).toBe("Control");
    expect(describeActor({ role: "system", name: "Phase timer" }, sc)).toBe("The server (phase timer)");
    expect(describeActor({ role: "system", name: "Server" }, sc)).toBe("The server");
  });

  it("says when advancing past the last turn ended the exercise, with its outcome's words", async () => {
    const d = new Driver(loadScenario("tutorial"), "words-end");
    d.do(control, { type: "exercise.start" });
    for (let i = 0; i < 30 && d.state.status !== "ended"; i++) {
      // control keeps the crisis off the top rung, so the turns run out
      if (d.state.escalation > 20) d.do(control, { type: "escalation.adjust", delta: -20, reason: "Calm" });
      d.do(control, { type: "phase.advance" });
    }
    expect(d.state.outcome).toMatchObject({ kind: "time", turn: d.scenario.turns });
    const t = await timelineOf(d);
    const last = d.commands.at(-1)!;
    expect(describeCommand(last, d.scenario, { events: t.eventsAt(last.seq) })).toBe(
      `advanced past the last phase: All ${d.scenario.turns} turns have been played`,
    );
  });

  it("says when advancing ended the exercise in failure, with the top rung's name", async () => {
    // nobody answers the blackout: Borealis's pressure builds, its hardliners push the crisis to the top
    const d = new Driver(loadScenario("tutorial"), "words-end");
    d.do(control, { type: "exercise.start" });
    for (let i = 0; i < 30 && d.state.status !== "ended"; i++) d.do(control, { type: "phase.advance" });
    expect(d.state.outcome?.kind).toBe("failure");
    const t = await timelineOf(d);
    const last = d.commands.at(-1)!;
    const top = d.scenario.ladder.rungs.at(-1)!.name;
    expect(describeCommand(last, d.scenario, { events: t.eventsAt(last.seq) })).toBe(
      `advanced past the last phase: Escalation reached the top rung: ${top}`,
    );
  });
});
