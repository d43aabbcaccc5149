// `npm start` builds the browser client only when it is missing or its sources
// changed since the last build: a hash of the sources is kept beside the build.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** What the client is built from (relative to the project root). */
export const CLIENT_SOURCES = ["client", "shared", "vite.config.ts", "package-lock.json"];
export const STAMP = ".source-hash";

/** A hash of every source file's path and content. */
export function sourceHash(root: string, sources: readonly string[] = CLIENT_SOURCES): string {
  const h = createHash("sha256");
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
      return;
    }
    h.update(relative(root, path)).update("\0").update(readFileSync(path)).update("\0");
  };
  for (const s of sources) visit(join(root, s));
  return h.digest("hex");
}

/** Whether `dist` holds a build of exactly these sources. */
export function clientIsCurrent(root: string, dist: string, sources?: readonly string[]): boolean {
  const stamp = join(dist, STAMP);
  if (!existsSync(join(dist, "index.html")) || !existsSync(stamp)) return false;
  return readFileSync(stamp, "utf8").trim() === sourceHash(root, sources);
}

/** Records that `dist` was built from the sources as they are now. */
export function stampClient(root: string, dist: string, sources?: readonly string[]): void {
  writeFileSync(join(dist, STAMP), `${sourceHash(root, sources)}\n`);
}

// run as a script: build if needed (`--stamp` only records a build just made)
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const dist = resolve(root, process.env.CLIENT_DIR ?? "dist");
  if (process.argv.includes("--stamp")) stampClient(root, dist);
  else if (clientIsCurrent(root, dist)) console.log("The browser client is built and current.");
  else {
    const hash = sourceHash(root);
    const r = spawnSync("npx", ["vite", "build"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
    writeFileSync(join(dist, STAMP), `${hash}\n`);
  }
}
