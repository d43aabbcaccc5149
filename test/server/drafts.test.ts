// A team's shared order draft over real sockets: a teammate receives each
// change live with who added what; nobody else does — not the other team,
// the mediator, observers who see every channel, the public display, nor
// control — neither the draft nor that one exists, nor how much was drafted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DraftMessage } from "../../shared/protocol/drafts.ts";
import { Participant, api, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

const NOTE = "draft-note-7f3a: strike the grid at dawn";

/** The "draft" messages a participant received. */
const drafts = (p: Participant) => p.received.filter((m) => m.type === "draft").map((m) => m.message as DraftMessage);

/** A draft request's answer, or its refusal's { code, message }. */
async function ask(p: Participant, payload: unknown): Promise<DraftMessage | { code: string; message: string }> {
  try {
    return (await p.room.request("draft", payload)) as DraftMessage;
  } catch (err) {
    return (err as { reason: { code: string; message: string } }).reason;
  }
}

describe("the shared draft", () => {
  it("reaches the teammates live with who added what, and no other seat", async () => {
    const ex = await createExercise(srv.url, "tutorial", "draft-seed");
    const details = await api(srv.url, "GET", `/exercises/${ex.exerciseId}`, undefined, ex.codes.facilitator);
    const join = (code: string, name: string) => Participant.join(srv.url, ex.roomId, code, name);
    const ctl = await join(ex.codes.facilitator, "Control");
    await ctl.command({ type: "observers.visibility", seeAll: true });
    const [bo1, bo2, al, med, obs, pub] = await Promise.all([
      join(ex.codes.teams.borealis!, "Bo One"),
      join(ex.codes.teams.borealis!, "Bo Two"),
      join(ex.codes.teams.austral!, "Al"),
      join(ex.codes.mediator!, "Mia"),
      join(ex.codes.observer, "Obs"),
      join((details.body as { codes: { display: string } }).codes.display, "Wall"),
    ]);
    const others = [al, med, obs, pub, ctl];

    // Bo One drafts: the answer attributes the item, Bo Two receives it
    const first = (await ask(bo1, { items: [{ actionId: "probe", target: "austral", note: NOTE }] })) as DraftMessage;
    expect(first.items).toEqual([{ actionId: "probe", target: "austral", note: NOTE, by: "Bo One" }]);
    await bo2.until(() => drafts(bo2).length === 1, "Bo Two receives the draft");
    expect(drafts(bo2)[0]).toMatchObject({ items: first.items, by: "Bo One" });
    // Bo Two adds one: Bo One's item keeps its author, and Bo One receives the change
    const second = (await ask(bo2, {
      items: [...first.items.map(({ by: _by, ...i }) => i), { actionId: "harden" }],
    })) as DraftMessage;
    expect(second.items.map((i) => i.by)).toEqual(["Bo One", "Bo Two"]);
    await bo1.until(() => drafts(bo1).length === 1, "Bo One receives Bo Two's change");
    expect(drafts(bo1)[0]!.by).toBe("Bo Two");
    // a teammate who joins later asks for it and gets it whole
    const bo3 = await join(ex.codes.teams.borealis!, "Bo Three");
    expect(((await ask(bo3, {})) as DraftMessage).items).toEqual(second.items);

    // everyone else (each socket's messages arrive in order: a ping answered now comes after whatever the drafts
    // sent it): no draft message, no trace of its words, and Austral's own draft empty (nothing to count)
    await Promise.all(others.map((p) => p.room.request("ping")));
    for (const p of others) {
      expect(drafts(p)).toEqual([]);
      expect(p.transcript()).not.toContain(NOTE);
    }
    expect(await ask(al, {})).toEqual({ items: [], by: null, at: 0 });
    for (const p of [med, obs, pub, ctl])
      expect(await ask(p, {})).toEqual({ code: "forbidden", message: "Only a state team has a shared draft" });
    expect(await ask(med, { items: [{ actionId: "probe" }] })).toMatchObject({ code: "forbidden" });
    await Promise.all([bo1, bo2, bo3, al, med, obs, pub, ctl].map((p) => p.leave()));
  });

  it("refuses a draft that is not one, naming what was wrong", async () => {
    const ex = await createExercise(srv.url, "tutorial", "draft-bad");
    const bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
    const eleven = Array.from({ length: 11 }, () => ({ actionId: "harden" }));
    expect(await ask(bo, { items: eleven })).toEqual({
      code: "invalid",
      message: "draft.items: Too big: expected array to have <=10 items",
    });
    expect(await ask(bo, { items: [{ actionId: "harden", colour: "red" }] })).toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/^draft\.items\.0: .*colour/),
    });
    expect(await ask(bo, { items: [{ actionId: "" }] })).toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/^draft\.items\.0\.actionId: /),
    });
    // nothing was kept of the refused drafts
    expect(await ask(bo, {})).toEqual({ items: [], by: null, at: 0 });
    await bo.leave();
  });
});
