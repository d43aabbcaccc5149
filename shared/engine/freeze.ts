// States from the pure door (apply) are deep-frozen by default, so a caller that
// changes one by accident fails loudly (development and tests). `step` changes a
// state in place and never freezes. The production server and the built client
// turn freezing off: it costs a walk over the whole state.
let frozen = true;

export function setEngineFreeze(on: boolean): void {
  frozen = on;
}

/** Deep-freezes a state when freezing is on. */
export function freezeState<T>(state: T): T {
  return frozen ? deepFreeze(state) : state;
}

/** Freezes an object and everything it holds (what is already frozen is taken as done). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
