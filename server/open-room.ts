// Opens the room of an exercise on demand: rooms close when nobody is in them,
// and come back when someone with a code arrives.
import { matchMaker } from "@colyseus/core";
import type { LiveExercise } from "./live-exercise.ts";

/** Rooms being opened: people arriving together share one room. */
const opening = new Map<string, Promise<unknown>>();

export async function ensureRoom(ex: LiveExercise): Promise<void> {
  if (matchMaker.getLocalRoomById(ex.id)) return;
  let pending = opening.get(ex.id);
  if (!pending) {
    pending = matchMaker.createRoom("exercise", { exerciseId: ex.id }).finally(() => opening.delete(ex.id));
    opening.set(ex.id, pending);
  }
  await pending;
}

/** How many people are connected to an exercise right now. */
export function connectedCount(exerciseId: string): number {
  return matchMaker.getLocalRoomById(exerciseId)?.clients.length ?? 0;
}
