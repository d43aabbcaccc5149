// Bot work never holds up the server: policies run on the bots' thread, a
// policy over its budget leaves its seat (recorded), and one that never
// finishes is cut off while the room goes on answering people.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import seedrandom from "seedrandom";
import { init, view } from "../../shared/engine/index.ts";
import type { MyControl } from "../../shared/engine/index.ts";
import { BotDriver } from "../../server/bots/driver.ts";
import { PolicyThread } from "../../server/bots/policy-thread.ts";
import { DEFAULT_BOT_SETTINGS } from "../../server/bots/settings.ts";
import type { RecordingV3 } from "../../shared/protocol/recording.ts";
import { Participant, api, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const SLOW = new URL("./bots-slow-policy.ts", import.meta.url).href;
let srv: TestServer;
const threads: PolicyThread[] = [];
beforeAll(async () => {
  // the rooms' own bots wait an hour before acting: only the drivers made here act within the test
  srv = await startTestServer({ BOT_DELAY_SECONDS: "3600" });
});
afterAll(async () => {
  await Promise.all(threads.map((t) => t.close()));
  await srv?.close();
});

function thread(hardMs: number): PolicyThread {
  const t = new PolicyThread({ hardMs, policies: SLOW });
  threads.push(t);
  return t;
}

/** The longest the event loop went without running a 5 ms interval, while `work` was awaited. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T | Error; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  try {
    return { result: await work().catch((e: Error) => e), stallMs };
  } finally {
    clearInterval(tick);
  }
}

describe("bot work off the event loop", () => {
  it("cuts off a policy that never finishes, without stalling the server, and answers the next call", async () => {
    const t = thread(300);
    const state = init(loadScenario("tutorial"), { seed: "budget" });
    const v = view(state, { role: "team", teamId: "austral" });
    const rng = seedrandom("r", { state: true }).state();
    const { result, stallMs } = await longestStall(() => t.ask("random", v, rng));
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toBe("its policy ran past 300 ms and was stopped");
    expect(stallMs).toBeLessThan(150);
    const next = await t.ask("cautious-diplomat", v, rng);
    expect(next.commands).toEqual([]);
    expect(next.ms).toBeLessThan(50);
  });

  it("takes a bot over its budget out of its seat, recorded; the room keeps answering meanwhile", async () => {
    const ex = await createExercise(srv.url, "tutorial", "slow-bots");
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });
    await control.command({ type: "phase.advance" });
    const live = srv.app.hub.get(ex.exerciseId)!;
    const settings = { ...DEFAULT_BOT_SETTINGS, minDelayMs: 10, maxDelayMs: 20, budgetMs: 100 };
    const driver = new BotDriver(live, settings, thread(1000));
    try {
      // the hawk here thinks for 400 ms: over its 100 ms budget
      await control.command({ type: "bot.seat", seat: "austral", policy: "hawk" });
      await control.command({ type: "bot.seat", seat: "borealis", policy: "random" });
      const me = () => control.view.me as MyControl;
      const started = Date.now();
      // meanwhile, people are answered at once
      await control.command({ type: "note.add", text: "still here" });
      expect(Date.now() - started).toBeLessThan(200);
      await control.until(() => me().bots?.austral === undefined, "the slow bot leaves", 5000);
      await control.until(() => me().bots?.borealis === undefined, "the stuck bot leaves", 5000);
      expect(driver.stats.slowestMs).toBeGreaterThanOrEqual(400);
    } finally {
      driver.stop();
    }
    const rec = (await api(srv.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator))
      .body as RecordingV3;
    const outs = rec.commands.filter((c) => c.actor.role === "system" && c.command.type === "bot.seat");
    expect(outs.map((c) => c.command).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { type: "bot.seat", seat: "austral", policy: null },
      { type: "bot.seat", seat: "borealis", policy: null },
    ]);
    await control.leave();
  });
});
