// Items of a state's list by id, through an index per list array. The engine's
// lists only grow at their end and ids never change, so an index catches up
// with what was appended since it last looked; a copied list gets its own.

interface Index {
  upTo: number;
  byId: Map<string, { id: string }>;
}

const indexes = new WeakMap<readonly { id: string }[], Index>();

/** The first item of `list` with this id, as `list.find((x) => x.id === id)` would find it. */
export function byId<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  let index = indexes.get(list);
  if (!index) {
    index = { upTo: 0, byId: new Map() };
    indexes.set(list, index);
  }
  for (; index.upTo < list.length; index.upTo++) {
    const item = list[index.upTo]!;
    if (!index.byId.has(item.id)) index.byId.set(item.id, item);
  }
  return index.byId.get(id) as T | undefined;
}
