// One team code opened a hundred times buys no more than one seat's budget,
// and leaving and rejoining does not refill it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Participant, createExercise, startTestServer, type Created, type TestServer } from "../../helpers/server.ts";

let srv: TestServer;
let ex: Created;
beforeAll(async () => {
  srv = await startTestServer();
  ex = await createExercise(srv.url, "tutorial", "budget");
});
afterAll(() => srv.close());

async function joinMany(code: string, n: number) {
  const tries = await Promise.allSettled(
    Array.from({ length: n }, (_, i) => Participant.join(srv.url, ex.roomId, code, `Bot ${i}`)),
  );
  const joined = tries.flatMap((t) => (t.status === "fulfilled" ? [t.value] : []));
  const refused = tries.flatMap((t) => (t.status === "rejected" ? [String((t.reason as Error).message)] : []));
  return { joined, refused };
}

async function sendAll(people: Participant[], each: number) {
  const started = Date.now();
  const results = await Promise.all(
    people.flatMap((p, i) =>
      Array.from({ length: each }, (_, k) => p.refusal({ type: "team.chat", text: `m ${i}.${k}` })),
    ),
  );
  return {
    accepted: results.filter((r) => r === null).length,
    limited: results.filter((r) => r?.code === "rate-limited").length,
    seconds: (Date.now() - started) / 1000,
  };
}

describe("a seat's budget", () => {
  it("is shared by every connection of the seat, and survives leaving and rejoining", async () => {
    const code = ex.codes.teams.austral!;
    const { joined, refused } = await joinMany(code, 100);
    // a seat holds at most 40 connections; the rest are told why
    expect(joined.length).toBe(40);
    expect(refused[0]).toMatch(/already has 40 connections open/);

    const first = await sendAll(joined, 5);
    // bursts of 20, then 5 a second: never 200
    expect(first.accepted).toBeLessThanOrEqual(20 + Math.ceil(first.seconds * 5) + 1);
    expect(first.limited).toBeGreaterThan(150);

    // another seat is not slowed by the flood
    const other = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bea");
    expect(await other.refusal({ type: "team.chat", text: "still here" })).toBeNull();

    for (const p of joined) await p.leave();
    const again = await joinMany(code, 10);
    const second = await sendAll(again.joined, 5);
    expect(second.accepted).toBeLessThanOrEqual(Math.ceil((first.seconds + second.seconds + 5) * 5) + 1);
    expect(second.limited).toBeGreaterThan(0);
    for (const p of [...again.joined, other]) await p.leave();
  }, 60_000);
});
