// Several processes as one service: Colyseus's presence and matchmaking on
// Redis, exercises in PostgreSQL with one owner each, and the exercises of a
// process that stopped taken over by the survivors (paused, as after a restart).
import { matchMaker, type ServerOptions } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import type { Config } from "../config.ts";
import type { Hub } from "../hub.ts";
import { countListedWith, openHere, openRoomsWith } from "../open-room.ts";
import { SERVER_ACTOR } from "../phase-timer.ts";
import type { PgStore } from "../storage/pg-store.ts";
import { ClusterRooms } from "./rooms.ts";

export const TAKEOVER_REASON = "the server process running it stopped; control resumes when everyone is back";
const RELIST_MS = 2000;

/** Colyseus's options for several processes; none when REDIS_URL is not set. */
export function clusterServerOptions(config: Config): Partial<ServerOptions> {
  if (!config.redisUrl) return {};
  return {
    presence: new RedisPresence(config.redisUrl),
    driver: new RedisDriver(config.redisUrl),
    publicAddress: config.publicAddress,
    // rooms open on the process that owns their exercise, which rooms.ts has already decided
    selectProcessIdToCreateRoom: async () => matchMaker.processId,
  };
}

/** After listening: joins the cluster; returns what stops it. */
export async function startCluster(config: Config, hub: Hub, storage: PgStore): Promise<() => void> {
  storage.setProcessId(matchMaker.processId);
  const rooms = config.redisUrl ? new ClusterRooms(hub, storage) : null;
  let open: (id: string) => Promise<void> = openHere;
  if (rooms) {
    await rooms.listen();
    open = (id) => rooms.open(id);
    openRoomsWith(open);
  }
  storage.onTakeover = (ids) => void takeOver(hub, ids);
  storage.onLost = (why) => {
    // another process may already hold this one's exercises: it must not write again, nor keep people in stale rooms
    console.error(`LOST OWNERSHIP: ${why}. This process stops now; its exercises continue on the others.`);
    process.exit(1);
  };
  if (rooms) countListedWith((id) => rooms.connected(id));
  const relist =
    rooms &&
    setInterval(() => {
      void rooms.relist().catch(() => undefined);
      void rooms.refreshCounts().catch(() => undefined);
    }, RELIST_MS);
  relist?.unref();
  return () => {
    if (relist) clearInterval(relist);
  };
}

/** Exercises whose process stopped: replayed from the database here, paused if running, their rooms opened. */
async function takeOver(hub: Hub, ids: string[]): Promise<void> {
  for (const id of ids) {
    try {
      const ex = hub.get(id);
      if (!ex || !hub.holds(id)) continue;
      if (ex.state.status === "running")
        await ex.submit(SERVER_ACTOR, { type: "exercise.pause", reason: TAKEOVER_REASON }, ex.state.now);
      if (ex.state.status !== "ended") await openHere(id);
      console.log(`Took over exercise ${id} (${ex.commands.length} commands) from a process that stopped.`);
    } catch (err) {
      console.error(`Could not take over exercise ${id}: ${(err as Error).message}`);
    }
  }
  hub.sweep();
}
