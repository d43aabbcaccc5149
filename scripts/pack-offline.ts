// `npm run pack:offline`: one archive that runs Deconflict on a closed network,
// with no package registry: the built client, the server, the scenarios, and
// the production node_modules (with the Node 24 runtime of the `node` package).
// On the target machine: tar xzf deconflict-offline-<version>.tar.gz && cd deconflict && npm start
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CLIENT_SOURCES, clientIsCurrent, sourceHash, stampClient } from "../server/ops/build-client.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
/** What the server needs at run time; the client goes in built. */
const PARTS = ["package.json", "package-lock.json", "server", "shared", "scenarios", "dist", "README.md", "docs"];
/** The client's sources, so `npm start` there sees its build is current and never rebuilds. */
const SOURCES = ["client", "vite.config.ts"];
/** Only the client's build needs these, and it is already built. */
const BUILD_ONLY = ["phaser"];

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const out = resolve(option("out", join(root, `deconflict-offline-${version}.tar.gz`)));

if (!clientIsCurrent(root, join(root, "dist"))) {
  console.log("Building the browser client…");
  execFileSync("npx", ["vite", "build"], { cwd: root, stdio: "inherit" });
  stampClient(root, join(root, "dist"));
}
const stage = mkdtempSync(join(tmpdir(), "deconflict-pack-"));
const app = join(stage, "deconflict");
try {
  for (const part of [...PARTS, ...SOURCES])
    if (existsSync(join(root, part))) cpSync(join(root, part), join(app, part), { recursive: true });
  cpSync(join(root, "node_modules"), join(app, "node_modules"), { recursive: true, verbatimSymlinks: true });
  // development tools out (no registry is asked: prune only removes)
  execFileSync("npm", ["prune", "--omit=dev", "--offline", "--no-audit", "--no-fund"], { cwd: app, stdio: "inherit" });
  for (const dep of BUILD_ONLY) rmSync(join(app, "node_modules", dep), { recursive: true, force: true });
  // the lock file as built from (prune may rewrite it): the client's build check hashes it
  cpSync(join(root, "package-lock.json"), join(app, "package-lock.json"));
  if (!clientIsCurrent(app, join(app, "dist"))) {
    const differ = CLIENT_SOURCES.filter((s) => sourceHash(root, [s]) !== sourceHash(app, [s]));
    throw new Error(`the packed client does not match its sources (${differ.join(", ") || "its build"})`);
  }
  execFileSync("tar", ["czf", out, "-C", stage, "deconflict"], { stdio: "inherit" });
  console.log(`Wrote ${out}\nOn the target machine: tar xzf ${out.split("/").pop()} && cd deconflict && npm start`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
