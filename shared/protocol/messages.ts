// What the server sends to participants, besides the replies to commands.
// Each participant gets a snapshot of its view when it joins, then patches.
// The view itself is the engine's (`ParticipantView`): the protocol takes its
// type as a parameter, so that protocol never imports the engine (the engine
// imports protocol's commands).
import type { Participant, SeatInfo } from "./identity.ts";
import type { PatchOp } from "./patch.ts";

/** "snapshot": the whole view, on join, on reconnect, or when asked with the "sync" request. */
export interface SnapshotMessage<View> {
  seat: SeatInfo;
  serverTime: number;
  /** the view's version for this participant's group: the next patch starts from it */
  version: number;
  view: View;
}

/**
 * "patch": turns version `from` of the view into version `to`. Versions count
 * the changes this participant's group could see, from when its first member
 * joined; commands it could not see send nothing, so a version counts nothing else.
 */
export interface PatchMessage {
  from: number;
  to: number;
  serverTime: number;
  ops: PatchOp[];
}

/** "presence": who is in the exercise: control hears of everyone, every other participant of its own group. */
export interface PresenceMessage {
  participants: Participant[];
}

/** The reply to an accepted command. A refused one rejects the request with a CommandError as its reason. */
export interface CommandReply {
  ok: true;
  /** control only: the command's number in the exercise (to anyone else it would tell how much happened out of sight) */
  seq?: number;
}

/**
 * Why a command was refused. Besides the engine's rule codes, the server's own: "invalid", "rate-limited",
 * "storage" (the disk refused it: not applied), "busy" (the server is saturated: not applied, send it again), and
 * "engine" (a fault in the engine: not applied, the exercise's state was rebuilt from its commands).
 */
export interface CommandError {
  code: string;
  message: string;
  /** what clients word the refusal with, in their own language (the message is the server's English) */
  params?: Record<string, string | number>;
}

/** The server is saturated and refused the command at once, without applying it: the sender may simply retry. */
export const BUSY_REFUSAL: CommandError = { code: "busy", message: "The server is busy; try again in a moment." };
