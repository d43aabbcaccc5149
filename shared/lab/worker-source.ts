// The source of a lab worker thread, for `new Worker(LAB_WORKER_SOURCE, { eval: true, workerData })`.
// It is a string so shared/ needs no Node import: the command line and the
// server start it alike. workerData: { module: URL of shared/lab/run.ts, job }.
// Messages in: { from, to } (a slice of game numbers) or "stop". Out:
// { kind: "progress", more } (games finished since the last) now and then, { kind: "done", from, games } per
// slice, { kind: "error", message } if a game throws.

/** The worker's code (CommonJS, run by Node itself; run.ts is TypeScript, stripped by Node). */
export const LAB_WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.module).then((lab) => {
  parentPort.on("message", (msg) => {
    if (msg === "stop") return process.exit(0);
    try {
      let sent = 0;
      const games = lab.playSlice(workerData.job, msg.from, msg.to, (done) => {
        if (done - sent >= 10) {
          parentPort.postMessage({ kind: "progress", more: done - sent });
          sent = done;
        }
      });
      parentPort.postMessage({ kind: "progress", more: games.length - sent });
      parentPort.postMessage({ kind: "done", from: msg.from, games });
    } catch (err) {
      parentPort.postMessage({ kind: "error", message: String((err && err.stack) || err) });
    }
  });
  parentPort.postMessage({ kind: "ready" });
}).catch((err) => parentPort.postMessage({ kind: "error", message: String((err && err.stack) || err) }));
`;

/** A message from a lab worker. */
export type LabWorkerMessage =
  | { kind: "ready" }
  | { kind: "progress"; more: number }
  | { kind: "done"; from: number; games: import("./types.ts").GameSummary[] }
  | { kind: "error"; message: string };
