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
const gc = (globalThis as { gc?: () => void }).gc;

process.on("message", (m: { kind: string; gc?: boolean }) => {
  if (m.kind === "metrics") {
    if (m.gc && gc) for (let i = 0; i < 3; i++) gc();
    const { idle, active } = performance.eventLoopUtilization();
    send({ kind: "metrics", idle, active, memory: process.memoryUsage(), exercises: app.hub.all().length });
  }
  if (m.kind === "stop") void app.close().finally(() => process.exit(0));
});
send({ kind: "ready", port: app.port });
