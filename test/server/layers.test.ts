// The HTTP API and the guards sit beside the rooms, not above them: they open
// an exercise's room through server/open-room.ts and never import server/room/.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The files under server/<dir>/ and the server files their relative imports name. */
function importsOf(dir: string): { file: string; target: string }[] {
  return readdirSync(join(ROOT, "server", dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .flatMap((f) => {
      const file = join("server", dir, f);
      const source = readFileSync(join(ROOT, file), "utf8");
      return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.[^"']*)["']/g)].map((m) => ({
        file,
        target: relative(ROOT, resolve(ROOT, dirname(file), m[1]!)),
      }));
    });
}

describe("server layers", () => {
  it("server/http and server/guard import nothing from server/room", () => {
    const all = [...importsOf("http"), ...importsOf("guard")];
    // the scan sees real imports, among them the room opener beside them
    expect(all).toContainEqual({ file: join("server", "http", "api.ts"), target: join("server", "open-room.ts") });
    expect(all.filter((i) => i.target.startsWith(join("server", "room")))).toEqual([]);
  });
});
