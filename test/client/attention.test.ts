// What counts as new and addressed to a seat: read from the seat's own view,
// after a baseline (what was there on arrival is not news).
import { describe, expect, it } from "vitest";
import { view, type Viewer } from "../../shared/engine/index.ts";
import { AttentionTracker, addressedToMe, titleWithCount, waitingConversation } from "../../client/net/attention.ts";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";
import { pauseCause } from "../../client/ui/paused.ts";

const BO: Viewer = { role: "team", teamId: "borealis" };
const AL: Viewer = { role: "team", teamId: "austral" };
const MED: Viewer = { role: "mediator" };

function deliberation(): Driver {
  const d = new Driver(loadScenario("tutorial"), "attention");
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}

describe("what is addressed to me", () => {
  it("a teammate's withdrawal or replacement of the team's orders tells the rest of the team, not the other team", () => {
    const d = deliberation();
    d.advanceTo("decision");
    const bo1 = team("borealis", "Bo One");
    const bo2 = team("borealis", "Bo Two");
    const trackers = {
      bo2: new AttentionTracker("Bo Two"),
      bo1: new AttentionTracker("Bo One"),
      al: new AttentionTracker(),
    };
    trackers.bo2.next(view(d.state, BO));
    trackers.bo1.next(view(d.state, BO));
    trackers.al.next(view(d.state, AL));
    d.do(bo2, { type: "orders.submit", actions: [{ actionId: "harden" }] });
    // a first submission is not a change to the team's orders: nobody is told
    expect(trackers.bo1.next(view(d.state, BO))).toEqual([]);
    d.do(bo1, { type: "orders.withdraw" });
    expect(trackers.bo2.next(view(d.state, BO)).map((i) => [i.kind, i.tab, i.text])).toEqual([
      ["orders", "orders", "Bo One withdrew your team's orders"],
    ]);
    expect(trackers.bo1.next(view(d.state, BO))).toEqual([]);
    d.do(bo2, { type: "orders.submit", actions: [{ actionId: "reassure" }] });
    d.do(bo1, { type: "orders.submit", actions: [{ actionId: "harden" }] });
    expect(trackers.bo2.next(view(d.state, BO)).map((i) => i.text)).toEqual(["Bo One replaced your team's orders"]);
    expect(trackers.al.next(view(d.state, AL))).toEqual([]);
  });

  it("a hotline message counts for its recipient only, not its sender or a third party", () => {
    const d = deliberation();
    const trackers = { bo: new AttentionTracker(), al: new AttentionTracker(), med: new AttentionTracker() };
    trackers.bo.next(view(d.state, BO));
    trackers.al.next(view(d.state, AL));
    trackers.med.next(view(d.state, MED));
    d.do(team("borealis"), { type: "hotline.send", to: "austral", kind: "confirm", text: "Was the blackout yours?" });
    const al = trackers.al.next(view(d.state, AL));
    expect(al.map((i) => [i.kind, i.tab, i.text])).toEqual([
      ["message", "hotline", "Hotline from Borealis (confirm): Was the blackout yours?"],
    ]);
    expect(al[0]!.anchor).toBe(`msg-${d.state.messages.at(-1)!.id}`);
    expect(trackers.bo.next(view(d.state, BO))).toEqual([]);
    expect(trackers.med.next(view(d.state, MED))).toEqual([]);
    // the same view again brings nothing new
    expect(trackers.al.next(view(d.state, AL))).toEqual([]);
  });

  it("what was there on arrival is the baseline, not news", () => {
    const d = deliberation();
    d.do(team("borealis"), { type: "hotline.send", to: "austral", kind: "confirm", text: "Before you came" });
    const t = new AttentionTracker();
    expect(t.next(view(d.state, AL))).toEqual([]);
    d.do(team("borealis"), { type: "hotline.send", to: "austral", kind: "notify", text: "After" });
    expect(t.next(view(d.state, AL)).map((i) => i.text)).toEqual(["Hotline from Borealis (notify): After"]);
  });

  it("a relay reaches its recipient as a relay, naming whom it came from", () => {
    const d = deliberation();
    d.do(team("borealis"), {
      type: "hotline.send",
      to: "mediator",
      kind: "deconflict",
      text: "Tell Austral we stand down",
    });
    const med = addressedToMe(view(d.state, MED)).filter((i) => i.tab === "hotline");
    expect(med.map((i) => i.kind)).toEqual(["message"]);
    const t = new AttentionTracker();
    t.next(view(d.state, AL));
    d.do(mediator, { type: "hotline.relay", messageId: d.state.messages.at(-1)!.id, to: "austral" });
    const got = t.next(view(d.state, AL));
    expect(got.map((i) => i.kind)).toEqual(["relay"]);
    expect(got[0]!.text).toMatch(/^Relayed by .+ from Borealis: Tell Austral we stand down$/);
  });

  it("a released inject counts for its audience; control gets no attention items", () => {
    const d = deliberation();
    const t = { bo: new AttentionTracker(), al: new AttentionTracker() };
    t.bo.next(view(d.state, BO));
    t.al.next(view(d.state, AL));
    d.do(control, {
      type: "inject.create",
      title: "Borealis only",
      body: "x",
      channel: "intelligence",
      audience: ["borealis"],
    });
    expect(t.bo.next(view(d.state, BO)).map((i) => [i.kind, i.text])).toEqual([
      ["inject", "New inject: Borealis only"],
    ]);
    expect(t.al.next(view(d.state, AL))).toEqual([]);
    expect(addressedToMe(view(d.state, { role: "facilitator" }))).toEqual([]);
  });

  it("an open proposal counts for the parties it names, not its proposer, and not once answered", () => {
    const d = deliberation();
    d.do(team("borealis"), { type: "proposal.create", kind: "statement", text: "We both stand down" });
    const p = d.state.proposals.at(-1)!;
    expect(addressedToMe(view(d.state, BO)).filter((i) => i.kind === "proposal")).toEqual([]);
    const al = addressedToMe(view(d.state, AL)).filter((i) => i.kind === "proposal");
    expect(al.map((i) => [i.tab, i.text])).toEqual([
      ["agreements", "Proposal from Borealis: joint statement “We both stand down”"],
    ]);
    d.do(team("austral"), { type: "proposal.respond", proposalId: p.id, accept: false });
    expect(addressedToMe(view(d.state, AL)).filter((i) => i.kind === "proposal")).toEqual([]);
  });
});

