// What control may set by hand (state.set, and the amendments of a reviewed
// adjudication), and whom it tells: zod schemas, written once for the command
// union (commands.ts) and the engine (shared/engine/control-set.ts).
import { z } from "zod";
import { sectorKind } from "../scenario/schema.ts";

const ref = z.string().min(1).max(80);
const shortText = z.string().trim().min(1, "must not be empty").max(200, "at most 200 characters");
/** trust, standing, pressure, a sector's health and escalation all run from 0 to 100 */
const value = z
  .number()
  .finite()
  .min(0, "at least 0 (the scale runs from 0 to 100)")
  .max(100, "at most 100 (the scale runs from 0 to 100)");

/** The engine never holds evidence surer than this (incidents.ts): nor does control. */
export const MAX_CONFIDENCE = 0.95;

/** One value control sets: which one, and its new value. */
export const stateChange = z.discriminatedUnion("what", [
  z.strictObject({ what: z.literal("trust"), a: ref, b: ref, value }),
  z.strictObject({ what: z.literal("standing"), team: ref, value }),
  z.strictObject({ what: z.literal("pressure"), team: ref, value }),
  z.strictObject({ what: z.literal("sector"), team: ref, sector: sectorKind, value }),
  z.strictObject({
    what: z.literal("evidence"),
    incident: ref,
    /** evidence confidence runs from 0 to 0.95, as the engine keeps it */
    confidence: z
      .number()
      .finite()
      .min(0, "at least 0 (confidence runs from 0 to 0.95)")
      .max(MAX_CONFIDENCE, "at most 0.95 (evidence is never certain)"),
    /** whom the evidence points at now (a team id, or null: no state); absent keeps the suspect */
    suspect: ref.nullable().optional(),
  }),
  z.strictObject({ what: z.literal("escalation"), value }),
]);
export type StateChange = z.infer<typeof stateChange>;
export type ValueKind = StateChange["what"];

/** Whom control tells of a change: everyone, control alone, or a list of teams. */
export const tell = z.union([z.literal("all"), z.literal("control"), z.array(ref).min(1).max(12)]);
export type Tell = z.infer<typeof tell>;

/** A change with its reason and whom to tell: a state.set, or one amendment of an approval. */
export const reasonedChange = { change: stateChange, reason: shortText, tell };

/** An order item struck from a reviewed adjudication: the team, the item's place from 1, and why. */
export const strike = z.strictObject({ team: ref, item: z.number().int().min(1).max(10), reason: shortText });
export type Strike = z.infer<typeof strike>;

export const ADJUDICATION_MODES = ["auto", "review"] as const;
export type AdjudicationMode = (typeof ADJUDICATION_MODES)[number];
