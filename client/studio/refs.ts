// The ids a field may name, read from the draft: teams for "team", rungs for "rung"...
import { getAt } from "./paths.ts";

type Source = "teams" | "rungs" | "phases" | "cbms" | "actions" | "incidents" | "audiences";

const BY_KEY: Record<string, Source> = {
  team: "teams",
  a: "teams",
  b: "teams",
  victim: "teams",
  culprit: "teams",
  suspect: "teams",
  by: "teams",
  accused: "teams",
  against: "teams",
  availableTo: "teams",
  initial: "teams",
  rung: "rungs",
  atLeastRung: "rungs",
  phase: "phases",
  cbm: "cbms",
  cbms: "cbms",
  action: "actions",
  incident: "incidents",
  audience: "audiences",
};

function ids(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((x) => {
    const id = (x as { id?: unknown } | null)?.id;
    return typeof id === "string" && id ? [id] : [];
  });
}

/** The ids a field called `key` may take in this draft (none when it names nothing). */
export function suggestionsFor(draft: unknown, key: string): string[] {
  switch (BY_KEY[key]) {
    case "teams":
      return ids(getAt(draft, "teams"));
    case "audiences":
      return ["all", "mediator", "observers", "facilitator", ...ids(getAt(draft, "teams"))];
    case "rungs":
      return ids(getAt(draft, "ladder.rungs"));
    case "phases":
      return ids(getAt(draft, "phases"));
    case "cbms":
      return ids(getAt(draft, "cbms"));
    case "actions":
      return ids(getAt(draft, "actions"));
    case "incidents": {
      const injects = getAt(draft, "injects");
      const withIncident = Array.isArray(injects) ? injects.filter((i) => (i as { incident?: unknown })?.incident) : [];
      return ["latest", ...ids(withIncident)];
    }
    default:
      return [];
  }
}

/** What a list item is called in its summary: its title, name, id or kind. */
export function itemTitle(item: unknown): string {
  if (typeof item !== "object" || item === null) return String(item ?? "");
  const o = item as Record<string, unknown>;
  for (const k of ["title", "name", "id", "type", "kind", "text"]) if (typeof o[k] === "string" && o[k]) return o[k];
  const keys = Object.keys(o);
  return keys.length === 1 ? keys[0]! : "";
}

/** A fresh id for a new item of a list ("inject-4"), unused in it. */
export function freshId(list: unknown[], listKey: string): string {
  const kebab = listKey.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
  const base = kebab.replace(/ies$/, "y").replace(/s$/, "") || "item";
  const used = new Set(ids(list));
  let n = list.length + 1;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
