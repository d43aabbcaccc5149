// The writer thread: its own node:sqlite connection commits each group of
// commands (and then history.json), so the fsync never stalls the event loop
// that serves the rooms. Messages are handled one at a time, in order.
import { parentPort, workerData } from "node:worker_threads";
import { DatabaseSync } from "node:sqlite";
import { BUSY_TIMEOUT_MS, groupAppender, type AppendRow } from "./store-append.ts";
import { writeHistory, type History } from "./storage-files.ts";

export interface WriterData {
  dir: string;
  file: string;
}

export type WriterRequest =
  | { kind: "group"; id: number; rows: AppendRow[]; history: { counts: History; durable: boolean } | null }
  | { kind: "close"; done: SharedArrayBuffer };

export type WriterReply = { id: number; ok: true; historyError?: string } | { id: number; ok: false; error: string };

const { dir, file } = workerData as WriterData;
const db = new DatabaseSync(file, { timeout: BUSY_TIMEOUT_MS });
db.exec("PRAGMA synchronous = FULL;");
const append = groupAppender(db);
const port = parentPort!;

port.on("message", (m: WriterRequest) => {
  if (m.kind === "close") {
    db.close();
    const flag = new Int32Array(m.done);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    port.close();
    return;
  }
  try {
    append(m.rows);
  } catch (err) {
    port.postMessage({ id: m.id, ok: false, error: (err as Error).message } satisfies WriterReply);
    return;
  }
  let historyError: string | undefined;
  try {
    if (m.history) writeHistory(dir, m.history.counts, m.history.durable);
  } catch (err) {
    historyError = (err as Error).message;
  }
  port.postMessage({ id: m.id, ok: true, historyError } satisfies WriterReply);
});
