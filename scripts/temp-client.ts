// Builds the browser client into a temporary folder, for the scripts that
// measure it in Chromium against a real server (board-load, board-idle-cpu).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";

/** The folder of a fresh client build. */
export async function buildTempClient(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "deconflict-client-"));
  console.log("building the client…");
  await build({
    configFile: join(process.cwd(), "vite.config.ts"),
    build: { outDir, emptyOutDir: true },
    logLevel: "warn",
  });
  return outDir;
}
