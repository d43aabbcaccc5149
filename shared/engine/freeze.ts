// States are deep-frozen by default, so an accidental mutation fails loudly
// (development and tests). Freezing costs most of a command's time on a long
// exercise, so the production server and the built client turn it off.
import { freeze, setAutoFreeze } from "immer";

let frozen = true;

export function setEngineFreeze(on: boolean): void {
  frozen = on;
  setAutoFreeze(on);
}

/** Deep-freezes a new state when freezing is on. */
export function freezeState<T>(state: T): T {
  return frozen ? freeze(state, true) : state;
}
