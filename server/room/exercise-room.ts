// The Colyseus room of one exercise, kept thin (no game rule lives here): it authenticates a join code, hands commands
// to the exercise (validate → apply → record), publishes each participant's view, keeps each team's draft (drafts.ts).
import { ClientState, Room, ServerError, type AuthContext, type Client, type MessageContext } from "@colyseus/core";
import { view, type ParticipantView } from "../../shared/engine/index.ts";
import {
  BUSY_REFUSAL,
  type CommandError,
  type CommandReply,
  type PresenceMessage,
  type SnapshotMessage,
} from "../../shared/protocol/messages.ts";
import {
  actorOf,
  defaultName,
  flatSeat,
  groupKey,
  seat as seatSchema,
  seatName,
  type Participant,
  type Seat,
  type SeatInfo,
} from "../../shared/protocol/identity.ts";
import type { Hub } from "../hub.ts";
import type { LiveExercise } from "../live-exercise.ts";
import { PhaseTimer, SERVER_ACTOR } from "../phase-timer.ts";
import { Publisher, type Recipient } from "./publisher.ts";
import { SeatBudget } from "./seat-budget.ts";
import { PresenceLists } from "./presence.ts";
import { WRONG_SEAT } from "../guard/matchmaking.ts";
import { UNKNOWN_TYPE, filterFrames } from "./frame-filter.ts";
import { seatRequests } from "./requests.ts";
import { BotDriver } from "../bots/driver.ts";
import { Autopilot } from "../bots/autopilot.ts";
import { takeOverFromBot } from "../bots/seats.ts";
import { DEFAULT_BOT_SETTINGS, type BotSettings } from "../bots/settings.ts";
import { LoadMeter, type BusyLimits } from "../busy.ts";
import { SERVER_PAUSE_REASONS } from "../../shared/protocol/server-pause.ts";

export interface RoomSettings {
  reconnectGraceSeconds: number;
  /** a room nobody is connected to closes after this many seconds (a running exercise is paused first) */
  idleSeconds: number;
  /** the pace of bots and the autopilot (server/bots/settings.ts) */
  bots?: BotSettings;
  /** when the server counts as saturated and refuses commands as "busy" */
  busy: BusyLimits;
  /** an ended exercise's room closes this many seconds after its last person left (it reopens on demand) */
  endedIdleSeconds?: number;
}

interface Auth {
  seat: Seat;
  name: string;
  /** the exercise the code belongs to: a code opens a seat there and nowhere else */
  exerciseId: string;
}

/** How many connections one seat's code may hold at once: a team is a handful of people, observers a class. */
export const SEAT_CONNECTIONS = { team: 40, mediator: 40, facilitator: 40, observer: 250, public: 250 } as const;
/** Seconds a seat reserved by matchmaking waits for its socket. */
export const SEAT_RESERVATION_SECONDS = 8;
/** The projector display only looks: every command it sends is refused. */
const LOOK_ONLY = { code: "forbidden", message: "The public display only shows the exercise: it sends no commands" };
type SeatClient = Client<{ auth: Auth }>;

export const MAX_NAME = 40;

