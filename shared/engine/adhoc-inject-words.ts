// The ad-hoc inject form's field checks as refusal keys: the schema's issue and
// the scenario validator's finding keep their English sentence (the message),
// and each gets a refusals-engine key with its parameters, so a client words it
// whole in its participant's language. Read from data (the zod issue's code,
// the inject's fields), never from the English sentence.
import type { Scenario } from "./types.ts";
import type { RejectWords } from "./reject.ts";
import type { Effect, Inject } from "../scenario/schema.ts";

/** A zod issue, as much of it as the wording needs. */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  keys?: readonly string[];
}

/** The field of a path as people read it: effects[0].team (shared/scenario's formatPath). */
function fieldOf(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "(root)";
}

const WHAT: Record<string, string> = { string: "text", array: "list", set: "list" };

/** A schema issue of the ad-hoc inject: its field and a key naming what is wrong with it. */
export function schemaIssueWords(issue: SchemaIssue): { field: string; words: RejectWords } {
  const path = fieldOf(issue.path);
  const what = WHAT[String(issue.origin)] ?? "number";
  const limit = (v: unknown) => (typeof v === "number" || typeof v === "bigint" ? Number(v) : String(v));
  if (issue.code === "too_small")
    return {
      field: path,
      words: { key: "refusals-engine.inject.field.too-small", params: { path, what, limit: limit(issue.minimum) } },
    };
  if (issue.code === "too_big")
    return {
      field: path,
      words: { key: "refusals-engine.inject.field.too-big", params: { path, what, limit: limit(issue.maximum) } },
    };
  if (issue.code === "unrecognized_keys")
    return {
      field: path,
      words: { key: "refusals-engine.inject.field.unknown", params: { path, name: (issue.keys ?? []).join(", ") } },
    };
  return { field: path, words: { key: "refusals-engine.inject.field.invalid", params: { path } } };
}

type Found = { path: string; words: RejectWords };

/**
 * The validator's checks of one inject's effects and incident, keyed: every finding shared/scenario's
 * crossCheck makes there (check-effects.ts, check-injects.ts), by the field's path relative to the inject.
 */
export function injectFieldWords(sc: Scenario, inj: Inject, index: number): Found[] {
  const out: Found[] = [];
  const teams = new Set(sc.teams.map((t) => t.id));
  const add = (path: string, key: string, params: Record<string, string | number> = {}) =>
    out.push({ path, words: { key, params: { path, ...params } } });
  const ref = (team: string, path: string) => {
    if (team === "all" || team === "others") return;
    if (team === "actor" || team === "target") add(path, "refusals-engine.inject.field.actor-target", { name: team });
    else if (!teams.has(team)) add(path, "refusals-engine.inject.field.unknown-team", { team });
  };
  inj.effects.forEach((e, i) => effectWords(sc, e, `effects[${i}]`, index, ref, add));
  const inc = inj.incident;
  if (inc) {
    const victim = sc.teams.find((t) => t.id === inc.victim);
    if (!victim) add("incident.victim", "refusals-engine.inject.field.unknown-team", { team: inc.victim });
    else if (!victim.sectors.some((x) => x.kind === inc.sector))
      add("incident.sector", "refusals-engine.inject.field.no-sector", { team: inc.victim, sector: inc.sector });
    if (inc.culprit !== null && !teams.has(inc.culprit))
      add("incident.culprit", "refusals-engine.inject.field.unknown-team", { team: inc.culprit });
    if (inc.suspect !== null && !teams.has(inc.suspect))
      add("incident.suspect", "refusals-engine.inject.field.unknown-team", { team: inc.suspect });
  }
  return out;
}

type AddFn = (path: string, key: string, params?: Record<string, string | number>) => void;

function effectWords(
  sc: Scenario,
  e: Effect,
  p: string,
  index: number,
  ref: (team: string, path: string) => void,
  add: AddFn,
): void {
  if (e.type === "trust") {
    ref(e.a, `${p}.a`);
    ref(e.b, `${p}.b`);
    if (e.a === e.b && e.a !== "all" && e.a !== "others")
      add(p, "refusals-engine.inject.field.trust-itself", { team: e.a });
  } else if (e.type === "evidence") {
    if (e.suspect !== undefined && e.suspect !== null && !sc.teams.some((t) => t.id === e.suspect))
      add(`${p}.suspect`, "refusals-engine.inject.field.unknown-team", { team: e.suspect });
    if (e.incident === "latest") return;
    const source = sc.injects.findIndex((x) => x.id === e.incident);
    if (source < 0) add(`${p}.incident`, "refusals-engine.inject.field.unknown-inject", { inject: e.incident });
    else if (!sc.injects[source]!.incident)
      add(`${p}.incident`, "refusals-engine.inject.field.no-incident", { inject: e.incident });
    else if (source === index) add(`${p}.incident`, "refusals-engine.inject.field.own-incident");
  } else if (e.type !== "escalation") ref(e.team, `${p}.team`);
  if (e.type !== "sector" && e.type !== "resilience") return;
  if (e.sector === "target") add(`${p}.sector`, "refusals-engine.inject.field.target-sector");
  else if (e.sector !== "all") {
    const has = (id: string) => sc.teams.find((t) => t.id === id)?.sectors.some((x) => x.kind === e.sector) ?? false;
    const named = sc.teams.find((t) => t.id === e.team);
    if (named && !has(named.id))
      add(`${p}.sector`, "refusals-engine.inject.field.no-sector", { team: named.id, sector: e.sector });
    else if (!named && e.team !== "actor" && e.team !== "target" && !sc.teams.some((t) => has(t.id)))
      add(`${p}.sector`, "refusals-engine.inject.field.sector-nowhere", { sector: e.sector });
  }
}
