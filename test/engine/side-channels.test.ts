// Side channels in the view and in refusals: what a participant could work out
// from what it receives, beyond the content it is shown. Who else was given
// evidence, whether a proposal it cannot see exists, and how much happened out
// of its sight must not be readable.
import { describe, expect, it } from "vitest";
import { Driver, control, mediator, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import {
  apply,
  ENGINE_VERSION,
  init,
  replay,
  replaySteps,
  view,
  ReplayError,
  type Actor,
  type GameState,
  type Viewer,
} from "../../shared/engine/index.ts";
import { command, type CommandInput } from "../../shared/protocol/commands.ts";

const alpha = team("alpha");
const beta = team("beta");
const gamma = team("gamma");
const asTeam = (teamId: string): Viewer => ({ role: "team", teamId });

function inDeliberation(d = new Driver(fixture())) {
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}

/** The refusal of a command, code and message, or null if it would be accepted. */
function refusal(s: GameState, actor: Actor, input: CommandInput) {
  const r = apply(s, { at: s.now + 1000, actor, command: command.parse(input) });
  return r.ok ? null : r.error;
}

describe("who else was given an incident's evidence", () => {
  it("each party sees itself and those it told; control sees everyone", () => {
    const d = inDeliberation();
    const hack = d.state.incidents[0]!;
    expect(hack.victim).toBe("beta");
    d.do(beta, { type: "hotline.send", to: "alpha", kind: "assess", text: "See this", incidentId: hack.id });
    d.do(beta, { type: "hotline.send", to: "mediator", kind: "assess", text: "Verify this", incidentId: hack.id });
    d.do(alpha, {
      type: "hotline.send",
      to: "mediator",
      kind: "assess",
      text: "We were sent this",
      incidentId: hack.id,
    });
    const shared = (v: Viewer) => view(d.state, v).incidents.find((i) => i.id === hack.id)?.sharedWith;
    expect(shared({ role: "facilitator" })).toEqual(["alpha", "mediator"]);
    // beta told both; alpha told the mediator too, even though it already had it from beta
    expect(shared(asTeam("beta"))).toEqual(["alpha", "mediator"]);
    expect(shared(asTeam("alpha"))).toEqual(["alpha", "mediator"]);
    // the mediator does not learn from the list that alpha had been given it too
    expect(shared({ role: "mediator" })).toEqual(["mediator"]);
    // the culprit sees its own deed, but not whom the victim confided in
    expect(shared(asTeam("gamma"))).toEqual([]);
    expect(view(d.state, asTeam("gamma")).incidents[0]).not.toHaveProperty("told");
    expect(view(d.state, { role: "facilitator" }).incidents[0]!.told).toEqual([
      { by: "beta", to: "alpha" },
      { by: "beta", to: "mediator" },
      { by: "alpha", to: "mediator" },
    ]);
  });

  it("a recipient cannot tell whether the one who sent it evidence was given it or is the culprit", () => {
    const mediatorSees = (culprit: string, betaTellsAlpha: boolean) => {
      const d = inDeliberation(
        new Driver(fixture((s) => (s.injects!.find((i) => i.id === "hack")!.incident!.culprit = culprit))),
      );
      const id = d.state.incidents[0]!.id;
      if (betaTellsAlpha)
        d.do(beta, { type: "hotline.send", to: "alpha", kind: "assess", text: "See this", incidentId: id });
      d.do(alpha, { type: "hotline.send", to: "mediator", kind: "assess", text: "For you", incidentId: id });
      return view(d.state, { role: "mediator" }).incidents[0]!.sharedWith;
    };
    // alpha was given it by beta, or alpha did it: the mediator's list is the same
    expect(mediatorSees("gamma", true)).toEqual(["mediator"]);
    expect(mediatorSees("alpha", false)).toEqual(mediatorSees("gamma", true));
  });

  it("giving evidence reads the same whether or not someone else gave it to the same party first", () => {
    const alphaSees = (betaToldMediatorFirst: boolean) => {
      const d = inDeliberation();
      const id = d.state.incidents[0]!.id;
      if (betaToldMediatorFirst)
        d.do(beta, { type: "hotline.send", to: "mediator", kind: "assess", text: "For you", incidentId: id }, 0);
      d.do(beta, { type: "hotline.send", to: "alpha", kind: "assess", text: "See this", incidentId: id });
      d.do(alpha, { type: "hotline.send", to: "mediator", kind: "assess", text: "For you too", incidentId: id });
      return view(d.state, asTeam("alpha"));
    };
    const v = alphaSees(false);
    expect(v.log.at(-2)).toMatchObject({ type: "evidence.shared", title: "Grid hack", from: "alpha", to: "mediator" });
    expect(alphaSees(true)).toEqual(v);
  });

  it("the victim sees whom its incident-reporting commitment told", () => {
    const d = inDeliberation(
      new Driver(
        fixture((s) => {
          s.cbms!.push({ id: "report", name: "Incident reporting", description: "share", kind: "incident-reporting" });
          s.injects!.find((i) => i.id === "hack")!.at = { turn: 2, phase: "deliberation" };
        }),
      ),
    );
    d.do(mediator, { type: "proposal.create", kind: "cbm", cbmId: "report", parties: ["alpha", "beta", "gamma"] });
    for (const t of [alpha, beta, gamma])
      d.do(t, { type: "proposal.respond", proposalId: d.state.proposals[0]!.id, accept: true });
    expect(d.state.commitments).toHaveLength(1);
    d.advanceTo("summary");
    d.do(control, { type: "phase.advance" });
    d.advanceTo("deliberation");
    const shared = (v: Viewer) => view(d.state, v).incidents[0]!.sharedWith;
    expect(shared(asTeam("beta"))).toEqual(["alpha", "gamma"]);
    expect(shared(asTeam("alpha"))).toEqual(["alpha"]);
  });
});

describe("refusals say nothing of what the sender cannot see", () => {
  it("a proposal a team cannot see gets the refusal of one that does not exist, whatever its status", () => {
    const d = inDeliberation();
    d.do(alpha, {
      type: "proposal.create",
      kind: "statement",
      text: "Alpha and Beta agree",
      parties: ["alpha", "beta"],
    });
    d.do(alpha, { type: "proposal.create", kind: "statement", text: "Withdrawn one", parties: ["alpha", "beta"] });
    d.do(alpha, { type: "proposal.create", kind: "statement", text: "Rejected one", parties: ["alpha", "beta"] });
    const [open, withdrawn, rejected] = d.state.proposals.map((p) => p.id) as [string, string, string];
    d.do(alpha, { type: "proposal.withdraw", proposalId: withdrawn });
    d.do(beta, { type: "proposal.respond", proposalId: rejected, accept: false });
    const unknown = "proposal-0123456789abcdef";
    const generic = (id: string, r: { code: string; message: string } | null) =>
      r && { code: r.code, message: r.message.replace(id, "<id>") };
    const expected = generic(
      unknown,
      refusal(d.state, gamma, { type: "proposal.respond", proposalId: unknown, accept: true }),
    );
    expect(expected).toEqual({ code: "not-found", message: "There is no proposal “<id>”" });
    for (const id of [open, withdrawn, rejected]) {
      expect(generic(id, refusal(d.state, gamma, { type: "proposal.respond", proposalId: id, accept: true }))).toEqual(
        expected,
      );
      expect(generic(id, refusal(d.state, gamma, { type: "proposal.respond", proposalId: id, accept: false }))).toEqual(
        expected,
      );
      expect(generic(id, refusal(d.state, gamma, { type: "proposal.withdraw", proposalId: id }))).toEqual(expected);
    }
    expect(generic(unknown, refusal(d.state, gamma, { type: "proposal.withdraw", proposalId: unknown }))).toEqual(
      expected,
    );
    // a party still hears why: the proposal is its to know
    expect(refusal(d.state, beta, { type: "proposal.respond", proposalId: withdrawn, accept: true })).toEqual({
      code: "closed",
      message: "That proposal is already withdrawn",
      params: { status: "withdrawn", reason: "refusals-engine.proposal.closed" },
    });
  });

  it("messages and incidents a party cannot see are refused like ones that do not exist", () => {
    const d = inDeliberation();
    const hack = d.state.incidents[0]!;
    d.do(alpha, { type: "hotline.send", to: "mediator", kind: "notify", text: "Alpha to the mediator" });
    const hidden = d.state.messages[0]!.id;
    const unknown = "msg-0123456789abcdef";
    const reply = (id: string) =>
      refusal(d.state, beta, { type: "hotline.send", to: "alpha", text: "re", replyTo: id })?.message.replace(
        id,
        "<id>",
      );
    expect(reply(hidden)).toBe(reply(unknown));
    const cite = (id: string) =>
      refusal(d.state, alpha, { type: "hotline.send", to: "beta", text: "look", incidentId: id })?.message.replace(
        id,
        "<id>",
      );
    expect(cite(hack.id)).toBe(cite("incident-0123456789abcdef"));
    const verify = (id: string) =>
      refusal(d.state, mediator, { type: "mediator.verify", incidentId: id })?.message.replace(id, "<id>");
    expect(verify(hack.id)).toBe(verify("incident-0123456789abcdef"));
  });
});

describe("nothing a participant receives counts what happened out of its sight", () => {
  /** Beta's views through a stretch of play in which alpha does `hidden` things beta cannot see. */
  function betaViews(hidden: number): string[] {
    const d = inDeliberation();
    const views: string[] = [];
    const look = () => views.push(JSON.stringify(view(d.state, asTeam("beta"))));
    // what alpha does out of beta's sight takes no time, so every timestamp beta sees is the same
    const unseen = (actor: Actor, input: CommandInput) => d.do(actor, input, 0);
    look();
    d.do(beta, { type: "team.chat", text: "Beta plans" });
    for (let i = 0; i < hidden; i++) {
      unseen(alpha, { type: "team.chat", text: `Alpha plans ${i}` });
      unseen(alpha, { type: "hotline.send", to: "mediator", kind: "assess", text: `Alpha to the mediator ${i}` });
      unseen(alpha, {
        type: "proposal.create",
        kind: "statement",
        text: `Alpha and Gamma ${i}`,
        parties: ["alpha", "gamma"],
      });
      unseen(control, {
        type: "inject.create",
        title: `For alpha ${i}`,
        body: "Only alpha",
        channel: "intelligence",
        audience: ["alpha"],
      });
    }
    look();
    d.do(alpha, { type: "hotline.send", to: "beta", kind: "confirm", text: "Alpha to Beta" });
    d.do(beta, { type: "hotline.send", to: "alpha", kind: "assess", text: "Beta answers" });
    d.do(beta, { type: "proposal.create", kind: "statement", text: "Beta and Alpha", parties: ["alpha", "beta"] });
    d.do(control, {
      type: "inject.create",
      title: "For beta",
      body: "Only beta",
      channel: "intelligence",
      audience: ["beta"],
    });
    look();
    d.advanceTo("decision");
    look();
    return views;
  }

  it("beta's views are the same whether alpha did one thing out of its sight or five", () => {
    const one = betaViews(1);
    const five = betaViews(5);
    expect(five).toEqual(one);
    // and they carry no command counter at all
    for (const v of one) expect(v).not.toMatch(/"seq"|"now"/);
  });

  it("ids are opaque, and the same on replay", () => {
    const d = inDeliberation();
    d.do(beta, { type: "hotline.send", to: "alpha", kind: "assess", text: "Hello" });
    d.do(alpha, { type: "proposal.create", kind: "statement", text: "Alpha and Beta", parties: ["alpha", "beta"] });
    const v = view(d.state, asTeam("beta"));
    const ids = [...v.messages, ...v.proposals, ...v.incidents, ...v.log].map((x) => x.id);
    for (const id of ids) expect(id).toMatch(/^[a-z]+-[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(replay(d.recording())).toEqual(d.state);
  });

  it("control keeps the command counter on its view and on every item", () => {
    const d = inDeliberation();
    d.do(beta, { type: "team.chat", text: "Beta plans" });
    const v = view(d.state, { role: "facilitator" });
    expect(v.seq).toBe(d.state.seq);
    expect(v.now).toBe(d.state.now);
    expect(v.chat[0]!.seq).toBe(d.state.seq);
    expect(v.log.every((e) => typeof e.seq === "number")).toBe(true);
  });
});

describe("recordings of older engines", () => {
  /** A recording made with sequential ids, whose commands refer to them. */
  function legacy() {
    const d = new Driver(fixture());
    d.state = init(d.scenario, { seed: d.seed, engineVersion: "1.1.0" });
    inDeliberation(d);
    d.do(alpha, { type: "proposal.create", kind: "statement", text: "Alpha and Beta", parties: ["alpha", "beta"] });
    expect(d.state.proposals[0]!.id).toBe("proposal-1");
    d.do(beta, { type: "proposal.respond", proposalId: "proposal-1", accept: true });
    return d;
  }

  it("replay with their sequential ids, named by version or found by trying", () => {
    const d = legacy();
    expect(replay({ ...d.recording(), engineVersion: "1.1.0" })).toEqual(d.state);
    expect(replay(d.recording())).toEqual(d.state);
    expect(() => [...replaySteps(d.recording())]).toThrow(ReplayError);
    expect([...replaySteps({ ...d.recording(), engineVersion: "1.1.0" })].at(-1)).toEqual(d.state);
  });

  it("this engine's recordings keep their keyed ids", () => {
    const d = inDeliberation();
    d.do(alpha, { type: "proposal.create", kind: "statement", text: "Alpha and Beta", parties: ["alpha", "beta"] });
    d.do(beta, { type: "proposal.respond", proposalId: d.state.proposals[0]!.id, accept: true });
    expect(replay({ ...d.recording(), engineVersion: ENGINE_VERSION })).toEqual(d.state);
    expect(() => replay({ ...d.recording(), engineVersion: "1.1.0" })).toThrow(ReplayError);
  });
});
