// The creation option `adjudication: "auto" | "review"` (POST /api/exercises
// and /api/groups): a review asked for at creation is recorded as control's
// first adjudication.mode command, so the recording replays it.
import { z } from "zod";
import { ADJUDICATION_MODES, type AdjudicationMode } from "../../shared/protocol/control-changes.ts";
import { HttpError } from "../../shared/protocol/http.ts";
import type { Actor } from "../../shared/protocol/identity.ts";
import type { LiveExercise } from "../live-exercise.ts";
import { applySetup, type BotSetup } from "../bots/seats.ts";

/** The option's schema: "review", each turn's adjudication waits for control's approval (rules 3.0); "auto" (the default). */
export const adjudicationOption = z.enum(ADJUDICATION_MODES).optional();

/** Whoever creates an exercise acts as its control (as the set-up of bots does). */
const CREATOR: Actor = { role: "facilitator", name: "Control" };

/** Refuses review for self-paced play, whose control is the server: its adjudication stays automatic. */
export function checkAdjudication(mode: AdjudicationMode | undefined, selfPaced: boolean): void {
  if (mode === "review" && selfPaced)
    throw new HttpError(400, "invalid-request", "adjudication: self-paced play keeps adjudication automatic");
}

/** Records control's choice of review in a new exercise; "auto" is every exercise's start and records nothing. */
export async function applyAdjudication(ex: LiveExercise, mode: AdjudicationMode | undefined): Promise<void> {
  if (mode !== "review") return;
  const r = await ex.submit(CREATOR, { type: "adjudication.mode", mode }, Date.now());
  if (!r.ok)
    throw new HttpError(
      500,
      "setup-failed",
      `The exercise was created, but adjudication.mode was refused: ${r.error.message}`,
    );
}

/** A new exercise's set-up, as control's first commands: its bots, then whether adjudication waits for review. */
export async function setUp(ex: LiveExercise, bots: BotSetup, mode: AdjudicationMode | undefined): Promise<void> {
  await applySetup(ex, bots);
  await applyAdjudication(ex, mode);
}
