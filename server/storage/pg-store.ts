// Storage in PostgreSQL, shared by several processes (DATABASE_URL). Its thread
// (pg-worker.ts) holds the connection; reads answer synchronously (the main
// thread waits on the thread, a loopback round trip), appends are group-committed
// like SQLite's and resolve once PostgreSQL has committed them.
import { randomBytes } from "node:crypto";
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { StoredCommand } from "../../shared/protocol/recording.ts";
import type { Codes } from "../codes.ts";
import type { ExerciseRow, GroupRow } from "../store.ts";
import { appendRow, type AppendRow } from "../store-append.ts";
import { GroupCommit } from "../store-commit.ts";
import { StartupRefusal } from "../startup-refusal.ts";
import type { ListFilter, Storage } from "./types.ts";
import type { PgEvent, PgRequest, PgWorkerData, SyncReply } from "./pg-protocol.ts";
import type { RawCommand } from "./pg-queries.ts";
import { exerciseFromText, type ExerciseText } from "./rows.ts";

const SCRIPT = new URL("./pg-worker.ts", import.meta.url);
/** A read that takes longer than this means the database is unreachable. */
const SYNC_TIMEOUT_MS = 15_000;

export interface PgOptions {
  url: string;
  /** how often this process beats its heartbeat and looks for exercises to take over */
  beatMs?: number;
  /** a process silent this long is ended and its exercises taken over */
  deadAfterMs?: number;
}

export class PgStore implements Storage {
  readonly shared = true;
  readonly damage: readonly string[] = [];
  readonly damaged = false;
  /** this process in the nodes table */
  readonly nodeId = randomBytes(6).toString("hex");
  private readonly worker: Worker;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly syncPort: MessagePort;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private readonly quarantine = new Map<string, string>();
  private readonly group = new GroupCommit((rows) => this.writeGroup(rows));
  private closed = false;
  /** called with the exercises this process took over from a process that stopped */
  onTakeover: (ids: string[]) => void = () => {};
  /** called once if the connection (and with it every owner lock) is lost */
  onLost: (why: string) => void = () => {};

  constructor(opts: PgOptions) {
    const { port1, port2 } = new MessageChannel();
    this.syncPort = port1;
    const data: PgWorkerData = {
      url: opts.url,
      nodeId: this.nodeId,
      beatMs: opts.beatMs ?? 1000,
      deadAfterMs: opts.deadAfterMs ?? 5000,
      flag: this.flag.buffer as SharedArrayBuffer,
      syncPort: port2,
    };
    this.worker = new Worker(SCRIPT, { workerData: data, transferList: [port2] });
    this.worker.on("message", (e: PgEvent) => this.event(e));
    this.worker.on("error", (err) => this.event({ kind: "lost", why: err.message }));
    try {
      this.call({ op: "start" }, 60_000);
    } catch (err) {
      void this.worker.terminate();
      throw new StartupRefusal(
        `The PostgreSQL database at DATABASE_URL cannot be used (${(err as Error).message}). ` +
          "Check the address, the user's rights and that the server is running.",
      );
    }
  }

  private event(e: PgEvent): void {
    if (e.kind === "takeover") return this.onTakeover(e.ids);
    if (e.kind === "lost") {
      if (this.closed) return;
      this.closed = true;
      for (const p of this.pending.values()) p.reject(new Error(`storage lost: ${e.why}`));
      this.pending.clear();
      return this.onLost(e.why);
    }
    const p = this.pending.get(e.id);
    this.pending.delete(e.id);
    if (!p) return;
    if (e.ok) p.resolve(e.value);
    else p.reject(new Error(e.error));
    if (this.pending.size === 0) this.worker.unref();
  }

  /** Asks the thread and waits for its answer, blocking this thread (reads are small and the database is near). */
  private call<T>(request: PgRequest, timeout = SYNC_TIMEOUT_MS): T {
    if (this.closed && request.op !== "close") throw new Error("the storage is closed");
    Atomics.store(this.flag, 0, 0);
    this.syncPort.postMessage(request);
    if (Atomics.wait(this.flag, 0, 0, timeout) === "timed-out")
      throw new Error(`the database did not answer within ${timeout / 1000} s (${request.op})`);
    const reply = receiveMessageOnPort(this.syncPort)?.message as SyncReply | undefined;
    if (!reply) throw new Error(`the storage thread gave no answer (${request.op})`);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as T;
  }