/** Builds the room class for a hub, so rooms find their exercises without globals. */
export function exerciseRoom(hub: Hub, settings: RoomSettings) {
  // one meter for all the rooms of this server: saturation is the process's, not a room's
  const meter = new LoadMeter(settings.busy, () => hub.store.queuedWrites);
  const roomClass = class ExerciseRoom extends Room<{ client: SeatClient }> {
    // never locked by reservations: seats are capped per code in onJoin instead
    override maxClients = Infinity;
    override seatReservationTimeout = SEAT_RESERVATION_SECONDS;
    exercise!: LiveExercise;
    private publisher = new Publisher();
    /** budgets per seat, not per connection: leaving and rejoining does not refill them */
    private readonly budget = new SeatBudget();
    private idleTimer: NodeJS.Timeout | null = null;
    /** the presence list each group was last sent */
    private readonly lastPresence = new Map<string, string>();
    /** everyone with a seat, including those who dropped and may still come back */
    private readonly people = new Map<string, Participant>();
    private timer!: PhaseTimer;
    private unsubscribe: () => void = () => {};
    private unfollow: () => void = () => {};
    private bots: BotDriver | null = null;
    private autopilot: Autopilot | null = null;
    private releaseMeter: () => void = () => {};
    /** connections that hold a snapshot, and so follow their group's patches */
    private readonly synced = new Set<string>();

    override onCreate(options: { exerciseId: string }) {
      const exercise = hub.get(options.exerciseId);
      if (!exercise) throw new Error(`no exercise ${options.exerciseId}`);
      this.roomId = exercise.id;
      this.autoDispose = false;
      this.exercise = exercise;
      this.armIdle();
      this.releaseMeter = meter.use();
      this.timer = new PhaseTimer(exercise);
      this.unfollow = exercise.follow({
        // each group's patch is made while the state is exactly this command's, and sent once it is durable
        applied: (state) => {
          const send = this.publisher.publish(state, this.groupsInUse(), Date.now());
          return () => send(() => this.recipients());
        },
        // patches of lost commands were never sent: everyone starts again from a snapshot of what is durable
        rebuilt: () => {
          this.publisher = new Publisher();
          this.synced.clear();
          for (const c of this.clients) if (c.auth) this.sendSnapshot(c);
        },
      });
      this.unsubscribe = exercise.subscribe((state) => {
        this.timer.rearm();
        // an exercise that ends with nobody connected (its last phase timed out) does not wait out the idle time
        if (state.status === "ended" && this.clients.length === 0) this.armIdle();
      });
      this.timer.rearm();
      const botSettings = settings.bots ?? DEFAULT_BOT_SETTINGS;
      this.bots = new BotDriver(exercise, botSettings);
      this.autopilot = new Autopilot(exercise, botSettings, () => this.seatsPresent());
      this.onMessage("command", (client: SeatClient, payload: unknown, ctx: MessageContext) =>
        this.metered(client, payload, ctx, () => this.command(client, payload, ctx)),
      );
      this.onMessage("sync", (client: SeatClient, _payload: unknown, ctx: MessageContext) =>
        this.budget.ping(client.sessionId, Date.now()) ? this.snapshot(client, ctx) : ctx.reject(this.budget.refusal()),
      );
      this.onMessage("ping", (client: SeatClient, _payload: unknown, ctx: MessageContext) =>
        this.budget.ping(client.sessionId, Date.now()) ? { serverTime: Date.now() } : ctx.reject(this.budget.refusal()),
      );
      this.onMessage("peek", (client: SeatClient, payload: unknown, ctx: MessageContext) =>
        this.metered(client, payload, ctx, () => this.peek(client, payload, ctx)),
      );
      seatRequests<SeatClient>(this, this.metered.bind(this), () => [this.exercise.state, this.publisher, this.budget]);
      // a message of another type arrives as "unknown" (see frame-filter.ts): answered briefly, not punished with a disconnection
      this.onMessage(UNKNOWN_TYPE, (client: SeatClient, payload: unknown, ctx: MessageContext) => {
        if (!this.budget.take(groupKey(authOf(client).seat), payload, Date.now()))
          return ctx.id === undefined ? undefined : ctx.reject(this.budget.refusal());
        const error: CommandError = {
          code: "unknown-message",
          message: `Unknown message type: send commands as room.request("command", { type, ... })`,
        };
        if (ctx.id === undefined) client.send("error", error);
        else ctx.reject(error);
      });
    }

    /** Checks the code when matchmaking reserves a seat, before anything is held for the caller. */
    static override async onAuth(
      _token: string,
      options: { code?: unknown; name?: unknown },
      _context: AuthContext,
    ): Promise<Auth> {
      const code = typeof options?.code === "string" ? options.code : "";
      if (!code) throw new ServerError(401, "A join code is needed to enter this exercise");
      const hit = hub.lookup(code);
      if (!hit) throw new ServerError(403, WRONG_SEAT);
      const raw = typeof options.name === "string" ? options.name.trim().replace(/\p{Cs}/gu, "\uFFFD") : "";
      if (raw.length > MAX_NAME) throw new ServerError(400, `A display name has at most ${MAX_NAME} characters`);
      return { seat: hit.seat, name: raw || defaultName(hit.seat), exerciseId: hit.exerciseId };
    }

    override onJoin(client: SeatClient) {
      const { seat, name, exerciseId } = authOf(client);
      if (exerciseId !== this.exercise.id) throw new ServerError(403, WRONG_SEAT);
      const key = groupKey(seat);
      const cap = SEAT_CONNECTIONS[seat.role];
      const same = [...this.clients].filter((c) => c !== client && c.auth && groupKey(c.auth.seat) === key).length;
      if (same >= cap)
        throw new ServerError(
          429,
          `This seat already has ${cap} connections open; close some tabs or ask the facilitator`,
        );
      this.cancelIdle();
      this.people.set(client.sessionId, { sessionId: client.sessionId, name, ...flatSeat(seat), connected: true });
      this.sendSnapshot(client);
      this.sendPresence(client);
      // a person in a bot's seat takes over from it (recorded); a self-paced exercise starts once someone is here
      void takeOverFromBot(this.exercise, seat).then(() => this.autopilot?.check());
    }

    override async onDrop(client: SeatClient) {
      this.setConnected(client.sessionId, false);
      try {
        await this.allowReconnection(client, settings.reconnectGraceSeconds);
      } catch {
        // the grace period ran out: onLeave follows
      }
    }

    override onReconnect(client: SeatClient) {
      this.sendSnapshot(client);
      this.setConnected(client.sessionId, true, client);
    }

    override onLeave(client: SeatClient) {
      this.synced.delete(client.sessionId);
      this.budget.forgetConnection(client.sessionId);
      this.people.delete(client.sessionId);
      this.sendPresence();
      if (this.clients.length === 0) this.armIdle();
    }

    /**
     * With nobody connected for a while, the room closes and the exercise leaves memory (storage keeps it).
     * An ended exercise has nothing left to run: its room closes soon after its last person leaves.
     */
    private armIdle() {
      this.cancelIdle();
      const ended = this.exercise.state.status === "ended";
      const seconds = ended ? Math.min(settings.endedIdleSeconds ?? 5, settings.idleSeconds) : settings.idleSeconds;
      this.idleTimer = setTimeout(() => void this.closeIdle(), seconds * 1000);
      this.idleTimer.unref?.();
    }

    private cancelIdle() {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }

    private async closeIdle() {
      this.idleTimer = null;
      if (this.clients.length > 0) return;
      // its phase timer stops with the room: a running exercise is paused, recorded like every command
      if (this.exercise.state.status === "running") {
        const r = await this.exercise.submit(
          SERVER_ACTOR,
          { type: "exercise.pause", reason: SERVER_PAUSE_REASONS.idle },
          Date.now(),
        );
        if (!r.ok || this.clients.length > 0) return this.armIdle();
      }
      void this.disconnect();
    }

    private setConnected(sessionId: string, connected: boolean, to?: SeatClient) {
      const p = this.people.get(sessionId);
      if (p) this.people.set(sessionId, { ...p, connected });
      this.sendPresence(to);
    }

    override onDispose() {
      this.cancelIdle();
      this.unsubscribe();
      this.unfollow();
      this.timer.close();
      this.bots?.stop();
      this.autopilot?.stop();
      this.releaseMeter();
      hub.sweep();
    }

    /** The team ids (and "mediator") with someone in the room: connected, or dropped and within their grace to return. */
    private seatsPresent(): Set<string> {
      const here = new Set<string>();
      for (const p of this.people.values())
        if (p.role === "team" || p.role === "mediator") here.add(p.teamId ?? "mediator");
      return here;
    }

    /** Every message a seat sends is paid for from the seat's budget, by count and by size. */
    private metered<T>(client: SeatClient, payload: unknown, ctx: MessageContext, run: () => T) {
      if (!this.budget.take(groupKey(authOf(client).seat), payload, Date.now()))
        return ctx.reject(this.budget.refusal());
      return run();
    }

    /**
     * Refused at once as "busy" when the server is saturated; applied after this turn's I/O, and only if the
     * sender is still connected by then; acknowledged once durable.
     */
    private async command(client: SeatClient, payload: unknown, ctx: MessageContext) {
      if (meter.busy()) return ctx.reject(BUSY_REFUSAL);
      await new Promise((resolve) => setImmediate(resolve));
      if (gone(client))
        return ctx.reject({ code: "gone", message: "The connection closed before the command was applied" });
      if (meter.busy()) return ctx.reject(BUSY_REFUSAL);
      const { seat, name } = authOf(client);
      if (seat.role === "public") return ctx.reject(LOOK_ONLY);
      const r = await this.exercise.submit(actorOf(seat, name), payload, Date.now());
      if (!r.ok) return ctx.reject(r.error);
      // only control learns the command's number: to anyone else it would count what it did not see
      const reply: CommandReply = seat.role === "facilitator" ? { ok: true, seq: r.seq } : { ok: true };
      return reply;
    }

    /** Control looks at the exercise through each participant's eyes. */
    private peek(client: SeatClient, payload: unknown, ctx: MessageContext) {
      if (authOf(client).seat.role !== "facilitator")
        return ctx.reject({
          code: "forbidden",
          message: "Only the facilitator can view the exercise as another participant",
        });
      const viewer = seatSchema.safeParse(payload);
      if (!viewer.success) return ctx.reject({ code: "invalid", message: "Name a viewer: { role, teamId? }" });
      const v = viewer.data;
      if (v.role === "team" && !this.exercise.state.teams[v.teamId])
        return ctx.reject({ code: "not-found", message: `There is no team “${v.teamId}”` });
      return view(this.exercise.state, v);
    }

    /** The reply to "sync": what the client's group holds, once every command in it is durable. */
    private async snapshot(client: SeatClient, ctx: MessageContext) {
      const publisher = this.publisher;
      this.synced.delete(client.sessionId);
      const { basis } = publisher.current(this.exercise.state, authOf(client).seat);
      if (!(await this.exercise.durable(basis)) || publisher !== this.publisher)
        return ctx.reject({ code: "storage", message: "The exercise was reloaded from storage: ask again" });
      const sent = publisher.current(this.exercise.state, authOf(client).seat);
      this.synced.add(client.sessionId);
      const reply: SnapshotMessage<ParticipantView> = {
        seat: this.seatInfo(client),
        serverTime: Date.now(),
        version: sent.version,
        view: sent.view,
      };
      return reply;
    }

    /**
     * Sends a client its group's snapshot (framed, the view in it encoded once per version: publisher.ts), from
     * then on it follows the group's patches. A group begun while commands were being written starts with them:
     * its first snapshot waits until they are durable (if they are lost, the rebuild sends everyone a new one).
     */
    private sendSnapshot(client: SeatClient): void {
      const publisher = this.publisher;
      const seat = authOf(client).seat;
      this.synced.delete(client.sessionId);
      const send = () => {
        const details = { seat: this.seatInfo(client), serverTime: Date.now() };
        client.enqueueRaw(publisher.snapshotFrame(this.exercise.state, seat, details));
        this.synced.add(client.sessionId);
      };
      const { basis } = publisher.current(this.exercise.state, seat);
      if (basis <= this.exercise.durableSeq) return send();
      void this.exercise.durable(basis).then((ok) => {
        if (ok && publisher === this.publisher && this.clients.includes(client)) send();
      });
    }

    private seatInfo(client: SeatClient): SeatInfo {
      const { seat, name } = authOf(client);
      return {
        exerciseId: this.exercise.id,
        ...flatSeat(seat),
        seatName: seatName(this.exercise.scenario, seat),
        name,
        sessionId: client.sessionId,
      };
    }

    /** Everyone who holds a snapshot, and so follows their group's patches. */
    private *recipients(): Generator<Recipient> {
      for (const c of this.clients)
        if (c.auth && this.synced.has(c.sessionId)) yield { seat: c.auth.seat, raw: (bytes) => c.enqueueRaw(bytes) };
    }

    /** The groups someone is in (followed or about to be). */
    private groupsInUse(): Set<string> {
      const keys = new Set<string>();
      for (const c of this.clients) if (c.auth) keys.add(groupKey(c.auth.seat));
      return keys;
    }

    /** Control sees everyone; a team sees its own members; others see only their own group.
     * A group hears only of changes to its own list, so nobody can count others' comings and goings. */
    private sendPresence(to?: SeatClient) {
      const lists = new PresenceLists([...this.people.values()]);
      for (const c of this.clients) {
        if (!c.auth) continue;
        const { key, json } = lists.of(c.auth.seat);
        if (c !== to && this.lastPresence.get(key) === json) continue;
        c.send("presence", JSON.parse(json) as PresenceMessage);
      }
      for (const [key, json] of lists.made) this.lastPresence.set(key, json);
    }
  };
  filterFrames(roomClass, KNOWN_TYPES);
  return roomClass;
}

/** The message types the room handles; frames of every other type are rewritten before Colyseus reads them. */
const KNOWN_TYPES: ReadonlySet<string> = new Set(["command", "sync", "ping", "peek", "draft", "texts", UNKNOWN_TYPE]);

/** Whether a client's connection has closed or begun to close (its close frame read, even if the socket is still open). */
function gone(client: SeatClient): boolean {
  if (client.state === ClientState.LEAVING || client.state === ClientState.CLOSED) return true;
  const socket = client.ref as { readyState?: unknown } | undefined;
  return typeof socket?.readyState === "number" && socket.readyState !== 1; // 1: OPEN
}

/** Every joined client passed onAuth, so it has a seat. */
function authOf(client: SeatClient): Auth {
  if (!client.auth) throw new Error("client without a seat");
  return client.auth;
}
