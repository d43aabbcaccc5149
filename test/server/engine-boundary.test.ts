// The server reaches the engine through its public surface only
// (shared/engine/index.ts), so the engine's files can be rewritten without
// breaking the server. This test reads every server file's imports.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const ENGINE_INDEX = "shared/engine/index.ts";

/** Every module a source text names: import … from, export … from, bare import, import(). */
function specifiers(source: string): { spec: string; line: number }[] {
  const out: { spec: string; line: number }[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g))
    out.push({ spec: m[1]!, line: source.slice(0, m.index).split("\n").length });
  return out;
}

/** The imports of one file (path from the root) that reach into the engine past index.ts. */
function engineBypasses(file: string, source: string): string[] {
  return specifiers(source)
    .filter(({ spec }) => spec.startsWith("."))
    .map(({ spec, line }) => ({ line, target: relative(ROOT, resolve(ROOT, dirname(file), spec)) }))
    .filter(
      ({ target }) => (target === "shared/engine" || target.startsWith("shared/engine/")) && target !== ENGINE_INDEX,
    )
    .map(({ line, target }) => `${file}:${line} imports ${target}`);
}

function serverFiles(): string[] {
  return readdirSync(join(ROOT, "server"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join("server", f));
}

describe("the server's way into the engine", () => {
  it("catches an import past index.ts, however it is written", () => {
    const source = [
      `import { view } from "../shared/engine/index.ts";`,
      `import { currentPhase } from "../shared/engine/context.ts";`,
      `export type { Ctx } from '../../shared/engine/context.ts';`,
      `const flow = await import("../shared/engine/flow.ts");`,
      `import "../shared/engine";`,
    ].join("\n");
    expect(engineBypasses("server/x.ts", source)).toEqual([
      "server/x.ts:2 imports shared/engine/context.ts",
      "server/x.ts:4 imports shared/engine/flow.ts",
      "server/x.ts:5 imports shared/engine",
    ]);
    expect(engineBypasses("server/http/x.ts", `import { x } from "../../shared/engine/escalation.ts";`)).toEqual([
      "server/http/x.ts:1 imports shared/engine/escalation.ts",
    ]);
  });

  it("every file under server/ imports the engine through shared/engine/index.ts only", () => {
    const files = serverFiles();
    const sources = files.map((f) => readFileSync(join(ROOT, f), "utf8"));
    // the scan sees the server's real imports of the engine, not nothing
    const viaIndex = sources.filter((s) =>
      specifiers(s).some(({ spec }) => spec.endsWith("shared/engine/index.ts")),
    ).length;
    expect(viaIndex).toBeGreaterThan(2);
    expect(files.flatMap((f, i) => engineBypasses(f, sources[i]!))).toEqual([]);
  });
});
