// Who someone is, in one family of types, and the only converters between them:
// - a Seat is what a join code opens (the server decides it, never a payload);
// - a Viewer is the seat someone looks from (the engine's view is drawn for it);
// - an Actor is a seat with a person's name, as commands are recorded (a bot's
//   actor also names its policy, for control and the recording only);
// - SeatInfo and Participant carry a seat on the wire, flat (role and teamId).
import { z } from "zod";
import type { Scenario } from "../scenario/schema.ts";
import { POLICY_NAMES, type PolicyName } from "../bots/policy.ts";

/** The roles a join code can open ("public": the projector display, which sees only what is public). */
export type SeatRole = "facilitator" | "team" | "mediator" | "observer" | "public";

/** A seat as a payload may name it (control's "peek" request): unknown keys are dropped. */
export const seat = z.discriminatedUnion("role", [
  z.object({ role: z.literal("facilitator") }),
  z.object({ role: z.literal("mediator") }),
  z.object({ role: z.literal("observer") }),
  z.object({ role: z.literal("public") }),
  z.object({ role: z.literal("team"), teamId: z.string() }),
]);

/** The seat a join code opens: it decides what its holder may see and do. */
export type Seat = z.infer<typeof seat>;

/** Who is looking: the seat a view is drawn for, live or in the replay. */
export type Viewer = Seat;

const personName = z.string().max(60);
/** The policy of a bot playing the seat; absent for a person (and in every recording made before bots). */
const botPolicy = z.enum(POLICY_NAMES).optional();

/** Who issued a command: a seat and a person's name (or a bot's, with its policy), or the server itself (timers). */
export const actor = z.discriminatedUnion("role", [
  z.strictObject({ role: z.literal("facilitator"), name: personName.default("Control") }),
  z.strictObject({ role: z.literal("team"), teamId: z.string(), name: personName, bot: botPolicy }),
  z.strictObject({ role: z.literal("mediator"), name: personName, bot: botPolicy }),
  z.strictObject({ role: z.literal("observer"), name: personName }),
  z.strictObject({ role: z.literal("system"), name: personName.default("Server") }),
]);
export type Actor = z.infer<typeof actor>;
export type Role = Actor["role"];

/** A seat on the wire: flat, with a null teamId for every role but a team. */
export interface FlatSeat {
  role: SeatRole;
  teamId: string | null;
}

/** Who this connection is, as the server decided from the join code (sent in every snapshot). */
export interface SeatInfo extends FlatSeat {
  exerciseId: string;
  /** the team's or role's display name */
  seatName: string;
  name: string;
  sessionId: string;
}

/** Someone in the exercise, as the presence list names them. */
export interface Participant extends FlatSeat {
  sessionId: string;
  name: string;
  connected: boolean;
}

/** The viewer a seat looks as: only role and teamId, whatever else the object carries. */
export function viewerOf(s: Seat): Viewer {
  return s.role === "team" ? { role: "team", teamId: s.teamId } : { role: s.role };
}

/** A seat that may issue commands: every seat but the public display, which only looks. */
export type CommandSeat = Exclude<Seat, { role: "public" }>;

/** The actor a person in a seat issues commands as. */
export function actorOf(s: CommandSeat, name: string): Actor {
  return s.role === "team" ? { role: "team", teamId: s.teamId, name } : { role: s.role, name };
}

/** The seats a bot can play: a team's or the mediator's. */
export type BotSeat = Extract<Seat, { role: "team" | "mediator" }>;

/**
 * The actor a bot in a seat issues commands as: named as a person who gave no name is
 * ("Team member", "Mediator"), so what others read of it is what they would read of a person;
 * only `bot` (read by control and the recording, never copied into what others see) says otherwise.
 */
export function botActorOf(s: BotSeat, policy: PolicyName): Actor {
  const name = defaultName(s);
  return s.role === "team"
    ? { role: "team", teamId: s.teamId, name, bot: policy }
    : { role: "mediator", name, bot: policy };
}

/** The seat key a bot seat is stored under in the game state: its team id, or "mediator". */
export function botSeatKey(s: BotSeat): string {
  return s.role === "team" ? s.teamId : "mediator";
}

/** A seat in its flat wire form (SeatInfo, Participant, join answers). */
export function flatSeat(s: Seat): FlatSeat {
  return { role: s.role, teamId: s.role === "team" ? s.teamId : null };
}

/** The seat a flat wire form names (a participant, a SeatInfo). */
export function seatOf(f: FlatSeat): Seat {
  if (f.role !== "team") return { role: f.role };
  if (f.teamId === null) throw new Error("a team seat without a teamId");
  return { role: "team", teamId: f.teamId };
}

/** The party a seat (or an actor) speaks for on the hotline and in agreements: its team, the mediator, or none. */
export function partyOf(who: Seat | FlatSeat | Actor): string | null {
  return who.role === "team" ? who.teamId : who.role === "mediator" ? "mediator" : null;
}

/** The group a seat shares its view with: control, one team, the mediator, the observers, or the public display. */
export function groupKey(s: Seat): string {
  return s.role === "team" ? `team:${s.teamId}` : s.role;
}

/** The seat a group key names (groupKey's inverse: "team:austral", "mediator"…); null if it names none. */
export function seatOfKey(key: string): Seat | null {
  if (key.startsWith("team:") && key.length > 5) return { role: "team", teamId: key.slice(5) };
  if (key === "facilitator" || key === "mediator" || key === "observer" || key === "public") return { role: key };
  return null;
}

/** The display name a person gets in a seat when they give none. */
export function defaultName(s: Seat): string {
  return { facilitator: "Control", observer: "Observer", mediator: "Mediator", team: "Team member", public: "Display" }[
    s.role
  ];
}

/** The seat's display name (the team's or the role's), shown to whoever holds it. */
export function seatName(sc: Pick<Scenario, "teams" | "mediator">, s: Seat): string {
  if (s.role === "team") return sc.teams.find((t) => t.id === s.teamId)?.name ?? s.teamId;
  if (s.role === "mediator") return sc.mediator?.name ?? "Mediator";
  return s.role === "facilitator" ? "Control" : s.role === "public" ? "Public display" : "Observer";
}
