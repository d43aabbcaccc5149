import { describe, expect, it } from "vitest";
import { Driver, control, mediator, observer, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { view, type Viewer } from "../../shared/engine/index.ts";
import { glossaryOf, scheduleWords } from "../../shared/words/index.ts";

/** Plays a stretch of an exercise full of secrets. */
function secretsGame() {
  const d = new Driver(fixture());
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  d.do(team("alpha"), { type: "team.chat", text: "ALPHA-CHAT plan" });
  d.do(team("beta"), { type: "team.chat", text: "BETA-CHAT plan" });
  d.do(team("alpha"), { type: "hotline.send", to: "beta", kind: "assess", text: "ALPHA-BETA-HOTLINE" });
  d.do(team("gamma"), { type: "hotline.send", to: "mediator", kind: "notify", text: "GAMMA-MEDIATOR-HOTLINE" });
  d.do(control, {
    type: "inject.create",
    title: "Beta only",
    body: "BETA-ONLY-INJECT",
    channel: "intelligence",
    audience: ["beta"],
  });
  d.do(observer, { type: "note.add", text: "OBSERVER-NOTE" });
  d.do(control, { type: "note.add", text: "CONTROL-NOTE" });
  d.advanceTo("decision");
  d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "harden", note: "ALPHA-ORDER-NOTE" }] });
  return d;
}

const text = (v: unknown) => JSON.stringify(v);

