import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 120_000,
    projects: [
      { test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/browser/**", "test/cluster/**"] } },
      // PostgreSQL, Redis, nginx and several server processes on loopback; skipped (with a message) where they are not installed
      {
        test: {
          name: "cluster",
          include: ["test/cluster/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      // browser tests build the client once, then drive headless Chromium against a real server
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/build-client.ts"],
          testTimeout: 90_000,
          expect: { poll: { timeout: 10_000, interval: 100 } },
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
