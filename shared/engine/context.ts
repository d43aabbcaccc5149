// What a command handler works with: the draft state, who acts and when, the
// seeded generator, and helpers to log and name things.
import type { Actor, Audience, GameState, LogEntry, LogKind, Scenario } from "./types.ts";
import { resumeRng } from "./rng.ts";
import { reject } from "./reject.ts";
import { keyedId } from "./ids.ts";

export interface Ctx {
  /** the draft of the next state (immer): mutate freely */
  s: GameState;
  /** the scenario, read from the state before the command: never a draft, so reading it is free */
  sc: Scenario;
  /** the state before the command (frozen): search it, then change the draft's item at the same index */
  base: GameState;
  actor: Actor;
  at: number;
  seq: number;
  /** the log entries this command added */
  events: LogEntry[];
  /** escalation reached the top rung at some moment of this command (it ends the exercise even if it fell back) */
  touchedTop: boolean;
  random(): number;
  log(kind: LogKind, audience: Audience, text: string, extra?: Partial<Pick<LogEntry, "escalation" | "ref">>): LogEntry;
  /**
   * A new id of a kind (`msg`, `log`, …): opaque, the same on every replay.
   * `scope` names who may see the item (see ids.ts): its number counts only
   * items of the same scope, which that audience sees all of.
   */
  nextId(prefix: string, scope: string): string;
  /** save the generator's state back into the draft (done once at the end) */
  flushRng(): void;
}

export function createCtx(s: GameState, base: GameState, actor: Actor, at: number, seq: number): Ctx {
  let rng: ReturnType<typeof resumeRng> | null = null;
  const ctx: Ctx = {
    s,
    sc: base.scenario,
    base,
    actor,
    at,
    seq,
    events: [],
    touchedTop: false,
    random() {
      rng ??= resumeRng(s.rng);
      return rng();
    },
    log(kind, audience, text, extra = {}) {
      const turn = s.turn;
      const phase = currentPhase(s)?.id ?? "";
      const entry: LogEntry = {
        id: s.idScheme === "sequential" ? ctx.nextId("log", "") : logId(ctx, turn, phase, kind, text, extra.ref),
        seq,
        at,
        turn,
        phase,
        kind,
        audience: [...audience],
        text,
        ...extra,
      };
      s.log.push(entry);
      ctx.events.push(entry);
      return entry;
    },
    nextId(prefix, scope) {
      // recordings of engines before 1.2.0: one counter per kind, ids in the clear
      const key = s.idScheme === "sequential" ? prefix : `${prefix}|${scope}`;
      const n = (s.counters[key] ?? 0) + 1;
      s.counters[key] = n;
      return s.idScheme === "sequential" ? `${prefix}-${n}` : keyedId(s, prefix, scope, n);
    },
    flushRng() {
      if (rng) s.rng = rng.state();
    },
  };
  return ctx;
}

/**
 * A log entry's id derives from what its readers read in it (kind, turn,
 * phase, text, ref) and how many entries just like it this phase already has.
 * Not from its audience: that is stripped from participants' views, and anyone
 * who knew the seed could test guesses of it against the id.
 */
function logId(ctx: Ctx, turn: number, phase: string, kind: LogKind, text: string, ref: string | undefined): string {
  const same = (e: LogEntry) =>
    e.turn === turn && e.phase === phase && e.kind === kind && e.text === text && e.ref === ref;
  let n = 1;
  for (const e of ctx.events) if (same(e)) n++;
  // a phase's entries are together at the end of the log: look no further back than that
  const log = ctx.base.log;
  for (let i = log.length - 1; i >= 0 && log[i]!.turn === turn && log[i]!.phase === phase; i--) if (same(log[i]!)) n++;
  return keyedId(ctx.s, "log", `${kind}\u0000${turn}\u0000${phase}\u0000${ref ?? ""}\u0000${text}`, n);
}

type ListKey = "messages" | "incidents" | "proposals" | "commitments" | "injects";

/**
 * Finds an item that existed before the command and returns its draft, to
 * change it. Searching the frozen base instead of the draft keeps a command's
 * cost independent of how long the exercise has run (a draft makes a proxy
 * for every item it is asked about).
 */
export function findDraft<K extends ListKey>(
  ctx: Ctx,
  key: K,
  pred: (item: GameState[K][number]) => boolean,
  last = false,
): GameState[K][number] | undefined {
  const list = ctx.base[key] as readonly GameState[K][number][];
  const i = last ? list.findLastIndex(pred) : list.findIndex(pred);
  return i < 0 ? undefined : (ctx.s[key] as GameState[K][number][])[i];
}

export function currentPhase(s: GameState) {
  return s.status === "setup" ? undefined : s.scenario.phases[s.phaseIndex];
}

/** Name of a team, or of the mediator, for text people read. */
export function partyName(s: GameState, id: string): string {
  if (id === "mediator") return s.scenario.mediator?.name ?? "the mediator";
  return s.scenario.teams.find((t) => t.id === id)?.name ?? id;
}

export function teamIds(s: GameState): string[] {
  return s.scenario.teams.map((t) => t.id);
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function clamp(v: number, lo = 0, hi = 100): number {
  return Math.min(hi, Math.max(lo, Math.round(v * 100) / 100));
}

/** Refuses unless the actor holds one of the roles; returns the actor narrowed. */
export function requireRole<R extends Actor["role"]>(ctx: Ctx, ...roles: R[]): Extract<Actor, { role: R }> {
  if (!(roles as string[]).includes(ctx.actor.role)) {
    const who = roles
      .filter((r) => r !== "system")
      .map((r) => (r === "team" ? "a team" : `the ${r}`))
      .join(" or ");
    reject("forbidden", `Only ${who} can do this`);
  }
  return ctx.actor as Extract<Actor, { role: R }>;
}

/** The acting party's id: a team id, or "mediator". */
export function partyOf(actor: Actor): string | null {
  if (actor.role === "team") return actor.teamId;
  if (actor.role === "mediator") return "mediator";
  return null;
}

/** Refuses unless the exercise is running (not before start, paused or ended). */
export function requireRunning(ctx: Ctx): void {
  const { status } = ctx.s;
  if (status === "setup") reject("not-started", "The exercise has not started yet");
  if (status === "paused") reject("paused", "The exercise is paused");
  if (status === "ended") reject("ended", "The exercise has ended");
}

/** Refuses once the exercise has ended. */
export function requireNotEnded(ctx: Ctx): void {
  if (ctx.s.status === "ended") reject("ended", "The exercise has ended");
}
