// Where an exercise's room opens when several processes share Redis and
// PostgreSQL: on the process that owns the exercise (holds its lock). A process
// asked to open a room it does not own takes the exercise if nobody holds it,
// or asks its owner over Redis; a process that stopped has its exercises taken
// over by the others within a few seconds, so the caller waits that long.
import { matchMaker, requestFromIPC, subscribeIPC, type IRoomCache, type Room } from "@colyseus/core";
import { HttpError } from "../../shared/protocol/http.ts";
import type { Hub } from "../hub.ts";
import { openHere } from "../open-room.ts";
import type { PgStore } from "../storage/pg-store.ts";
import type { SubmitResult } from "../live-exercise.ts";
import type { Actor } from "../../shared/protocol/identity.ts";
import type { CommandError } from "../../shared/protocol/messages.ts";

/** How long a join waits for an exercise whose process stopped to be taken over. */
const OPEN_WAIT_MS = 12_000;
const ASK_TIMEOUT_MS = 5000;
const channel = (processId: string) => `deconflict:open:${processId}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MOVING: CommandError = {
  code: "storage",
  message: "This exercise is moving to another server process, so nothing changed. Try again in a few seconds.",
};

export class ClusterRooms {
  private readonly hub: Hub;
  private readonly storage: PgStore;

  constructor(hub: Hub, storage: PgStore) {
    this.hub = hub;
    this.storage = storage;
  }

  /** Listens for other processes asking this one to open a room it owns. */
  async listen(): Promise<void> {
    await subscribeIPC(matchMaker.presence, channel(matchMaker.processId), (method: string, args: unknown[]) => {
      const id = typeof args?.[0] === "string" ? args[0] : "";
      if (!id) throw new Error("no exercise named");
      if (method === "open") return this.openOwned(id);
      if (method === "submit") return this.submitHere(id, args[1] as Actor, args[2], Number(args[3]));
      throw new Error("unknown request");
    });
    // a command given to a copy (a course control through another process) is run by the owner
    this.hub.forwardTo = (copy) => {
      copy.remote = (actor, input, at) => this.submitRemote(copy.id, actor, input, at);
    };
  }

  /** Runs a command where the exercise is owned: here if this process holds it (or can take it), else over Redis. */
  private async submitRemote(id: string, actor: Actor, input: unknown, at: number): Promise<SubmitResult> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const owner = await this.storage.ownerOf(id);
      if (owner && owner !== matchMaker.processId) {
        const args = [id, actor, input, at];
        const r = await requestFromIPC<SubmitResult>(matchMaker.presence, channel(owner), "submit", args, 10_000).catch(
          () => null,
        );
        if (r) return r;
      } else {
        const ex = this.hub.get(id);
        if (ex && this.hub.holds(id)) return ex.submit(actor, input, at);
      }
      await sleep(500);
    }
    return { ok: false, error: MOVING };
  }

  private async submitHere(id: string, actor: Actor, input: unknown, at: number): Promise<SubmitResult> {
    const ex = this.hub.get(id);
    if (!ex || !this.hub.holds(id)) throw new Error(`exercise ${id} is not owned here`);
    return ex.submit(actor, input, at);
  }

  /** Opens the exercise's room wherever it belongs; resolves once it is listed for joins. */
  async open(id: string): Promise<void> {
    const until = Date.now() + OPEN_WAIT_MS;
    for (;;) {
      if (matchMaker.getLocalRoomById(id)) return;
      if (this.hub.holds(id)) return openHere(id);
      const owner = await this.storage.ownerOf(id);
      if (owner === null) {
        // nobody holds it: this process takes it (another may win the race; then ask again)
        if (this.hub.get(id) && this.hub.holds(id)) return openHere(id);
      } else if (owner !== matchMaker.processId) {
        const listed = await matchMaker.driver.findOne({ roomId: id });
        if (listed?.processId === owner) return;
        const asked = await requestFromIPC<boolean>(
          matchMaker.presence,
          channel(owner),
          "open",
          [id],
          ASK_TIMEOUT_MS,
        ).catch(() => false);
        if (asked) return;
      }
      if (Date.now() > until)
        throw new HttpError(
          503,
          "unavailable",
          "This exercise is moving to another server process; try again in a few seconds",
        );
      await sleep(250);
    }
  }

  /** Another process asked: open the room here if this process owns the exercise (or can take it). */
  private async openOwned(id: string): Promise<boolean> {
    if (matchMaker.getLocalRoomById(id)) {
      await this.relist();
      return true;
    }
    if (!this.hub.get(id) || !this.hub.holds(id)) throw new Error(`exercise ${id} is not owned here`);
    await openHere(id);
    return true;
  }

  /** People connected to each listed room, wherever it runs (for the course dashboard). */
  private counts = new Map<string, number>();

  connected(exerciseId: string): number | undefined {
    return this.counts.get(exerciseId);
  }

  async refreshCounts(): Promise<void> {
    const rooms = await matchMaker.driver.query({ name: "exercise" });
    this.counts = new Map(rooms.map((r) => [r.roomId, r.clients]));
  }

  /**
   * Lists this process's rooms again where the listing is missing or names another process: a process that was
   * frozen re-lists its rooms when it wakes (Colyseus does), over the listing of the process that took them over.
   */
  async relist(): Promise<void> {
    const rooms = this.hub
      .all()
      .map((ex) => matchMaker.getLocalRoomById(ex.id))
      .filter((r): r is Room => r !== undefined);
    if (!rooms.length) return;
    const listed = await matchMaker.driver.findByIds(rooms.map((r) => r.roomId));
    for (const room of rooms) {
      const mine = (room as unknown as { _listing: IRoomCache })._listing;
      if (!mine?.roomId || listed.get(room.roomId)?.processId === matchMaker.processId) continue;
      await matchMaker.driver.persist(mine, true);
    }
  }
}
