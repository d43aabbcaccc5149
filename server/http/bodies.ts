// The bodies the HTTP API accepts (zod schemas written once; api.ts parses with them).
import { z } from "zod";
import { POLICY_NAMES } from "../../shared/bots/index.ts";
import { adjudicationOption } from "./review-option.ts";

/** Text stored as it came: a lone surrogate would be changed by the database and the seed with it. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/\p{Cs}/u.test(s), "contains a broken character (an unpaired surrogate); retype it");
export const createBody = z.strictObject({
  scenarioId: z.string().min(1, "name a scenario"),
  seed: plainText(100).optional(),
  title: plainText(120).optional(),
  /** bots by seat (a team id or "mediator") from the start: { "austral": "hawk" } */
  bots: z.record(z.string(), z.enum(POLICY_NAMES)).optional(),
  adjudication: adjudicationOption,
});
export const joinBody = z.strictObject({ code: z.string().min(1, "enter a join code").max(60) });
export const groupBody = z.strictObject({
  scenarioId: z.string().min(1, "name a scenario"),
  cells: z.number().int().min(2, "a course has at least 2 cells").max(12, "a course has at most 12 cells"),
  sameSeed: z.boolean().default(true),
  seed: plainText(100).optional(),
  title: plainText(120).optional(),
  /** bots by seat in every cell */
  bots: createBody.shape.bots,
  adjudication: adjudicationOption,
});
