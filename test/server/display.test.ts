// The projector display over real sockets: it joins with its own code as the
// public viewer and receives every public thing and nothing secret — even while
// control lets observers see every channel. It sends no commands, and its code
// opens nothing else (no control API, no other exercise).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replay, view } from "../../shared/engine/index.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";
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

/** The display's code, as control's exercise details give it. */
async function displayCodeOf(exerciseId: string, facilitator: string): Promise<string> {
  const r = await api(srv.url, "GET", `/exercises/${exerciseId}`, undefined, facilitator);
  expect(r.status).toBe(200);
  const code = (r.body as { codes: { display?: string } }).codes.display;
  if (!code) throw new Error("control's details carry no display code");
  return code;
}

describe("the public display", () => {
  it("receives every public thing and nothing secret, while observers see every channel", async () => {
    const ex = await createExercise(srv.url, "tutorial", "display-seed");
    const code = await displayCodeOf(ex.exerciseId, ex.codes.facilitator);
    const { facilitator, observer, mediator, teams } = ex.codes;
    expect([facilitator, observer, mediator, ...Object.values(teams)]).not.toContain(code);
    const join = (c: string, name: string) => Participant.join(srv.url, ex.roomId, c, name);
    const control = await join(ex.codes.facilitator, "Carla");
    const display = await join(code, "Projector");
    const bo = await join(ex.codes.teams.borealis!, "Bo");
    const al = await join(ex.codes.teams.austral!, "Al");
    const mia = await join(ex.codes.mediator!, "Mia");
    const obi = await join(ex.codes.observer, "Obi");
    expect(display.store.seat).toMatchObject({ role: "public", teamId: null, seatName: "Public display" });

    await control.command({ type: "observers.visibility", seeAll: true });
    await obi.until(() => obi.view.me?.kind === "control", "observers see every channel");
    await control.command({ type: "exercise.start" });
    await control.command({ type: "phase.advance" });
    await bo.command({ type: "team.chat", text: "BOREALIS-CHAT plan" });
    await al.command({ type: "team.chat", text: "AUSTRAL-CHAT plan" });
    await bo.command({ type: "hotline.send", to: "austral", kind: "confirm", text: "B2A-HOTLINE involved?" });
    await al.command({ type: "hotline.send", to: "mediator", kind: "notify", text: "A2M-HOTLINE tools stolen" });
    await mia.until(() => mia.view.messages.some((m) => m.text.startsWith("A2M")), "the message reaches the mediator");
    const a2m = mia.view.messages.find((m) => m.text.startsWith("A2M"))!;
    await mia.command({ type: "hotline.relay", messageId: a2m.id, to: "borealis", text: "RELAYED-SECRET stolen" });
    await mia.command({ type: "proposal.create", kind: "statement", text: "PROPOSAL-SECRET calm down" });
    const inject = (body: string, audience: string[]): CommandInput => ({
      type: "inject.create",
      title: body,
      body,
      channel: "intelligence",
      audience,
    });
    await control.command(inject("BOREALIS-ONLY-INJECT", ["borealis"]));
    await control.command(inject("OBSERVERS-ONLY-INJECT", ["observers"]));
    await control.command(inject("PUBLIC-INJECT everyone reads this", ["all"]));
    await obi.command({ type: "note.add", text: "OBSERVER-NOTE good hotline use" });
    await control.command({ type: "note.add", text: "CONTROL-NOTE watch Borealis" });
    await control.command({ type: "phase.advance" });
    await bo.command({
      type: "orders.submit",
      actions: [
        { actionId: "harden", note: "BOREALIS-ORDER-NOTE" },
        { actionId: "probe", target: "austral" },
      ],
    });
    await al.command({ type: "orders.submit", actions: [{ actionId: "reassure", note: "AUSTRAL-ORDER-NOTE" }] });
    await control.command({
      type: "escalation.adjust",
      delta: 7,
      reason: "PUBLIC-REASON media",
      note: "PRIVATE-NOTE x",
    });
    await control.command({ type: "phase.advance" });
    await control.command({ type: "phase.advance" });
    await control.until(() => control.view.exercise.phase?.id === "summary", "the turn's summary");
    const seq = control.view.seq!;
    await display.until(() => display.view.ladder.value === control.view.ladder.value, "the display follows");
    await display.until(() => display.view.exercise.phase?.id === "summary", "the display's phase");

    // what the public may know did arrive
    const seen = display.transcript();
    expect(seen).toContain("PUBLIC-INJECT everyone reads this");
    expect(seen).toContain("PUBLIC-REASON media");
    expect(display.view.injects.map((i) => i.title)).toContain("PUBLIC-INJECT everyone reads this");
    expect(display.view.log.some((e) => e.type === "turn.resolved")).toBe(true);

    // and nothing else: every message it ever received is checked
    const scenario = loadScenario("tutorial");
    const secrets = [
      ...scenario.teams.map((t) => t.briefing),
      scenario.mediator!.briefing,
      ...scenario.injects.filter((i) => !i.audience.includes("all")).map((i) => i.body),
      "BOREALIS-CHAT",
      "AUSTRAL-CHAT",
      "B2A-HOTLINE",
      "A2M-HOTLINE",
      "RELAYED-SECRET",
      "PROPOSAL-SECRET",
      "BOREALIS-ONLY-INJECT",
      "OBSERVERS-ONLY-INJECT",
      "OBSERVER-NOTE",
      "CONTROL-NOTE",
      "BOREALIS-ORDER-NOTE",
      "AUSTRAL-ORDER-NOTE",
      "PRIVATE-NOTE",
      // no command counter or last command time: they count what happened out of sight
      '"seq":',
      '"now":',
      // nor the presence of anyone but itself
      "Carla",
      "Obi",
      "Mia",
    ];
    for (const secret of secrets)
      expect(seen.includes(secret), `the display received "${secret.slice(0, 30)}"`).toBe(false);
    expect(display.view.me).toBeNull();
    expect(display.view.messages).toEqual([]);
    expect(display.view.chat).toEqual([]);
    expect(display.view.proposals).toEqual([]);
    expect(display.view.notes).toEqual([]);
    expect(display.view.history.every((h) => h.orders.length === 0)).toBe(true);
    // the covert probe is not named to the public
    expect(JSON.stringify(display.view.log)).not.toContain('"probe"');

    // its view is exactly the engine's public view of the recorded exercise (observers' switch and all)
    const rec = await api(srv.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator);
    const parsed = parseScenario(rec.body.scenario);
    if (!parsed.ok) throw new Error("stored scenario invalid");
    const final = replay({
      scenario: parsed.scenario,
      seed: rec.body.seed,
      title: rec.body.title,
      commands: rec.body.commands,
    });
    expect(final.observersSeeAll).toBe(true);
    expect(comparable(display.view)).toEqual(comparable(view(final, { role: "public" })));
    expect(control.view.seq).toBe(seq);
    for (const p of [control, display, bo, al, mia, obi]) await p.leave();
  });

  it("cannot send commands nor look through another seat's eyes", async () => {
    const ex = await createExercise(srv.url, "tutorial", "display-commands");
    const code = await displayCodeOf(ex.exerciseId, ex.codes.facilitator);
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    const display = await Participant.join(srv.url, ex.roomId, code, "Projector");
    const tries: CommandInput[] = [
      { type: "exercise.start" },
      { type: "phase.advance" },
      { type: "note.add", text: "from the projector" },
      { type: "team.chat", text: "from the projector" },
      { type: "escalation.adjust", delta: 50, reason: "from the projector" },
    ];
    for (const cmd of tries) {
      const r = await display.refusal(cmd);
      expect(r?.code, cmd.type).toBe("forbidden");
      expect(r?.message).toMatch(/display/i);
    }
    const peek = await display.room.request("peek", { role: "facilitator" }).then(
      () => null,
      (err: { reason?: { code: string } }) => err.reason?.code,
    );
    expect(peek).toBe("forbidden");
    // nothing happened: control's command counter never moved, the exercise was not started
    await control.command({ type: "note.add", text: "control was here" });
    await control.until(() => control.view.seq === 1, "control's own command");
    expect(control.view.exercise.status).toBe("setup");
    await display.leave();
    await control.leave();
  });

  it("its code opens the public picture and nothing else", async () => {
    const ex = await createExercise(srv.url, "tutorial", "display-code");
    const other = await createExercise(srv.url, "tutorial", "display-other");
    const code = await displayCodeOf(ex.exerciseId, ex.codes.facilitator);
    // as people type it: lower case, without dashes
    const typed = code.toLowerCase().replace(/-/g, "");
    const joined = await api(srv.url, "POST", "/join", { code: typed });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ exerciseId: ex.exerciseId, role: "public", teamId: null });
    for (const path of ["", "/recording", "/report"]) {
      const r = await api(srv.url, "GET", `/exercises/${ex.exerciseId}${path}`, undefined, code);
      expect(r.status, path).toBe(403);
    }
    // not a key to another exercise's room
    await expect(Participant.join(srv.url, other.roomId, code, "Projector")).rejects.toThrow();
    // the same code every time control asks (it is derived, not stored), and each exercise has its own
    expect(await displayCodeOf(ex.exerciseId, ex.codes.facilitator)).toBe(code);
    expect(await displayCodeOf(other.exerciseId, other.codes.facilitator)).not.toBe(code);
  });
});
