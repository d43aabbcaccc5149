// One suite for every storage: SQLite (storage-sqlite.test.ts) and PostgreSQL
// (test/cluster/storage-pg.test.ts) must keep the same promises.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import type { Storage } from "../../server/storage/types.ts";
import type { ExerciseRow, GroupRow } from "../../server/store.ts";
import type { StoredCommand } from "../../shared/protocol/recording.ts";
import { issueCodes, newCode } from "../../server/codes.ts";

export interface StorageHarness {
  /** a storage on the database, as one process would open it; each call is another process's connection */
  open(): Storage;
  stop(): Promise<void>;
}

function row(over: Partial<ExerciseRow> = {}): ExerciseRow {
  return {
    id: `ex-${randomBytes(4).toString("hex")}`,
    title: "Drill",
    scenarioId: "tutorial",
    scenario: { id: "tutorial", nested: { list: [1, 2, 3] } },
    seed: "s",
    createdAt: 1_800_000_000_000,
    codes: issueCodes(["north", "south"], true),
    engineVersion: "3.0.0",
    groupId: null,
    status: "setup",
    ...over,
  };
}

function command(seq: number, type = "exercise.start"): StoredCommand {
  return {
    seq,
    at: 1_800_000_000_000 + seq,
    actor: { kind: "facilitator" },
    turn: 1,
    phase: "briefing",
    command: { type },
  } as never;
}

export function storageSuite(name: string, start: () => Promise<StorageHarness>): void {
  describe(`storage: ${name}`, () => {
    let h: StorageHarness;
    let a: Storage;
    beforeAll(async () => {
      h = await start();
      a = h.open();
    });
    afterAll(async () => {
      a?.close();
      await h?.stop();
    });

    it("keeps an exercise's row exactly, and lists exercises oldest first with filters", () => {
      const first = row({ createdAt: 1 });
      const second = row({ createdAt: 2, status: "ended" });
      a.createExercise(second);
      a.createExercise(first);
      expect(a.getExercise(first.id)).toEqual(first);
      expect(a.getExercise("ex-none")).toBeUndefined();
      const ids = a.listExercises().map((r) => r.id);
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      const open = a.listExercises({ unfinished: true }).map((r) => r.id);
      expect(open).toContain(first.id);
      expect(open).not.toContain(second.id);
      expect(a.countUnfinished()).toBe(open.length);
    });

    it("writes a course and its cells together, or nothing of them", () => {
      const g: GroupRow = {
        id: `course-${randomBytes(4).toString("hex")}`,
        title: "C",
        scenarioId: "tutorial",
        code: newCode(),
        createdAt: 5,
      };
      const cells = ["A", "B", "C"].map((l) => row({ groupId: g.id, title: `cell ${l}`, createdAt: 5 }));
      a.createCourse(g, cells);
      expect(a.getGroup(g.id)).toEqual(g);
      expect(a.groupByCode(g.code)).toEqual(g);
      expect(a.listExercises({ groupId: g.id }).map((r) => r.title)).toEqual(["cell A", "cell B", "cell C"]);

      const g2: GroupRow = { ...g, id: `course-${randomBytes(4).toString("hex")}`, code: newCode() };
      const dup = row({ groupId: g2.id });
      expect(() => a.createCourse(g2, [dup, { ...dup }])).toThrow();
      expect(a.getGroup(g2.id)).toBeUndefined();
      expect(a.getExercise(dup.id)).toBeUndefined();
    });

    it("a command is durable once acknowledged: another connection reads it, with the new status", async () => {
      const ex = row();
      a.createExercise(ex);
      expect(a.own(ex.id)).toBe(true);
      await Promise.all([
        a.append(ex.id, command(1), "running"),
        a.append(ex.id, command(2, "exercise.pause"), "paused"),
      ]);
      const b = h.open();
      try {
        expect(b.commands(ex.id)).toEqual([command(1), command(2, "exercise.pause")]);
        expect(b.getExercise(ex.id)?.status).toBe("paused");
      } finally {
        b.close();
      }
      expect(a.queuedWrites).toBe(0);
    });

    it("refuses a second command with the same (exercise, seq), and its whole group with it", async () => {
      const ex = row();
      const other = row();
      a.createExercise(ex);
      a.createExercise(other);
      a.own(ex.id);
      a.own(other.id);
      await a.append(ex.id, command(1), "running");
      const results = await Promise.allSettled([
        a.append(other.id, command(1), "running"),
        a.append(ex.id, command(1, "exercise.pause"), "paused"),
      ]);
      expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
      expect(a.commands(ex.id)).toEqual([command(1)]);
      expect(a.commands(other.id)).toEqual([]);
      expect(a.getExercise(ex.id)?.status).toBe("running");
    });

    it("shared storage: a code is found by every process, and one process at a time owns an exercise", async () => {
      if (!a.shared) {
        // one process, one file: every exercise is its own, and the hub knows every code from start-up
        expect(a.own("ex-whatever")).toBe(true);
        return;
      }
      const ex = row();
      a.createExercise(ex);
      const b = h.open();
      try {
        expect(b.exerciseIdByCode(ex.codes.teams.north!)).toBe(ex.id);
        expect(b.exerciseIdByCode("NOPE-NOPE")).toBeUndefined();
        expect(a.own(ex.id)).toBe(true);
        expect(a.own(ex.id)).toBe(true);
        expect(b.own(ex.id)).toBe(false);
        // a process that does not own it cannot append, even a seq nobody wrote yet
        await expect(b.append(ex.id, command(1), "running")).rejects.toThrow(/does not own/);
        await a.append(ex.id, command(1), "running");
        a.release(ex.id);
        await expect.poll(() => b.own(ex.id), { timeout: 5000 }).toBe(true);
        expect(a.own(ex.id)).toBe(false);
        await b.append(ex.id, command(2), "running");
        expect(a.commands(ex.id).map((c) => c.seq)).toEqual([1, 2]);
      } finally {
        b.close();
      }
    });

    it("a closed process's exercises can be owned by another at once", async () => {
      if (!a.shared) return;
      const ex = row();
      a.createExercise(ex);
      const b = h.open();
      const c = h.open();
      expect(b.own(ex.id)).toBe(true);
      expect(c.own(ex.id)).toBe(false);
      b.close();
      expect(c.own(ex.id)).toBe(true);
      c.close();
    });
  });
}
