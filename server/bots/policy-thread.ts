// The main thread's side of the bots' thread (policy-worker.ts): one worker
// for the whole process, asked one question at a time. A call that runs past
// the hard limit is cut off (the worker is ended and started again), so a slow
// or stuck policy costs the rooms nothing and other exercises' bots wait at
// most that long once. Policies measured on the built-in scenarios: p99 0.05 ms.
import { Worker } from "node:worker_threads";
import type { ParticipantView } from "../../shared/engine/index.ts";
import type { PolicyName } from "../../shared/bots/index.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import type { PolicyReply, PolicyRequest, RngState } from "./policy-worker.ts";

const SCRIPT = new URL("./policy-worker.ts", import.meta.url);

/** What a policy answered: its commands, its rng advanced, and how long it took (ms, measured in the worker). */
export interface PolicyAnswer {
  commands: CommandInput[];
  rng: RngState;
  ms: number;
}

/** Who answers for the policies: the shared thread, or a test's stand-in. */
export interface PolicyRunner {
  ask(policy: PolicyName, view: ParticipantView, rng: RngState): Promise<PolicyAnswer>;
}

interface Job {
  request: Omit<PolicyRequest, "id">;
  resolve: (a: PolicyAnswer) => void;
  reject: (e: Error) => void;
}

export class PolicyThread implements PolicyRunner {
  private worker: Promise<Worker> | null = null;
  private readonly queue: Job[] = [];
  private running = false;
  private nextId = 1;
  private readonly hardMs: number;
  private readonly policies: string | undefined;

  /** `hardMs`: a call still running after this long is cut off; `policies`: a module replacing the built-in ones (tests). */
  constructor(opts: { hardMs: number; policies?: string }) {
    this.hardMs = opts.hardMs;
    this.policies = opts.policies;
  }

  ask(policy: PolicyName, view: ParticipantView, rng: RngState): Promise<PolicyAnswer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { policy, view, rng }, resolve, reject });
      void this.pump();
    });
  }

  /** Ends the worker (the server is closing). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await (await w).terminate();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = true;
    try {
      job.resolve(await this.run(job.request));
    } catch (err) {
      job.reject(err as Error);
    } finally {
      this.running = false;
      void this.pump();
    }
  }

  private async run(request: Omit<PolicyRequest, "id">): Promise<PolicyAnswer> {
    const pending = this.started();
    const worker = await pending;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // cut off: the next question gets a fresh worker
        if (this.worker === pending) this.worker = null;
        void worker.terminate();
        reject(new Error(`its policy ran past ${this.hardMs} ms and was stopped`));
      }, this.hardMs);
      const onMessage = (m: PolicyReply) => {
        if (m.kind !== "answer" || m.id !== id) return;
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.unref();
        if (m.ok) resolve({ commands: m.commands, rng: m.rng, ms: m.ms });
        else reject(new Error(`its policy failed (${m.error})`));
      };
      worker.on("message", onMessage);
      // a question in flight keeps the process up; an idle worker does not
      worker.ref();
      worker.postMessage({ id, ...request } satisfies PolicyRequest);
    });
  }

  /** The worker, once it has loaded the policies (loading is not counted against any call). */
  private started(): Promise<Worker> {
    if (this.worker) return this.worker;
    const pending = new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(SCRIPT, { workerData: { policies: this.policies } });
      worker.once("message", (m: PolicyReply) => (m.kind === "ready" ? resolve(worker) : undefined));
      worker.once("error", (err) => reject(err));
      worker.on("exit", () => {
        if (this.worker === pending) this.worker = null;
      });
      worker.unref();
    });
    this.worker = pending;
    // a worker that could not start is forgotten: the next question tries again
    pending.catch(() => {
      if (this.worker === pending) this.worker = null;
    });
    return pending;
  }
}

const shared = new Map<number, PolicyThread>();

/** The process's one bots' thread for a hard limit. */
export function policyThread(hardMs: number): PolicyThread {
  let t = shared.get(hardMs);
  if (!t) shared.set(hardMs, (t = new PolicyThread({ hardMs })));
  return t;
}
