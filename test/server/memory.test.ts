// Ended exercises leave memory: once everyone has left an ended exercise its
// room closes within seconds (not after ROOM_IDLE_SECONDS), the hub lets it go,
// no exercise object stays alive, and the heap does not grow with the number
// of exercises played; a code still opens it again from storage.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { matchMaker } from "@colyseus/core";
import { Participant, createExercise, startTestServer, type Created, type TestServer } from "../helpers/server.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ CREATE_PER_MINUTE: "10000", ROOM_IDLE_SECONDS: "900" });
});
afterAll(async () => {
  await srv?.close();
});

/** Every exercise object the hub held while they were played, weakly: to see which ones are still alive. */
const seen: WeakRef<object>[] = [];

/** Plays `n` exercises to their end: control starts one, a team talks, control ends it, everyone leaves. */
async function playAndEnd(n: number, tag: string): Promise<Created[]> {
  const made: Created[] = [];
  for (let i = 0; i < n; i++) {
    const ex = await createExercise(srv.url, "tutorial", `${tag}-${i}`);
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    const ann = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Ann");
    await control.command({ type: "exercise.start" });
    for (let k = 0; k < 20; k++)
      await ann.command({ type: "team.chat", text: `${tag} ${i} line ${k} `.padEnd(200, "-") });
    for (const ex2 of srv.app.hub.all()) if (ex2.id === ex.exerciseId) seen.push(new WeakRef(ex2));
    await control.command({ type: "exercise.end", reason: "the session is over" });
    await control.until(() => ann.view.exercise.status === "ended", "Ann to see the end");
    await ann.leave();
    await control.leave();
    made.push(ex);
  }
  return made;
}

/** Waits until none of these exercises has a room or a place in the hub. */
async function released(made: Created[], ms: number): Promise<void> {
  const start = Date.now();
  const held = () =>
    made.filter(
      (ex) => matchMaker.getLocalRoomById(ex.roomId) || srv.app.hub.all().some((e) => e.id === ex.exerciseId),
    );
  while (held().length > 0) {
    if (Date.now() - start > ms) throw new Error(`${held().length} of ${made.length} ended exercises are still held`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function heap(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

describe("memory of ended exercises", () => {
  it("is released once everyone has left, and the heap does not grow with exercises played", async () => {
    // a first round warms up every cache and code path
    await released(await playAndEnd(10, "warm"), 15_000);
    const before = heap();
    const made = await playAndEnd(60, "round");
    // rooms close seconds after their last person left, though ROOM_IDLE_SECONDS is 900
    await released(made, 20_000);
    expect(srv.app.hub.all()).toEqual([]);
    const grown = heap() - before;
    // not one of the exercise objects is still alive: nothing holds on to them
    expect(seen).toHaveLength(70);
    expect(seen.filter((r) => r.deref() !== undefined)).toHaveLength(0);
    // and the heap does not grow with them: what it does grow by here (about 1 MB) is compiled code and
    // the test's own clients, so this bound only catches a gross leak; the weak references above are exact
    expect(grown, "heap growth after 60 ended exercises (bytes)").toBeLessThan(2.5 * 1024 * 1024);

    // and an ended exercise comes back from storage when someone arrives with its code
    const again = await Participant.join(srv.url, made[0]!.roomId, made[0]!.codes.teams.borealis!, "Ann");
    expect(again.view.exercise.status).toBe("ended");
    expect(again.view.chat.map((c) => c.text)).toHaveLength(20);
    await again.leave();
  }, 120_000);
});
