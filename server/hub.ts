// All exercises of this process: creates them, brings unfinished ones back
// after a restart, and finds the exercise and seat a join code opens.
import { randomBytes } from "node:crypto";
import { ENGINE_VERSION, checkRules } from "../shared/engine/index.ts";
import { parseScenario } from "../shared/scenario/parse.ts";
import type { Catalogue } from "./catalogue.ts";
import { HttpError } from "../shared/protocol/http.ts";
import { displayCode, issueCodes, newCode, normalizeCode, seatFor } from "./codes.ts";
import type { Seat } from "../shared/protocol/identity.ts";
import { LiveExercise } from "./live-exercise.ts";
import type { ExerciseRow, GroupRow } from "./store.ts";
import type { Storage } from "./storage/types.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import type { StoredCommand } from "../shared/protocol/recording.ts";
import { pacedScenario } from "./bots/self-paced.ts";

export interface CreateOptions {
  scenarioId: string;
  seed?: string;
  title?: string;
  groupId?: string | null;
  /** self-paced play: every phase gets a timer (see server/bots/self-paced.ts) */
  phaseSeconds?: number;
}

export interface CreateGroupOptions {
  scenarioId: string;
  cells: number;
  title?: string;
  seed?: string;
  /** one seed for all cells (their dice fall alike), or one each */
  sameSeed: boolean;
  /** self-paced cells: every phase gets a timer */
  phaseSeconds?: number;
}

export const CELL_LETTERS = "ABCDEFGHIJKL";

export class Hub {
  readonly store: Storage;
  readonly catalogue: Catalogue;
  private readonly live = new Map<string, LiveExercise>();
  private readonly byCode = new Map<string, { exerciseId: string; seat: Seat }>();
  /** In a cluster: gives a copy another process owns a way to send its commands there (server/cluster/rooms.ts). */
  forwardTo: ((copy: LiveExercise) => void) | null = null;
  /** exercises recorded under rules this engine does not play, with the message that says so */
  private readonly refused = new Map<string, string>();

  constructor(store: Storage, catalogue: Catalogue) {
    this.store = store;
    this.catalogue = catalogue;
    // every exercise's rules are compared at start-up, so a refused one is in the log before anyone asks for it
    for (const row of store.listExercises()) {
      this.indexCodes(row);
      this.checkRules(row);
    }
    // a damaged exercise's codes still say which exercise they open, so its people hear why it will not
    for (const { id, codes } of store.quarantinedCodes()) this.indexCodes({ id, codes });
  }

  /** Why an exercise cannot be opened because its stored data is damaged, for those who hold one of its codes. */
  damageRefusal(id: string): string | undefined {
    if (!this.store.isQuarantined(id)) return undefined;
    return (
      "This exercise's stored data is damaged, so the server keeps it aside and does not open it. " +
      "Tell the facilitator: the server's log names it, and a backup can restore it."
    );
  }

  create(opts: CreateOptions, now: number): LiveExercise {
    const { row, scenario } = this.newRow(opts, now);
    this.store.createExercise(row);
    this.store.own(row.id);
    return this.track(new LiveExercise(row, scenario, this.store));
  }

  private newRow(opts: CreateOptions, now: number): { row: ExerciseRow; scenario: Scenario } {
    const found = this.catalogue.get(opts.scenarioId);
    const scenario = found && opts.phaseSeconds ? pacedScenario(found, opts.phaseSeconds) : found;
    if (!scenario) {
      const known = [...this.catalogue.scenarios.keys()].join(", ");
      throw new HttpError(404, "unknown-scenario", `There is no scenario "${opts.scenarioId}" (available: ${known})`, {
        scenario: opts.scenarioId,
      });
    }
    const row: ExerciseRow = {
      id: newId(),
      title: opts.title?.trim() || scenario.title,
      scenarioId: scenario.id,
      scenario,
      seed: opts.seed?.trim() || randomBytes(16).toString("hex"),
      createdAt: now,
      codes: issueCodes(
        scenario.teams.map((t) => t.id),
        scenario.mediator !== undefined,
      ),
      engineVersion: ENGINE_VERSION,
      groupId: opts.groupId ?? null,
      status: "setup",
    };
    return { row, scenario };
  }

  /** Creates a course's parallel cells of one scenario, each with its own codes, under one course code, in one transaction. */
  createGroup(opts: CreateGroupOptions, now: number): { group: GroupRow; cells: LiveExercise[] } {
    const scenario = this.catalogue.get(opts.scenarioId);
    if (!scenario)
      throw new HttpError(404, "unknown-scenario", `There is no scenario "${opts.scenarioId}"`, {
        scenario: opts.scenarioId,
      });
    const title = opts.title?.trim() || scenario.title;
    const group: GroupRow = {
      id: `course-${randomBytes(4).toString("hex")}`,
      title,
      scenarioId: scenario.id,
      code: newCode(),
      createdAt: now,
    };
    const shared = opts.seed?.trim() || randomBytes(16).toString("hex");
    const rows = Array.from({ length: opts.cells }, (_, i) => {
      const letter = CELL_LETTERS[i]!;
      const seed = opts.sameSeed ? shared : opts.seed?.trim() ? `${shared}-${letter}` : randomBytes(16).toString("hex");
      const cell = { scenarioId: scenario.id, seed, title: `${title} — cell ${letter}`, groupId: group.id };
      return this.newRow({ ...cell, phaseSeconds: opts.phaseSeconds }, now);
    });
    this.store.createCourse(
      group,
      rows.map((r) => r.row),
    );
    for (const { row } of rows) this.store.own(row.id);
    const cells = rows.map(({ row, scenario }) => this.track(new LiveExercise(row, scenario, this.store)));
    return { group, cells };
  }

