// One viewer's view kept current command after command without building it
// again: the server sends each group of participants the operations that turn
// the view it last sent into the current one (a patch). What a command changed
// is read from the state itself: the items its lists gained, and the items its
// events name (an event's `message`, `incident`, `proposal`, `commitment` or
// `inject` field: a command that changes one of those in place names it in an
// event, events.ts); the small rest of the view (viewHead) is rebuilt and
// compared. Whether and how a viewer sees an item is view-lists.ts's rule, the
// one `view` uses: test/engine/view-feed.property.test.ts checks that the
// patches rebuild `view(state, viewer)` exactly, after every command.
import type { GameState, Viewer } from "./types.ts";
import type { EventView } from "./events.ts";
import type { ParticipantView } from "./view.ts";
import { addActionNames, ownActions, viewHead, type ViewHead } from "./view.ts";
import { CHANGING, LIST_KEYS, itemView, seerOf, type ListKey, type Seer } from "./view-lists.ts";
import { diff, type PatchOp } from "../protocol/patch.ts";
import { ownCopy, scenarioParts } from "./own-copy.ts";
import { namedSince, type ChangingList } from "./named.ts";

type Lists = { [K in ListKey]: unknown[] };

export class ViewFeed {
  readonly viewer: Viewer;
  private seer!: Seer;
  /** the state followed: another one (rebuilt from storage) is compared whole */
  private state!: GameState;
  /** what was last sent; none of the objects in it is ever changed, only its arrays grow or are replaced */
  private head!: ViewHead;
  private lists!: Lists;
  private names!: Record<string, string>;
  /** for the lists whose items change: the state index of each item shown, in order */
  private shown!: Record<ListKey, number[]>;
  /** how much of each of the state's lists was read */
  private seen!: Record<ListKey, number>;
  /** id → index in the state's list, for the items an event names */
  private index!: Record<ListKey, Map<string, number>>;
  private copy: ParticipantView | null = null;
  /** what copies may share: the scenario's objects */
  private keep!: WeakSet<object>;

  constructor(state: GameState, viewer: Viewer) {
    this.viewer = viewer;
    this.reset(state);
  }

  /** The view as last fed, as a copy that later updates leave as it is. */
  view(): ParticipantView {
    if (!this.copy) {
      const lists = {} as Lists;
      for (const key of LIST_KEYS) lists[key] = this.lists[key].slice();
      this.copy = { ...this.head, ...lists, actionNames: { ...this.names } } as ParticipantView;
    }
    return this.copy;
  }

  /**
   * Brings the view up to `state` and returns the operations that did it. None
   * when nothing the viewer may see changed: control's command counter and
   * clock (seq, now) alone change nothing (they follow with the next change).
   */
  update(state: GameState): PatchOp[] {
    const seer = seerOf(state, this.viewer);
    if (state !== this.state || seer.all !== this.seer.all || LIST_KEYS.some((k) => state[k].length < this.seen[k]))
      return this.whole(state);
    const listOps: PatchOp[] = [];
    const touched = namedSince(state.log, this.seen.log);
    for (const key of LIST_KEYS) listOps.push(...this.list(state, key, touched.get(key as ChangingList)));
    const head = viewHead(state, seer);
    const headOps = diff(this.head, head);
    if (!listOps.length && headOps.every((op) => isBookkeeping(op.path))) return [];
    if (headOps.length) this.head = this.own(head);
    this.copy = null;
    return [...headOps, ...listOps];
  }

  /** The operations for one list: its new items, and the items of it that changed. */
  private list(state: GameState, key: ListKey, touched: Set<string> | undefined): PatchOp[] {
    const items = state[key] as { id?: string }[];
    const from = this.seen[key];
    const saved = this.lists[key];
    const ops: PatchOp[] = [];
    let whole = false;
    if (CHANGING[key]) {
      const shown = this.shown[key];
      const index = this.index[key];
      for (let i = from; i < items.length; i++) index.set(items[i]!.id!, i);
      for (const id of touched ?? []) {
        const i = index.get(id);
        if (i === undefined || i >= from) continue;
        const v = itemView(state, this.seer, key, items[i] as never);
        const pos = lowerBound(shown, i);
        if (shown[pos] === i && v !== undefined) {
          const d = diff(saved[pos], v, [key, pos]);
          if (!d.length) continue;
          ops.push(...d);
          saved[pos] = this.own(v);
        } else if (shown[pos] === i) {
          shown.splice(pos, 1);
          saved.splice(pos, 1);
          whole = true;
        } else if (v !== undefined) {
          // an item the viewer did not see before takes its place among the others
          shown.splice(pos, 0, i);
          saved.splice(pos, 0, this.own(v));
          whole = true;
        }
      }
    }
    const added: unknown[] = [];
    for (let i = from; i < items.length; i++) {
      const v = itemView(state, this.seer, key, items[i] as never);
      if (v === undefined) continue;
      // items that never change are shared; the others are copied, since the state changes them in place
      const kept = CHANGING[key] ? this.own(v) : v;
      if (CHANGING[key]) this.shown[key].push(i);
      saved.push(kept);
      added.push(kept);
    }
    this.seen[key] = items.length;
    if (whole) return [{ op: "set", path: [key], value: saved.slice() }];
    if (added.length) ops.push({ op: "push", path: [key], items: added });
    if (key === "log" && added.length)
      for (const id of addActionNames(state, this.names, [], added as EventView[]))
        ops.push({ op: "set", path: ["actionNames", id], value: this.names[id]! });
    return ops;
  }

  /** Another state, or the observers' switch turned: the whole view is built again and compared. */
  private whole(state: GameState): PatchOp[] {
    const before = this.view();
    this.reset(state);
    const ops = diff(before, this.view());
    return ops.every((op) => isBookkeeping(op.path)) ? [] : ops;
  }

  private own<T>(v: T): T {
    return ownCopy(v, this.keep);
  }

  private reset(state: GameState): void {
    const seer = seerOf(state, this.viewer);
    this.seer = seer;
    this.state = state;
    this.keep = scenarioParts(state.scenario);
    this.head = this.own(viewHead(state, seer));
    this.lists = {} as Lists;
    this.shown = {} as Record<ListKey, number[]>;
    this.seen = {} as Record<ListKey, number>;
    this.index = {} as Record<ListKey, Map<string, number>>;
    for (const key of LIST_KEYS) {
      const items = state[key] as { id?: string }[];
      const saved: unknown[] = [];
      const shown: number[] = [];
      const index = new Map<string, number>();
      items.forEach((x, i) => {
        if (CHANGING[key]) index.set(x.id!, i);
        const v = itemView(state, seer, key, x as never);
        if (v === undefined) return;
        saved.push(CHANGING[key] ? this.own(v) : v);
        shown.push(i);
      });
      this.lists[key] = saved;
      this.shown[key] = shown;
      this.seen[key] = items.length;
      this.index[key] = index;
    }
    this.names = {};
    addActionNames(state, this.names, ownActions(state, this.head), this.lists.log as EventView[]);
    this.copy = null;
  }
}

/**
 * Control's command counter and clock change with every command; alone they
 * reveal only that something happened. (Other views carry neither: see view.ts.)
 */
function isBookkeeping(path: readonly (string | number)[]): boolean {
  return path.length === 1 && (path[0] === "seq" || path[0] === "now");
}

/** The first position in an ascending list whose value is not below `x`. */
function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