describe("view: the one visibility rule", () => {
  it("a team sees its own secrets and nobody else's", () => {
    const d = secretsGame();
    const beta = text(view(d.state, { role: "team", teamId: "beta" }));
    for (const own of ["BETA-SECRET", "BETA-CHAT", "ALPHA-BETA-HOTLINE", "BETA-ONLY-INJECT", "ALL-PUBLIC"])
      expect(beta).toContain(own);
    for (const other of [
      "ALPHA-SECRET",
      "GAMMA-SECRET",
      "MEDIATOR-SECRET",
      "ALPHA-CHAT",
      "GAMMA-MEDIATOR-HOTLINE",
      "ALPHA-ONLY",
      "CONTROL-ONLY",
      "ALPHA-ORDER-NOTE",
      "OBSERVER-NOTE",
      "CONTROL-NOTE",
    ])
      expect(beta).not.toContain(other);
    // the true culprit of the grid hack (gamma) is never in beta's view
    const incident = view(d.state, { role: "team", teamId: "beta" }).incidents[0]!;
    expect(incident).not.toHaveProperty("culprit");
  });

  it("the mediator sees traffic routed through it and its own briefing", () => {
    const d = secretsGame();
    const m = text(view(d.state, { role: "mediator" }));
    expect(m).toContain("MEDIATOR-SECRET");
    expect(m).toContain("GAMMA-MEDIATOR-HOTLINE");
    for (const other of [
      "ALPHA-SECRET",
      "ALPHA-CHAT",
      "ALPHA-BETA-HOTLINE",
      "BETA-ONLY-INJECT",
      "CONTROL-ONLY",
      "ALPHA-ORDER-NOTE",
      "OBSERVER-NOTE",
    ])
      expect(m).not.toContain(other);
  });

  it("observers see the public picture and their notes, or everything when control allows it", () => {
    const d = secretsGame();
    const o = text(view(d.state, { role: "observer" }));
    expect(o).toContain("ALL-PUBLIC");
    expect(o).toContain("OBSERVER-NOTE");
    for (const other of [
      "ALPHA-SECRET",
      "ALPHA-CHAT",
      "ALPHA-BETA-HOTLINE",
      "GAMMA-MEDIATOR-HOTLINE",
      "BETA-ONLY-INJECT",
      "CONTROL-ONLY",
      "ALPHA-ORDER-NOTE",
      "CONTROL-NOTE",
    ])
      expect(o).not.toContain(other);
    d.do(control, { type: "observers.visibility", seeAll: true });
    const all = text(view(d.state, { role: "observer" }));
    for (const s of [
      "ALPHA-SECRET",
      "ALPHA-CHAT",
      "ALPHA-BETA-HOTLINE",
      "BETA-ONLY-INJECT",
      "CONTROL-ONLY",
      "ALPHA-ORDER-NOTE",
    ])
      expect(all).toContain(s);
  });

  it("control sees everything, including the master events list with its schedule", () => {
    const d = secretsGame();
    const v = view(d.state, { role: "facilitator" });
    const c = text(v);
    for (const s of [
      "ALPHA-SECRET",
      "BETA-SECRET",
      "MEDIATOR-SECRET",
      "ALPHA-CHAT",
      "BETA-CHAT",
      "ALPHA-BETA-HOTLINE",
      "GAMMA-MEDIATOR-HOTLINE",
      "CONTROL-ONLY",
      "ALPHA-ORDER-NOTE",
      "OBSERVER-NOTE",
      "CONTROL-NOTE",
    ])
      expect(c).toContain(s);
    expect(v.injects.find((i) => i.id === "later")).toMatchObject({
      status: "pending",
      schedule: [{ kind: "turn", turn: 2, phase: "briefing" }],
    });
    expect(v.injects.find((i) => i.id === "on-crisis")).toMatchObject({
      status: "pending",
      schedule: [{ kind: "condition", when: { type: "escalation", atLeastRung: "crisis" } }],
    });
    // worded for control by shared/words, with the scenario's names
    const words = (id: string) => scheduleWords(v.injects.find((i) => i.id === id)!.schedule!, glossaryOf(v));
    expect(words("later")).toBe("turn 2, Briefing");
    expect(words("on-crisis")).toBe("when escalation reaches “Crisis”");
    // nobody else learns when an inject is due
    for (const viewer of [team("alpha"), mediator, observer] as Viewer[])
      expect(view(d.state, viewer).injects.filter((i) => "schedule" in i)).toEqual([]);
    expect(v.incidents[0]!.culprit).toBe("gamma");
  });

  it("pending injects are invisible to their audience until released", () => {
    const d = new Driver(fixture());
    const teamView = (v: Viewer) => view(d.state, v).injects.map((i) => i.id);
    expect(teamView({ role: "team", teamId: "alpha" })).toEqual([]);
    d.do(control, { type: "exercise.start" });
    expect(teamView({ role: "team", teamId: "alpha" })).toEqual(["opening", "alpha-intel"]);
    expect(teamView({ role: "team", teamId: "beta" })).toEqual(["opening"]);
    expect(teamView({ role: "mediator" })).toEqual(["opening"]);
  });

  it("control can hold, skip and release injects; a held inject waits for control", () => {
    const d = new Driver(fixture());
    d.do(control, { type: "exercise.start" });
    d.do(control, { type: "inject.hold", injectId: "hack" });
    d.do(control, { type: "inject.skip", injectId: "later" });
    expect(d.try(control, { type: "inject.hold", injectId: "opening" })).toBe(
      "Only a pending inject can be held; “Opening” is released",
    );
    expect(d.try(control, { type: "inject.release", injectId: "nope" })).toBe("There is no inject “nope”");
    d.advanceTo("summary");
    d.do(control, { type: "phase.advance" });
    const status = (id: string) => d.state.injects.find((i) => i.id === id)!.status;
    expect(status("hack")).toBe("held");
    expect(status("later")).toBe("skipped");
    d.do(control, { type: "inject.release", injectId: "hack" });
    expect(status("hack")).toBe("released");
    expect(d.try(control, { type: "inject.release", injectId: "hack" })).toBe("“Hack” was already released");
    expect(d.state.incidents).toHaveLength(1);
    expect(d.try(team("beta"), { type: "inject.release", injectId: "later" })).toBe("Only the facilitator can do this");
  });

  it("ad-hoc injects are checked and go only to their audience", () => {
    const d = new Driver(fixture());
    expect(d.try(control, { type: "inject.create", title: "x", body: "y", audience: ["all"] })).toBe(
      "Start the exercise before releasing injects",
    );
    d.do(control, { type: "exercise.start" });
    expect(d.try(control, { type: "inject.create", title: "x", body: "y", audience: ["narnia"] })).toBe(
      "There is no team “narnia”",
    );
    d.do(control, {
      type: "inject.create",
      title: "Rumour",
      body: "<script>alert(1)</script>",
      channel: "social",
      audience: ["gamma", "mediator"],
    });
    expect(view(d.state, { role: "team", teamId: "gamma" }).injects.at(-1)).toMatchObject({
      title: "Rumour",
      body: "<script>alert(1)</script>",
      adhoc: true,
    });
    expect(view(d.state, { role: "mediator" }).injects.at(-1)!.title).toBe("Rumour");
    expect(view(d.state, { role: "team", teamId: "alpha" }).injects.some((i) => i.title === "Rumour")).toBe(false);
  });

  it("team chat belongs to the team", () => {
    const d = new Driver(fixture());
    expect(d.try(mediator, { type: "team.chat", text: "hi" })).toBe("Only a team can do this");
    d.do(team("alpha", "Ana"), { type: "team.chat", text: "before the start" });
    expect(view(d.state, { role: "team", teamId: "alpha" }).chat).toMatchObject([
      { author: "Ana", text: "before the start" },
    ]);
    expect(view(d.state, { role: "team", teamId: "beta" }).chat).toEqual([]);
  });
});
