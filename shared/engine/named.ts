// The items of the state that events name: a command that changes an incident,
// message, proposal, commitment or inject in place emits an event naming it in
// a field of that name (events.ts). So what changed since some moment is read
// from the log: the view feed (what to send) and cloneState's sharing copies
// (what to copy again) both rely on it.
import type { StoredEvent } from "./events.ts";

/** The lists of the state whose items change in place. */
export type ChangingList = "messages" | "incidents" | "proposals" | "commitments" | "injects";

const FIELDS: readonly (readonly [string, ChangingList])[] = [
  ["message", "messages"],
  ["incident", "incidents"],
  ["proposal", "proposals"],
  ["commitment", "commitments"],
  ["inject", "injects"],
];

/** The ids the events of `log` from index `from` name, by list. */
export function namedSince(log: readonly StoredEvent[], from: number): Map<ChangingList, Set<string>> {
  const out = new Map<ChangingList, Set<string>>();
  for (let i = from; i < log.length; i++) {
    const e = log[i] as StoredEvent & Record<string, unknown>;
    for (const [field, key] of FIELDS) {
      const id = e[field];
      if (typeof id !== "string") continue;
      let ids = out.get(key);
      if (!ids) out.set(key, (ids = new Set()));
      ids.add(id);
    }
  }
  return out;
}
