// Who may use the studio: the organiser code when the server has one; the single-process server only;
// and a studio database that is not this Deconflict's stops the server with its file named.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { api, startTestServer } from "../helpers/server.ts";
import { rawScenario } from "../helpers/scenarios.ts";
import { studioRouter } from "../../server/studio/router.ts";
import { Catalogue } from "../../server/catalogue.ts";
import { Limits } from "../../server/guard/limits.ts";
import type { Hub } from "../../server/hub.ts";

const scenario = { ...rawScenario("tutorial"), id: "locked-drill" };

describe("the studio behind the organiser code", () => {
  it("answers only the organiser: no code 401, a wrong one 403, the right one works", async () => {
    const server = await startTestServer({ CREATE_CODE: "organiser-secret" });
    try {
      const routes: [string, string, unknown][] = [
        ["GET", "/studio/scenarios", undefined],
        ["GET", "/studio/scenarios/tutorial", undefined],
        ["GET", "/studio/scenarios/tutorial/file?format=yaml", undefined],
        ["POST", "/studio/scenarios/locked-drill/versions", { scenario }],
        ["POST", "/studio/scenarios/locked-drill/restore", { version: 1 }],
        ["POST", "/studio/import", { text: "id: x" }],
      ];
      for (const [method, path, body] of routes) {
        const none = await api(server.url, method, path, body);
        expect(none, `${method} ${path}`).toMatchObject({
          status: 401,
          body: { error: { code: "create-code-required" } },
        });
        const wrong = await api(server.url, method, path, body, "not-the-code");
        expect(wrong, `${method} ${path}`).toMatchObject({
          status: 403,
          body: { error: { code: "wrong-create-code" } },
        });
      }
      // nothing was saved by the refused calls
      expect((await api(server.url, "GET", "/scenarios")).body.map((s: { id: string }) => s.id)).not.toContain(
        "locked-drill",
      );
      const saved = await api(
        server.url,
        "POST",
        "/studio/scenarios/locked-drill/versions",
        { scenario },
        "organiser-secret",
      );
      expect(saved).toMatchObject({ status: 201, body: { version: 1 } });
    } finally {
      await server.close();
    }
  });
});

describe("the studio on shared storage", () => {
  it("answers 501 studio-unavailable for the library and attachments, saying it needs the single-process server", async () => {
    // the studio's router as the server mounts it, over a hub whose storage says it is shared (PostgreSQL)
    const hub = { store: { shared: true }, catalogue: new Catalogue("scenarios") } as unknown as Hub;
    const limits = new Limits({ createPerMinute: 10, wrongCodesPerMinute: 10 });
    const app = express();
    app.use("/api/studio", studioRouter({ hub, limits, address: () => "test", dataDir: ":memory:" }));
    const listener = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => listener.once("listening", resolve));
    const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    try {
      for (const path of ["/studio/scenarios", "/studio/scenarios/tutorial", "/studio/attachments/abc"]) {
        const r = await api(url, "GET", path);
        expect(r, path).toMatchObject({ status: 501, body: { error: { code: "studio-unavailable" } } });
        expect(r.body.error.message).toMatch(/single-process server/);
      }
      const save = await api(url, "POST", "/studio/scenarios/locked-drill/versions", { scenario });
      expect(save.status).toBe(501);
      // reading a file needs no storage: the import still answers
      expect((await api(url, "POST", "/studio/import", { text: JSON.stringify(scenario) })).body.ok).toBe(true);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});

describe("a studio database this Deconflict did not write", () => {
  it("stops the server with the file named, for a foreign file and for a newer one", async () => {
    for (const [what, prepare, message] of [
      ["foreign", (db: DatabaseSync) => db.exec("CREATE TABLE invoices (id INTEGER)"), /is not the studio's database/],
      ["newer", (db: DatabaseSync) => db.exec("PRAGMA user_version = 99"), /schema version 99.*a newer Deconflict/],
    ] as const) {
      const dir = mkdtempSync(join(tmpdir(), "deconflict-studio-"));
      const db = new DatabaseSync(join(dir, "studio.sqlite"));
      prepare(db);
      db.close();
      await expect(startTestServer({ DATA_DIR: dir }), what).rejects.toThrow(message);
      await expect(startTestServer({ DATA_DIR: dir }), what).rejects.toThrow(/studio\.sqlite/);
    }
  });
});
