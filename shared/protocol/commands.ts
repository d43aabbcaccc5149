// Every command a participant (or the server's timer) can issue, as one zod
// discriminated union. Adding a command means adding it here, handling it in
// the engine, and testing it.
import { z } from "zod";
import { audience, channel, effect, injectIncident, sectorKind } from "../scenario/schema.ts";
import { POLICY_NAMES } from "../bots/policy.ts";
import { ADJUDICATION_MODES, reasonedChange, strike } from "./control-changes.ts";

export const MAX_TEXT = 2000;
const shortText = z.string().trim().min(1, "must not be empty").max(200, "at most 200 characters");
const longText = z.string().trim().min(1, "must not be empty").max(MAX_TEXT, `at most ${MAX_TEXT} characters`);
const ref = z.string().min(1).max(80);

export const HOTLINE_KINDS = ["confirm", "assess", "notify", "deconflict", "convene", "text"] as const;

export const orderItem = z.strictObject({
  actionId: ref,
  target: ref.nullish(),
  sector: sectorKind.nullish(),
  incidentId: ref.nullish(),
  note: z.string().max(300).optional(),
});
export type OrderItemInput = z.infer<typeof orderItem>;

export const command = z.discriminatedUnion("type", [
  // facilitator: flow
  z.strictObject({ type: z.literal("exercise.start") }),
  z.strictObject({ type: z.literal("exercise.pause"), reason: z.string().trim().max(200).optional() }),
  z.strictObject({ type: z.literal("exercise.resume") }),
  z.strictObject({ type: z.literal("exercise.end"), reason: z.string().max(300).optional() }),
  z.strictObject({
    type: z.literal("phase.advance"),
    /** guard against double advances: the phase the sender believes is current */
    from: z.strictObject({ turn: z.number().int(), phase: ref }).optional(),
  }),
  // facilitator: injects and control
  z.strictObject({ type: z.literal("inject.release"), injectId: ref }),
  z.strictObject({ type: z.literal("inject.hold"), injectId: ref }),
  z.strictObject({ type: z.literal("inject.skip"), injectId: ref }),
  /** a held inject goes back to pending: its schedule or trigger releases it again (rules 2.2) */
  z.strictObject({ type: z.literal("inject.unhold"), injectId: ref }),
  z.strictObject({
    type: z.literal("inject.create"),
    title: shortText,
    body: longText,
    channel: channel.default("news"),
    audience,
    /** what its release does, as a scenario inject's effects (rules 3.0) */
    effects: z.array(effect).max(20).optional(),
    /** the incident its release creates, as a scenario inject's (rules 3.0) */
    incident: injectIncident.optional(),
  }),
  z.strictObject({
    type: z.literal("escalation.adjust"),
    delta: z.number().int().min(-100).max(100),
    /** what the players read in the log */
    reason: shortText,
    /** control's private note: only control's view holds it (rules 2.2) */
    note: shortText.optional(),
  }),
  z.strictObject({ type: z.literal("observers.visibility"), seeAll: z.boolean() }),
  /** a bot with `policy` plays the seat (a team id or "mediator") from now on; null takes it out */
  z.strictObject({ type: z.literal("bot.seat"), seat: ref, policy: z.enum(POLICY_NAMES).nullable() }),
  /** the server plays control: starts, resumes and advances phases by itself (self-paced play) */
  z.strictObject({ type: z.literal("autopilot.set"), on: z.boolean() }),
  // control: whether a concluded agreement ends the exercise (rules 3.0)
  z.strictObject({ type: z.literal("agreement.ending"), ends: z.boolean() }),
  /** whether adjudication waits for control's review (rules 3.0) */
  z.strictObject({ type: z.literal("adjudication.mode"), mode: z.enum(ADJUDICATION_MODES) }),
  /** control approves the adjudication under review, with amendments: items struck, values set after it (rules 3.0) */
  z.strictObject({
    type: z.literal("adjudication.approve"),
    strike: z.array(strike).max(60).default([]),
    set: z.array(z.strictObject(reasonedChange)).max(20).default([]),
  }),
  /** control sets a value with a reason, and says whom to tell (rules 3.0) */
  z.strictObject({ type: z.literal("state.set"), ...reasonedChange }),
  // teams
  z.strictObject({ type: z.literal("team.chat"), text: longText }),
  z.strictObject({
    type: z.literal("hotline.send"),
    to: ref,
    kind: z.enum(HOTLINE_KINDS).default("text"),
    text: longText,
    replyTo: ref.optional(),
    incidentId: ref.optional(),
  }),
  z.strictObject({ type: z.literal("orders.submit"), actions: z.array(orderItem).max(10) }),
  z.strictObject({ type: z.literal("orders.withdraw") }),
  z.strictObject({
    type: z.literal("proposal.create"),
    kind: z.enum(["cbm", "statement"]),
    cbmId: ref.optional(),
    text: z.string().trim().max(MAX_TEXT).default(""),
    parties: z.array(ref).min(2).max(6).optional(),
  }),
  z.strictObject({ type: z.literal("proposal.respond"), proposalId: ref, accept: z.boolean() }),
  z.strictObject({ type: z.literal("proposal.withdraw"), proposalId: ref }),
  /** a public call on another state (`target`, a team id) for restraint: deliberation, once a turn */
  z.strictObject({ type: z.literal("restraint.call"), target: ref }),
  // mediator
  z.strictObject({
    type: z.literal("hotline.relay"),
    messageId: ref,
    to: ref,
    text: z.string().trim().max(MAX_TEXT).optional(),
  }),
  z.strictObject({ type: z.literal("mediator.verify"), incidentId: ref }),
  z.strictObject({ type: z.literal("mediator.convene"), parties: z.array(ref).min(2).max(6), text: shortText }),
  // observer and facilitator
  z.strictObject({ type: z.literal("note.add"), text: longText, objectiveId: ref.optional() }),
]);
export type Command = z.infer<typeof command>;
export type CommandType = Command["type"];
export type CommandInput = z.input<typeof command>;
