// When the disk refuses a write, the command did not happen: the sender is told
// why, nothing changes, and the server carries on.
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Catalogue } from "../../server/catalogue.ts";
import { Hub } from "../../server/hub.ts";
import { Store } from "../../server/store.ts";

const facilitator = { role: "facilitator", name: "Carla" } as const;

describe("a failed write", () => {
  it("refuses the command with a reason, changes nothing, and the next write works", () => {
    const store = new Store(mkdtempSync(join(tmpdir(), "deconflict-disk-")));
    const hub = new Hub(store, new Catalogue("scenarios"));
    const ex = hub.create({ scenarioId: "tutorial" }, Date.now());
    const append = store.appendCommand.bind(store);
    store.appendCommand = () => {
      throw new Error("SQLITE_FULL: database or disk is full");
    };
    const r = ex.submit(facilitator, { type: "exercise.start" }, Date.now());
    expect(r).toEqual({
      ok: false,
      error: {
        code: "storage",
        message: expect.stringContaining("could not save this command, so it was not applied"),
      },
    });
    expect(ex.state.status).toBe("setup");
    expect(ex.commands).toHaveLength(0);
    expect(store.commands(ex.id)).toHaveLength(0);

    store.appendCommand = append;
    expect(ex.submit(facilitator, { type: "exercise.start" }, Date.now())).toEqual({ ok: true, seq: 1 });
    expect(store.commands(ex.id).map((c) => c.command.type)).toEqual(["exercise.start"]);
    store.close();
  });
});
