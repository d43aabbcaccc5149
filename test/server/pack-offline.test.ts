// `npm run pack:offline` makes an archive that starts with `npm start` and no package registry:
// the registry is pointed at a closed port, and the server must serve its pages and API.
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./server-process.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
let child: ChildProcess | undefined;
const dir = mkdtempSync(join(tmpdir(), "deconflict-offline-"));
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once("exit", r));
    // npm, its shell and the server it started: the whole process group this test made
    process.kill(-child.pid!, "SIGKILL");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("the offline bundle", () => {
  it(
    "unpacks and runs with npm start, without a registry and without rebuilding the client",
    { timeout: 240_000 },
    async () => {
      const archive = join(dir, "bundle.tar.gz");
      execFileSync(process.execPath, [join(root, "scripts/pack-offline.ts"), "--out", archive], {
        cwd: root,
        stdio: "pipe",
      });
      const target = join(dir, "closed-network");
      execFileSync("mkdir", ["-p", target]);
      execFileSync("tar", ["xzf", archive, "-C", target]);
      const app = join(target, "deconflict");
      const port = await freePort();
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? "",
        HOME: dir,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: join(dir, "data"),
        npm_config_offline: "true",
        npm_config_registry: "http://127.0.0.1:9/",
        npm_config_update_notifier: "false",
      };
      child = spawn("npm", ["start"], { cwd: app, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
      let out = "";
      child.stdout!.on("data", (d) => (out += d));
      child.stderr!.on("data", (d) => (out += d));
      const until = Date.now() + 60_000;
      while (!out.includes("Deconflict is running")) {
        if (Date.now() > until || child.exitCode !== null) throw new Error(`the bundle did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(out).toContain("The browser client is built and current.");
      const base = `http://127.0.0.1:${port}`;
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      const page = await (await fetch(`${base}/`)).text();
      expect(page).toMatch(/<!doctype html>/i);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
      expect(asset).toBeDefined();
      expect((await fetch(`${base}${asset}`)).status).toBe(200);
      // the server runs on the bundle's own Node 24, whatever Node the machine has
      expect(execFileSync(join(app, "node_modules/.bin/node"), ["--version"]).toString()).toMatch(/^v24\./);
    },
  );
});