  group(id: string): { group: GroupRow; cells: LiveExercise[] } | undefined {
    const group = this.store.getGroup(id);
    if (!group) return undefined;
    const cells = this.store.listExercises({ groupId: id }).flatMap((row) => this.get(row.id) ?? []);
    return { group, cells };
  }

  /** Loads every unfinished exercise from storage and replays it to where it was. */
  recover(): LiveExercise[] {
    // on a damaged database, finished exercises are replayed too (and let go), so every broken one is reported now
    if (this.store.damaged) for (const row of this.store.listExercises()) if (row.status === "ended") this.load(row.id);
    return this.store.listExercises({ unfinished: true }).flatMap((row) => this.get(row.id) ?? []);
  }

  /** Why an exercise is not loaded because of the rules it was recorded under (a message naming both versions). */
  rulesRefusal(id: string): string | undefined {
    return this.refused.get(id);
  }

  /**
   * An exercise by id; a finished one is loaded from storage when first asked for; a quarantined or refused one never is.
   * With shared storage, one another process owns is read afresh and not kept (it cannot be written from here).
   */
  get(id: string): LiveExercise | undefined {
    const live = this.live.get(id);
    if (live) return live;
    // own it first, so what is read next is the latest: nobody else writes to it from now on
    const owned = this.store.own(id);
    const loaded = this.load(id);
    if (!loaded) {
      if (owned) this.store.release(id);
      return undefined;
    }
    if (owned) return this.track(loaded);
    this.forwardTo?.(loaded);
    return loaded;
  }

  /** Whether this process holds the exercise in memory as its owner. */
  holds(id: string): boolean {
    return this.live.has(id);
  }

  /** Reads and replays an exercise; one that cannot be is quarantined, so it keeps neither the others nor the server from starting. */
  private load(id: string): LiveExercise | undefined {
    let row: ExerciseRow | undefined;
    let commands: StoredCommand[];
    try {
      row = this.store.getExercise(id);
      if (!row || !this.checkRules(row)) return undefined;
      commands = this.store.commands(row.id);
    } catch (err) {
      this.store.quarantineExercise(id, `its stored data cannot be read (${(err as Error).message})`);
      return undefined;
    }
    const parsed = parseScenario(row.scenario);
    if (!parsed.ok) {
      this.store.quarantineExercise(
        id,
        `its stored scenario no longer validates (${parsed.issues[0]?.path}: ${parsed.issues[0]?.message})`,
      );
      return undefined;
    }
    try {
      return new LiveExercise(row, parsed.scenario, this.store, commands);
    } catch (err) {
      this.store.quarantineExercise(id, `its recording does not replay (${(err as Error).message})`);
      return undefined;
    }
  }

  /** Whether this engine plays the rules the exercise was recorded under; if not, says so once in the log. */
  private checkRules(row: ExerciseRow): boolean {
    if (this.refused.has(row.id)) return false;
    const r = checkRules(row.engineVersion, "this server");
    if (r.ok) return true;
    const message = `${r.message} This server keeps it in its database, untouched.`;
    this.refused.set(row.id, message);
    console.error(`NOT LOADED exercise ${row.id}: ${message} The other exercises load.`);
    return false;
  }

  all(): LiveExercise[] {
    return [...this.live.values()];
  }

  /** Which exercise and seat a code opens, without loading the exercise (shared storage: another process may have made it). */
  lookup(code: string): { exerciseId: string; seat: Seat } | null {
    const key = normalizeCode(code);
    const hit = this.byCode.get(key);
    if (hit || !this.store.shared || !key) return hit ?? null;
    const id = this.store.exerciseIdByCode(key);
    const row = id === undefined ? undefined : this.store.getExercise(id);
    if (!row) return null;
    this.indexCodes(row);
    this.checkRules(row);
    return this.byCode.get(key) ?? null;
  }

  /** Forgets exercises nobody is watching (no open room) once their writes are durable: storage keeps them, `get` loads them again. */
  sweep(): number {
    let freed = 0;
    for (const [id, ex] of this.live) {
      if (ex.watched || ex.writing) continue;
      this.live.delete(id);
      this.store.release(id);
      freed++;
    }
    return freed;
  }

  /** The exercise and seat a code opens, wherever it was issued. */
  resolve(code: string): { exercise: LiveExercise; seat: Seat } | null {
    const hit = this.lookup(code);
    const exercise = hit && this.get(hit.exerciseId);
    return exercise && hit ? { exercise, seat: hit.seat } : null;
  }

  /** The seat a code opens in one exercise. */
  seatIn(exercise: LiveExercise, code: string): Seat | null {
    return seatFor(exercise.row.codes, code);
  }

  private track(ex: LiveExercise): LiveExercise {
    this.live.set(ex.id, ex);
    this.indexCodes(ex.row);
    return ex;
  }

  private indexCodes(row: Pick<ExerciseRow, "id" | "codes">): void {
    const c = row.codes;
    this.byCode.set(c.facilitator, { exerciseId: row.id, seat: { role: "facilitator" } });
    this.byCode.set(c.observer, { exerciseId: row.id, seat: { role: "observer" } });
    this.byCode.set(displayCode(c), { exerciseId: row.id, seat: { role: "public" } });
    if (c.mediator) this.byCode.set(c.mediator, { exerciseId: row.id, seat: { role: "mediator" } });
    for (const [teamId, code] of Object.entries(c.teams))
      this.byCode.set(code, { exerciseId: row.id, seat: { role: "team", teamId } });
  }
}

/** A short exercise id, e.g. "ex-4f9c2a71". */
function newId(): string {
  return `ex-${randomBytes(4).toString("hex")}`;
}
