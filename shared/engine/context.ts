// What a command handler works with: the state (changed in place), who acts and
// when, the seeded generator, and helpers to record events and name things.
// A handler refuses before it changes anything: a refusal must leave the state
// exactly as it was (see step, apply.ts).
import type { Actor, GameState, Scenario } from "./types.ts";
import type { EventInput, StoredEvent } from "./events.ts";
import { resumeRng } from "./rng.ts";
import { reject } from "./reject.ts";
import { keyedId } from "./ids.ts";
import { audienceOf, commonPart } from "./audience.ts";
import { byId } from "./by-id.ts";

export interface Ctx {
  /** the state, changed in place: only after every check that may refuse the command */
  s: GameState;
  /** the scenario (never changed) */
  sc: Scenario;
  actor: Actor;
  at: number;
  seq: number;
  /** the events this command added */
  events: StoredEvent[];
  /** escalation reached the top rung at some moment of this command (it ends the exercise even if it fell back) */
  touchedTop: boolean;
  /** the grievances as they stood before the command, once it changed them (null: unchanged so far) */
  grievancesBefore: GameState["grievances"] | null;
  random(): number;
  /** records that something happened; who may read it is audience.ts's to decide */
  emit(event: EventInput): StoredEvent;
  /**
   * A new id of a kind (`msg`, `log`, …): opaque, the same on every replay.
   * `scope` names who may see the item (see ids.ts): its number counts only
   * items of the same scope, which that audience sees all of.
   */
  nextId(prefix: string, scope: string): string;
  /** save the generator's state back into the state (done once at the end) */
  flushRng(): void;
}

