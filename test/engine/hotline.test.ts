import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { trustOf, view } from "../../shared/engine/index.ts";

function inDeliberation(change?: Parameters<typeof fixture>[0], engineVersion?: string) {
  const d = new Driver(fixture(change), undefined, engineVersion);
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}

describe("hotline", () => {
  it("is closed during the briefing", () => {
    const d = new Driver(fixture());
    d.do(control, { type: "exercise.start" });
    expect(d.try(team("alpha"), { type: "hotline.send", to: "beta", text: "hi" })).toBe(
      "The hotline is closed during Briefing; it opens in Deliberation and Decision",
    );
  });

  it("needs an established hotline between two states, but the mediator is always reachable", () => {
    const d = inDeliberation();
    expect(d.try(team("alpha"), { type: "hotline.send", to: "gamma", kind: "notify", text: "exercise tomorrow" })).toBe(
      "Alpha has no hotline with Gamma: agree to establish one, or go through the mediator",
    );
    expect(d.try(team("alpha"), { type: "hotline.send", to: "narnia", text: "x" })).toBe("There is no party “narnia”");
    d.do(team("alpha"), { type: "hotline.send", to: "mediator", kind: "notify", text: "please tell Gamma" });
    d.do(mediator, { type: "hotline.send", to: "gamma", kind: "text", text: "direct word" });
  });

  // rules 2.x (kept): a timely answer earns full trust whatever the order; rules 3.0 grade it (model.test.ts)
  it("rules 2.2: measures response times; a timely answer builds trust and a deconflict exchange cools the crisis", () => {
    const d = inDeliberation(undefined, "2.2.0");
    const trust0 = trustOf(d.state, "alpha", "beta");
    const esc0 = d.state.escalation;
    d.do(team("alpha"), {
      type: "hotline.send",
      to: "beta",
      kind: "deconflict",
      text: "Our exercise is not aimed at you",
    });
    const first = d.state.messages[0]!;
    d.do(team("beta"), { type: "hotline.send", to: "alpha", kind: "confirm", text: "Understood" }, 90_000);
    const answered = d.state.messages[0]!;
    expect(answered.answeredBy).toBe(d.state.messages[1]!.id);
    expect(answered.answeredAfterMs).toBe(90_000);
    expect(d.state.messages[1]!.replyTo).toBe(first.id);
    expect(trustOf(d.state, "alpha", "beta")).toBe(trust0 + 3);
    expect(d.state.escalation).toBe(esc0 - 1);
  });

  it("rules 2.2: gives no trust for a late answer, and lapses unanswered messages at the end of the turn", () => {
    const d = inDeliberation(undefined, "2.2.0");
    const trust0 = trustOf(d.state, "alpha", "beta");
    d.do(team("alpha"), { type: "hotline.send", to: "beta", kind: "assess", text: "What do you see?" });
    d.do(team("beta"), { type: "hotline.send", to: "alpha", kind: "assess", text: "Late answer" }, 600_000);
    expect(trustOf(d.state, "alpha", "beta")).toBe(trust0);
    d.do(team("alpha"), { type: "hotline.send", to: "beta", kind: "convene", text: "Shall we meet?" });
    d.advanceTo("summary");
    d.do(control, { type: "phase.advance" });
    const lapsed = d.state.messages.filter((m) => m.lapsed);
    expect(lapsed.map((m) => m.text)).toEqual(["Shall we meet?"]);
    expect(trustOf(d.state, "alpha", "beta")).toBe(trust0 - 3);
    expect(view(d.state, { role: "team", teamId: "alpha" }).log).toContainEqual(
      expect.objectContaining({ type: "hotline.unanswered", message: lapsed[0]!.id, from: "alpha", to: "beta" }),
    );
  });

  it("refuses a reply to a message the sender never received", () => {
    const d = inDeliberation();
    d.do(team("alpha"), { type: "hotline.send", to: "mediator", text: "for the mediator" });
    const id = d.state.messages[0]!.id;
    expect(d.try(team("beta"), { type: "hotline.send", to: "alpha", text: "reply", replyTo: id })).toBe(
      `Beta is not a party to message “${id}” from Alpha`,
    );
  });

  it("lets the mediator relay a message; the destination sees only the relay", () => {
    const d = inDeliberation();
    d.do(team("alpha"), { type: "hotline.send", to: "mediator", kind: "notify", text: "ALPHA-TO-MEDIATOR original" });
    const original = d.state.messages[0]!;
    expect(d.try(team("beta"), { type: "hotline.relay", messageId: original.id, to: "gamma" })).toBe(
      "Only the mediator can do this",
    );
    d.do(mediator, { type: "hotline.relay", messageId: original.id, to: "gamma", text: "Alpha notifies an exercise" });
    const gamma = view(d.state, { role: "team", teamId: "gamma" });
    expect(gamma.messages).toHaveLength(1);
    expect(gamma.messages[0]).toMatchObject({
      from: "mediator",
      to: "gamma",
      relayOf: original.id,
      relayedFrom: "alpha",
      kind: "notify",
      text: "Alpha notifies an exercise",
    });
    expect(JSON.stringify(gamma)).not.toContain("ALPHA-TO-MEDIATOR original");
    expect(d.state.messages[0]!.answeredBy).toBe(d.state.messages[1]!.id);
  });

  it("opens hotlines between all parties when a hotline measure is adopted", () => {
    const d = inDeliberation();
    d.do(team("alpha"), { type: "proposal.create", kind: "cbm", cbmId: "hotline", parties: ["alpha", "gamma"] });
    d.do(team("gamma"), { type: "proposal.respond", proposalId: d.state.proposals[0]!.id, accept: true });
    d.do(team("alpha"), { type: "hotline.send", to: "gamma", kind: "notify", text: "now we can talk" });
    expect(d.state.hotlines).toContain("alpha|gamma");
  });

  it("shares an incident's evidence with the recipient of a message", () => {
    const d = inDeliberation();
    const inc = d.state.incidents[0]!;
    expect(view(d.state, { role: "mediator" }).incidents).toHaveLength(0);
    expect(d.try(team("alpha"), { type: "hotline.send", to: "mediator", text: "see this", incidentId: inc.id })).toBe(
      `Alpha knows of no incident “${inc.id}”`,
    );
    d.do(team("beta"), {
      type: "hotline.send",
      to: "mediator",
      kind: "assess",
      text: "samples attached",
      incidentId: inc.id,
    });
    expect(view(d.state, { role: "mediator" }).incidents.map((i) => i.id)).toEqual([inc.id]);
  });
});
