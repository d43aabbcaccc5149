// `npm start` rebuilds the browser client only when its sources changed since the last build.
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clientIsCurrent, stampClient } from "../../server/ops/build-client.ts";

describe("the client build check", () => {
  it("is current after a build, and not once a source changes, appears or the build is gone", () => {
    const root = mkdtempSync(join(tmpdir(), "deconflict-build-"));
    const dist = join(root, "dist");
    const sources = ["client", "vite.config.ts"];
    mkdirSync(join(root, "client", "pages"), { recursive: true });
    writeFileSync(join(root, "client", "pages", "a.ts"), "export const a = 1;\n");
    writeFileSync(join(root, "vite.config.ts"), "export default {};\n");
    expect(clientIsCurrent(root, dist, sources)).toBe(false);
    mkdirSync(dist);
    writeFileSync(join(dist, "index.html"), "<!doctype html>");
    expect(clientIsCurrent(root, dist, sources)).toBe(false);
    stampClient(root, dist, sources);
    expect(clientIsCurrent(root, dist, sources)).toBe(true);
    writeFileSync(join(root, "client", "pages", "a.ts"), "export const a = 2;\n");
    expect(clientIsCurrent(root, dist, sources)).toBe(false);
    stampClient(root, dist, sources);
    writeFileSync(join(root, "client", "pages", "b.ts"), "export const b = 1;\n");
    expect(clientIsCurrent(root, dist, sources)).toBe(false);
    stampClient(root, dist, sources);
    rmSync(join(dist, "index.html"));
    expect(clientIsCurrent(root, dist, sources)).toBe(false);
  });
});
