// Security headers, as any browser (or anyone) receives them: the client's
// pages and assets carry a strict Content-Security-Policy, API answers load
// nothing, and the after-action report allows only its own stylesheet, both in
// the HTTP header and in the file itself (it is opened from disk, without one).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { api, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
beforeAll(async () => {
  // a stand-in for the built client: the headers do not depend on what it contains
  const clientDir = mkdtempSync(join(tmpdir(), "deconflict-client-"));
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(
    join(clientDir, "index.html"),
    `<!doctype html><title>Deconflict</title><script type="module" src="/assets/app.js"></script>`,
  );
  writeFileSync(join(clientDir, "assets", "app.js"), `console.log("client")`);
  srv = await startTestServer({ CLIENT_DIR: clientDir });
});
afterAll(async () => {
  await srv?.close();
});

/** The CSP as a map of directive → sources. */
function csp(header: string | null): Map<string, string[]> {
  expect(header, "a Content-Security-Policy header").toBeTruthy();
  return new Map(
    header!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectCommonHeaders(h: Headers): void {
  expect(h.get("x-content-type-options")).toBe("nosniff");
  expect(h.get("x-frame-options")).toBe("DENY");
  expect(h.get("referrer-policy")).toBe("no-referrer");
  expect(h.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(h.get("cross-origin-resource-policy")).toBe("same-origin");
  expect(h.get("x-powered-by")).toBeNull();
}

/** A GET with a chosen Host header (fetch does not let a caller set it). */
function getWithHost(path: string, host: string): Promise<{ status: number; csp: string }> {
  const { port } = new URL(srv.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, csp: String(res.headers["content-security-policy"] ?? "") });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("security headers", () => {
  it("pages of the client allow only its own scripts, styles and connections", async () => {
    for (const path of ["/", "/exercise/ex-123", "/join?code=ABCD"]) {
      const res = await fetch(`${srv.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expectCommonHeaders(res.headers);
      const p = csp(res.headers.get("content-security-policy"));
      expect(p.get("default-src")).toEqual(["'self'"]);
      expect(p.get("script-src")).toEqual(["'self'"]);
      expect(p.get("script-src-attr")).toEqual(["'none'"]);
      expect(p.get("style-src-attr")).toEqual(["'none'"]);
      expect(p.get("object-src")).toEqual(["'none'"]);
      expect(p.get("base-uri")).toEqual(["'none'"]);
      expect(p.get("form-action")).toEqual(["'self'"]);
      expect(p.get("frame-ancestors")).toEqual(["'none'"]);
      expect(p.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
      // the WebSocket goes back to the host the page came from, and nowhere else
      const host = new URL(srv.url).host;
      expect(p.get("connect-src")).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
      // styles: the client's own stylesheet, and the report's by hash (it opens from the console as a blob: page)
      expect(p.get("style-src")![0]).toBe("'self'");
      // one hash per shipped language: the report's print footer is worded in its language
      const hash = expect.stringMatching(/^'sha256-[A-Za-z0-9+/]{43}='$/);
      expect(p.get("style-src")!.slice(1)).toEqual([hash, hash, hash, hash]);
      for (const sources of p.values()) for (const s of sources) expect(s).not.toMatch(/unsafe|^\*$|^https?:$/);
      // on a training network the client is served over plain HTTP: nothing may be upgraded to https
      expect(p.has("upgrade-insecure-requests")).toBe(false);
    }
  });

  it("an asset gets the same headers", async () => {
    const res = await fetch(`${srv.url}/assets/app.js`);
    expect(res.status).toBe(200);
    expectCommonHeaders(res.headers);
    expect(csp(res.headers.get("content-security-policy")).get("script-src")).toEqual(["'self'"]);
  });

  it("a forged Host header cannot write into the policy", async () => {
    const forged = await getWithHost("/", "evil.example; script-src *");
    expect(forged.csp).not.toContain("evil");
    expect(csp(forged.csp).get("script-src")).toEqual(["'self'"]);
    // an ordinary name with a port is used as it came
    const lan = await getWithHost("/", "192.168.1.20:2567");
    expect(csp(lan.csp).get("connect-src")).toEqual(["'self'", "ws://192.168.1.20:2567", "wss://192.168.1.20:2567"]);
  });

  it("API answers, refusals included, may load nothing", async () => {
    const health = await fetch(`${srv.url}/api/health`);
    expect(health.status).toBe(200);
    expectCommonHeaders(health.headers);
    const p = csp(health.headers.get("content-security-policy"));
    expect(p.get("default-src")).toEqual(["'none'"]);
    expect(p.get("frame-ancestors")).toEqual(["'none'"]);
    const refused = await api(srv.url, "GET", "/exercises/ex-nope/report?format=html");
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(csp(refused.headers.get("content-security-policy")).get("default-src")).toEqual(["'none'"]);
  });

  it("the HTML report carries its policy in the header and in the file, and its stylesheet matches the hash", async () => {
    const ex = await createExercise(srv.url, "tutorial", "headers-seed");
    const res = await fetch(`${srv.url}/api/exercises/${ex.exerciseId}/report?format=html&download`, {
      headers: { authorization: `Bearer ${ex.codes.facilitator}` },
    });
    expect(res.status).toBe(200);
    expectCommonHeaders(res.headers);
    const html = await res.text();
    const header = csp(res.headers.get("content-security-policy"));
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    expect(meta, "a CSP meta element").not.toBeNull();
    // the meta element comes before anything it governs
    expect(html.indexOf(meta![0])).toBeLessThan(html.indexOf("<style>"));
    const inFile = csp(meta![1]!);
    for (const p of [header, inFile]) {
      expect(p.get("default-src")).toEqual(["'none'"]);
      expect(p.get("img-src")).toEqual(["data:"]);
      expect(p.get("base-uri")).toEqual(["'none'"]);
      expect(p.get("form-action")).toEqual(["'none'"]);
      expect(p.has("script-src")).toBe(false);
    }
    // browsers ignore (and complain about) frame-ancestors in a meta element; the header has it
    expect(header.get("frame-ancestors")).toEqual(["'none'"]);
    expect(inFile.has("frame-ancestors")).toBe(false);

    // exactly one stylesheet, allowed by its hash; no script and no style attribute anywhere
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    const hash = `'sha256-${createHash("sha256").update(styles[0]!, "utf8").digest("base64")}'`;
    expect(inFile.get("style-src")).toEqual([hash]);
    expect(header.get("style-src")).toEqual([hash]);
    expect(html).not.toMatch(/<script|<[^>]*\s(?:style|on[a-z]+)=/i);
    // the client's pages allow the same hash, so the report opened from the console is styled
    const page = csp((await fetch(`${srv.url}/`)).headers.get("content-security-policy"));
    expect(page.get("style-src")).toContain(hash);
  });
});
