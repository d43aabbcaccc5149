// A whole exercise over real sockets: control, two teams (one with two members),
// the mediator and an observer. Every message each client receives is kept and
// checked for what it must never contain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replay, view, type Viewer } from "../../shared/engine/index.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { Participant, api, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";
import { loadScenario } from "../helpers/scenarios.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

/** Drops the two bookkeeping fields a group may lag on (they only move when it sees a change). */
function comparable(v: object) {
  const { seq: _seq, now: _now, ...rest } = v as { seq: number; now: number };
  return rest;
}

describe("a whole exercise over the network", () => {
  it("is played end to end, every view matches the engine's, and no secret leaks", async () => {
    const ex = await createExercise(srv.url, "tutorial", "network-seed");
    const join = (code: string, name: string) => Participant.join(srv.url, ex.roomId, code, name);
    const control = await join(ex.codes.facilitator, "Carla");
    const bo = await join(ex.codes.teams.borealis!, "Bo");
    const bea = await join(ex.codes.teams.borealis!, "Bea");
    const al = await join(ex.codes.teams.austral!, "Al");
    const mia = await join(ex.codes.mediator!, "Mia");
    const obi = await join(ex.codes.observer, "Obi");
    const everyone = [control, bo, bea, al, mia, obi];
    const settle = async () => {
      const seq = control.view.seq;
      await new Promise((r) => setTimeout(r, 80));
      expect(control.view.seq).toBe(seq);
    };

    await control.command({ type: "exercise.start" });
    await control.command({ type: "phase.advance" });
    await bo.command({ type: "team.chat", text: "BOREALIS-CHAT plan" });
    // a team is not even told that another team chatted
    const boHad = bo.received.length;
    await al.command({ type: "team.chat", text: "AUSTRAL-CHAT plan" });
    await settle();
    expect(bo.received.length).toBe(boHad);
    await bo.command({ type: "hotline.send", to: "austral", kind: "confirm", text: "B2A-HOTLINE were you involved?" });
    await al.command({ type: "hotline.send", to: "borealis", kind: "assess", text: "A2B-HOTLINE no" });
    await al.command({
      type: "hotline.send",
      to: "mediator",
      kind: "notify",
      text: "A2M-HOTLINE our tools were stolen",
    });
    await mia.until(() => mia.view.messages.some((m) => m.text.startsWith("A2M")), "the message reaches the mediator");
    const a2m = mia.view.messages.find((m) => m.text.startsWith("A2M"))!;
    await mia.command({
      type: "hotline.relay",
      messageId: a2m.id,
      to: "borealis",
      text: "RELAYED: Austral reports stolen tools",
    });
    await control.command({
      type: "inject.create",
      title: "Leak",
      body: "BOREALIS-ONLY-INJECT",
      channel: "intelligence",
      audience: ["borealis"],
    });
    await obi.command({ type: "note.add", text: "OBSERVER-NOTE good hotline use", objectiveId: "use-hotline" });
    await control.command({ type: "note.add", text: "CONTROL-NOTE watch Borealis" });
    await control.command({ type: "phase.advance" });
    await bea.command({
      type: "orders.submit",
      actions: [
        { actionId: "harden", note: "BOREALIS-ORDER-NOTE" },
        { actionId: "probe", target: "austral" },
      ],
    });
    await al.command({ type: "orders.submit", actions: [{ actionId: "reassure", note: "AUSTRAL-ORDER-NOTE" }] });
    // both Borealis members see the team's orders, with who drafted them
    await bo.until(() => bo.view.me?.kind === "team" && bo.view.me.orders?.items.length === 2, "Bo sees Bea's orders");
    expect(bo.view.me?.kind === "team" && bo.view.me.orders?.items.map((i) => i.by)).toEqual(["Bea", "Bea"]);
    await control.command({ type: "escalation.adjust", delta: 3, reason: "Media frenzy" });
    await control.command({ type: "exercise.pause" });
    await control.command({ type: "exercise.resume" });
    // the rest of turn 1 (3 phases), then turns 2 to 4 (5 each); control's seat may send 5 messages a second
    for (let i = 0; i < 18; i++)
      for (;;) {
        const refused = await control.refusal({ type: "phase.advance" });
        if (refused === null) break;
        if (!refused.message.startsWith("Too much sent")) throw new Error(refused.message);
        const at = Date.now();
        await control.until(() => Date.now() - at >= 200, "the seat's budget to refill");
      }
    await settle();
    await control.until(() => control.view.exercise.status === "ended", "the end");
    expect(control.view.exercise.outcome?.kind).toBe("time");

    // every participant's patched view is exactly the engine's view of the recorded exercise
    const rec = await api(srv.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator);
    const parsed = parseScenario(rec.body.scenario);
    if (!parsed.ok) throw new Error("stored scenario invalid");
    const final = replay({
      scenario: parsed.scenario,
      seed: rec.body.seed,
      title: rec.body.title,
      commands: rec.body.commands,
    });
    const viewers: [Participant, Viewer][] = [
      [control, { role: "facilitator" }],
      [bo, { role: "team", teamId: "borealis" }],
      [bea, { role: "team", teamId: "borealis" }],
      [al, { role: "team", teamId: "austral" }],
      [mia, { role: "mediator" }],
      [obi, { role: "observer" }],
    ];
    for (const [p, v] of viewers) expect(comparable(p.view)).toEqual(comparable(view(final, v)));

    // secrets, checked on everything each client ever received
    const scenario = loadScenario("tutorial");
    const briefing = (id: string) => scenario.teams.find((t) => t.id === id)!.briefing;
    const controlOnly = scenario.injects.find((i) => i.audience.includes("facilitator"))!.body;
    const never: [Participant, string[]][] = [
      [
        al,
        [
          "BOREALIS-CHAT",
          briefing("borealis"),
          "BOREALIS-ONLY-INJECT",
          "BOREALIS-ORDER-NOTE",
          "RELAYED:",
          "OBSERVER-NOTE",
          "CONTROL-NOTE",
          controlOnly,
          scenario.mediator!.briefing,
        ],
      ],
      [
        bo,
        [
          "AUSTRAL-CHAT",
          briefing("austral"),
          "AUSTRAL-ORDER-NOTE",
          "A2M-HOTLINE",
          "OBSERVER-NOTE",
          "CONTROL-NOTE",
          controlOnly,
          scenario.mediator!.briefing,
        ],
      ],
      [
        mia,
        [
          "BOREALIS-CHAT",
          "AUSTRAL-CHAT",
          briefing("borealis"),
          briefing("austral"),
          "B2A-HOTLINE",
          "A2B-HOTLINE",
          "BOREALIS-ONLY-INJECT",
          "BOREALIS-ORDER-NOTE",
          "AUSTRAL-ORDER-NOTE",
          "CONTROL-NOTE",
          controlOnly,
        ],
      ],
      [
        obi,
        [
          "BOREALIS-CHAT",
          "AUSTRAL-CHAT",
          briefing("borealis"),
          briefing("austral"),
          "B2A-HOTLINE",
          "A2M-HOTLINE",
          "RELAYED:",
          "BOREALIS-ONLY-INJECT",
          "BOREALIS-ORDER-NOTE",
          "CONTROL-NOTE",
          controlOnly,
        ],
      ],
    ];
    for (const [p, secrets] of never) {
      const seen = p.transcript();
      for (const secret of secrets)
        expect(seen.includes(secret), `${p.store.seat?.name} received "${secret.slice(0, 30)}"`).toBe(false);
    }
    // and what each must see did arrive
    expect(bo.transcript()).toContain("RELAYED: Austral reports stolen tools");
    expect(bea.transcript()).toContain("BOREALIS-ONLY-INJECT");
    expect(control.transcript()).toContain("AUSTRAL-ORDER-NOTE");
    expect(obi.transcript()).toContain("OBSERVER-NOTE");

    for (const p of everyone) await p.leave();
  });

  it("sends a chat line as a small patch, not the whole exercise", async () => {
    const ex = await createExercise(srv.url, "tutorial");
    const bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
    const bea = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bea");
    const snapshotSize = JSON.stringify(bea.received.find((r) => r.type === "snapshot")).length;
    await bo.command({ type: "team.chat", text: "hello team" });
    await bea.until(() => bea.view.chat.length === 1, "chat line");
    const patch = bea.received.filter((r) => r.type === "patch").at(-1)!;
    expect(JSON.stringify(patch).length).toBeLessThan(400);
    expect(snapshotSize).toBeGreaterThan(5_000);
    await bo.leave();
    await bea.leave();
  });
});
