// The Colyseus room of one exercise, kept thin: it authenticates a join code,
// hands commands to the exercise (validate → apply → record), and publishes
// each participant's view. No game rule lives here.
import { Room, ServerError, type Client, type MessageContext } from "@colyseus/core";
import { z } from "zod";
import { view } from "../../shared/engine/index.ts";
import type { Actor } from "../../shared/protocol/actor.ts";
import type { CommandError, CommandReply, Participant, PresenceMessage, SeatInfo, SnapshotMessage } from "../../shared/protocol/messages.ts";
import type { Seat } from "../codes.ts";
import type { Hub } from "../hub.ts";
import type { LiveExercise } from "../live-exercise.ts";
import { PhaseTimer } from "../phase-timer.ts";
import { Publisher, groupKey } from "./publisher.ts";
import { RateLimiter } from "./rate-limit.ts";

export interface RoomSettings {
  reconnectGraceSeconds: number;
}

interface Auth {
  seat: Seat;
  name: string;
}
type SeatClient = Client<{ auth: Auth }>;

export const MAX_NAME = 40;

const viewerSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("facilitator") }),
  z.object({ role: z.literal("mediator") }),
  z.object({ role: z.literal("observer") }),
  z.object({ role: z.literal("team"), teamId: z.string() }),
]);

