// Seeded randomness whose whole state lives in the game state (alea: four numbers).
import seedrandom from "seedrandom";
import type { RngState } from "./types.ts";

/** The generator's state right after seeding with `seed`. */
export function seedRng(seed: string): RngState {
  return seedrandom.alea(seed, { state: true }).state();
}

/** A generator that continues from `state`; read `.state()` to store it back. */
export function resumeRng(state: RngState): seedrandom.StatefulPRNG<seedrandom.State.Alea> {
  return seedrandom.alea("", { state: { ...state } });
}