  /** Asks the thread without waiting for it. */
  private ask<T>(request: PgRequest): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the storage is closed"));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.ref();
      this.worker.postMessage({ id, request });
    });
  }

  quarantined(): { id: string; reason: string }[] {
    return [...this.quarantine].map(([id, reason]) => ({ id, reason }));
  }

  isQuarantined(id: string): boolean {
    return this.quarantine.has(id);
  }

  quarantineExercise(id: string, reason: string): void {
    if (this.quarantine.has(id)) return;
    this.quarantine.set(id, reason);
    console.error(`QUARANTINED exercise ${id}: ${reason}. It stays in the database and is not loaded.`);
  }

  createExercise(row: ExerciseRow): void {
    this.call({ op: "createExercise", row });
  }

  createCourse(group: GroupRow, cells: ExerciseRow[]): void {
    this.call({ op: "createCourse", group, cells });
  }

  append(exerciseId: string, c: StoredCommand, status: string): Promise<void> {
    return this.group.add(appendRow(exerciseId, c, status));
  }

  get queuedWrites(): number {
    return this.group.queued;
  }

  writeGroup(rows: AppendRow[]): Promise<void> {
    return this.ask<void>({ op: "append", rows });
  }

  getGroup(id: string): GroupRow | undefined {
    return this.call<GroupRow | undefined>({ op: "getGroup", by: "id", value: id });
  }

  groupByCode(code: string): GroupRow | undefined {
    return this.call<GroupRow | undefined>({ op: "getGroup", by: "code", value: code });
  }

  getExercise(id: string): ExerciseRow | undefined {
    if (this.quarantine.has(id)) return undefined;
    const raw = this.call<ExerciseText | undefined>({ op: "getExercise", id });
    return raw && exerciseFromText(raw);
  }

  listExercises(filter: ListFilter = {}): ExerciseRow[] {
    return this.call<ExerciseText[]>({ op: "listExercises", filter }).flatMap((raw) => {
      if (this.quarantine.has(raw.id)) return [];
      try {
        return [exerciseFromText(raw)];
      } catch (err) {
        this.quarantineExercise(raw.id, `its exercise row holds broken JSON (${(err as Error).message})`);
        return [];
      }
    });
  }

  commands(exerciseId: string): StoredCommand[] {
    return this.call<RawCommand[]>({ op: "commands", id: exerciseId }).map((r, i) => {
      if (r.seq !== i + 1) throw new Error(`command ${i + 1} is missing (the next one stored is ${r.seq})`);
      try {
        const { seq, at, turn, phase } = r;
        return { seq, at, turn, phase, actor: JSON.parse(r.actor_json), command: JSON.parse(r.command_json) };
      } catch (err) {
        throw new Error(`command ${r.seq} holds broken JSON (${(err as Error).message})`);
      }
    });
  }

  countUnfinished(): number {
    return this.call<number>({ op: "countUnfinished", except: [...this.quarantine.keys()] });
  }

  quarantinedCodes(): { id: string; codes: Codes }[] {
    return [];
  }

  exerciseIdByCode(code: string): string | undefined {
    return this.call<string | undefined>({ op: "exerciseIdByCode", code });
  }

  own(exerciseId: string): boolean {
    const got = this.call<"owned" | "taken" | "refused">({ op: "own", id: exerciseId });
    // a process that stopped still had it: taken over like the ones the heartbeat finds, before other work runs
    if (got === "taken") queueMicrotask(() => this.onTakeover([exerciseId]));
    return got !== "refused";
  }

  release(exerciseId: string): void {
    if (this.closed) return;
    void this.ask({ op: "release", id: exerciseId }).catch(() => undefined);
  }

  /** The Colyseus process id of the live process that owns an exercise, or null when none does. */
  ownerOf(exerciseId: string): Promise<string | null> {
    return this.ask<string | null>({ op: "ownerOf", id: exerciseId });
  }

  /** Tells the others which Colyseus process this is, so they can ask it to open a room it owns. */
  setProcessId(processId: string): void {
    this.call({ op: "setProcessId", processId });
  }

  close(): void {
    if (this.closed) return;
    try {
      this.call({ op: "close" }, 5000);
    } catch {
      // the connection was already gone: PostgreSQL has released its locks
    }
    this.closed = true;
    void this.worker.terminate();
  }
}
