// The messages between the PostgreSQL storage (pg-store.ts) and its thread (pg-worker.ts).
import type { MessagePort } from "node:worker_threads";
import type { ExerciseRow, GroupRow } from "../store.ts";
import type { AppendRow } from "../store-append.ts";
import type { ListFilter } from "./types.ts";

export interface PgWorkerData {
  url: string;
  nodeId: string;
  /** how often the process says it is alive, and looks for exercises to take over */
  beatMs: number;
  /** a process silent this long is ended and its exercises taken over */
  deadAfterMs: number;
  /** set to 1 when a synchronous request has its answer on syncPort */
  flag: SharedArrayBuffer;
  syncPort: MessagePort;
}

export type PgRequest =
  | { op: "start" }
  | { op: "createExercise"; row: ExerciseRow }
  | { op: "createCourse"; group: GroupRow; cells: ExerciseRow[] }
  | { op: "getGroup"; by: "id" | "code"; value: string }
  | { op: "getExercise"; id: string }
  | { op: "listExercises"; filter: ListFilter }
  | { op: "commands"; id: string }
  | { op: "countUnfinished"; except: string[] }
  | { op: "exerciseIdByCode"; code: string }
  | { op: "own"; id: string }
  | { op: "release"; id: string }
  | { op: "ownerOf"; id: string }
  | { op: "setProcessId"; processId: string }
  | { op: "append"; rows: AppendRow[] }
  | { op: "close" };

export type PgEvent =
  | { kind: "reply"; id: number; ok: true; value: unknown }
  | { kind: "reply"; id: number; ok: false; error: string }
  | { kind: "takeover"; ids: string[] }
  | { kind: "lost"; why: string };

export type SyncReply = { ok: true; value: unknown } | { ok: false; error: string };
