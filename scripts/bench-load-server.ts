// The server of `npm run bench:load`: the real application (startApp), which
// also answers the orchestrator's questions over IPC: its event-loop
// utilisation and its memory. Started by scripts/bench-load.ts.
import { performance } from "node:perf_hooks";
import { startApp } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { setEngineFreeze } from "../shared/engine/index.ts";

// as `npm start` runs: frozen states are for development and tests
setEngineFreeze(false);
const app = await startApp(loadConfig());
const send = (m: unknown) => process.send!(m);

// how long each group takes to become durable, and how many commands it holds (since the last "reset")
const groups: { ms: number; rows: number }[] = [];
const store = app.hub.store;
const write = store.writeGroup.bind(store);
store.writeGroup = async (rows) => {
  const t0 = performance.now();
  try {
    return await write(rows);
  } finally {
    groups.push({ ms: performance.now() - t0, rows: rows.length });
  }
};
const commits = () => {
  const ms = groups.map((g) => g.ms).sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? NaN;
  const rows = groups.reduce((n, g) => n + g.rows, 0);
  return {
    groups: groups.length,
    rowsPerGroup: rows / groups.length,
    p50: q(0.5),
    p99: q(0.99),
    max: ms.at(-1) ?? NaN,
  };
};
const gc = (globalThis as { gc?: () => void }).gc;

process.on("message", (m: { kind: string; gc?: boolean; reset?: boolean }) => {
  if (m.kind === "metrics") {
    if (m.gc && gc) for (let i = 0; i < 3; i++) gc();
    const { idle, active } = performance.eventLoopUtilization();
    send({
      kind: "metrics",
      idle,
      active,
      memory: process.memoryUsage(),
      exercises: app.hub.all().length,
      commits: commits(),
    });
    if (m.reset) groups.length = 0;
  }
  if (m.kind === "stop") void app.close().finally(() => process.exit(0));
});
send({ kind: "ready", port: app.port });
