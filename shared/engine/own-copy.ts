// Deep copies of view parts that the state changes in place, sharing what never
// changes: the scenario's own objects (phases, the ladder, actions, briefings…),
// which a view shows as they are.
import type { Scenario } from "./types.ts";

const partsOf = new WeakMap<Scenario, WeakSet<object>>();

/** Every object inside a scenario (found once per scenario): never changed, so never copied. */
export function scenarioParts(sc: Scenario): WeakSet<object> {
  let parts = partsOf.get(sc);
  if (!parts) {
    const found = new WeakSet<object>();
    const walk = (v: unknown): void => {
      if (typeof v !== "object" || v === null || found.has(v)) return;
      found.add(v);
      for (const x of Object.values(v)) walk(x);
    };
    walk(sc);
    partsOf.set(sc, (parts = found));
  }
  return parts;
}

/** A deep copy of plain data (JSON-like), sharing the objects in `keep`. */
export function ownCopy<T>(value: T, keep: WeakSet<object>): T {
  if (typeof value !== "object" || value === null || keep.has(value)) return value;
  if (Array.isArray(value)) return value.map((x: unknown) => ownCopy(x, keep)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = ownCopy(v, keep);
  return out as T;
}
