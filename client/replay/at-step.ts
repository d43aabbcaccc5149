// What a step wrote into a participant's view. A view carries no command
// numbers (they would count what it did not see), so the replayed state says
// which items the step wrote, and the view says which of them the viewer reads.

/**
 * The items of the viewer's list (`seen`: its view's log, chat or notes)
 * written at `step`, in order. `all` is the same list in the state at that
 * step, where a step's items are the last ones.
 */
export function writtenAt<T extends { id: string }>(
  all: readonly { id: string; seq: number }[],
  seen: readonly T[],
  step: number,
): T[] {
  if (step <= 0) return [];
  const ids = new Set<string>();
  for (let i = all.length - 1; i >= 0 && all[i]!.seq >= step; i--) if (all[i]!.seq === step) ids.add(all[i]!.id);
  if (!ids.size) return [];
  let from = seen.length;
  while (from > 0 && ids.has(seen[from - 1]!.id)) from--;
  return seen.slice(from);
}
