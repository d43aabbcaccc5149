// The scenario's texts in a participant's language over real sockets ("texts"):
// each seat gets the words of what its own view shows and nothing more: not
// another team's briefing, not an inject addressed to others or not yet released.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TextsReply } from "../../shared/scenario/view-texts.ts";
import { localizeView } from "../../shared/scenario/view-texts.ts";
import { loadScenario } from "../helpers/scenarios.ts";
import { Participant, api, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

const tutorial = loadScenario("tutorial");
const fr = tutorial.translations!.fr!;
const ar = tutorial.translations!.ar!;

async function texts(p: Participant, lang: unknown): Promise<TextsReply | { code: string; message: string }> {
  try {
    return (await p.room.request("texts", { lang })) as TextsReply;
  } catch (err) {
    return (err as { reason: { code: string; message: string } }).reason;
  }
}

describe("the scenario's texts in a participant's language", () => {
  it("give each seat the words of its own view, and nothing it may not read", async () => {
    const ex = await createExercise(srv.url, "tutorial", "texts-seed");
    const details = await api(srv.url, "GET", `/exercises/${ex.exerciseId}`, undefined, ex.codes.facilitator);
    const join = (code: string, name: string) => Participant.join(srv.url, ex.roomId, code, name);
    const ctl = await join(ex.codes.facilitator, "Control");
    const [bo, au, pub] = await Promise.all([
      join(ex.codes.teams.borealis!, "Bo"),
      join(ex.codes.teams.austral!, "Al"),
      join((details.body as { codes: { display: string } }).codes.display, "Wall"),
    ]);
    await ctl.command({ type: "exercise.start" });
    const released = (p: Participant, id: string) => p.view.injects.some((i) => i.id === id && i.status === "released");
    await bo.until(() => released(bo, "blackout"), "the blackout reaches Borealis");

    const boFr = (await texts(bo, "fr")) as TextsReply;
    expect(boFr.languages).toEqual(["en", "fr", "es", "ar"]);
    expect(boFr.texts["me.teams.borealis.briefing"]).toBe(fr["teams.borealis.briefing"]);
    expect(boFr.texts["injects.blackout.title"]).toBe(fr["injects.blackout.title"]);
    expect(boFr.texts["injects.blackout.body"]).toBe(fr["injects.blackout.body"]);
    // Austral's briefing and its own inject, control's note, and the deliberation's inject not yet released
    const secrets = [
      fr["teams.austral.briefing"]!,
      fr["teams.austral.objectives.1"]!,
      fr["injects.austral-intel.body"]!,
      fr["injects.control-note.body"]!,
      fr["injects.borealis-cert.body"]!,
      fr["injects.parliament.body"]!,
    ];
    for (const secret of secrets) expect(JSON.stringify(boFr)).not.toContain(secret);

    // what the participant reads: the view's texts in French, its play untouched
    const local = localizeView(bo.view, boFr.texts);
    expect(local.me).toMatchObject({ kind: "team", briefing: fr["teams.borealis.briefing"] });
    expect(local.injects.find((i) => i.id === "blackout")?.title).toBe(fr["injects.blackout.title"]);
    expect(local.exercise.scenarioTitle).toBe(fr.title);
    expect(local.ladder.rungs.map((r) => r.from)).toEqual(bo.view.ladder.rungs.map((r) => r.from));
    expect(bo.view.injects.find((i) => i.id === "blackout")?.title).toBe("Blackout in the Borealis capital");

    // Austral reads its own inject in Arabic, never Borealis's briefing
    await au.until(() => released(au, "austral-intel"), "Austral's own inject");
    const auAr = (await texts(au, "ar")) as TextsReply;
    expect(auAr.texts["injects.austral-intel.title"]).toBe(ar["injects.austral-intel.title"]);
    expect(JSON.stringify(auAr)).not.toContain(ar["teams.borealis.briefing"]!);

    // the public display reads what is addressed to all, and no briefing
    await pub.until(() => released(pub, "blackout"), "the blackout on the display");
    const pubAr = (await texts(pub, "ar")) as TextsReply;
    expect(pubAr.texts["injects.blackout.title"]).toBe(ar["injects.blackout.title"]);
    expect(Object.keys(pubAr.texts).filter((k) => k.startsWith("me."))).toEqual([]);
    expect(JSON.stringify(pubAr)).not.toContain(ar["mediator.briefing"]!);

    // control reads every team's briefing and its own note
    await ctl.until(() => released(ctl, "control-note"), "control's note");
    const ctlFr = (await texts(ctl, "fr")) as TextsReply;
    expect(ctlFr.texts["me.teams.austral.briefing"]).toBe(fr["teams.austral.briefing"]);
    expect(ctlFr.texts["injects.control-note.body"]).toBe(fr["injects.control-note.body"]);

    // English is the scenario's own language: nothing to translate; a bad code is refused by name
    expect(((await texts(bo, "en")) as TextsReply).texts).toEqual({});
    expect(await texts(bo, "French")).toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/Name a language/),
    });
    expect(await texts(bo, 7)).toMatchObject({ code: "invalid" });
    await Promise.all([bo, au, pub, ctl].map((p) => p.leave()));
  });
});
