// The main thread's side of the writer thread (store-writer.ts): hands it a
// group, resolves when the group is durable, and closes it in step with the store.
import { Worker } from "node:worker_threads";
import type { AppendRow } from "./store-append.ts";
import type { History } from "./storage-files.ts";
import type { WriterData, WriterReply, WriterRequest } from "./store-writer.ts";

const SCRIPT = new URL("./store-writer.ts", import.meta.url);
const CLOSE_WAIT_MS = 10_000;

interface Pending {
  resolve: (historyError: string | undefined) => void;
  reject: (err: Error) => void;
}

export class WriterThread {
  private worker: Worker | null = null;
  private readonly data: WriterData;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(data: WriterData) {
    this.data = data;
  }

  /** Commits the rows, then writes history.json; resolves with the history write's error, if it failed. */
  write(rows: AppendRow[], history: { counts: History; durable: boolean } | null): Promise<string | undefined> {
    if (this.closed) return Promise.reject(new Error("the store is closed"));
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // the process waits for a group in flight; an idle writer does not keep it alive
      worker.ref();
      worker.postMessage({ kind: "group", id, rows, history } satisfies WriterRequest);
    });
  }

  /** Waits (blocking, at most CLOSE_WAIT_MS) until the writer has finished its groups and closed its connection. */
  close(): void {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    const done = new SharedArrayBuffer(4);
    worker.postMessage({ kind: "close", done } satisfies WriterRequest);
    Atomics.wait(new Int32Array(done), 0, 0, CLOSE_WAIT_MS);
    this.worker = null;
    void worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(SCRIPT, { workerData: this.data });
    worker.on("message", (m: WriterReply) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (!p) return;
      if (m.ok) p.resolve(m.historyError);
      else p.reject(new Error(m.error));
    });
    const lost = (why: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(why);
      this.pending.clear();
    };
    worker.on("error", (err) => lost(err));
    worker.on("exit", (code) => lost(new Error(`the storage writer stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
