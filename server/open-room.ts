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

/** In a cluster: the connections Colyseus lists for rooms on other processes (refreshed every few seconds). */
let listed: ((exerciseId: string) => number | undefined) | null = null;

export function countListedWith(count: (exerciseId: string) => number | undefined): void {
  listed = count;
}

/** How many people are connected to an exercise right now (in a cluster, a few seconds ago for other processes). */
export function connectedCount(exerciseId: string): number {
  const here = matchMaker.getLocalRoomById(exerciseId);
  if (here) return here.clients.length;
  return listed?.(exerciseId) ?? 0;
}