/** Builds the room class for a hub, so rooms find their exercises without globals. */
export function exerciseRoom(hub: Hub, settings: RoomSettings) {
  return class ExerciseRoom extends Room<{ client: SeatClient }> {
    override maxClients = 250;
    exercise!: LiveExercise;
    private readonly publisher = new Publisher();
    private readonly limiter = new RateLimiter();
    /** everyone with a seat, including those who dropped and may still come back */
    private readonly people = new Map<string, Participant>();
    private timer!: PhaseTimer;
    private unsubscribe: () => void = () => {};

    override onCreate(options: { exerciseId: string }) {
      const exercise = hub.get(options.exerciseId);
      if (!exercise) throw new Error(`no exercise ${options.exerciseId}`);
      this.roomId = exercise.id;
      this.autoDispose = false;
      this.exercise = exercise;
      this.timer = new PhaseTimer(exercise);
      this.unsubscribe = exercise.subscribe((state) => {
        this.publisher.publish(state, this.recipients(), Date.now());
        this.timer.rearm();
      });
      this.timer.rearm();
      this.onMessage("command", (client: SeatClient, payload: unknown, ctx: MessageContext) => this.command(client, payload, ctx));
      this.onMessage("sync", (client: SeatClient) => this.snapshot(client));
      this.onMessage("ping", () => ({ serverTime: Date.now() }));
      this.onMessage("peek", (client: SeatClient, payload: unknown, ctx: MessageContext) => this.peek(client, payload, ctx));
      // a message of an unknown type is answered, not punished with a disconnection
      this.onMessage("*", (client: SeatClient, type: string | number) => {
        const error: CommandError = { code: "unknown-message", message: `Unknown message type "${String(type)}": send commands as room.request("command", { type, ... })` };
        client.send("error", error);
      });
    }

    override onAuth(_client: SeatClient, options: { code?: unknown; name?: unknown }): Auth {
      const code = typeof options?.code === "string" ? options.code : "";
      if (!code) throw new ServerError(401, "A join code is needed to enter this exercise");
      const seat = hub.seatIn(this.exercise, code);
      if (!seat) throw new ServerError(403, "That join code does not open a seat in this exercise");
      const raw = typeof options.name === "string" ? options.name.trim().replace(/\p{Cs}/gu, "\uFFFD") : "";
      if (raw.length > MAX_NAME) throw new ServerError(400, `A display name has at most ${MAX_NAME} characters`);
      return { seat, name: raw || defaultName(seat) };
    }

    override onJoin(client: SeatClient) {
      const { seat, name } = authOf(client);
      this.people.set(client.sessionId, { sessionId: client.sessionId, name, role: seat.role, teamId: seat.role === "team" ? seat.teamId : null, connected: true });
      client.send("snapshot", this.snapshot(client));
      this.sendPresence();
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
      client.send("snapshot", this.snapshot(client));
      this.setConnected(client.sessionId, true);
    }

    override onLeave(client: SeatClient) {
      this.limiter.forget(client.sessionId);
      this.people.delete(client.sessionId);
      this.sendPresence();
    }

    private setConnected(sessionId: string, connected: boolean) {
      const p = this.people.get(sessionId);
      if (p) this.people.set(sessionId, { ...p, connected });
      this.sendPresence();
    }

    override onDispose() {
      this.unsubscribe();
      this.timer.stop();
    }

    private command(client: SeatClient, payload: unknown, ctx: MessageContext) {
      if (!this.limiter.take(client.sessionId, Date.now())) {
        const error: CommandError = {
          code: "rate-limited",
          message: `Too many commands: wait a moment (at most ${this.limiter.perSecond} per second, bursts of ${this.limiter.capacity})`,
        };
        return ctx.reject(error);
      }
      const r = this.exercise.submit(actorOf(authOf(client)), payload, Date.now());
      if (!r.ok) return ctx.reject(r.error);
      const reply: CommandReply = { ok: true, seq: r.seq };
      return reply;
    }

    /** Control looks at the exercise through any participant's eyes. */
    private peek(client: SeatClient, payload: unknown, ctx: MessageContext) {
      if (authOf(client).seat.role !== "facilitator") return ctx.reject({ code: "forbidden", message: "Only the facilitator can view the exercise as another participant" });
      const viewer = viewerSchema.safeParse(payload);
      if (!viewer.success) return ctx.reject({ code: "invalid", message: "Name a viewer: { role, teamId? }" });
      const v = viewer.data;
      if (v.role === "team" && !this.exercise.state.teams[v.teamId]) return ctx.reject({ code: "not-found", message: `There is no team “${v.teamId}”` });
      return view(this.exercise.state, v);
    }

    private snapshot(client: SeatClient): SnapshotMessage {
      const { seat, name } = authOf(client);
      const state = this.exercise.state;
      const info: SeatInfo = {
        exerciseId: this.exercise.id,
        role: seat.role,
        teamId: seat.role === "team" ? seat.teamId : null,
        seatName: seatName(this.exercise, seat),
        name,
        sessionId: client.sessionId,
      };
      const sent = this.publisher.current(state, seat);
      return { seat: info, serverTime: Date.now(), version: sent.version, view: sent.view };
    }

    private *recipients() {
      for (const c of this.clients) if (c.auth) yield { seat: c.auth.seat, send: (type: "patch", m: unknown) => c.send(type, m) };
    }

    /** Control sees everyone; a team sees its own members; others see only their own group. */
    private sendPresence() {
      const everyone = [...this.people.values()];
      for (const c of this.clients) {
        if (!c.auth) continue;
        const key = groupKey(c.auth.seat);
        const participants = c.auth.seat.role === "facilitator" ? everyone : everyone.filter((p) => groupKey(seatOf(p)) === key);
        const message: PresenceMessage = { participants };
        c.send("presence", message);
      }
    }
  };
}

function seatOf(p: Participant): Seat {
  return p.role === "team" ? { role: "team", teamId: p.teamId! } : { role: p.role };
}

/** Every joined client passed onAuth, so it has a seat. */
function authOf(client: SeatClient): Auth {
  if (!client.auth) throw new Error("client without a seat");
  return client.auth;
}

function actorOf(auth: Auth): Actor {
  const { seat, name } = auth;
  return seat.role === "team" ? { role: "team", teamId: seat.teamId, name } : { role: seat.role, name };
}

function defaultName(seat: Seat): string {
  return { facilitator: "Control", observer: "Observer", mediator: "Mediator", team: "Team member" }[seat.role];
}

export function seatName(ex: LiveExercise, seat: Seat): string {
  if (seat.role === "team") return ex.scenario.teams.find((t) => t.id === seat.teamId)?.name ?? seat.teamId;
  if (seat.role === "mediator") return ex.scenario.mediator?.name ?? "Mediator";
  return seat.role === "facilitator" ? "Control" : "Observer";
}
