// The engine changes a live exercise's state in place. If it fails half-way
// through a command (a bug, not a refusal), the command did not happen: the
// sender is told, the state is what the commands so far make it, and play goes on.
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Catalogue } from "../../server/catalogue.ts";
import { Hub } from "../../server/hub.ts";
import { Store } from "../../server/store.ts";
import { replay } from "../../shared/engine/index.ts";

const facilitator = { role: "facilitator", name: "Carla" } as const;

describe("an engine fault in the middle of a command", () => {
  it("refuses the command, rebuilds the state from the commands, and the next command works", async () => {
    const store = new Store(mkdtempSync(join(tmpdir(), "deconflict-fault-")));
    const hub = new Hub(store, new Catalogue("scenarios"));
    const ex = hub.create({ scenarioId: "tutorial" }, Date.now());
    expect((await ex.submit(facilitator, { type: "exercise.start" }, Date.now())).ok).toBe(true);
    const before = structuredClone(ex.state);

    // the pause handler changes the status, then records its event: the fault strikes between the two
    const log = ex.state.log;
    log.push = () => {
      throw new Error("fault planted by the test");
    };
    const r = await ex.submit(facilitator, { type: "exercise.pause", reason: "coffee" }, Date.now());
    expect(r).toEqual({ ok: false, error: { code: "engine", message: expect.stringContaining("nothing changed") } });
    expect(ex.state).not.toBe(before);
    expect(ex.state).toEqual(before);
    expect(ex.state.status).toBe("running");

    expect(await ex.submit(facilitator, { type: "exercise.pause", reason: "coffee" }, Date.now())).toEqual({
      ok: true,
      seq: 2,
    });
    expect(ex.state.status).toBe("paused");
    const stored = store.commands(ex.id);
    expect(stored.map((c) => c.command.type)).toEqual(["exercise.start", "exercise.pause"]);
    const { scenario, row } = ex;
    expect(replay({ scenario, seed: row.seed, title: row.title, commands: stored })).toEqual(ex.state);
    store.close();
  });
});