describe("the conversation that waits for me", () => {
  it("is the counterpart of the oldest unanswered message, and none once answered", () => {
    const d = deliberation();
    expect(waitingConversation(view(d.state, AL), () => false)).toBeNull();
    d.do(mediator, { type: "hotline.send", to: "austral", kind: "confirm", text: "First" });
    d.do(team("borealis"), { type: "hotline.send", to: "austral", kind: "confirm", text: "Second" });
    expect(waitingConversation(view(d.state, AL), () => false)).toBe("mediator");
    const first = d.state.messages.find((m) => m.text === "First")!;
    d.do(team("austral"), { type: "hotline.send", to: "mediator", kind: "assess", text: "Yes", replyTo: first.id });
    expect(waitingConversation(view(d.state, AL), () => false)).toBe("borealis");
    // control has no conversation of its own
    expect(waitingConversation(view(d.state, { role: "facilitator" }), () => false)).toBeNull();
  });
});

describe("the title's count", () => {
  it("goes in front of the title, and away at zero", () => {
    expect(titleWithCount("Deconflict — Dark Winter", 3)).toBe("(3) Deconflict — Dark Winter");
    expect(titleWithCount("Deconflict — Dark Winter", 0)).toBe("Deconflict — Dark Winter");
  });
});

describe("who paused, in words", () => {
  it("says the server restarted when the server's pause says so, and control otherwise", () => {
    const d = deliberation();
    d.do(control, { type: "exercise.pause" });
    expect(pauseCause(view(d.state, AL))).toBe("Control has paused the exercise");
    expect(pauseCause(view(d.state, AL), true)).toBe("Control has paused the exercise · phase timers are stopped");
    d.do(control, { type: "exercise.resume" });
    const server = { role: "system", name: "Server" } as const;
    d.do(server, { type: "exercise.pause", reason: "the server restarted; control resumes when everyone is back" });
    const said = "Paused: the server restarted; control resumes when everyone is back";
    expect(pauseCause(view(d.state, AL))).toBe(said);
    expect(pauseCause(view(d.state, AL), true)).toBe(said);
  });
});