export function createCtx(s: GameState, actor: Actor, at: number, seq: number): Ctx {
  let rng: ReturnType<typeof resumeRng> | null = null;
  const rule = { scenario: s.scenario, observersSeeAll: false };
  // where the lists stood before the command: an event's id reads only what came before it
  const before: Before = { log: s.log.length, injects: s.injects.length };
  const ctx: Ctx = {
    s,
    sc: s.scenario,
    actor,
    at,
    seq,
    events: [],
    touchedTop: false,
    grievancesBefore: null,
    random() {
      rng ??= resumeRng(s.rng);
      return rng();
    },
    emit(input) {
      const phase = currentPhase(s)?.id ?? "";
      const partial = { ...input, id: "", seq, at, turn: s.turn, phase } as StoredEvent;
      partial.audience = audienceOf(partial, { ...rule, incidents: s.incidents, injects: s.injects });
      partial.id = s.idScheme === "sequential" ? ctx.nextId("log", "") : eventId(ctx, before, partial);
      s.log.push(partial);
      ctx.events.push(partial);
      return partial;
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

/** How long the log and the injects were before the command. */
interface Before {
  log: number;
  injects: number;
}

/**
 * An event's id derives from what every one of its readers knows of it (its
 * common part: kind, turn, phase and fields, less any secret field) and how
 * many events just like it this phase already has. Not from its audience: that
 * is stripped from participants' views, and anyone who knew the seed could test
 * guesses of it against the id.
 */
function eventId(ctx: Ctx, before: Before, e: StoredEvent): string {
  const key = basisOf(ctx, before, e);
  let n = 1;
  for (const x of ctx.events) if (x.turn === e.turn && x.phase === e.phase && basisOf(ctx, before, x) === key) n++;
  // a phase's events are together at the end of the log (before this command's): look no further back than that
  const tail = tailOf(ctx, before);
  if (tail.turn === e.turn && tail.phase === e.phase) n += tail.counts.get(key) ?? 0;
  return keyedId(ctx.s, "log", key, n);
}

/**
 * The last run of events of one turn and phase in a log, up to `upTo`: how
 * many of each basis it holds. Kept per log (the array, which only grows), so
 * a command counts only the events added since the one before, not the phase.
 */
interface Tail {
  upTo: number;
  turn: number;
  phase: string;
  counts: Map<string, number>;
}
const tails = new WeakMap<readonly StoredEvent[], Tail>();

function tailOf(ctx: Ctx, before: Before): Tail {
  const log = ctx.s.log;
  let tail = tails.get(log);
  if (!tail || tail.upTo > before.log) {
    // start at the first event of the last run
    let start = before.log;
    const last = log[before.log - 1];
    while (last && start > 0 && log[start - 1]!.turn === last.turn && log[start - 1]!.phase === last.phase) start--;
    tail = { upTo: start, turn: last?.turn ?? -1, phase: last?.phase ?? "", counts: new Map() };
    tails.set(log, tail);
  }
  for (let i = tail.upTo; i < before.log; i++) {
    const x = log[i]!;
    if (x.turn !== tail.turn || x.phase !== tail.phase) {
      tail.turn = x.turn;
      tail.phase = x.phase;
      tail.counts.clear();
    }
    const key = basisOf(ctx, before, x);
    tail.counts.set(key, (tail.counts.get(key) ?? 0) + 1);
  }
  tail.upTo = before.log;
  return tail;
}

/** Fields that read the clock (and the id itself): no part of an id. */
const CLOCK_FIELDS = new Set(["id", "at", "answeredAfterMs"]);

// the basis of an event's id, computed once per event (events never change once recorded)
const bases = new WeakMap<StoredEvent, string>();

function basisOf(ctx: Ctx, before: Before, e: StoredEvent): string {
  let key = bases.get(e);
  if (key === undefined) {
    // an inject named in a cause is the scenario's: it existed before the command
    const all = ctx.s.injects;
    const injects = all.length === before.injects ? all : all.slice(0, before.injects);
    const common = commonPart(e, { scenario: ctx.sc, incidents: [], injects });
    // not from the clock either: how long things took says how much happened meanwhile, seen or not
    key = canonical(common, CLOCK_FIELDS);
    // the id is no part of it: cached from the moment the event is made
    bases.set(e, key);
  }
  return key;
}

/**
 * JSON with keys in order (less the top-level keys in `skip`): the same content
 * always gives the same text. Ids are made from it: it must never change (an
 * undefined value, for one, reads "undefined", as it always has).
 */
function canonical(v: unknown, skip?: ReadonlySet<string>): string {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  if (typeof v !== "object" || v === null) return String(JSON.stringify(v));
  if (Array.isArray(v)) {
    let out = "[";
    for (let i = 0; i < v.length; i++) out += (i ? "," : "") + canonical(v[i]);
    return `${out}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    if (skip?.has(k)) continue;
    out += `${first ? "" : ","}${quoted(k)}:${canonical(o[k])}`;
    first = false;
  }
  return `${out}}`;
}

// field names repeat from event to event: each is quoted once
const quotes = new Map<string, string>();
function quoted(k: string): string {
  let q = quotes.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (quotes.size < 1000) quotes.set(k, q);
  }
  return q;
}

type ListKey = "messages" | "incidents" | "proposals" | "commitments" | "injects";

/** An item of a list of the state by its id (by-id.ts keeps an index per list). */
export function findById<K extends ListKey>(ctx: Ctx, key: K, id: string): GameState[K][number] | undefined {
  return itemById(ctx.s, key, id);
}

/** findById for code that has the state and no command context. */
export function itemById<K extends ListKey>(s: GameState, key: K, id: string): GameState[K][number] | undefined {
  return byId(s[key] as readonly GameState[K][number][], id);
}

export function currentPhase(s: GameState) {
  return s.status === "setup" ? undefined : s.scenario.phases[s.phaseIndex];
}

/** Name of a team, or of the mediator, for the refusals people read. */
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

/** Which roles a refusal names, as its wording selects them: "facilitator", "teamOrMediator". */
function roleKey(roles: readonly Actor["role"][]): string {
  const named = roles.filter((r) => r !== "system");
  return named.map((r, i) => (i === 0 ? r : `Or${r[0]!.toUpperCase()}${r.slice(1)}`)).join("");
}

/** Refuses unless the actor holds one of the roles; returns the actor narrowed. */
export function requireRole<R extends Actor["role"]>(ctx: Ctx, ...roles: R[]): Extract<Actor, { role: R }> {
  if (!(roles as string[]).includes(ctx.actor.role)) {
    const who = roles
      .filter((r) => r !== "system")
      .map((r) => (r === "team" ? "a team" : `the ${r}`))
      .join(" or ");
    reject("forbidden", `Only ${who} can do this`, { key: "refusals-engine.role", params: { who: roleKey(roles) } });
  }
  return ctx.actor as Extract<Actor, { role: R }>;
}

/** Refuses unless the exercise is running (not before start, paused or ended). */
export function requireRunning(ctx: Ctx): void {
  const { status } = ctx.s;
  if (status === "setup")
    reject("not-started", "The exercise has not started yet", { key: "refusals-engine.not-started" });
  if (status === "paused") reject("paused", "The exercise is paused", { key: "refusals-engine.paused" });
  if (status === "ended") reject("ended", "The exercise has ended", { key: "refusals-engine.ended" });
}

/** Refuses once the exercise has ended. */
export function requireNotEnded(ctx: Ctx): void {
  if (ctx.s.status === "ended") reject("ended", "The exercise has ended", { key: "refusals-engine.ended" });
}
