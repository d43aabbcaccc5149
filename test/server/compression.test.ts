// Static files, pages and API answers travel compressed to a browser that asks
// for it (gzip or brotli), byte for byte the same once decoded, with the
// security headers kept; a caller that does not ask gets them as they are, and
// joining a room (matchmaking and the WebSocket) still works.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Participant, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";

/** A stand-in for a built bundle: large and repetitive, as minified JavaScript is. */
const script = Array.from({ length: 400 }, (_, i) => `export const value${i} = compute(${i}, "deconflict");`).join(
  "\n",
);
const page = `<!doctype html><title>Deconflict</title><script type="module" src="/assets/app-1234.js"></script>${"<!-- -->".repeat(200)}`;

let srv: TestServer;
beforeAll(async () => {
  const clientDir = mkdtempSync(join(tmpdir(), "deconflict-client-"));
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "index.html"), page);
  writeFileSync(join(clientDir, "assets", "app-1234.js"), script);
  srv = await startTestServer({ CLIENT_DIR: clientDir });
});
afterAll(async () => {
  await srv?.close();
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that keeps the bytes as sent (fetch would decode them). */
function get(path: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${srv.url}${path}`, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("compression", () => {
  it("serves a JS asset gzip-encoded when asked, the same bytes once decoded", async () => {
    const r = await get("/assets/app-1234.js", "gzip, deflate");
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(r.headers["content-type"]).toMatch(/javascript/);
    expect(String(r.headers.vary)).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(r.body).toString()).toBe(script);
    expect(r.body.length).toBeLessThan(Buffer.byteLength(script) / 3);
    // the security headers stay on a compressed answer
    expect(r.headers["content-security-policy"]).toBeTruthy();
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("uses brotli for a browser that offers it", async () => {
    const r = await get("/assets/app-1234.js", "gzip, deflate, br");
    expect(r.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(r.body).toString()).toBe(script);
  });

  it("sends files unchanged to a caller that does not ask for compression", async () => {
    const r = await get("/assets/app-1234.js");
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(r.body.toString()).toBe(script);
  });

  it("compresses pages and JSON answers of the API", async () => {
    const html = await get("/exercise/ex-1234", "gzip");
    expect(html.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(html.body).toString()).toBe(page);

    const plain = await get("/api/scenarios");
    const json = await get("/api/scenarios", "gzip");
    expect(json.headers["content-type"]).toMatch(/application\/json/);
    expect(json.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(json.body).toString()).toBe(plain.body.toString());
    expect(JSON.parse(plain.body.toString()).length).toBeGreaterThan(0);
  });

  it("still lets a participant join a room and play", async () => {
    const ex = await createExercise(srv.url);
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    try {
      await control.command({ type: "exercise.start" });
      await control.until(() => control.view.exercise.status === "running", "the exercise running");
    } finally {
      await control.leave();
    }
  });
});
