// A copy of a state that later steps cannot change, made in a fraction of a deep
// copy's time: what `step` never changes once written (log events, chat lines,
// notes, turn records, the scenario) is shared, and only the lists holding it
// are copied; what `step` changes in place (messages, injects, incidents,
// proposals, commitments, teams, the clock, …) is copied down to the part it
// changes. A handler that starts changing something new in place must say so
// here: test/engine/step.property.test.ts checks every copy against a deep one.
import type { GameState, Incident } from "./types.ts";
import { namedSince, type ChangingList } from "./named.ts";

type Copier = (value: never) => unknown;

const shallow = <T extends object>(o: T): T => ({ ...o });
const slice = <T>(list: readonly T[]): T[] => list.slice();
const same = <T>(v: T): T => v;

function copyIncident(i: Incident): Incident {
  return {
    ...i,
    evidence: { ...i.evidence },
    sharedWith: [...i.sharedWith],
    told: [...i.told],
    attributions: [...i.attributions],
  };
}

const COPY: { readonly [K in keyof GameState]?: Copier } = {
  scenario: same,
  outcome: same,
  bots: same,
  model: same,
  agreement: same,
  uses: shallow,
  deterred: shallow,
  rng: shallow,
  clock: shallow,
  trust: shallow,
  grievances: shallow,
  counters: shallow,
  orders: shallow,
  hotlines: slice,
  log: slice,
  chat: slice,
  notes: slice,
  history: slice,
  messages: (list: GameState["messages"]) => list.map(shallow),
  injects: (list: GameState["injects"]) => list.map(shallow),
  incidents: (list: GameState["incidents"]) => list.map(copyIncident),
  proposals: (list: GameState["proposals"]) => list.map((p) => ({ ...p, accepted: [...p.accepted] })),
  commitments: (list: GameState["commitments"]) => list.map((c) => ({ ...c, breaches: [...c.breaches] })),
  teams: (teams: GameState["teams"]) =>
    Object.fromEntries(
      Object.entries(teams).map(([id, t]) => [id, { ...t, sectors: t.sectors.map(shallow) }] as const),
    ),
};

/** A copy of `s` that stepping `s` further leaves as it is (and the reverse). Keys keep their order. */
export function cloneState(s: GameState): GameState {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    const copy = COPY[k as keyof GameState];
    // a field this file does not know yet is copied deeply: slower, never wrong
    out[k] = copy ? copy(v as never) : structuredClone(v);
  }
  return out as unknown as GameState;
}

const CHANGING_LISTS: readonly ChangingList[] = ["messages", "incidents", "proposals", "commitments", "injects"];

/**
 * Like cloneState, but the items of the lists that change in place are taken
 * from `prev` — an earlier copy of the same exercise, which nothing steps —
 * unless an event since names them (named.ts): a series of copies (the replay
 * viewer's checkpoints) then holds each unchanged item once.
 */
export function cloneStateSharing(s: GameState, prev: GameState): GameState {
  const out = cloneState(s);
  const named = namedSince(s.log, prev.log.length);
  for (const key of CHANGING_LISTS) {
    const before = prev[key] as { id: string }[];
    const ids = named.get(key);
    const list = out[key] as { id: string }[];
    for (let i = 0; i < before.length && i < list.length; i++) if (!ids?.has(list[i]!.id)) list[i] = before[i]!;
  }
  return out;
}
