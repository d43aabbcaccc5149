// Opens the room of an exercise on demand: rooms close when nobody is in them,
// and come back when someone with a code arrives.
import { matchMaker } from "@colyseus/core";
import type { LiveExercise } from "./live-exercise.ts";

/** Rooms being opened: people arriving together share one room. */
const opening = new Map<string, Promise<unknown>>();
/** In a cluster (server/cluster/rooms.ts): opens the room on the process that owns the exercise. */
let cluster: ((exerciseId: string) => Promise<void>) | null = null;

/** Several processes: rooms open where their exercise is owned, which the cluster decides. */
export function openRoomsWith(open: (exerciseId: string) => Promise<void>): void {
  cluster = open;
}

export async function ensureRoom(ex: LiveExercise): Promise<void> {
  if (matchMaker.getLocalRoomById(ex.id)) return;
  await (cluster ? cluster(ex.id) : openHere(ex.id));
}

/** Opens the exercise's room on this process (it must own the exercise). */
export async function openHere(exerciseId: string): Promise<void> {
  if (matchMaker.getLocalRoomById(exerciseId)) return;
  let pending = opening.get(exerciseId);
  if (!pending) {
    pending = matchMaker.createRoom("exercise", { exerciseId }).finally(() => opening.delete(exerciseId));
    opening.set(exerciseId, pending);
  }
  await pending;
}

/** Whether the room is open on this process, or (in a cluster) on another one. */
export async function roomIsOpen(roomId: string): Promise<boolean> {
  if (matchMaker.getLocalRoomById(roomId)) return true;
  return cluster !== null && (await matchMaker.driver.findOne({ roomId })) !== undefined;
}

/** How many people are connected to an exercise right now. */
export function connectedCount(exerciseId: string): number {
  return matchMaker.getLocalRoomById(exerciseId)?.clients.length ?? 0;
}
