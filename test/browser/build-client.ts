// Builds the browser client once for the browser tests, into a temporary folder.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    clientDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), "deconflict-client-"));
  await build({
    configFile: fileURLToPath(new URL("../../vite.config.ts", import.meta.url)),
    build: { outDir, emptyOutDir: true },
    logLevel: "warn",
  });
  project.provide("clientDir", outDir);
}
