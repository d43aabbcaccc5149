// The same seed gives the same report however many worker threads play it,
// and the same as playing every game in this thread.
import { describe, expect, it } from "vitest";
import { playInWorkers } from "../../server/http/lab.ts";
import { buildReport, runLab, type LabJob } from "../../shared/lab/run.ts";
import { loadScenario } from "../helpers/scenarios.ts";

describe("lab workers", () => {
  it("merges slices from 1 or 3 workers into the very same JSON, the ablation's games too", async () => {
    const job: LabJob = {
      scenario: loadScenario("grid-intrusion"),
      profiles: ["diplomats", "hawks-vs-provocateur", "random"],
      games: 6,
      seed: "workers",
      // diplomats again with trust off and with standing off
      ablation: ["diplomats"],
    };
    const seen: number[] = [];
    const one = buildReport(job, await playInWorkers(job, 1, (done) => seen.push(done)).games);
    const three = buildReport(job, await playInWorkers(job, 3).games);
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    expect(JSON.stringify(runLab(job))).toBe(JSON.stringify(one));
    // progress rose to every game
    expect(seen.at(-1)).toBe(30);
    expect(one.ablation).toHaveLength(2);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  }, 60_000);

  it("rejects with the worker's error when a game throws", async () => {
    const job = { scenario: loadScenario("tutorial"), profiles: ["no-such-profile"], games: 1, seed: "x" };
    await expect(playInWorkers(job, 1).games).rejects.toThrow(/unknown profile "no-such-profile"/);
  });
});
